import type { QuestionId } from '../domain/bank-schema';
import {
  CLOSE_CODES,
  type ErrorCode,
  type FinalResults,
  type OpenQuestion,
  type ParticipantId,
  type PlayerView,
  type Reveal,
  type ServerMessage,
  type SessionSettings,
  type YourFinal,
  type YourResult,
} from '../domain/live-protocol';
import type { ServiceType } from '../domain/service-types';
import type { ConnectionState } from './live-socket';
import { deadlineFrom } from './live-store';

export type PlayerPhase =
  | { phase: 'lobby' }
  | {
      phase: 'question';
      question: OpenQuestion;
      /** Local time at which the question closes (null: untimed). */
      deadline: number | null;
      /** The answer the server acknowledged. */
      answer: ServiceType | null;
      /** An answer sent (or waiting for the connection) and not yet acknowledged. */
      sending: ServiceType | null;
    }
  /** `result` follows the reveal in a message of its own. */
  | { phase: 'reveal'; reveal: Reveal; result: YourResult | null }
  | { phase: 'ended'; final: FinalResults; result: YourFinal | null };

export interface SessionInfo {
  code: string;
  title: string;
  total: number;
  settings: SessionSettings;
}

export type PlayerPlace =
  /** Not in a session: the join form shows, with the name last tried if any. */
  | { status: 'form'; name?: string }
  | { status: 'joining'; name: string }
  /** A saved participant token is being used to take the same place again. */
  | { status: 'rejoining'; name: string }
  | {
      status: 'in';
      me: { participantId: ParticipantId; name: string };
      session: SessionInfo;
      phase: PlayerPhase;
      totalPoints: number;
    }
  | { status: 'removed'; message: string }
  | { status: 'left' };

/** One revealed question as this participant played it: what local progress needs later. */
export interface QuestionResult {
  index: number;
  questionId: QuestionId;
  answer: ServiceType;
  choice: ServiceType | null;
  correct: boolean;
  timeMs: number | null;
  points: number;
}

export interface Problem {
  code: ErrorCode;
  message: string;
}

export interface PlayerState {
  connection: ConnectionState;
  place: PlayerPlace;
  /** Why the last join or rejoin failed: shown beside the join form. */
  problem: Problem | null;
  /** Something refused while playing (a late answer), or a message that could not be read. */
  notice: Problem | { code: 'malformed-server-message'; message: string } | null;
  results: QuestionResult[];
}

export type PlayerEvent =
  | { type: 'connection'; state: ConnectionState }
  | { type: 'message'; message: ServerMessage; at: number }
  | { type: 'malformed'; error: string }
  | { type: 'join'; name: string }
  | { type: 'rejoin'; name: string }
  | { type: 'answer'; choice: ServiceType }
  | { type: 'left' }
  /** The server closed for good with one of the protocol's final close codes. */
  | { type: 'closed'; code: number };

export const initialPlayerState: PlayerState = {
  connection: { status: 'idle' },
  place: { status: 'form' },
  problem: null,
  notice: null,
  results: [],
};

/** Errors that end a join or a rejoin attempt: the person must act (other code, other name). */
export const JOIN_FAILURES: ReadonlySet<ErrorCode> = new Set([
  'unknown-session',
  'session-full',
  'late-join-closed',
  'name-taken',
  'removed',
  'bad-token',
  'session-ended',
  'malformed',
  'not-allowed',
]);

export function reducePlayer(state: PlayerState, event: PlayerEvent): PlayerState {
  switch (event.type) {
    case 'connection':
      return { ...state, connection: event.state };
    case 'join':
      return { ...state, place: { status: 'joining', name: event.name }, problem: null };
    case 'rejoin':
      return { ...state, place: { status: 'rejoining', name: event.name }, problem: null };
    case 'left':
      return { ...state, place: { status: 'left' } };
    case 'closed':
      return onFinalClose(state, event.code);
    case 'answer': {
      const place = state.place;
      if (place.status !== 'in' || place.phase.phase !== 'question') return state;
      if (place.phase.answer || place.phase.sending) return state;
      return {
        ...state,
        notice: null,
        place: { ...place, phase: { ...place.phase, sending: event.choice } },
      };
    }
    case 'malformed':
      return {
        ...state,
        notice: {
          code: 'malformed-server-message',
          message: `The server sent a message this page cannot read (${event.error}); it was ignored.`,
        },
      };
    case 'message':
      return onMessage(state, event.message, event.at);
  }
}

function phaseFromView(view: PlayerView, at: number): { phase: PlayerPhase; points: number } {
  const s = view.state;
  switch (s.phase) {
    case 'lobby':
      return { phase: { phase: 'lobby' }, points: 0 };
    case 'question':
      return {
        phase: {
          phase: 'question',
          question: s.question,
          deadline: deadlineFrom(s.question.remainingMs, at),
          answer: s.yourAnswer,
          sending: null,
        },
        points: s.totalPoints,
      };
    case 'reveal':
      return {
        phase: { phase: 'reveal', reveal: s.reveal, result: s.result },
        points: s.result.totalPoints,
      };
    case 'ended':
      return {
        phase: { phase: 'ended', final: s.final, result: s.result },
        points: s.result.points,
      };
  }
}

function withResult(results: QuestionResult[], reveal: Reveal, r: YourResult): QuestionResult[] {
  const row: QuestionResult = {
    index: r.index,
    questionId: reveal.questionId,
    answer: reveal.answer,
    choice: r.choice,
    correct: r.correct,
    timeMs: r.timeMs,
    points: r.points,
  };
  return [...results.filter((x) => x.index !== r.index), row].sort((a, b) => a.index - b.index);
}

function onMessage(state: PlayerState, message: ServerMessage, at: number): PlayerState {
  const place = state.place;
  switch (message.type) {
    case 'welcome': {
      const { phase, points } = phaseFromView(message.view, at);
      const { code, title, total, settings } = message.view;
      return {
        ...state,
        problem: null,
        place: {
          status: 'in',
          me: { participantId: message.participantId, name: message.name },
          session: { code, title, total, settings },
          phase,
          totalPoints: points,
        },
        results:
          phase.phase === 'reveal' && phase.result
            ? withResult(state.results, phase.reveal, phase.result)
            : state.results,
      };
    }
    case 'removed':
      return { ...state, place: { status: 'removed', message: message.message } };
    case 'error':
      return onError(state, { code: message.code, message: message.message });
  }
  if (place.status !== 'in') return state;
  const phase = place.phase;
  const to = (next: PlayerPhase, totalPoints = place.totalPoints): PlayerState => ({
    ...state,
    place: { ...place, phase: next, totalPoints },
  });
  switch (message.type) {
    case 'question': {
      // The same question again (the server resends the phase after moving the session between
      // its processes): what this person already answered stays answered.
      const same = phase.phase === 'question' && phase.question.index === message.question.index;
      return to({
        phase: 'question',
        question: message.question,
        deadline: deadlineFrom(message.question.remainingMs, at),
        answer: same ? phase.answer : null,
        sending: same ? phase.sending : null,
      });
    }
    case 'ack':
      if (phase.phase !== 'question' || phase.question.index !== message.index) return state;
      return to({ ...phase, answer: message.choice, sending: null });
    case 'reveal':
      return to({ phase: 'reveal', reveal: message.reveal, result: null });
    case 'your-result': {
      if (phase.phase !== 'reveal' || phase.reveal.index !== message.result.index) return state;
      const next = to({ ...phase, result: message.result }, message.result.totalPoints);
      return { ...next, results: withResult(state.results, phase.reveal, message.result) };
    }
    case 'ended':
      return to({ phase: 'ended', final: message.final, result: null });
    case 'your-final':
      if (phase.phase !== 'ended') return state;
      return to({ ...phase, result: message.result }, message.result.points);
    default:
      return state;
  }
}

function onError(state: PlayerState, problem: Problem): PlayerState {
  const place = state.place;
  if (problem.code === 'removed')
    return { ...state, place: { status: 'removed', message: problem.message } };
  const placeLost =
    problem.code === 'bad-token' ||
    problem.code === 'unknown-session' ||
    (problem.code === 'session-ended' && !(place.status === 'in' && place.phase.phase === 'ended'));
  const joining = place.status === 'joining' || place.status === 'rejoining';
  // The server cannot serve anyone just now; the connection is closed and tried again by itself.
  if (joining && problem.code === 'unavailable') return { ...state, problem };
  if ((joining && JOIN_FAILURES.has(problem.code)) || placeLost) {
    const name = joining ? place.name : place.status === 'in' ? place.me.name : undefined;
    return { ...state, place: name ? { status: 'form', name } : { status: 'form' }, problem };
  }
  if (place.status === 'in' && place.phase.phase === 'question' && place.phase.sending) {
    // The answer was refused (too late, or the question had closed): it is not pending any more.
    const phase = { ...place.phase, sending: null };
    return { ...state, place: { ...place, phase }, notice: problem };
  }
  return { ...state, notice: problem };
}

/** A final close the messages before it did not already explain (they normally come first). */
function onFinalClose(state: PlayerState, code: number): PlayerState {
  const place = state.place;
  if (place.status === 'removed' || place.status === 'left' || place.status === 'form')
    return state;
  if (code === CLOSE_CODES.removed)
    return { ...state, place: { status: 'removed', message: 'The host removed you.' } };
  if (code === CLOSE_CODES.left) return { ...state, place: { status: 'left' } };
  if (place.status === 'in' && place.phase.phase === 'ended') return state;
  return onError(state, { code: 'session-ended', message: 'The session expired.' });
}
