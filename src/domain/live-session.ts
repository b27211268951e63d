import { Map as IMap } from 'immutable';
import type { Question, QuestionId, Reference } from './bank-schema';
import {
  nameKey,
  type FinalResults,
  type HostToken,
  type JoinCode,
  type ParticipantId,
  type ParticipantToken,
  type QuestionStat,
  type Reveal,
  type SessionSettings,
} from './live-protocol';
import { pointsFor } from './live-scoring';
import { buildReveal, finalResults, questionStat } from './live-results';
import { byType, type ServiceType } from './service-types';

/**
 * The state of one live session and the events that change it. A command handler
 * (live-handlers.ts) decides which events happen; `evolve` applies them. The events are small and
 * granular, so a store can persist exactly what changed (one answer, one join) instead of the whole
 * session, and `replay` rebuilds the same state from them after a restart.
 *
 * The large collections are persistent maps (immutable): a new state shares everything it did not
 * change, so an answer in a 2,000-person session costs one map entry, not a copy of the session.
 */

/** A question as the server holds it, answer included. Only the prompt goes out before a reveal. */
export interface LiveQuestion {
  id: QuestionId;
  prompt: string;
  answer: ServiceType;
  explanation: string | null;
  whyNot: Partial<Record<ServiceType, string>>;
  references: Reference[];
}

export const toLiveQuestion = (q: Question): LiveQuestion => ({
  id: q.id,
  prompt: q.prompt,
  answer: q.answer,
  explanation: q.explanation ?? null,
  whyNot: q.whyNot ?? {},
  references: q.references ?? [],
});

export interface Participant {
  id: ParticipantId;
  name: string;
  token: ParticipantToken;
  /** Join order, 0-based: the stable tie-break in rankings and the order of lists. */
  seq: number;
  /** The first question this person could answer (questions before it are not held against them). */
  firstIndex: number;
  status: 'active' | 'left' | 'removed';
}

/** A participant's totals as of the last reveal: nothing about an open question shows before it closes. */
export interface Score {
  points: number;
  correct: number;
}

export const NO_SCORE: Score = { points: 0, correct: 0 };

export interface Answer {
  choice: ServiceType;
  /** From the question opening to the server receiving the answer. */
  timeMs: number;
  correct: boolean;
  points: number;
}

export interface Round {
  index: number;
  openedAt: number;
  /** null when untimed. */
  deadline: number | null;
  answers: IMap<ParticipantId, Answer>;
  /**
   * Counts kept up to date as answers come in and people come and go, so that closing a question
   * for 2,000 people does not look each of them up again.
   */
  tally: Tally;
  /** Set when the question is revealed. */
  stat: QuestionStat | null;
}

export interface Tally {
  /** Answers per type, not counting people the host removed. */
  distribution: Record<ServiceType, number>;
  /** Right answers, not counting removed people. */
  right: number;
  /** Answers from people still in the session. */
  activeAnswered: number;
  /** Answers from people still in the session and connected. */
  connectedAnswered: number;
}

export type Phase =
  | { phase: 'lobby' }
  | { phase: 'question'; index: number }
  | { phase: 'reveal'; index: number; reveal: Reveal }
  | { phase: 'ended'; final: FinalResults };

export interface SessionLimits {
  maxParticipants: number;
  /** A session with no activity for this long expires. */
  idleMs: number;
}

export interface LiveSession {
  code: JoinCode;
  hostToken: HostToken;
  title: string;
  settings: SessionSettings;
  questions: readonly LiveQuestion[];
  limits: SessionLimits;
  createdAt: number;
  lastActiveAt: number;
  nextSeq: number;
  /** Everyone who ever joined, including people who left or were removed. */
  participants: IMap<ParticipantId, Participant>;
  /**
   * Totals as of the last reveal. Changed only at a reveal, all at once, so it is a plain Map,
   * copied then (a copy of 2,000 entries is far cheaper than 2,000 persistent-map updates).
   */
  scores: ReadonlyMap<ParticipantId, Score>;
  /**
   * Each participant's open connections, by the server's connection id (a person may have two
   * tabs). Ids, not a count: a connection counted twice or dropped twice changes nothing, and the
   * connections a crashed server process held can be found and dropped by their ids.
   */
  presence: IMap<ParticipantId, readonly ConnectionId[]>;
  byToken: IMap<ParticipantToken, ParticipantId>;
  /** By `nameKey`: active and removed people (a removed name stays taken); left names are free. */
  byName: IMap<string, ParticipantId>;
  /** Participants with status 'active'. */
  active: number;
  /** Active participants with at least one open connection. */
  connected: number;
  rounds: readonly Round[];
  phase: Phase;
}

export type LiveEvent =
  | {
      type: 'created';
      at: number;
      code: JoinCode;
      hostToken: HostToken;
      title: string;
      settings: SessionSettings;
      questions: LiveQuestion[];
      limits: SessionLimits;
    }
  | {
      type: 'joined';
      at: number;
      participantId: ParticipantId;
      name: string;
      token: ParticipantToken;
    }
  | {
      type: 'presence';
      at: number;
      participantId: ParticipantId;
      connection: ConnectionId;
      delta: 1 | -1;
    }
  | { type: 'left'; at: number; participantId: ParticipantId }
  | { type: 'removed'; at: number; participantId: ParticipantId }
  | { type: 'opened'; at: number; index: number; deadline: number | null }
  | {
      type: 'answered';
      at: number;
      index: number;
      participantId: ParticipantId;
      choice: ServiceType;
      timeMs: number;
    }
  | { type: 'revealed'; at: number; index: number }
  | { type: 'ended'; at: number }
  | { type: 'expired'; at: number };

export type CreatedEvent = Extract<LiveEvent, { type: 'created' }>;
export type ChangeEvent = Exclude<LiveEvent, CreatedEvent>;

export function initialState(event: CreatedEvent): LiveSession {
  return {
    code: event.code,
    hostToken: event.hostToken,
    title: event.title,
    settings: event.settings,
    questions: event.questions,
    limits: event.limits,
    createdAt: event.at,
    lastActiveAt: event.at,
    nextSeq: 0,
    participants: IMap(),
    scores: new Map(),
    presence: IMap(),
    byToken: IMap(),
    byName: IMap(),
    active: 0,
    connected: 0,
    rounds: [],
    phase: { phase: 'lobby' },
  };
}

/**
 * A server's name for one open connection (the server makes them; the domain only compares them).
 * A plain string, so events stay plain JSON.
 */
export type ConnectionId = string;

/** Whether the participant has at least one open connection. */
export const isConnected = (state: LiveSession, id: ParticipantId) => state.presence.has(id);

/** The participant id for a join order number: short, and never reused within a session. */
export const participantIdFor = (seq: number) => `p${seq.toString(36)}` as ParticipantId;

export function evolve(state: LiveSession, event: ChangeEvent): LiveSession {
  const next = applyEvent(state, event);
  return event.type === 'expired' ? next : { ...next, lastActiveAt: event.at };
}

export function replay(created: CreatedEvent, events: Iterable<ChangeEvent>): LiveSession {
  let state = initialState(created);
  for (const event of events) state = evolve(state, event);
  return state;
}

function applyEvent(state: LiveSession, event: ChangeEvent): LiveSession {
  switch (event.type) {
    case 'joined': {
      const participant: Participant = {
        id: event.participantId,
        name: event.name,
        token: event.token,
        seq: state.nextSeq,
        firstIndex: firstAnswerableIndex(state.phase),
        status: 'active',
      };
      return {
        ...state,
        nextSeq: state.nextSeq + 1,
        participants: state.participants.set(participant.id, participant),
        byToken: state.byToken.set(participant.token, participant.id),
        byName: state.byName.set(nameKey(participant.name), participant.id),
        active: state.active + 1,
      };
    }
    case 'presence': {
      const before = state.presence.get(event.participantId) ?? [];
      const has = before.includes(event.connection);
      if (has === (event.delta === 1)) return state;
      const after =
        event.delta === 1
          ? [...before, event.connection]
          : before.filter((c) => c !== event.connection);
      const isActive = state.participants.get(event.participantId)?.status === 'active';
      const change = isActive ? Number(after.length > 0) - Number(before.length > 0) : 0;
      const next = {
        ...state,
        presence:
          after.length === 0
            ? state.presence.delete(event.participantId)
            : state.presence.set(event.participantId, after),
        connected: state.connected + change,
      };
      return change === 0
        ? next
        : retally(next, event.participantId, (tally) => ({
            ...tally,
            connectedAnswered: tally.connectedAnswered + change,
          }));
    }
    case 'left':
    case 'removed': {
      const participant = state.participants.get(event.participantId);
      if (!participant || participant.status !== 'active') return state;
      const wasConnected = isConnected(state, participant.id);
      const next = {
        ...state,
        participants: state.participants.set(participant.id, {
          ...participant,
          status: event.type,
        }),
        // Leaving frees the name; a removed person's name stays taken.
        byName:
          event.type === 'left' ? state.byName.delete(nameKey(participant.name)) : state.byName,
        active: state.active - 1,
        connected: state.connected - Number(wasConnected),
      };
      return retally(next, participant.id, (tally, answer) => {
        const removed = event.type === 'removed';
        // A removed person's answer leaves the room's split; a person who left still counts in it.
        const distribution = removed
          ? { ...tally.distribution, [answer.choice]: tally.distribution[answer.choice] - 1 }
          : tally.distribution;
        return {
          distribution,
          right: tally.right - Number(removed && answer.correct),
          activeAnswered: tally.activeAnswered - 1,
          connectedAnswered: tally.connectedAnswered - Number(wasConnected),
        };
      });
    }
    case 'opened':
      return {
        ...state,
        rounds: [
          ...state.rounds,
          {
            index: event.index,
            openedAt: event.at,
            deadline: event.deadline,
            answers: IMap(),
            tally: {
              distribution: byType(() => 0),
              right: 0,
              activeAnswered: 0,
              connectedAnswered: 0,
            },
            stat: null,
          },
        ],
        phase: { phase: 'question', index: event.index },
      };
    case 'answered': {
      const round = state.rounds[event.index];
      const question = state.questions[event.index];
      if (!round || !question) return state;
      const correct = event.choice === question.answer;
      const answer: Answer = {
        choice: event.choice,
        timeMs: event.timeMs,
        correct,
        points: pointsFor(correct, event.timeMs, state.settings, state.questions.length),
      };
      const { tally } = round;
      const connected = isConnected(state, event.participantId);
      return replaceRound(state, {
        ...round,
        answers: round.answers.set(event.participantId, answer),
        tally: {
          distribution: {
            ...tally.distribution,
            [answer.choice]: tally.distribution[answer.choice] + 1,
          },
          right: tally.right + Number(correct),
          activeAnswered: tally.activeAnswered + 1,
          connectedAnswered: tally.connectedAnswered + Number(connected),
        },
      });
    }
    case 'revealed':
      return reveal(state, event.index);
    case 'ended':
      return { ...state, phase: { phase: 'ended', final: finalResults(state) } };
    case 'expired':
      return state;
  }
}

function firstAnswerableIndex(phase: Phase): number {
  switch (phase.phase) {
    case 'lobby':
      return 0;
    case 'question':
      return phase.index;
    case 'reveal':
      return phase.index + 1;
    case 'ended':
      return Number.MAX_SAFE_INTEGER;
  }
}

function replaceRound(state: LiveSession, round: Round): LiveSession {
  const rounds = [...state.rounds];
  rounds[round.index] = round;
  return { ...state, rounds };
}

/** Updates the open round's tally for a change to a person who has answered it. */
function retally(
  state: LiveSession,
  participantId: ParticipantId,
  change: (tally: Tally, answer: Answer) => Tally,
): LiveSession {
  if (state.phase.phase !== 'question') return state;
  const round = state.rounds[state.phase.index];
  const answer = round?.answers.get(participantId);
  if (!round || !answer) return state;
  return replaceRound(state, { ...round, tally: change(round.tally, answer) });
}

/** Closes a round: adds its points to the totals, then records its stats and the reveal. */
function reveal(state: LiveSession, index: number): LiveSession {
  const round = state.rounds[index];
  if (!round || round.stat) return state;
  const scores = new Map(state.scores);
  for (const [id, answer] of round.answers) {
    if (!answer.correct) continue;
    const before = scores.get(id) ?? NO_SCORE;
    scores.set(id, { points: before.points + answer.points, correct: before.correct + 1 });
  }
  const scored = { ...state, scores };
  const closed = replaceRound(scored, { ...round, stat: questionStat(scored, round) });
  return { ...closed, phase: { phase: 'reveal', index, reveal: buildReveal(closed, index) } };
}
