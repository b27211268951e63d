import { describe, expect, it } from 'vitest';
import type { QuestionId } from '../../src/domain/bank-schema';
import { fixedOffsetCalendar } from '../../src/domain/calendar';
import {
  buildQueue,
  LEARN_AHEAD_MS,
  queueCards,
  type QueueCard,
  type QueueOptions,
} from '../../src/domain/flashcard-queue';
import { makeBank, makeQuestion } from '../factories';

// The edges of the study queue: exactly-now, exactly-at-the-window, ties and the study-ahead list.
const DAY = 86_400_000;
const MIN = 60_000;
const TODAY = Date.UTC(2025, 2, 3);
const NOW = TODAY + 9 * 60 * MIN;
const options: QueueOptions = {
  now: NOW,
  todayStart: TODAY,
  tomorrowStart: TODAY + DAY,
  dailyNewLimit: 20,
};
const card = (id: string, o: Partial<QueueCard> = {}): QueueCard => ({
  id: id as QuestionId,
  answer: 'ClusterIP',
  tags: [],
  state: 'new',
  availableAt: 0,
  newRank: 0,
  introducedAt: null,
  ...o,
});
const learning = (id: string, availableAt: number, o: Partial<QueueCard> = {}) =>
  card(id, { state: 'learning', availableAt, introducedAt: TODAY - DAY, ...o });
const review = (id: string, availableAt: number, o: Partial<QueueCard> = {}) =>
  card(id, { state: 'review', availableAt, introducedAt: TODAY - DAY, ...o });

describe('the study queue at its edges', () => {
  it('a card available exactly now is due', () => {
    expect(buildQueue([review('r', NOW), learning('l', NOW)], options).counts).toEqual({
      learning: 1,
      review: 1,
      new: 0,
    });
  });

  it('learning ahead reaches exactly to the end of the window, and never takes review cards', () => {
    const queue = buildQueue(
      [learning('edge', NOW + LEARN_AHEAD_MS), review('tomorrow-soon', NOW + 5 * MIN)],
      options,
    );
    expect(queue.ids).toEqual(['edge']);
    expect(queue.counts).toEqual({ learning: 1, review: 0, new: 0 });
    expect(queue.due).toBe(1);
    expect(queue.nextDueAt).toBe(NOW + 5 * MIN);
  });

  it('learning ahead waits while a review, or a review and a new card, are due', () => {
    const soon = learning('soon', NOW + 5 * MIN);
    expect(
      buildQueue([learning('l', NOW - MIN), review('r', NOW - MIN), soon], options).ids,
    ).toEqual(['l', 'r']);
    expect(buildQueue([review('r', NOW - MIN), card('n'), soon], options).ids).toEqual(['r', 'n']);
  });

  it('due reviews come most overdue first; ties go by rank', () => {
    const queue = buildQueue(
      [
        review('yesterday', TODAY - DAY, { newRank: 5 }),
        review('last-week', TODAY - 7 * DAY, { newRank: 9 }),
        learning('l-late-rank', NOW - MIN, { newRank: 8 }),
        learning('l-early-rank', NOW - MIN, { newRank: 2 }),
      ],
      options,
    );
    expect(queue.ids).toEqual(['l-early-rank', 'l-late-rank', 'last-week', 'yesterday']);
  });

  it('a card introduced at the very start of today counts toward today’s new cards', () => {
    const atMidnight = learning('l', NOW + DAY, { introducedAt: TODAY });
    const justBefore = learning('m', NOW + DAY, { introducedAt: TODAY - 1 });
    expect(buildQueue([atMidnight, justBefore], options).newToday).toBe(1);
    // On the calendar's first day, a card never introduced still does not count.
    expect(buildQueue([card('n')], { ...options, todayStart: 0 }).newToday).toBe(0);
  });

  it('studying ahead adds each new card over the limit once, and none studied already', () => {
    const queue = buildQueue(
      [card('a', { newRank: 1 }), card('b', { newRank: 2 }), card('c', { newRank: 3 })],
      {
        ...options,
        dailyNewLimit: 1,
        ahead: { exclude: new Set(['b' as QuestionId]) },
      },
    );
    expect(queue.ids).toEqual(['a', 'c']);
  });
});

describe('queue cards', () => {
  it('a question without tags has none', () => {
    const bank = makeBank([makeQuestion({ id: 'untagged', tags: undefined })]);
    expect(queueCards(bank, new Map(), fixedOffsetCalendar(0))[0]?.tags).toEqual([]);
  });
});
