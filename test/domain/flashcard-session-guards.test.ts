import { describe, expect, it } from 'vitest';
import type { QuestionId } from '../../src/domain/bank-schema';
import {
  initialSession,
  sessionReducer,
  type FlashcardSession,
  type SessionEvent,
  type SessionReview,
} from '../../src/domain/flashcard-session';

// An event that makes no sense in a state leaves it exactly as it was: no new turn (which would
// move focus), no lost or doubled review.
const T = 1_000_000;
const a = 'card-a' as QuestionId;
const b = 'card-b' as QuestionId;
const run = (from: FlashcardSession, ...events: SessionEvent[]) =>
  events.reduce(sessionReducer, from);
const review = (questionId: QuestionId, logId: string): SessionReview => ({
  questionId,
  logId,
  rating: 3,
  at: T,
  durationMs: 5000,
});

const front = run(initialSession, { type: 'present', next: a, now: T });
const back = run(front, { type: 'show', now: T + 1 });
const rated = run(back, { type: 'rated', review: review(a, 'log-1'), next: b, now: T + 2 });
const summary = run(rated, { type: 'end' });

describe('the flashcard session ignores events that make no sense in its state', () => {
  it('starts idle, with nothing reviewed', () => {
    expect(initialSession).toEqual({ status: 'idle', reviews: [], ahead: false, turn: 0 });
    expect([front, back, rated, summary].map((s) => s.status)).toEqual([
      'front',
      'back',
      'front',
      'summary',
    ]);
  });

  it.each<[string, FlashcardSession, SessionEvent]>([
    ['present the card already on its front', front, { type: 'present', next: a, now: T + 5 }],
    ['present the card already on its back', back, { type: 'present', next: a, now: T + 5 }],
    ['present an empty queue while idle', initialSession, { type: 'present', next: null, now: T }],
    ['present during the summary', summary, { type: 'present', next: a, now: T + 5 }],
    ['show the back twice', back, { type: 'show', now: T + 5 }],
    ['show with no card', initialSession, { type: 'show', now: T }],
    [
      'choose on the back',
      back,
      { type: 'choose', choice: 'NodePort', answer: 'NodePort', now: T },
    ],
    [
      'choose with no card',
      initialSession,
      { type: 'choose', choice: 'NodePort', answer: 'NodePort', now: T },
    ],
    ['rate a front', front, { type: 'rated', review: review(a, 'x'), next: b, now: T + 5 }],
    [
      'rate another card than the one shown',
      back,
      { type: 'rated', review: review(b, 'x'), next: b, now: T + 5 },
    ],
    [
      'undo a review this session did not give',
      rated,
      { type: 'undone', logId: 'other', next: a, now: T + 5 },
    ],
    ['resume when not in the summary', rated, { type: 'resume', next: a, now: T + 5 }],
  ])('%s', (_name, state, event) => {
    expect(sessionReducer(state, event)).toBe(state);
  });

  it('presents the next card when the queue changes under an idle session', () => {
    expect(run(initialSession, { type: 'present', next: b, now: T })).toMatchObject({
      status: 'front',
      questionId: b,
      turn: 1,
    });
  });

  it('goes idle when the card on screen leaves the queue and nothing follows', () => {
    expect(run(front, { type: 'present', next: null, now: T + 5 })).toMatchObject({
      status: 'idle',
      turn: 1,
    });
    expect(run(back, { type: 'present', next: b, now: T + 5 })).toMatchObject({
      status: 'front',
      questionId: b,
      turn: 2,
    });
  });

  it('undo takes back only the review it names', () => {
    const two = run(
      rated,
      { type: 'show', now: T + 3 },
      {
        type: 'rated',
        review: review(b, 'log-2'),
        next: a,
        now: T + 4,
      },
    );
    expect(two.reviews.map((r) => r.logId)).toEqual(['log-1', 'log-2']);
    const undone = run(two, { type: 'undone', logId: 'log-1', next: a, now: T + 5 });
    expect(undone.reviews.map((r) => r.logId)).toEqual(['log-2']);
  });
});
