import { expect } from 'vitest';
import type { Question } from '../src/domain/bank-schema';
import { createdEvent } from '../src/domain/live-create';
import { handle, type Effect, type LiveCommand, type Outcome } from '../src/domain/live-handlers';
import {
  DEFAULT_SESSION_SETTINGS,
  type HostToken,
  type JoinCode,
  type ParticipantId,
  type ParticipantToken,
  type ServerMessage,
  type SessionSettings,
} from '../src/domain/live-protocol';
import {
  initialState,
  type CreatedEvent,
  type LiveSession,
  type SessionLimits,
} from '../src/domain/live-session';
import { makeBank, makeQuestion } from './factories';

export const CODE = 'ABCDEF' as JoinCode;
export const HOST = 'host-token-0123456789abcdef' as HostToken;
/** The connection participant `n` is on (one each, unless a test says otherwise). */
export const conn = (n: number) => `test:${n}`;
export const token = (n: number) =>
  `participant-token-${String(n).padStart(8, '0')}` as ParticipantToken;

/** Four questions, one per type, in type order: q0 ClusterIP, q1 NodePort, q2 LoadBalancer, q3 ExternalName. */
export function liveQuestions(): Question[] {
  return (['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const).map((answer, i) =>
    makeQuestion({
      id: `q${i}`,
      prompt: `Scenario ${i}`,
      answer,
      explanation: `Explanation ${i}: the answer is right because of reason ${i}.`,
    }),
  );
}

export interface SessionOptions {
  settings?: Partial<SessionSettings>;
  limits?: Partial<SessionLimits>;
  questions?: Question[];
  now?: number;
}

export function createdFor(options: SessionOptions = {}): CreatedEvent {
  return createdEvent({
    code: CODE,
    hostToken: HOST,
    bank: makeBank(options.questions ?? liveQuestions(), { title: 'Live test bank' }),
    questions: options.questions ?? liveQuestions(),
    settings: { ...DEFAULT_SESSION_SETTINGS, ...options.settings },
    limits: { maxParticipants: 2000, idleMs: 2 * 3600_000, ...options.limits },
    now: options.now ?? 1_000_000,
  });
}

export const newLiveSession = (options: SessionOptions = {}) => initialState(createdFor(options));

/** Runs commands in order, each at its own time, keeping every outcome for the test to inspect. */
export class Script {
  outcomes: Outcome[] = [];
  constructor(
    public state: LiveSession,
    public now = state.createdAt,
  ) {}
  run(command: LiveCommand, atMs = this.now): Outcome {
    this.now = atMs;
    const outcome = handle(this.state, command, atMs);
    this.state = outcome.state;
    this.outcomes.push(outcome);
    return outcome;
  }
  join(name: string, n: number): ParticipantId {
    const outcome = this.run({ type: 'join', name, token: token(n), connection: conn(n) });
    const welcome = sent(outcome, 'welcome')[0];
    expect(
      welcome,
      `join of ${name} was refused: ${JSON.stringify(outcome.effects)}`,
    ).toBeDefined();
    return welcome!.participantId;
  }
  host(type: 'start' | 'reveal' | 'next' | 'end', atMs = this.now) {
    return this.run({ type, hostToken: HOST }, atMs);
  }
  answer(n: number, index: number, choice: Question['answer'], atMs = this.now) {
    return this.run({ type: 'answer', token: token(n), index, choice }, atMs);
  }
}

type Sends = Extract<Effect, { kind: 'send' }>;

/** The messages of one type an outcome sends, whoever they go to. */
export function sent<T extends ServerMessage['type']>(
  outcome: Outcome,
  type: T,
): Extract<ServerMessage, { type: T }>[] {
  return outcome.effects
    .filter((e): e is Sends => e.kind === 'send' && e.message.type === type)
    .map((e) => e.message as Extract<ServerMessage, { type: T }>);
}

export function sendsTo(outcome: Outcome, type: ServerMessage['type']) {
  return outcome.effects
    .filter((e): e is Sends => e.kind === 'send' && e.message.type === type)
    .map((e) => e.audience);
}

export function errorOf(outcome: Outcome) {
  return sent(outcome, 'error')[0];
}
