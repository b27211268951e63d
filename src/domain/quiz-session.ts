import type { QuestionId } from './bank-schema';
import type { QuizSettings } from './quiz-settings';
import type { ServiceType } from './service-types';

export type Confidence = 'sure' | 'guessing';

/** One question of a quiz and its right answer (enough to grade without the bank). */
export interface QuizItem {
  questionId: QuestionId;
  answer: ServiceType;
}

export interface QuizMeta {
  quizId: string;
  bankId: string;
  bankTitle: string;
  settings: QuizSettings;
  seed: string;
  /** 'retry' holds only the mistakes of an earlier quiz; 'practice' is weighted to weak spots. */
  kind: 'new' | 'retry' | 'practice';
  startedAt: number;
}

export interface AnswerRecord {
  questionId: QuestionId;
  answer: ServiceType;
  /** null when the timer ran out before a choice. */
  choice: ServiceType | null;
  correct: boolean;
  confidence: Confidence | null;
  /** Active time spent on the question, pauses excluded. */
  timeMs: number;
  answeredAt: number;
}

/** Active time on the current question: `usedMs` so far, plus the run since `runningSince`. */
export interface QuestionClock {
  usedMs: number;
  runningSince: number | null;
}

interface InProgress {
  meta: QuizMeta;
  items: QuizItem[];
  index: number;
  answers: AnswerRecord[];
}

export type QuizState =
  | { status: 'not-started' }
  | (InProgress & { status: 'asking'; clock: QuestionClock; pendingChoice: ServiceType | null })
  | (InProgress & { status: 'answered' })
  | {
      status: 'finished';
      meta: QuizMeta;
      items: QuizItem[];
      answers: AnswerRecord[];
      finishedAt: number;
    };

export type QuizEvent =
  | { type: 'start'; meta: QuizMeta; items: QuizItem[]; now: number }
  | { type: 'choose'; choice: ServiceType; now: number }
  | { type: 'confirm'; confidence: Confidence; now: number }
  | { type: 'tick'; now: number }
  | { type: 'pause'; now: number }
  | { type: 'resume'; now: number }
  | { type: 'next'; now: number }
  /** Continue a quiz read back from storage. */
  | { type: 'restore'; state: QuizState; now: number };

export const initialQuizState: QuizState = { status: 'not-started' };

export function elapsedMs(clock: QuestionClock, now: number): number {
  return clock.usedMs + (clock.runningSince === null ? 0 : Math.max(0, now - clock.runningSince));
}

/** Milliseconds left on the question timer, or null when the quiz has no timer. */
export function timeLeftMs(state: QuizState, now: number): number | null {
  if (state.status !== 'asking' || state.meta.settings.timerSeconds === null) return null;
  return Math.max(0, state.meta.settings.timerSeconds * 1000 - elapsedMs(state.clock, now));
}

/** The pure quiz state machine. Events that make no sense in a state leave it unchanged. */
export function quizReducer(state: QuizState, event: QuizEvent): QuizState {
  switch (event.type) {
    case 'start':
      if (event.items.length === 0) return state;
      return {
        status: 'asking',
        meta: event.meta,
        items: event.items,
        index: 0,
        answers: [],
        clock: { usedMs: 0, runningSince: event.now },
        pendingChoice: null,
      };
    case 'choose':
      if (state.status !== 'asking' || state.clock.runningSince === null) return state;
      return state.meta.settings.confidence
        ? { ...state, pendingChoice: event.choice }
        : record(state, event.choice, null, event.now);
    case 'confirm':
      if (state.status !== 'asking' || state.pendingChoice === null) return state;
      return record(state, state.pendingChoice, event.confidence, event.now);
    case 'tick': {
      const left = timeLeftMs(state, event.now);
      if (state.status !== 'asking' || left === null || left > 0) return state;
      return record(state, null, null, event.now);
    }
    case 'pause':
      if (state.status !== 'asking' || state.clock.runningSince === null) return state;
      return { ...state, clock: { usedMs: elapsedMs(state.clock, event.now), runningSince: null } };
    case 'resume':
      if (state.status !== 'asking' || state.clock.runningSince !== null) return state;
      return { ...state, clock: { ...state.clock, runningSince: event.now } };
    case 'next':
      return state.status === 'answered' ? advance(state, event.now) : state;
    case 'restore':
      return restoreQuiz(event.state, event.now);
  }
}

function record(
  state: Extract<QuizState, { status: 'asking' }>,
  choice: ServiceType | null,
  confidence: Confidence | null,
  now: number,
): QuizState {
  const item = state.items[state.index];
  if (!item) return state;
  const answer: AnswerRecord = {
    questionId: item.questionId,
    answer: item.answer,
    choice,
    correct: choice === item.answer,
    confidence,
    timeMs: elapsedMs(state.clock, now),
    answeredAt: now,
  };
  const answered = {
    status: 'answered' as const,
    meta: state.meta,
    items: state.items,
    index: state.index,
    answers: [...state.answers, answer],
  };
  // Exam style: no feedback until the end, so go straight on.
  return state.meta.settings.feedback === 'end' ? advance(answered, now) : answered;
}

function advance(state: Extract<QuizState, { status: 'answered' }>, now: number): QuizState {
  const index = state.index + 1;
  if (index >= state.items.length)
    return {
      status: 'finished',
      meta: state.meta,
      items: state.items,
      answers: state.answers,
      finishedAt: now,
    };
  return {
    ...state,
    status: 'asking',
    index,
    clock: { usedMs: 0, runningSince: now },
    pendingChoice: null,
  };
}

/**
 * A quiz read back from storage after a reload: time while the page was closed does not count
 * against the question, so the clock restarts from `now`.
 */
export function restoreQuiz(state: QuizState, now: number): QuizState {
  if (state.status !== 'asking' || state.clock.runningSince === null) return state;
  return { ...state, clock: { usedMs: state.clock.usedMs, runningSince: now } };
}

type InProgressState = Extract<QuizState, { status: 'asking' | 'answered' }>;

/** Whether `a` is the same quiz as `b` and further on: more answers, or past the same answer. */
export function isFurtherOn(a: InProgressState, b: InProgressState): boolean {
  if (a.meta.quizId !== b.meta.quizId) return false;
  return (
    a.answers.length > b.answers.length ||
    (a.answers.length === b.answers.length && a.index > b.index)
  );
}
