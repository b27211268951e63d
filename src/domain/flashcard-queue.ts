import type { Bank, QuestionId } from './bank-schema';
import type { Calendar } from './calendar';
import type { CardState, Deck } from './flashcards';
import { hashSeed } from './random';
import type { ServiceType } from './service-types';

/** What the queue needs to know about a card: small and flat, so 10,000 of them sort quickly. */
export interface QueueCard {
  id: QuestionId;
  answer: ServiceType;
  tags: readonly string[];
  state: CardState;
  /**
   * When the card can be studied (epoch ms): a (re)learning card at its exact due time, a review
   * card from the start of its due day, a new card at 0.
   */
  availableAt: number;
  /** The order new cards are introduced in: a hash of the id, so stable and well mixed by type. */
  newRank: number;
  /** When the flashcards introduced it (counts toward the daily new-card limit). */
  introducedAt: number | null;
}

/** The bank's questions as queue cards; reviews of questions not in the bank are left out. */
export function queueCards(bank: Bank, deck: Deck, calendar: Calendar): QueueCard[] {
  return bank.questions.map((q) => {
    const card = deck.get(q.id);
    const state = card?.state ?? 'new';
    return {
      id: q.id,
      answer: q.answer,
      tags: q.tags ?? [],
      state,
      availableAt: !card
        ? 0
        : state === 'review'
          ? calendar.startOfDay(calendar.dayOf(card.due))
          : card.due,
      newRank: hashSeed(q.id),
      introducedAt: card?.introducedAt ?? null,
    };
  });
}

export interface QueueFilter {
  /** Only cards whose answer is one of these; null for every type. */
  types: ReadonlySet<ServiceType> | null;
  /** Only cards with this tag; null for every tag. */
  tag: string | null;
}

export const NO_FILTER: QueueFilter = { types: null, tag: null };

/** Anki's default: when nothing else is left, learning cards due within 20 minutes are shown early. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface QueueOptions {
  now: number;
  /** Start of today and of tomorrow in the learner's calendar (epoch ms). */
  todayStart: number;
  tomorrowStart: number;
  dailyNewLimit: number;
  filter?: QueueFilter;
  learnAheadMs?: number;
  /**
   * Study ahead: after the due cards, every other card by when it falls due, then the new cards
   * over today's limit. Cards already studied ahead in this session are left out.
   */
  ahead?: { exclude: ReadonlySet<QuestionId> } | null;
}

export interface Queue {
  /** The cards to study now, in order. */
  ids: QuestionId[];
  /** Of the due cards in `ids`: (re)learning, review and new. */
  counts: { learning: number; review: number; new: number };
  /** Due cards (the study-ahead cards after them are not counted). */
  due: number;
  /** Cards matching the filter. */
  matching: number;
  /** New cards introduced today, over every filter. */
  newToday: number;
  /** Matching new cards kept for later days by the limit. */
  newWaiting: number;
  /** When the next card that is not due yet will be (epoch ms), or null when there is none. */
  nextDueAt: number | null;
}

const byAvailable = (a: QueueCard, b: QueueCard) =>
  a.availableAt - b.availableAt || a.newRank - b.newRank;
const byRank = (a: QueueCard, b: QueueCard) => a.newRank - b.newRank;

/**
 * The study queue: (re)learning cards that are due, then due reviews (most overdue first), then
 * new cards up to what is left of the daily limit. Learning cards due within the learn-ahead window
 * follow only when nothing else is due, as in Anki. Pure, and linear apart from the sorts.
 */
export function buildQueue(cards: readonly QueueCard[], options: QueueOptions): Queue {
  const { now, todayStart, tomorrowStart, filter = NO_FILTER } = options;
  const learnAheadUntil = now + (options.learnAheadMs ?? LEARN_AHEAD_MS);
  const learning: QueueCard[] = [];
  const reviews: QueueCard[] = [];
  const fresh: QueueCard[] = [];
  const soon: QueueCard[] = [];
  const later: QueueCard[] = [];
  let newToday = 0;
  let matching = 0;

  for (const card of cards) {
    if (card.introducedAt !== null && card.introducedAt >= todayStart) newToday += 1;
    if (filter.types && !filter.types.has(card.answer)) continue;
    if (filter.tag !== null && !card.tags.includes(filter.tag)) continue;
    matching += 1;
    if (card.state === 'new') fresh.push(card);
    else if (card.availableAt <= now) (card.state === 'review' ? reviews : learning).push(card);
    else if (card.state !== 'review' && card.availableAt <= learnAheadUntil) soon.push(card);
    else later.push(card);
  }

  learning.sort(byAvailable);
  reviews.sort(byAvailable);
  fresh.sort(byRank);
  soon.sort(byAvailable);
  const newAllowed = Math.max(0, Math.min(options.dailyNewLimit - newToday, fresh.length));
  const newNow = fresh.slice(0, newAllowed);
  const newWaiting = fresh.length - newAllowed;
  const studyEarly = learning.length + reviews.length + newNow.length === 0 ? soon : [];
  const waiting = studyEarly === soon ? later : [...soon, ...later];

  const ids = [...learning, ...reviews, ...newNow, ...studyEarly].map((c) => c.id);
  let nextDueAt: number | null = newWaiting > 0 ? tomorrowStart : null;
  for (const card of waiting)
    if (nextDueAt === null || card.availableAt < nextDueAt) nextDueAt = card.availableAt;

  if (options.ahead) {
    const { exclude } = options.ahead;
    const notYet = waiting.filter((c) => !exclude.has(c.id)).sort(byAvailable);
    const extraNew = fresh.slice(newAllowed).filter((c) => !exclude.has(c.id));
    ids.push(...notYet.map((c) => c.id), ...extraNew.map((c) => c.id));
  }

  return {
    ids,
    counts: {
      learning: learning.length + studyEarly.length,
      review: reviews.length,
      new: newNow.length,
    },
    due: learning.length + studyEarly.length + reviews.length + newNow.length,
    matching,
    newToday,
    newWaiting,
    nextDueAt,
  };
}
