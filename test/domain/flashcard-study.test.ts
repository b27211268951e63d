import { describe, expect, it } from 'vitest';
import type { QuestionId } from '../../src/domain/bank-schema';
import { fixedOffsetCalendar } from '../../src/domain/calendar';
import { NO_FILTER, queueCards } from '../../src/domain/flashcard-queue';
import { initialSession, sessionReducer } from '../../src/domain/flashcard-session';
import {
  openDeck,
  ratedAnnouncement,
  reviewLogFor,
  studyQueue,
  withoutRating,
  withRating,
  withSettings,
} from '../../src/domain/flashcard-study';
import { DEFAULT_FLASHCARD_SETTINGS } from '../../src/domain/progress-schema';
import { fourTypeBank } from '../factories';
import { makeAnswer, makeResult, makeReview } from '../factories-progress';

const T = Date.UTC(2025, 2, 3, 9);
const MIN = 60_000;
const bank = fourTypeBank();
const calendar = fixedOffsetCalendar(0);
const np = 'q-np' as QuestionId;

function back(choice: 'NodePort' | null = null) {
  const front = sessionReducer(initialSession, { type: 'present', next: np, now: T });
  return sessionReducer(
    front,
    choice
      ? { type: 'choose', choice, answer: 'NodePort', now: T + 1 }
      : { type: 'show', now: T + 1 },
  ) as Extract<ReturnType<typeof sessionReducer>, { status: 'back' }>;
}

describe('flashcard study', () => {
  it('opens the deck from reviews and quiz answers, with default settings until changed', () => {
    const d = openDeck(
      [makeReview('r1', 'q-cip', T - 5 * MIN)],
      [makeResult('quiz', [makeAnswer('q-np', 'NodePort', 'ClusterIP', T - 4 * MIN)])],
      null,
    );
    expect(d.settings).toEqual(DEFAULT_FLASHCARD_SETTINGS);
    expect(d.events.map((e) => e.source)).toEqual(['flashcard', 'quiz']);
    expect([...d.deck.keys()]).toEqual(['q-cip', 'q-np']);
    const custom = { ...DEFAULT_FLASHCARD_SETTINGS, dailyNewLimit: 3 };
    expect(openDeck([], [], custom).settings).toBe(custom);
  });

  it('writes the review log of a rating: mode, pick and time on the card', () => {
    expect(reviewLogFor(back(), 3, { now: T + 8000, id: 'r', bankId: 'b' })).toEqual({
      id: 'r',
      questionId: np,
      bankId: 'b',
      rating: 3,
      reviewedAt: T + 8000,
      mode: 'classic',
      choice: null,
      durationMs: 8000,
    });
    expect(reviewLogFor(back('NodePort'), 4, { now: T, id: 'r', bankId: 'b' })).toMatchObject({
      mode: 'choose-first',
      choice: 'NodePort',
      durationMs: 0,
    });
  });

  it('applies a rating, and takes it back to exactly the deck before', () => {
    const before = openDeck([], [], null);
    const log = makeReview('r1', np, T, 3);
    const { deck: after, review } = withRating(before, log);
    expect(review).toEqual({ questionId: np, logId: 'r1', rating: 3, at: T, durationMs: 3000 });
    expect(after.events).toHaveLength(1);
    expect(after.deck.get(np)?.due).toBe(T + 10 * MIN);
    const undone = withoutRating(after, review);
    expect(undone.events).toEqual([]);
    expect(undone.deck.has(np)).toBe(false);
  });

  it('reschedules every card with new settings, from the same reviews', () => {
    const d = openDeck(
      [makeReview('r1', np, T, 4), makeReview('r2', np, T + 5 * 86_400_000, 3)],
      [],
      null,
    );
    const strict = withSettings(d, { ...DEFAULT_FLASHCARD_SETTINGS, desiredRetention: 0.97 });
    expect(strict.events).toBe(d.events);
    expect(strict.settings.desiredRetention).toBe(0.97);
    expect(strict.deck.get(np)!.due).toBeLessThan(d.deck.get(np)!.due);
  });

  it('queues what is due today, and skips cards already rated when studying ahead', () => {
    const d = withRating(openDeck([], [], null), makeReview('r1', np, T, 4)).deck;
    const cards = queueCards(bank, d.deck, calendar);
    const options = { now: T, filter: NO_FILTER, dailyNewLimit: 20, calendar };
    const session = { ...initialSession, reviews: [withRating(d, makeReview('r1', np, T)).review] };
    expect(studyQueue(cards, { ...options, session }).due).toBe(3);
    expect(studyQueue(cards, { ...options, session, dailyNewLimit: 1 }).due).toBe(0);
    const ahead = studyQueue(cards, { ...options, session: { ...session, ahead: true } });
    expect(ahead.ids).not.toContain(np);
  });

  it('announces a rating with the next review and what is left', () => {
    const { deck } = withRating(openDeck([], [], null), makeReview('r1', np, T, 3));
    const queue = (due: number) => ({ ids: [], due, nextDueAt: null }) as never;
    expect(ratedAnnouncement(deck, makeReview('r1', np, T, 3), queue(2))).toBe(
      'Rated Good; next review in 10 minutes. 2 to go.',
    );
    expect(ratedAnnouncement(deck, makeReview('r1', np, T, 3), queue(0))).toBe(
      'Rated Good; next review in 10 minutes. That was the last card for now.',
    );
  });
});
