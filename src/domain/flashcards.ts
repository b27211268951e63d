import { createEmptyCard, fsrs, State, type Card, type FSRS, type Grade } from 'ts-fsrs';
import type { QuestionId } from './bank-schema';
import type { FlashcardSettings, QuizResult, Rating, ReviewLog } from './progress-schema';

/**
 * Flashcard scheduling with ts-fsrs. Card state is never stored: it is replayed from the review
 * events (flashcard reviews and quiz answers) in time order, so undo is "delete the event", a
 * settings change reschedules every card, and a question that leaves the bank and comes back
 * finds its history waiting. Times are epoch ms; Dates exist only at the ts-fsrs calls below.
 */

export type CardState = 'new' | 'learning' | 'review' | 'relearning';

export const RATINGS = [1, 2, 3, 4] as const satisfies readonly Rating[];

export const RATING_NAMES = {
  1: 'Again',
  2: 'Hard',
  3: 'Good',
  4: 'Easy',
} as const satisfies Record<Rating, string>;

export type RatingName = (typeof RATING_NAMES)[Rating];

/** One review of a card, from the flashcards or from a quiz answer. */
export interface ReviewEvent {
  questionId: QuestionId;
  rating: Rating;
  at: number;
  source: 'flashcard' | 'quiz';
  /** Unique: the stored review log's id, or `quiz:<quizId>:<answer index>`. */
  id: string;
}

export interface ReplayedReview {
  event: ReviewEvent;
  /** The card's state just before this review (a review of a `review` card tests retention). */
  stateBefore: CardState;
}

/** A card as replayed from its reviews. */
export interface FlashCard {
  questionId: QuestionId;
  state: CardState;
  /** When the card is next due (epoch ms). */
  due: number;
  lastReviewAt: number;
  reps: number;
  lapses: number;
  stability: number;
  difficulty: number;
  /** When the flashcards introduced this card: its first review, if that was a flashcard review. */
  introducedAt: number | null;
  reviews: readonly ReplayedReview[];
  /** ts-fsrs's own card, for the next scheduling call. Its Dates stay inside this module. */
  readonly fsrsCard: Card;
}

/** Every reviewed card by question id, including questions no longer in the bank. */
export type Deck = ReadonlyMap<QuestionId, FlashCard>;

export type Scheduler = FSRS;

/** The scheduler for the learner's settings. Fuzz is off unless asked for: same reviews, same schedule. */
export function createScheduler(settings: FlashcardSettings, options: { fuzz?: boolean } = {}) {
  return fsrs({
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maximumIntervalDays,
    enable_fuzz: options.fuzz ?? false,
  });
}

const STATE_NAMES: Record<State, CardState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

export function flashcardEvents(logs: readonly ReviewLog[]): ReviewEvent[] {
  return logs.map((log) => ({
    questionId: log.questionId,
    rating: log.rating,
    at: log.reviewedAt,
    source: 'flashcard',
    id: log.id,
  }));
}

/** Quiz answers as reviews: right is Good; wrong, or unanswered when time ran out, is Again. */
export function quizEvents(results: readonly QuizResult[]): ReviewEvent[] {
  return results.flatMap((result) =>
    result.answers.map((answer, i) => ({
      questionId: answer.questionId,
      rating: answer.correct ? 3 : 1,
      at: answer.answeredAt,
      source: 'quiz',
      id: `quiz:${result.quizId}:${i}`,
    })),
  );
}

export function compareEvents(a: ReviewEvent, b: ReviewEvent): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Flashcard reviews and quiz answers, in the order they happened. */
export function reviewEvents(
  logs: readonly ReviewLog[],
  results: readonly QuizResult[],
): ReviewEvent[] {
  return [...flashcardEvents(logs), ...quizEvents(results)].sort(compareEvents);
}

/** A card after one more review. Reviews are applied in time order; a clock set back counts as no time. */
export function reviewCard(
  card: FlashCard | undefined,
  event: ReviewEvent,
  scheduler: Scheduler,
): FlashCard {
  const at = Math.max(event.at, card?.lastReviewAt ?? event.at);
  const before = card?.fsrsCard ?? createEmptyCard<Card>(new Date(at));
  const { card: after } = scheduler.next(before, new Date(at), event.rating as Grade);
  return {
    questionId: event.questionId,
    state: STATE_NAMES[after.state],
    due: after.due.getTime(),
    lastReviewAt: at,
    reps: after.reps,
    lapses: after.lapses,
    stability: after.stability,
    difficulty: after.difficulty,
    introducedAt: card ? card.introducedAt : event.source === 'flashcard' ? at : null,
    reviews: [...(card?.reviews ?? []), { event, stateBefore: card?.state ?? 'new' }],
    fsrsCard: after,
  };
}

/** Replays events (sorted with `compareEvents`) into a deck. */
export function replay(events: readonly ReviewEvent[], scheduler: Scheduler): Deck {
  const deck = new Map<QuestionId, FlashCard>();
  for (const event of events)
    deck.set(event.questionId, reviewCard(deck.get(event.questionId), event, scheduler));
  return deck;
}

/** The deck after one more review. */
export function applyReview(deck: Deck, event: ReviewEvent, scheduler: Scheduler): Deck {
  const next = new Map(deck);
  next.set(event.questionId, reviewCard(deck.get(event.questionId), event, scheduler));
  return next;
}

/**
 * The deck without one review (undo). The card is replayed from its other reviews rather than
 * rolled back with ts-fsrs's `rollback`, which restores `due` as the previous review time instead of
 * the previous due date; a replay gives exactly the card the schedule had before.
 */
export function withoutReview(
  deck: Deck,
  questionId: QuestionId,
  eventId: string,
  scheduler: Scheduler,
): Deck {
  const card = deck.get(questionId);
  if (!card || !card.reviews.some((r) => r.event.id === eventId)) return deck;
  const next = new Map(deck);
  let rebuilt: FlashCard | undefined;
  for (const { event } of card.reviews)
    if (event.id !== eventId) rebuilt = reviewCard(rebuilt, event, scheduler);
  if (rebuilt) next.set(questionId, rebuilt);
  else next.delete(questionId);
  return next;
}

export interface RatingPreview {
  due: number;
  intervalMs: number;
  state: CardState;
}

/** What each rating would do to the card now (a card never reviewed is new). */
export function previewRatings(
  card: FlashCard | undefined,
  now: number,
  scheduler: Scheduler,
): Record<Rating, RatingPreview> {
  const at = Math.max(now, card?.lastReviewAt ?? now);
  const preview = scheduler.repeat(
    card?.fsrsCard ?? createEmptyCard<Card>(new Date(at)),
    new Date(at),
  );
  const one = (rating: Rating): RatingPreview => {
    const next = preview[rating as Grade].card;
    return {
      due: next.due.getTime(),
      intervalMs: next.due.getTime() - at,
      state: STATE_NAMES[next.state],
    };
  };
  return { 1: one(1), 2: one(2), 3: one(3), 4: one(4) };
}

/** In choose-first mode: a right pick suggests Good, a wrong one Again. */
export function suggestedRating(correct: boolean): Rating {
  return correct ? 3 : 1;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function trimmed(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '');
}

/** "1m", "10m", "3h", "4d", "1.5mo", "2y": the short interval shown on a rating button. */
export function formatInterval(ms: number): string {
  if (ms < MINUTE) return '<1m';
  if (ms < HOUR) return `${Math.round(ms / MINUTE)}m`;
  if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
  const days = ms / DAY;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trimmed(days / 30)}mo`;
  return `${trimmed(days / 365)}y`;
}

function unit(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "1 minute", "3 days", "1.5 months": the same interval in words, for screen readers. */
export function describeInterval(ms: number): string {
  if (ms < MINUTE) return 'less than a minute';
  if (ms < HOUR) return unit(Math.round(ms / MINUTE), 'minute');
  if (ms < DAY) return unit(Math.round(ms / HOUR), 'hour');
  const days = ms / DAY;
  if (days < 30) return unit(Math.round(days), 'day');
  if (days < 365) return `${trimmed(days / 30)} month${days / 30 >= 1.05 ? 's' : ''}`;
  return `${trimmed(days / 365)} year${days / 365 >= 1.05 ? 's' : ''}`;
}
