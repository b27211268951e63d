import { describe, expect, it } from 'vitest';
import type { QuestionId } from '../../src/domain/bank-schema';
import { fixedOffsetCalendar } from '../../src/domain/calendar';
import { queueCards } from '../../src/domain/flashcard-queue';
import {
  applyReview,
  createScheduler,
  describeInterval,
  formatInterval,
  previewRatings,
  quizEvents,
  replay,
  reviewEvents,
  withoutReview,
  type Deck,
  type FlashCard,
} from '../../src/domain/flashcards';
import {
  DEFAULT_FLASHCARD_SETTINGS,
  reviewLogSchema,
  type QuizResult,
  type Rating,
  type ReviewLog,
} from '../../src/domain/progress-schema';
import { makeBank, makeQuestion } from '../factories';

const T0 = Date.UTC(2025, 2, 3, 9, 0); // Monday 3 March 2025, 09:00 UTC
const MIN = 60_000;
const DAY = 86_400_000;
const id = (s: string) => s as QuestionId;
const scheduler = createScheduler(DEFAULT_FLASHCARD_SETTINGS);

let logs = 0;
function log(questionId: string, rating: Rating, reviewedAt: number): ReviewLog {
  logs += 1;
  return {
    id: `log-${String(logs).padStart(4, '0')}`,
    questionId: id(questionId),
    bankId: 'bundled',
    rating,
    reviewedAt,
    mode: 'classic',
    choice: null,
    durationMs: 4000,
  };
}

function quiz(quizId: string, answers: { q: string; correct: boolean; at: number }[]): QuizResult {
  return {
    quizId,
    bankId: 'bundled',
    bankTitle: 'Bank',
    settings: {
      count: answers.length,
      types: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
      difficulties: [1, 2, 3],
      feedback: 'each',
      timerSeconds: null,
      confidence: false,
    },
    seed: 'seed',
    kind: 'new',
    startedAt: answers[0]?.at ?? T0,
    finishedAt: answers.at(-1)?.at ?? T0,
    answers: answers.map(({ q, correct, at }) => ({
      questionId: id(q),
      answer: 'ClusterIP',
      choice: correct ? 'ClusterIP' : 'NodePort',
      correct,
      confidence: null,
      timeMs: 3000,
      answeredAt: at,
    })),
  };
}

/** The parts of a card that the schedule shows; equal schedules give equal views. */
const view = (card: FlashCard | undefined) =>
  card && {
    state: card.state,
    due: card.due,
    reps: card.reps,
    lapses: card.lapses,
    stability: card.stability,
    difficulty: card.difficulty,
    introducedAt: card.introducedAt,
    reviews: card.reviews.map((r) => [r.event.id, r.stateBefore]),
  };
const deckView = (deck: Deck) => new Map([...deck].map(([k, card]) => [k, view(card)]));

describe("a card's first steps", () => {
  it('Again on a new card brings it back in a minute, in learning', () => {
    const card = replay(reviewEvents([log('a', 1, T0)], []), scheduler).get(id('a'));
    expect(card).toMatchObject({ state: 'learning', due: T0 + MIN, reps: 1, lapses: 0 });
    expect(card?.introducedAt).toBe(T0);
  });

  it('Good on a new card brings it back in ten minutes; Good again graduates it to days', () => {
    const first = replay(reviewEvents([log('a', 3, T0)], []), scheduler).get(id('a'));
    expect(first).toMatchObject({ state: 'learning', due: T0 + 10 * MIN });
    const second = replay(
      reviewEvents([log('a', 3, T0), log('a', 3, T0 + 10 * MIN)], []),
      scheduler,
    ).get(id('a'));
    expect(second?.state).toBe('review');
    expect(second!.due - (T0 + 10 * MIN)).toBeGreaterThanOrEqual(DAY);
  });

  it('Again on a learned card counts a lapse and sends it to relearning', () => {
    const deck = replay(reviewEvents([log('a', 4, T0), log('a', 1, T0 + 10 * DAY)], []), scheduler);
    expect(deck.get(id('a'))).toMatchObject({ state: 'relearning', lapses: 1 });
    expect(deck.get(id('a'))?.reviews.map((r) => r.stateBefore)).toEqual(['new', 'review']);
  });

  it('previews each rating with the interval ts-fsrs would give', () => {
    const preview = previewRatings(undefined, T0, scheduler);
    expect([1, 2, 3].map((r) => formatInterval(preview[r as Rating].intervalMs))).toEqual([
      '1m',
      '6m',
      '10m',
    ]);
    expect(preview[4].state).toBe('review');
    expect(preview[4].intervalMs % DAY).toBe(0);
    // The preview is what rating does.
    const rated = applyReview(
      new Map(),
      { questionId: id('a'), rating: 3, at: T0, source: 'flashcard', id: 'x' },
      scheduler,
    );
    expect(rated.get(id('a'))?.due).toBe(preview[3].due);
  });

  it('is deterministic (fuzz off) and follows the settings', () => {
    const events = reviewEvents(
      [log('a', 3, T0), log('a', 3, T0 + 10 * MIN), log('a', 3, T0 + 5 * DAY)],
      [],
    );
    expect(deckView(replay(events, scheduler))).toEqual(deckView(replay(events, scheduler)));
    const strict = createScheduler({ ...DEFAULT_FLASHCARD_SETTINGS, desiredRetention: 0.97 });
    const due = (s: typeof scheduler) => replay(events, s).get(id('a'))!.due;
    expect(due(strict)).toBeLessThan(due(scheduler));
    // ts-fsrs caps the interval at the maximum (Good and Easy stay one day apart above Hard).
    const capped = createScheduler({ ...DEFAULT_FLASHCARD_SETTINGS, maximumIntervalDays: 5 });
    const hard = (s: typeof scheduler) =>
      previewRatings(replay(events, s).get(id('a')), T0 + 40 * DAY, s)[2].intervalMs;
    expect(hard(scheduler)).toBeGreaterThan(5 * DAY);
    expect(hard(capped)).toBe(5 * DAY);
  });
});

describe('formatting intervals', () => {
  it.each([
    [30_000, '<1m', 'less than a minute'],
    [MIN, '1m', '1 minute'],
    [10 * MIN, '10m', '10 minutes'],
    [3 * 60 * MIN, '3h', '3 hours'],
    [DAY, '1d', '1 day'],
    [3 * DAY, '3d', '3 days'],
    [45 * DAY, '1.5mo', '1.5 months'],
    [30 * DAY, '1mo', '1 month'],
    [730 * DAY, '2y', '2 years'],
  ])('%i ms is %s', (ms, short, long) => {
    expect(formatInterval(ms)).toBe(short);
    expect(describeInterval(ms)).toBe(long);
  });
});

describe('quiz answers as reviews', () => {
  it('a right answer is Good and a wrong or unanswered one is Again', () => {
    const result = quiz('qz1', [
      { q: 'a', correct: true, at: T0 },
      { q: 'b', correct: false, at: T0 + MIN },
    ]);
    result.answers.push({ ...result.answers[1]!, questionId: id('c'), choice: null });
    expect(quizEvents([result]).map((e) => [e.questionId, e.rating, e.source])).toEqual([
      ['a', 3, 'quiz'],
      ['b', 1, 'quiz'],
      ['c', 1, 'quiz'],
    ]);
  });

  it('are replayed with flashcard reviews in time order, and do not count as introductions', () => {
    const events = reviewEvents(
      [log('a', 3, T0 + 10 * MIN), log('b', 3, T0 + MIN)],
      [quiz('qz1', [{ q: 'a', correct: true, at: T0 }])],
    );
    expect(events.map((e) => [e.questionId, e.source])).toEqual([
      ['a', 'quiz'],
      ['b', 'flashcard'],
      ['a', 'flashcard'],
    ]);
    const deck = replay(events, scheduler);
    // The quiz answer was the first step, so the flashcard Good ten minutes later graduates it.
    expect(deck.get(id('a'))?.state).toBe('review');
    expect(deck.get(id('a'))?.introducedAt).toBeNull();
    expect(deck.get(id('b'))?.introducedAt).toBe(T0 + MIN);
  });

  it('a wrong quiz answer on a learned card is a lapse', () => {
    const deck = replay(
      reviewEvents(
        [log('a', 4, T0)],
        [quiz('qz1', [{ q: 'a', correct: false, at: T0 + 9 * DAY }])],
      ),
      scheduler,
    );
    expect(deck.get(id('a'))).toMatchObject({ state: 'relearning', lapses: 1 });
  });
});

describe('undo', () => {
  it('takes back the last rating: the card is exactly as it was before', () => {
    const first = [log('a', 3, T0), log('a', 3, T0 + 10 * MIN)];
    const last = log('a', 1, T0 + 3 * DAY);
    const before = replay(reviewEvents(first, []), scheduler);
    const after = applyReview(before, reviewEvents([last], [])[0]!, scheduler);
    expect(after.get(id('a'))?.state).toBe('relearning');
    const undone = withoutReview(after, id('a'), last.id, scheduler);
    expect(deckView(undone)).toEqual(deckView(before));
  });

  it('undoing the only review makes the card new again', () => {
    const only = log('a', 3, T0);
    const deck = replay(reviewEvents([only], []), scheduler);
    expect(withoutReview(deck, id('a'), only.id, scheduler).has(id('a'))).toBe(false);
  });

  it('leaves the deck alone for a review it does not hold', () => {
    const deck = replay(reviewEvents([log('a', 3, T0)], []), scheduler);
    expect(withoutReview(deck, id('a'), 'no-such-log', scheduler)).toBe(deck);
  });
});

describe('orphaned cards', () => {
  const calendar = fixedOffsetCalendar(0);
  const kept = makeQuestion({ id: 'kept-question' });
  const gone = makeQuestion({ id: 'gone-question' });
  const events = reviewEvents([log('kept-question', 3, T0), log('gone-question', 4, T0)], []);

  it('keeps reviews of questions no longer in the bank and leaves them out of the queue', () => {
    const deck = replay(events, scheduler);
    expect(deck.get(id('gone-question'))?.state).toBe('review');
    const cards = queueCards(makeBank([kept]), deck, calendar);
    expect(cards.map((c) => c.id)).toEqual(['kept-question']);
  });

  it('brings a card back with its schedule when its question returns', () => {
    const cards = queueCards(makeBank([kept, gone]), replay(events, scheduler), calendar);
    expect(cards.find((c) => c.id === 'gone-question')).toMatchObject({ state: 'review' });
  });

  it('a question added to the bank later is a new card', () => {
    const added = makeQuestion({ id: 'added-question' });
    const cards = queueCards(makeBank([kept, added]), replay(events, scheduler), calendar);
    expect(cards.find((c) => c.id === 'added-question')).toMatchObject({
      state: 'new',
      introducedAt: null,
    });
  });
});

describe('dates through the schema', () => {
  it('a review log survives JSON and the schema unchanged, with times as epoch ms', () => {
    const original = log('a', 2, T0 + 123);
    const back = reviewLogSchema.parse(JSON.parse(JSON.stringify(original)));
    expect(back).toEqual(original);
    expect(typeof back.reviewedAt).toBe('number');
  });

  it('replaying round-tripped logs gives the same schedule as the originals', () => {
    const originals = [log('a', 3, T0), log('a', 3, T0 + 10 * MIN), log('b', 1, T0 + 2 * DAY)];
    const parsed = originals.map((l) => reviewLogSchema.parse(JSON.parse(JSON.stringify(l))));
    expect(deckView(replay(reviewEvents(parsed, []), scheduler))).toEqual(
      deckView(replay(reviewEvents(originals, []), scheduler)),
    );
  });

  it('rejects a Date, or the string JSON makes of one, where epoch ms belong', () => {
    const original = log('a', 3, T0);
    for (const reviewedAt of [new Date(T0), new Date(T0).toISOString()])
      expect(reviewLogSchema.safeParse({ ...original, reviewedAt }).success).toBe(false);
  });

  it('a replayed card holds plain numbers for its times', () => {
    const card = replay(reviewEvents([log('a', 3, T0)], []), scheduler).get(id('a'))!;
    expect([typeof card.due, typeof card.lastReviewAt]).toEqual(['number', 'number']);
  });
});
