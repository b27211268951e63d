import type { QuestionId } from './bank-schema';
import type { QueueCard } from './flashcard-queue';
import { suggestedRating } from './flashcards';
import type { Rating } from './progress-schema';
import type { ServiceType } from './service-types';

/** One rating given in this session, as committed to storage. */
export interface SessionReview {
  questionId: QuestionId;
  logId: string;
  rating: Rating;
  at: number;
  durationMs: number;
}

interface Common {
  reviews: SessionReview[];
  /** The learner chose to study cards that are not due yet. */
  ahead: boolean;
  /** Counts every card shown, so showing the same card again is still a new turn (for focus). */
  turn: number;
}

/**
 * A flashcard session: the current card's front, its back, nothing left to study, or the summary the
 * learner asked for. Which card comes next is decided by the queue and passed in with the events.
 */
export type FlashcardSession =
  | (Common & { status: 'front'; questionId: QuestionId; shownAt: number })
  | (Common & {
      status: 'back';
      questionId: QuestionId;
      shownAt: number;
      /** The type picked in choose-first mode; null when the answer was just shown. */
      choice: ServiceType | null;
      /** The rating a choose-first pick suggests; Enter confirms it. */
      suggested: Rating | null;
    })
  | (Common & { status: 'idle' })
  | (Common & { status: 'summary' });

export type SessionEvent =
  /** The queue changed (loaded, filtered, settings, time): show its first card unless it is on screen. */
  | { type: 'present'; next: QuestionId | null; now: number }
  | { type: 'show'; now: number }
  | { type: 'choose'; choice: ServiceType; answer: ServiceType; now: number }
  | { type: 'rated'; review: SessionReview; next: QuestionId | null; now: number }
  | { type: 'undone'; logId: string; next: QuestionId | null; now: number }
  | { type: 'study-ahead'; next: QuestionId | null; now: number }
  | { type: 'end' }
  | { type: 'resume'; next: QuestionId | null; now: number };

export const initialSession: FlashcardSession = {
  status: 'idle',
  reviews: [],
  ahead: false,
  turn: 0,
};

function common(s: FlashcardSession): Common {
  return { reviews: s.reviews, ahead: s.ahead, turn: s.turn };
}

function showNext(base: Common, next: QuestionId | null, now: number): FlashcardSession {
  if (next === null) return { ...base, status: 'idle', ahead: false };
  return { ...base, status: 'front', questionId: next, shownAt: now, turn: base.turn + 1 };
}

export function sessionReducer(state: FlashcardSession, event: SessionEvent): FlashcardSession {
  switch (event.type) {
    case 'present':
      if (state.status === 'summary') return state;
      if ((state.status === 'front' || state.status === 'back') && state.questionId === event.next)
        return state;
      if (state.status === 'idle' && event.next === null) return state;
      return showNext(common(state), event.next, event.now);
    case 'show':
      if (state.status !== 'front') return state;
      return { ...state, status: 'back', choice: null, suggested: null };
    case 'choose':
      if (state.status !== 'front') return state;
      return {
        ...state,
        status: 'back',
        choice: event.choice,
        suggested: suggestedRating(event.choice === event.answer),
      };
    case 'rated':
      if (state.status !== 'back' || state.questionId !== event.review.questionId) return state;
      return showNext(
        { ...common(state), reviews: [...state.reviews, event.review] },
        event.next,
        event.now,
      );
    case 'undone': {
      const reviews = state.reviews.filter((r) => r.logId !== event.logId);
      if (reviews.length === state.reviews.length) return state;
      return showNext({ ...common(state), reviews }, event.next, event.now);
    }
    case 'study-ahead':
      return showNext({ ...common(state), ahead: true }, event.next, event.now);
    case 'end':
      return { ...common(state), status: 'summary' };
    case 'resume':
      if (state.status !== 'summary') return state;
      return showNext(common(state), event.next, event.now);
  }
}

/** Time on a card, from showing it to rating it, capped like Anki so a break does not count. */
export const MAX_ANSWER_MS = 60_000;

export function answerDuration(shownAt: number, now: number): number {
  return Math.min(MAX_ANSWER_MS, Math.max(0, now - shownAt));
}

export interface SessionSummary {
  /** Ratings given, and the different cards they were given to. */
  reviewed: number;
  cards: number;
  again: number;
  /** 0–1; 0 when nothing was reviewed. */
  againRate: number;
  timeMs: number;
  /** Cards already learned that will be due by the end of tomorrow, and new cards then allowed. */
  tomorrow: { due: number; new: number };
}

export function summarizeSession(
  reviews: readonly SessionReview[],
  cards: readonly QueueCard[],
  options: { dayAfterTomorrowStart: number; dailyNewLimit: number },
): SessionSummary {
  const again = reviews.filter((r) => r.rating === 1).length;
  let due = 0;
  let fresh = 0;
  for (const card of cards)
    if (card.state === 'new') fresh += 1;
    else if (card.availableAt < options.dayAfterTomorrowStart) due += 1;
  return {
    reviewed: reviews.length,
    cards: new Set(reviews.map((r) => r.questionId)).size,
    again,
    againRate: reviews.length === 0 ? 0 : again / reviews.length,
    timeMs: reviews.reduce((sum, r) => sum + r.durationMs, 0),
    tomorrow: { due, new: Math.min(fresh, options.dailyNewLimit) },
  };
}
