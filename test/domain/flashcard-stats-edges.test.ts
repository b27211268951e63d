import { describe, expect, it } from 'vitest';
import type { QuestionId } from '../../src/domain/bank-schema';
import { fixedOffsetCalendar } from '../../src/domain/calendar';
import {
  computeFlashcardStats,
  dueForecast,
  reviewHeatmap,
} from '../../src/domain/flashcard-stats';
import {
  compareEvents,
  createScheduler,
  flashcardEvents,
  describeInterval,
  formatInterval,
  previewRatings,
  quizEvents,
  replay,
  reviewEvents,
  type ReviewEvent,
} from '../../src/domain/flashcards';
import { DEFAULT_FLASHCARD_SETTINGS } from '../../src/domain/progress-schema';
import { makeBank, makeQuestion } from '../factories';
import { makeAnswer, makeResult, makeReview } from '../factories-progress';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const calendar = fixedOffsetCalendar(0);
const NOW = Date.UTC(2025, 2, 5, 15, 0); // Wednesday 5 March 2025
const TODAY = calendar.dayOf(NOW);
const scheduler = createScheduler(DEFAULT_FLASHCARD_SETTINGS);
const event = (at: number, i: number): ReviewEvent => ({
  questionId: 'q' as QuestionId,
  rating: 3,
  at,
  source: 'flashcard',
  id: `e${i}`,
});

describe('statistics at their edges', () => {
  it('the forecast runs forward from today, one date per day', () => {
    const forecast = dueForecast(new Map(), [], TODAY, calendar, 3);
    expect(forecast.map((d) => d.date)).toEqual(['2025-03-05', '2025-03-06', '2025-03-07']);
  });

  it('the forecast ends before the day that is `days` away', () => {
    const deck = replay(reviewEvents([makeReview('r', 'q', NOW, 4)], []), scheduler);
    const dueIn = calendar.dayOf(deck.get('q' as QuestionId)!.due) - TODAY;
    expect(dueIn).toBeGreaterThan(1);
    const forecast = dueForecast(deck, ['q' as QuestionId], TODAY, calendar, dueIn);
    expect(forecast).toHaveLength(dueIn);
    expect(forecast.every((d) => d.count === 0)).toBe(true);
    expect(dueForecast(deck, ['q' as QuestionId], TODAY, calendar, dueIn + 1).at(-1)?.count).toBe(
      1,
    );
  });

  it('the heatmap counts its first day, never a day after today, and names weekdays in order', () => {
    const map = reviewHeatmap([NOW - 2 * DAY, NOW + DAY].map(event), TODAY, calendar, 1);
    // One week: Monday 3 March to today.
    expect(map.days.map((d) => [d.date, d.weekday, d.count])).toEqual([
      ['2025-03-03', 1, 1],
      ['2025-03-04', 2, 0],
      ['2025-03-05', 3, 0],
    ]);
    expect(map.totalReviews).toBe(1);
  });

  it('counts cards in learning apart from new and review cards', () => {
    const bank = makeBank([
      makeQuestion({ id: 'learning-card' }),
      makeQuestion({ id: 'new-card' }),
    ]);
    const stats = computeFlashcardStats({
      bank,
      reviewLogs: [makeReview('r', 'learning-card', NOW - MIN, 1)],
      quizResults: [],
      settings: DEFAULT_FLASHCARD_SETTINGS,
      now: NOW,
      calendar,
    });
    expect(stats.cards).toEqual({ total: 2, new: 1, learning: 1, review: 0 });
  });
});

describe('review events', () => {
  it('each quiz answer has its own id, from the quiz and its position', () => {
    const result = makeResult('quiz-9', [
      makeAnswer('a', 'NodePort', 'NodePort', 5),
      makeAnswer('b', 'NodePort', 'ClusterIP', 6),
    ]);
    expect(quizEvents([result]).map((e) => e.id)).toEqual(['quiz:quiz-9:0', 'quiz:quiz-9:1']);
  });

  it('compare by time, then by id; an event equals only itself', () => {
    const at5 = (id: string) => flashcardEvents([makeReview(id, 'q', 5)])[0]!;
    expect(compareEvents(at5('a'), at5('b'))).toBe(-1);
    expect(compareEvents(at5('b'), at5('a'))).toBe(1);
    expect(compareEvents(at5('a'), at5('a'))).toBe(0);
    expect(compareEvents(at5('b'), flashcardEvents([makeReview('a', 'q', 6)])[0]!)).toBeLessThan(0);
  });

  it('events at the same moment are ordered by id', () => {
    const logs = [makeReview('b', 'q', 5), makeReview('c', 'q', 5), makeReview('a', 'q', 5)];
    expect(reviewEvents(logs, []).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it('previews from the last review when the clock reads earlier than it', () => {
    const deck = replay(reviewEvents([makeReview('r', 'q', NOW, 3)], []), scheduler);
    const card = deck.get('q' as QuestionId);
    expect(previewRatings(card, NOW - HOUR, scheduler)).toEqual(
      previewRatings(card, NOW, scheduler),
    );
  });
});

describe('the scheduler', () => {
  it('has fuzz off unless asked for', () => {
    expect(scheduler.parameters.enable_fuzz).toBe(false);
    expect(createScheduler(DEFAULT_FLASHCARD_SETTINGS, { fuzz: true }).parameters.enable_fuzz).toBe(
      true,
    );
  });
});

describe('intervals in short and in words', () => {
  it.each([
    [HOUR, '1h', '1 hour'],
    [59 * MIN, '59m', '59 minutes'],
    [365 * DAY, '1y', '1 year'],
    [364 * DAY, '12.1mo', '12.1 months'],
    [31.5 * DAY, '1.1mo', '1.1 months'],
    [30 * DAY, '1mo', '1 month'],
    [383.25 * DAY, '1.1y', '1.1 years'],
    [2 * 365 * DAY, '2y', '2 years'],
  ])('%i ms is %s, "%s"', (ms, short, words) => {
    expect(formatInterval(ms)).toBe(short);
    expect(describeInterval(ms)).toBe(words);
  });
});
