import { z } from 'zod/mini';
import './zod-messages';
import { questionIdSchema, referenceSchema, serviceTypeSchema } from './bank-schema';
import {
  hostTokenSchema,
  joinCodeSchema,
  participantIdSchema,
  participantTokenSchema,
  sessionSettingsSchema,
} from './live-protocol';
import type { ChangeEvent, CreatedEvent } from './live-session';

/**
 * A session's events as a shared store keeps them (one JSON text each), checked when they are
 * read back: whatever another process, an older version or a hand-edited key left there becomes
 * a typed event or a clear error, never a state built on a guess.
 */

const at = z.int().check(z.nonnegative());
const count = z.int().check(z.nonnegative());
const connection = z.string().check(z.minLength(1), z.maxLength(200));

export const createdEventSchema = z.strictObject({
  type: z.literal('created'),
  at,
  code: joinCodeSchema,
  hostToken: hostTokenSchema,
  title: z.string(),
  settings: sessionSettingsSchema,
  questions: z.array(
    z.strictObject({
      id: questionIdSchema,
      prompt: z.string(),
      answer: serviceTypeSchema,
      explanation: z.nullable(z.string()),
      whyNot: z.partialRecord(serviceTypeSchema, z.string()),
      references: z.array(referenceSchema),
    }),
  ),
  limits: z.strictObject({ maxParticipants: count, idleMs: count }),
}) satisfies z.ZodMiniType<CreatedEvent>;

export const changeEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('joined'),
    at,
    participantId: participantIdSchema,
    name: z.string(),
    token: participantTokenSchema,
  }),
  z.strictObject({
    type: z.literal('presence'),
    at,
    participantId: participantIdSchema,
    connection,
    delta: z.union([z.literal(1), z.literal(-1)]),
  }),
  z.strictObject({ type: z.literal('left'), at, participantId: participantIdSchema }),
  z.strictObject({ type: z.literal('removed'), at, participantId: participantIdSchema }),
  z.strictObject({ type: z.literal('opened'), at, index: count, deadline: z.nullable(at) }),
  z.strictObject({
    type: z.literal('answered'),
    at,
    index: count,
    participantId: participantIdSchema,
    choice: serviceTypeSchema,
    timeMs: count,
  }),
  z.strictObject({ type: z.literal('revealed'), at, index: count }),
  z.strictObject({ type: z.literal('ended'), at }),
  z.strictObject({ type: z.literal('expired'), at }),
]) satisfies z.ZodMiniType<ChangeEvent>;

export type StoredParse<T> = { ok: true; value: T } | { ok: false; error: string };

function parseJson<T>(schema: z.ZodMiniType<T>, text: string, what: string): StoredParse<T> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: `${what} is not JSON` };
  }
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, error: `${what} is not valid${where}: ${issue?.message ?? 'unknown'}` };
}

export const parseCreatedEvent = (text: string) =>
  parseJson(createdEventSchema, text, 'the session record');

export const parseChangeEvent = (text: string, position: number) =>
  parseJson(changeEventSchema, text, `event ${position}`);
