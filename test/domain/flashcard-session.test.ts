import { describe, expect, it } from 'vitest';
import type { QuestionId } from '../../src/domain/bank-schema';
import type { QueueCard } from '../../src/domain/flashcard-queue';
import {
  answerDuration,
  initialSession,
  sessionReducer,
  summarizeSession,
  type FlashcardSession,
  type SessionEvent,
  type SessionReview,
} from '../../src/domain/flashcard-session';

const T = 1_000_000;
const a = 'card-a' as QuestionId;
const b = 'card-b' as QuestionId;

const run = (events: SessionEvent[], from: FlashcardSession = initialSession) =>
  events.reduce(sessionReducer, from);

const review = (questionId: QuestionId, rating: 1 | 2 | 3 | 4, logId: string): SessionReview => ({
  questionId,
  logId,
  rating,
  at: T,
  durationMs: 5000,
});

describe('flashcard session', () => {
  it('shows the first card of the queue, then its back', () => {
    const front = run([{ type: 'present', next: a, now: T }]);
    expect(front).toMatchObject({ status: 'front', questionId: a, shownAt: T, turn: 1 });
    expect(run([{ type: 'show', now: T + 1 }], front)).toMatchObject({
      status: 'back',
      choice: null,
      suggested: null,
    });
  });

  it('choose first: a right pick suggests Good, a wrong one Again', () => {
    const front = run([{ type: 'present', next: a, now: T }]);
    expect(
      run([{ type: 'choose', choice: 'NodePort', answer: 'NodePort', now: T }], front),
    ).toMatchObject({ status: 'back', choice: 'NodePort', suggested: 3 });
    expect(
      run([{ type: 'choose', choice: 'ClusterIP', answer: 'NodePort', now: T }], front),
    ).toMatchObject({ status: 'back', choice: 'ClusterIP', suggested: 1 });
  });

  it('a rating moves on to the next card and is kept for the summary', () => {
    const rated = run([
      { type: 'present', next: a, now: T },
      { type: 'show', now: T },
      { type: 'rated', review: review(a, 3, 'l1'), next: b, now: T + 9 },
    ]);
    expect(rated).toMatchObject({ status: 'front', questionId: b, shownAt: T + 9, turn: 2 });
    expect(rated.reviews).toEqual([review(a, 3, 'l1')]);
  });

  it('ignores a rating before the answer is shown, or for another card', () => {
    const front = run([{ type: 'present', next: a, now: T }]);
    expect(run([{ type: 'rated', review: review(a, 3, 'l1'), next: b, now: T }], front)).toBe(
      front,
    );
    const back = run([{ type: 'show', now: T }], front);
    expect(run([{ type: 'rated', review: review(b, 3, 'l1'), next: b, now: T }], back)).toBe(back);
  });

  it('keeps the card on screen when the queue still starts with it', () => {
    const back = run([
      { type: 'present', next: a, now: T },
      { type: 'show', now: T },
    ]);
    expect(run([{ type: 'present', next: a, now: T + 5 }], back)).toBe(back);
    expect(run([{ type: 'present', next: b, now: T + 5 }], back)).toMatchObject({
      status: 'front',
      questionId: b,
    });
  });

  it('undo takes the rating back and shows that card again, as a new turn', () => {
    const rated = run([
      { type: 'present', next: a, now: T },
      { type: 'show', now: T },
      { type: 'rated', review: review(a, 1, 'l1'), next: null, now: T },
    ]);
    expect(rated.status).toBe('idle');
    const undone = run([{ type: 'undone', logId: 'l1', next: a, now: T + 1 }], rated);
    expect(undone).toMatchObject({ status: 'front', questionId: a, turn: 2, reviews: [] });
  });

  it('with nothing left it is idle; study ahead shows more; ending shows the summary', () => {
    const idle = run([{ type: 'present', next: null, now: T }]);
    expect(idle.status).toBe('idle');
    const ahead = run([{ type: 'study-ahead', next: b, now: T }], idle);
    expect(ahead).toMatchObject({ status: 'front', questionId: b, ahead: true });
    const ended = run([{ type: 'end' }], ahead);
    expect(ended.status).toBe('summary');
    expect(run([{ type: 'present', next: a, now: T }], ended)).toBe(ended);
    expect(run([{ type: 'resume', next: a, now: T }], ended)).toMatchObject({
      status: 'front',
      questionId: a,
    });
  });

  it('counts time on a card up to a minute', () => {
    expect(answerDuration(T, T + 4200)).toBe(4200);
    expect(answerDuration(T, T + 3_600_000)).toBe(60_000);
    expect(answerDuration(T, T - 5)).toBe(0);
  });
});

describe('session summary', () => {
  const card = (id: string, state: QueueCard['state'], availableAt: number): QueueCard => ({
    id: id as QuestionId,
    answer: 'ClusterIP',
    tags: [],
    state,
    availableAt,
    newRank: 0,
    introducedAt: null,
  });

  it('counts reviews, cards, the again rate, time, and what is due tomorrow', () => {
    const dayAfterTomorrowStart = 10_000;
    const summary = summarizeSession(
      [review(a, 1, 'l1'), review(a, 3, 'l2'), review(b, 4, 'l3'), review(b, 1, 'l4')],
      [
        card('x', 'review', 9_999),
        card('y', 'learning', 500),
        card('z', 'review', 10_000),
        card('n1', 'new', 0),
        card('n2', 'new', 0),
        card('n3', 'new', 0),
      ],
      { dayAfterTomorrowStart, dailyNewLimit: 2 },
    );
    expect(summary).toEqual({
      reviewed: 4,
      cards: 2,
      again: 2,
      againRate: 0.5,
      timeMs: 20_000,
      tomorrow: { due: 2, new: 2 },
    });
  });

  it('of an empty session', () => {
    expect(summarizeSession([], [], { dayAfterTomorrowStart: 0, dailyNewLimit: 20 })).toMatchObject(
      { reviewed: 0, againRate: 0, timeMs: 0 },
    );
  });
});
