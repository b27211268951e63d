import { z } from 'zod/mini';
import './zod-messages';
import { questionIdSchema, referenceSchema, serviceTypeSchema } from './bank-schema';
import type { Random } from './random';

/**
 * The live team-session protocol, shared by the server and the browser. Every message either way
 * is one member of a discriminated union keyed on `type`, and is parsed with these schemas on
 * arrival, so neither side trusts the other's bytes.
 *
 * Sessions are created over HTTP (`POST /api/sessions`, which may carry a whole custom bank, far
 * over the WebSocket message cap); everything after that goes over the WebSocket at `/live`.
 *
 * Until a question is revealed, nothing sent to a participant or the host carries its right answer,
 * its explanation or its why-nots: `question` has only the id and the prompt.
 */

/** Letters and digits without look-alikes: no 0/O, no 1/I/L. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
export const NAME_MAX_LENGTH = 24;
/** Incoming WebSocket messages larger than this are refused (ws `maxPayload`). */
export const MAX_CLIENT_MESSAGE_BYTES = 4096;
/** How many rows the leaderboard shows. */
export const LEADERBOARD_SIZE = 10;
/**
 * Close codes the server uses. After `left`, `removed` or `expired` a client must not reconnect;
 * after any other close it reconnects with backoff (and `rejoin`s with its token).
 */
export const CLOSE_CODES = {
  /** The participant sent `leave`. */
  left: 4000,
  /** The host removed the participant. */
  removed: 4001,
  /** The session expired after being idle (an `error` with code `session-ended` comes first). */
  expired: 4002,
  /** Policy violation: the connection sent too many messages (flooding). */
  policy: 1008,
  /** A message over MAX_CLIENT_MESSAGE_BYTES (ws closes with this code itself). */
  tooLarge: 1009,
  /** The server is shutting down. */
  goingAway: 1001,
  /**
   * Try again later: the server cannot serve this connection now (its session store is out of
   * reach, or it lost track of a request). The client reconnects with backoff and says who it is
   * again.
   */
  tryAgain: 1013,
} as const;
export const LIVE_PATH = '/live';
export const SESSIONS_PATH = '/api/sessions';

export const joinCodeSchema = z
  .string()
  .check(
    z.regex(
      new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`),
      `a join code is ${JOIN_CODE_LENGTH} letters and digits`,
    ),
  )
  .brand<'JoinCode'>();
export const participantIdSchema = z
  .string()
  .check(z.regex(/^p[0-9a-z]{1,12}$/))
  .brand<'ParticipantId'>();
/** Secrets kept in the browser; only their owner ever receives them. */
export const hostTokenSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{22,64}$/))
  .brand<'HostToken'>();
export const participantTokenSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{22,64}$/))
  .brand<'ParticipantToken'>();

export type JoinCode = z.infer<typeof joinCodeSchema>;
export type ParticipantId = z.infer<typeof participantIdSchema>;
export type HostToken = z.infer<typeof hostTokenSchema>;
export type ParticipantToken = z.infer<typeof participantTokenSchema>;

/** A new join code from a random source (the server passes a cryptographic one). */
export function newJoinCode(random: Random): JoinCode {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++)
    code += JOIN_CODE_ALPHABET[Math.floor(random() * JOIN_CODE_ALPHABET.length)];
  return code as JoinCode;
}

/** What a person typed as a code, made comparable: upper case, spaces and hyphens dropped. */
export function normalizeJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

/** A display name: trimmed, inner runs of white space made one space, 1–24 characters. */
export const nameSchema = z
  .pipe(
    z.string(),
    z.transform((name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ')),
  )
  .check(
    z.refine((name) => name.length > 0, 'enter a name'),
    z.refine(
      (name) => [...name].length <= NAME_MAX_LENGTH,
      `a name is at most ${NAME_MAX_LENGTH} characters`,
    ),
    z.refine(
      // eslint-disable-next-line no-control-regex
      (name) => !/[\u0000-\u001f\u007f]/.test(name),
      'a name cannot hold control characters',
    ),
  );

/** Names are unique per session regardless of case: "Ana" and "ana" would confuse the room. */
export const nameKey = (name: string) => name.toLocaleLowerCase('en');

// ---------------------------------------------------------------------------------------------
// Creating a session (HTTP)

export const sessionSettingsSchema = z.strictObject({
  /** null: untimed, the host reveals. */
  secondsPerQuestion: z.nullable(z.int().check(z.gte(5), z.lte(600))),
  /** 'speed' adds a bonus for answering early to the points for a right answer. */
  scoring: z.enum(['accuracy', 'speed']),
  /** Whether people may join after the first question has started. */
  lateJoin: z.boolean(),
});
export type SessionSettings = z.infer<typeof sessionSettingsSchema>;

export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  secondsPerQuestion: 30,
  scoring: 'accuracy',
  lateJoin: true,
};

export const MAX_SESSION_QUESTIONS = 100;

export const questionSelectionSchema = z.discriminatedUnion('kind', [
  /** `count` questions picked and ordered from `seed`, balanced by answer type (as the quiz does). */
  z.strictObject({
    kind: z.literal('seed'),
    count: z.int().check(z.gte(1), z.lte(MAX_SESSION_QUESTIONS)),
    seed: z.string().check(z.minLength(1), z.maxLength(64)),
  }),
  /** Exactly these questions, in this order. */
  z.strictObject({
    kind: z.literal('ids'),
    ids: z.array(questionIdSchema).check(z.minLength(1), z.maxLength(MAX_SESSION_QUESTIONS)),
  }),
]);
export type QuestionSelection = z.infer<typeof questionSelectionSchema>;

export const createSessionRequestSchema = z.strictObject({
  /** The bundled bank, or a custom bank checked on the server with the same loader as the app. */
  bank: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('builtin') }),
    z.strictObject({ kind: z.literal('custom'), data: z.unknown() }),
  ]),
  selection: questionSelectionSchema,
  settings: sessionSettingsSchema,
});
export type CreateSessionRequest = z.infer<typeof createSessionRequestSchema>;

export const createSessionResponseSchema = z.strictObject({
  code: joinCodeSchema,
  hostToken: hostTokenSchema,
});
export type CreateSessionResponse = z.infer<typeof createSessionResponseSchema>;

/** The body of any refused HTTP request: what is wrong and, for a bank, every problem. */
export const httpErrorSchema = z.strictObject({
  error: z.string(),
  message: z.string(),
  problems: z.optional(z.array(z.strictObject({ where: z.string(), message: z.string() }))),
});
export type HttpError = z.infer<typeof httpErrorSchema>;

// ---------------------------------------------------------------------------------------------
// Client → server (WebSocket)

const clientPayloads = {
  /** The host (re)takes control of a session. */
  'host-hello': { code: joinCodeSchema, hostToken: hostTokenSchema },
  /** A new participant. */
  join: { code: joinCodeSchema, name: nameSchema },
  /** A participant coming back (refresh, network drop, phone asleep): same person, same score. */
  rejoin: { code: joinCodeSchema, token: participantTokenSchema },
  /** A participant's answer to question `index` (0-based). The server stamps the time. */
  answer: {
    index: z.int().check(z.gte(0), z.lte(MAX_SESSION_QUESTIONS)),
    choice: serviceTypeSchema,
  },
  /** A participant leaves for good; their name becomes free. */
  leave: {},
  /** Host: open the first question (from the lobby). */
  start: {},
  /** Host: close the open question now and show the reveal (untimed sessions, or early). */
  reveal: {},
  /** Host: open the next question (from a reveal). */
  next: {},
  /** Host: end the session and show the final results. */
  end: {},
  /** Host: remove a participant; they cannot rejoin. */
  remove: { participantId: participantIdSchema },
} satisfies Record<string, z.core.$ZodShape>;

type ClientPayloads = typeof clientPayloads;
export type ClientMessageType = keyof ClientPayloads;
/**
 * A payload's fields. An empty shape is `unknown` rather than zod's `Record<string, never>`, which
 * would make `{ type: 'start' }` impossible to write.
 */
type PayloadOf<Shape extends z.core.$ZodShape> = keyof Shape extends never
  ? unknown
  : z.output<z.ZodMiniObject<Shape>>;
/** Each message type tied to its payload by a mapped type. */
export type ClientMessageOf<T extends ClientMessageType> = {
  type: T;
} & PayloadOf<ClientPayloads[T]>;
export type ClientMessage = { [T in ClientMessageType]: ClientMessageOf<T> }[ClientMessageType];

export const HOST_ONLY: ReadonlySet<ClientMessageType> = new Set([
  'start',
  'reveal',
  'next',
  'end',
  'remove',
]);

export const clientMessageSchema = z.discriminatedUnion(
  'type',
  Object.entries(clientPayloads).map(([type, shape]) =>
    z.strictObject({ type: z.literal(type), ...shape }),
  ) as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]],
) as unknown as z.ZodMiniType<ClientMessage>;

// ---------------------------------------------------------------------------------------------
// Server → client (WebSocket)

export const ERROR_CODES = [
  /** Not JSON, not an object, an unknown type, or a field of the wrong shape. */
  'malformed',
  'too-large',
  'rate-limited',
  'unknown-session',
  'session-full',
  'late-join-closed',
  'name-taken',
  'removed',
  'bad-token',
  /** A host-only message from a participant, or a participant message before joining. */
  'not-allowed',
  /** An answer for a question that is not open (before it opens, or another index). */
  'not-open',
  'too-late',
  'session-ended',
  /** The server cannot reach its session store; try again shortly. */
  'unavailable',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const typeCountsSchema = z.strictObject({
  ClusterIP: z.int().check(z.nonnegative()),
  NodePort: z.int().check(z.nonnegative()),
  LoadBalancer: z.int().check(z.nonnegative()),
  ExternalName: z.int().check(z.nonnegative()),
});

/** A question as it is asked: no answer, no explanation. */
export const openQuestionSchema = z.strictObject({
  index: z.int().check(z.nonnegative()),
  total: z.int().check(z.positive()),
  questionId: questionIdSchema,
  prompt: z.string(),
  /** null when untimed. */
  durationMs: z.nullable(z.int().check(z.positive())),
  /** Time left when the server sent this; the client counts down from its own receipt time. */
  remainingMs: z.nullable(z.int().check(z.nonnegative())),
});
export type OpenQuestion = z.infer<typeof openQuestionSchema>;

export const leaderRowSchema = z.strictObject({
  rank: z.int().check(z.positive()),
  participantId: participantIdSchema,
  name: z.string(),
  points: z.int().check(z.nonnegative()),
  correct: z.int().check(z.nonnegative()),
  /** Questions asked so far while this person was in the session. */
  asked: z.int().check(z.nonnegative()),
});
export type LeaderRow = z.infer<typeof leaderRowSchema>;

/** The reveal everyone sees (serialized once for the whole room). */
export const revealSchema = z.strictObject({
  index: z.int().check(z.nonnegative()),
  total: z.int().check(z.positive()),
  questionId: questionIdSchema,
  prompt: z.string(),
  answer: serviceTypeSchema,
  explanation: z.nullable(z.string()),
  whyNot: z.partialRecord(serviceTypeSchema, z.string()),
  references: z.array(referenceSchema),
  distribution: typeCountsSchema,
  /** Participants in the session who gave no answer. */
  noAnswer: z.int().check(z.nonnegative()),
  leaderboard: z.array(leaderRowSchema).check(z.maxLength(LEADERBOARD_SIZE)),
  isLast: z.boolean(),
});
export type Reveal = z.infer<typeof revealSchema>;

/** One participant's own result for a revealed question (sent to that participant only). */
export const yourResultSchema = z.strictObject({
  index: z.int().check(z.nonnegative()),
  choice: z.nullable(serviceTypeSchema),
  correct: z.boolean(),
  points: z.int().check(z.nonnegative()),
  /** Time from the question opening to the answer, as the server measured it. */
  timeMs: z.nullable(z.int().check(z.nonnegative())),
  totalPoints: z.int().check(z.nonnegative()),
  rank: z.int().check(z.positive()),
  of: z.int().check(z.positive()),
});
export type YourResult = z.infer<typeof yourResultSchema>;

export const questionStatSchema = z.strictObject({
  index: z.int().check(z.nonnegative()),
  questionId: questionIdSchema,
  prompt: z.string(),
  answer: serviceTypeSchema,
  distribution: typeCountsSchema,
  noAnswer: z.int().check(z.nonnegative()),
  /** Share of answers that were right, 0–1 (0 when nobody answered). */
  correctRate: z.number().check(z.gte(0), z.lte(1)),
  /** How evenly the room split across the four types, 0 (all agreed) to 1 (an even split). */
  split: z.number().check(z.gte(0), z.lte(1)),
  /** The wrong type picked most often, if anyone was wrong. */
  topConfusion: z.nullable(z.strictObject({ picked: serviceTypeSchema, count: z.int() })),
});
export type QuestionStat = z.infer<typeof questionStatSchema>;

export const finalResultsSchema = z.strictObject({
  podium: z.array(leaderRowSchema).check(z.maxLength(3)),
  leaderboard: z.array(leaderRowSchema).check(z.maxLength(LEADERBOARD_SIZE)),
  questions: z.array(questionStatSchema),
  /** The confusion seen most across the session: the right type, the type picked, how often. */
  mostCommonConfusion: z.nullable(
    z.strictObject({ answer: serviceTypeSchema, picked: serviceTypeSchema, count: z.int() }),
  ),
});
export type FinalResults = z.infer<typeof finalResultsSchema>;

export const yourFinalSchema = z.strictObject({
  rank: z.int().check(z.positive()),
  of: z.int().check(z.positive()),
  points: z.int().check(z.nonnegative()),
  correct: z.int().check(z.nonnegative()),
  asked: z.int().check(z.nonnegative()),
});
export type YourFinal = z.infer<typeof yourFinalSchema>;

/** One row of the host's export: one participant, one question. */
export const exportRowSchema = z.strictObject({
  name: z.string(),
  questionId: questionIdSchema,
  answer: z.nullable(serviceTypeSchema),
  correct: z.boolean(),
  timeMs: z.nullable(z.int().check(z.nonnegative())),
  points: z.int().check(z.nonnegative()),
});
export type ExportRow = z.infer<typeof exportRowSchema>;

export const participantSummarySchema = z.strictObject({
  id: participantIdSchema,
  name: z.string(),
  connected: z.boolean(),
  points: z.int().check(z.nonnegative()),
  correct: z.int().check(z.nonnegative()),
});
export type ParticipantSummary = z.infer<typeof participantSummarySchema>;

const sessionInfo = {
  code: joinCodeSchema,
  title: z.string(),
  total: z.int().check(z.positive()),
  settings: sessionSettingsSchema,
};

/** Everything the host screen shows, sent whole on (re)connect and on changes (coalesced). */
export const hostViewSchema = z.strictObject({
  ...sessionInfo,
  participants: z.array(participantSummarySchema),
  state: z.discriminatedUnion('phase', [
    z.strictObject({ phase: z.literal('lobby') }),
    z.strictObject({
      phase: z.literal('question'),
      question: openQuestionSchema,
      answered: z.int().check(z.nonnegative()),
    }),
    z.strictObject({ phase: z.literal('reveal'), reveal: revealSchema }),
    z.strictObject({
      phase: z.literal('ended'),
      final: finalResultsSchema,
      rows: z.array(exportRowSchema),
    }),
  ]),
});
export type HostView = z.infer<typeof hostViewSchema>;

/** What a participant sees on (re)joining. */
export const playerViewSchema = z.strictObject({
  ...sessionInfo,
  state: z.discriminatedUnion('phase', [
    z.strictObject({ phase: z.literal('lobby') }),
    z.strictObject({
      phase: z.literal('question'),
      question: openQuestionSchema,
      /** The answer this participant already gave, kept across a reconnect. */
      yourAnswer: z.nullable(serviceTypeSchema),
      totalPoints: z.int().check(z.nonnegative()),
    }),
    z.strictObject({
      phase: z.literal('reveal'),
      reveal: revealSchema,
      result: yourResultSchema,
    }),
    z.strictObject({
      phase: z.literal('ended'),
      final: finalResultsSchema,
      result: yourFinalSchema,
    }),
  ]),
});
export type PlayerView = z.infer<typeof playerViewSchema>;

const serverPayloads = {
  error: {
    code: errorCodeSchema,
    message: z.string(),
    /** The type of the message that was refused, when it could be read. */
    ref: z.optional(z.string()),
  },
  /** To the host: the whole session, on host-hello and whenever it changes (coalesced). */
  'host-view': { view: hostViewSchema },
  /** To the host only, a few times a second at most: how many have answered the open question. */
  progress: {
    index: z.int().check(z.nonnegative()),
    answered: z.int().check(z.nonnegative()),
    participants: z.int().check(z.nonnegative()),
  },
  /** To a participant who joined or rejoined: who they are (the token only to its owner). */
  welcome: {
    participantId: participantIdSchema,
    token: participantTokenSchema,
    name: z.string(),
    view: playerViewSchema,
  },
  /** To every participant: a question opened. */
  question: { question: openQuestionSchema },
  /** To one participant: their answer is stored ("answer received"). */
  ack: { index: z.int().check(z.nonnegative()), choice: serviceTypeSchema },
  /** To every participant: the question closed; the right answer and the room's split. */
  reveal: { reveal: revealSchema },
  /** To one participant, right after `reveal`: their own result and rank. */
  'your-result': { result: yourResultSchema },
  /** To every participant: the session is over. */
  ended: { final: finalResultsSchema },
  /** To one participant, right after `ended`. */
  'your-final': { result: yourFinalSchema },
  /** To a participant the host removed; the connection closes after it. */
  removed: { message: z.string() },
} satisfies Record<string, z.core.$ZodShape>;

type ServerPayloads = typeof serverPayloads;
export type ServerMessageType = keyof ServerPayloads;
export type ServerMessageOf<T extends ServerMessageType> = {
  type: T;
} & PayloadOf<ServerPayloads[T]>;
export type ServerMessage = { [T in ServerMessageType]: ServerMessageOf<T> }[ServerMessageType];

export const serverMessageSchema = z.discriminatedUnion(
  'type',
  Object.entries(serverPayloads).map(([type, shape]) =>
    z.strictObject({ type: z.literal(type), ...shape }),
  ) as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]],
) as unknown as z.ZodMiniType<ServerMessage>;

// ---------------------------------------------------------------------------------------------
// Parsing on arrival

export type Parsed<T> = { ok: true; message: T } | { ok: false; error: string; ref?: string };

function parseWith<T>(schema: z.ZodMiniType<T>, raw: string): Parsed<T> {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const ref =
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { type?: unknown }).type === 'string'
      ? (data as { type: string }).type
      : undefined;
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, message: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return {
    ok: false,
    error: `${where}${issue?.message ?? 'invalid message'}`,
    ...(ref === undefined ? {} : { ref }),
  };
}

/** Parses a message from a client. Never throws. */
export const parseClientMessage = (raw: string) => parseWith(clientMessageSchema, raw);
/** Parses a message from the server. Never throws. */
export const parseServerMessage = (raw: string) => parseWith(serverMessageSchema, raw);
