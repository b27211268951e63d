import { describe, expect, it } from 'vitest';
import type { QuestionId } from '../../src/domain/bank-schema';
import { fixedOffsetCalendar } from '../../src/domain/calendar';
import {
  buildQueue,
  queueCards,
  type QueueCard,
  type QueueOptions,
} from '../../src/domain/flashcard-queue';
import { createScheduler, replay, reviewEvents } from '../../src/domain/flashcards';
import { DEFAULT_FLASHCARD_SETTINGS, type ReviewLog } from '../../src/domain/progress-schema';
import type { ServiceType } from '../../src/domain/service-types';
import { makeBank, makeQuestion } from '../factories';

const DAY = 86_400_000;
const MIN = 60_000;
const TODAY = Date.UTC(2025, 2, 3); // midnight UTC
const NOW = TODAY + 9 * 60 * MIN;
const options: QueueOptions = {
  now: NOW,
  todayStart: TODAY,
  tomorrowStart: TODAY + DAY,
  dailyNewLimit: 20,
};

let rank = 0;
function card(id: string, overrides: Partial<QueueCard> = {}): QueueCard {
  rank += 1;
  return {
    id: id as QuestionId,
    answer: 'ClusterIP',
    tags: [],
    state: 'new',
    availableAt: 0,
    newRank: rank,
    introducedAt: null,
    ...overrides,
  };
}
const learning = (id: string, availableAt: number, o: Partial<QueueCard> = {}) =>
  card(id, { state: 'learning', availableAt, introducedAt: TODAY - 5 * DAY, ...o });
const review = (id: string, availableAt: number, o: Partial<QueueCard> = {}) =>
  card(id, { state: 'review', availableAt, introducedAt: TODAY - 30 * DAY, ...o });

describe('queue order', () => {
  it('puts due (re)learning cards first, then due reviews most overdue first, then new cards', () => {
    const cards = [
      card('new-1'),
      review('review-late', TODAY - 3 * DAY),
      learning('relearn', NOW - 5 * MIN, { state: 'relearning' }),
      review('review-today', TODAY),
      learning('learn', NOW - 30 * MIN),
      card('new-2'),
      review('review-tomorrow', TODAY + DAY),
    ];
    const queue = buildQueue(cards, options);
    expect(queue.ids).toEqual([
      'learn',
      'relearn',
      'review-late',
      'review-today',
      'new-1',
      'new-2',
    ]);
    expect(queue.counts).toEqual({ learning: 2, review: 2, new: 2 });
    expect(queue.due).toBe(6);
  });

  it('orders new cards by their rank, not by position in the bank', () => {
    const cards = [card('b', { newRank: 2 }), card('c', { newRank: 3 }), card('a', { newRank: 1 })];
    expect(buildQueue(cards, options).ids).toEqual(['a', 'b', 'c']);
  });

  it('shows learning cards due within the learn-ahead window only when nothing else is due', () => {
    const soon = learning('soon', NOW + 5 * MIN);
    const withOthers = buildQueue([soon, card('new')], options);
    expect(withOthers.ids).toEqual(['new']);
    expect(withOthers.nextDueAt).toBe(NOW + 5 * MIN);
    const alone = buildQueue([soon, learning('later', NOW + 40 * MIN)], options);
    expect(alone.ids).toEqual(['soon']);
    expect(alone.due).toBe(1);
    expect(alone.nextDueAt).toBe(NOW + 40 * MIN);
  });

  it('new cards from a replayed deck are mixed across types, the same way every time', () => {
    const types: ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
    const bank = makeBank(
      types.flatMap((answer) =>
        Array.from({ length: 10 }, (_, i) =>
          makeQuestion({ id: `${answer.toLowerCase()}-${i}`, answer }),
        ),
      ),
    );
    const cards = queueCards(bank, new Map(), fixedOffsetCalendar(0));
    const first = buildQueue(cards, { ...options, dailyNewLimit: 8 }).ids;
    expect(buildQueue(queueCards(bank, new Map(), fixedOffsetCalendar(0)), options).ids).toEqual(
      buildQueue(cards, options).ids,
    );
    const answerOf = new Map(bank.questions.map((q) => [q.id, q.answer]));
    expect(new Set(first.map((id) => answerOf.get(id))).size).toBeGreaterThan(1);
  });
});

describe('daily new-card limit', () => {
  it('counts new cards the flashcards introduced today, over every filter', () => {
    const cards = [
      card('today-1', { state: 'learning', availableAt: NOW + DAY, introducedAt: TODAY + MIN }),
      card('today-2', {
        state: 'learning',
        availableAt: NOW + DAY,
        introducedAt: NOW,
        answer: 'NodePort',
      }),
      card('yesterday', { state: 'review', availableAt: NOW + DAY, introducedAt: TODAY - 1 }),
      // First reviewed in a quiz: not introduced by the flashcards.
      card('from-quiz', { state: 'learning', availableAt: NOW + DAY, introducedAt: null }),
      card('n1'),
      card('n2'),
      card('n3'),
    ];
    const queue = buildQueue(cards, {
      ...options,
      dailyNewLimit: 4,
      filter: { types: new Set(['ClusterIP']), tag: null },
    });
    expect(queue.newToday).toBe(2);
    expect(queue.ids).toEqual(['n1', 'n2']);
    expect(queue.newWaiting).toBe(1);
  });

  it('with the limit reached, the next card is due tomorrow', () => {
    const cards = [
      card('done', { state: 'learning', availableAt: NOW + 3 * DAY, introducedAt: NOW - MIN }),
      card('waiting'),
    ];
    const queue = buildQueue(cards, { ...options, dailyNewLimit: 1 });
    expect(queue.ids).toEqual([]);
    expect(queue.due).toBe(0);
    expect(queue.newWaiting).toBe(1);
    expect(queue.nextDueAt).toBe(TODAY + DAY);
  });

  it('a limit of 0 shows no new cards', () => {
    expect(buildQueue([card('a'), card('b')], { ...options, dailyNewLimit: 0 }).ids).toEqual([]);
  });

  it('a new day resets the count', () => {
    const cards = [
      card('yesterday', { state: 'review', availableAt: NOW + 5 * DAY, introducedAt: NOW - MIN }),
      card('n1'),
    ];
    expect(buildQueue(cards, { ...options, dailyNewLimit: 1 }).ids).toEqual([]);
    expect(
      buildQueue(cards, {
        ...options,
        now: NOW + DAY,
        todayStart: TODAY + DAY,
        tomorrowStart: TODAY + 2 * DAY,
        dailyNewLimit: 1,
      }).ids,
    ).toEqual(['n1']);
  });

  it('replays reviews into the count', () => {
    const bank = makeBank([makeQuestion({ id: 'one' }), makeQuestion({ id: 'two' })]);
    const log: ReviewLog = {
      id: 'l1',
      questionId: 'one' as QuestionId,
      bankId: 'bundled',
      rating: 3,
      reviewedAt: NOW - MIN,
      mode: 'classic',
      choice: null,
      durationMs: 1000,
    };
    const deck = replay(reviewEvents([log], []), createScheduler(DEFAULT_FLASHCARD_SETTINGS));
    const cards = queueCards(bank, deck, fixedOffsetCalendar(0));
    const queue = buildQueue(cards, { ...options, dailyNewLimit: 1, learnAheadMs: 0 });
    expect(queue.newToday).toBe(1);
    expect(queue.ids).toEqual([]);
    // "one" comes back at the end of its ten-minute learning step…
    expect(queue.nextDueAt).toBe(NOW + 9 * MIN);
    // …or now, as nothing else is due and that is within the learn-ahead window.
    expect(buildQueue(cards, { ...options, dailyNewLimit: 1 }).ids).toEqual(['one']);
  });
});

describe('filters', () => {
  const cards = [
    card('cip', { tags: ['dns'] }),
    card('np', { answer: 'NodePort', tags: ['bare-metal'] }),
    review('lb', TODAY, { answer: 'LoadBalancer', tags: ['dns', 'cloud-lb'] }),
  ];

  it('by answer type', () => {
    const queue = buildQueue(cards, {
      ...options,
      filter: { types: new Set(['NodePort', 'LoadBalancer']), tag: null },
    });
    expect(queue.ids).toEqual(['lb', 'np']);
    expect(queue.matching).toBe(2);
  });

  it('by tag', () => {
    expect(buildQueue(cards, { ...options, filter: { types: null, tag: 'dns' } }).ids).toEqual([
      'lb',
      'cip',
    ]);
  });

  it('matching nothing', () => {
    const queue = buildQueue(cards, { ...options, filter: { types: null, tag: 'nope' } });
    expect([queue.ids, queue.matching, queue.nextDueAt]).toEqual([[], 0, null]);
  });
});

describe('nothing due', () => {
  it('says when the next card is due: reviews from the start of their day', () => {
    const bank = makeBank([makeQuestion({ id: 'one' })]);
    const log: ReviewLog = {
      id: 'l1',
      questionId: 'one' as QuestionId,
      bankId: 'bundled',
      rating: 4,
      reviewedAt: NOW,
      mode: 'classic',
      choice: null,
      durationMs: 1000,
    };
    const deck = replay(reviewEvents([log], []), createScheduler(DEFAULT_FLASHCARD_SETTINGS));
    const due = deck.get('one' as QuestionId)!.due;
    const queue = buildQueue(queueCards(bank, deck, fixedOffsetCalendar(0)), options);
    expect(queue.ids).toEqual([]);
    expect(queue.nextDueAt).toBe(due - 9 * 60 * MIN);
  });
});

describe('study ahead', () => {
  it('adds not-yet-due cards by due time, then new cards over the limit, skipping studied ones', () => {
    const cards = [
      review('due', TODAY),
      review('next-week', TODAY + 7 * DAY),
      review('tomorrow', TODAY + DAY),
      learning('in-an-hour', NOW + 60 * MIN),
      card('new-a'),
      card('new-b'),
    ];
    const queue = buildQueue(cards, {
      ...options,
      dailyNewLimit: 0,
      ahead: { exclude: new Set(['tomorrow' as QuestionId]) },
    });
    expect(queue.ids).toEqual(['due', 'in-an-hour', 'next-week', 'new-a', 'new-b']);
    expect(queue.due).toBe(1);
  });
});
