import type { Calendar } from './calendar';
import { buildQueue, type Queue, type QueueCard, type QueueFilter } from './flashcard-queue';
import { answerDuration, type FlashcardSession, type SessionReview } from './flashcard-session';
import {
  applyReview,
  createScheduler,
  describeInterval,
  RATING_NAMES,
  replay,
  reviewEvents,
  withoutReview,
  type Deck,
  type ReviewEvent,
  type Scheduler,
} from './flashcards';
import {
  DEFAULT_FLASHCARD_SETTINGS,
  type FlashcardSettings,
  type QuizResult,
  type Rating,
  type ReviewLog,
} from './progress-schema';

/** A learner's cards, ready to study: the settings, and every review replayed into a deck. */
export interface StudyDeck {
  settings: FlashcardSettings;
  scheduler: Scheduler;
  /** Every review, flashcards and quiz answers, oldest first. */
  events: ReviewEvent[];
  deck: Deck;
}

/** Opens the deck from what is stored; `saved` is null until the learner changes the defaults. */
export function openDeck(
  logs: readonly ReviewLog[],
  results: readonly QuizResult[],
  saved: FlashcardSettings | null,
): StudyDeck {
  const settings = saved ?? DEFAULT_FLASHCARD_SETTINGS;
  const scheduler = createScheduler(settings);
  const events = reviewEvents(logs, results);
  return { settings, scheduler, events, deck: replay(events, scheduler) };
}

/** New settings reschedule every card: the same reviews, replayed with them. */
export function withSettings(d: StudyDeck, settings: FlashcardSettings): StudyDeck {
  const scheduler = createScheduler(settings);
  return { settings, scheduler, events: d.events, deck: replay(d.events, scheduler) };
}

/** The review log for rating the card whose back is shown. */
export function reviewLogFor(
  s: Extract<FlashcardSession, { status: 'back' }>,
  rating: Rating,
  at: { now: number; id: string; bankId: string },
): ReviewLog {
  return {
    id: at.id,
    questionId: s.questionId,
    bankId: at.bankId,
    rating,
    reviewedAt: at.now,
    mode: s.choice === null ? 'classic' : 'choose-first',
    choice: s.choice,
    durationMs: answerDuration(s.shownAt, at.now),
  };
}

/** The deck after a saved rating, and the rating as the session keeps it. */
export function withRating(
  d: StudyDeck,
  log: ReviewLog,
): { deck: StudyDeck; review: SessionReview } {
  const { questionId, rating, reviewedAt: at, id } = log;
  const event: ReviewEvent = { questionId, rating, at, source: 'flashcard', id };
  return {
    deck: { ...d, events: [...d.events, event], deck: applyReview(d.deck, event, d.scheduler) },
    review: { questionId, logId: id, rating, at, durationMs: log.durationMs },
  };
}

/** The deck after a rating is taken back. */
export function withoutRating(d: StudyDeck, review: SessionReview): StudyDeck {
  return {
    ...d,
    events: d.events.filter((e) => e.id !== review.logId),
    deck: withoutReview(d.deck, review.questionId, review.logId, d.scheduler),
  };
}

/** What is due at `now` for this session (studying ahead skips the cards it already rated). */
export function studyQueue(
  cards: readonly QueueCard[],
  options: {
    now: number;
    session: FlashcardSession;
    filter: QueueFilter;
    dailyNewLimit: number;
    calendar: Calendar;
  },
): Queue {
  const { now, session, filter, dailyNewLimit, calendar } = options;
  const today = calendar.dayOf(now);
  return buildQueue(cards, {
    now,
    todayStart: calendar.startOfDay(today),
    tomorrowStart: calendar.startOfDay(today + 1),
    dailyNewLimit,
    filter,
    ahead: session.ahead ? { exclude: new Set(session.reviews.map((r) => r.questionId)) } : null,
  });
}

/** What a screen reader hears after a rating. Worded apart from the visible "12 due". */
export function ratedAnnouncement(d: StudyDeck, log: ReviewLog, queue: Queue): string {
  const card = d.deck.get(log.questionId);
  const next = card ? `; next review in ${describeInterval(card.due - log.reviewedAt)}` : '';
  const rest = queue.due > 0 ? `${queue.due} to go.` : 'That was the last card for now.';
  return `Rated ${RATING_NAMES[log.rating]}${next}. ${rest}`;
}
