import { describe, expect, it } from 'vitest';
import type { QuestionId } from '../../src/domain/bank-schema';
import { fixedOffsetCalendar } from '../../src/domain/calendar';
import {
  computeFlashcardStats,
  dueForecast,
  reviewHeatmap,
  trueRetention,
} from '../../src/domain/flashcard-stats';
import {
  createScheduler,
  replay,
  reviewEvents,
  type ReviewEvent,
} from '../../src/domain/flashcards';
import {
  DEFAULT_FLASHCARD_SETTINGS,
  type Rating,
  type ReviewLog,
} from '../../src/domain/progress-schema';
import type { ServiceType } from '../../src/domain/service-types';
import { makeBank, makeQuestion } from '../factories';

const DAY = 86_400_000;
const calendar = fixedOffsetCalendar(0);
const NOW = Date.UTC(2025, 2, 5, 15, 0); // Wednesday 5 March 2025
const TODAY = calendar.dayOf(NOW);
const scheduler = createScheduler(DEFAULT_FLASHCARD_SETTINGS);

let n = 0;
function log(questionId: string, rating: Rating, reviewedAt: number): ReviewLog {
  n += 1;
  return {
    id: `log-${String(n).padStart(4, '0')}`,
    questionId: questionId as QuestionId,
    bankId: 'bundled',
    rating,
    reviewedAt,
    mode: 'classic',
    choice: null,
    durationMs: 1000,
  };
}
const deckOf = (logs: ReviewLog[]) => replay(reviewEvents(logs, []), scheduler);
const ids = (...names: string[]) => names.map((x) => x as QuestionId);

describe('due forecast', () => {
  it('counts cards by the day they fall due; overdue ones today; new and far-off ones not at all', () => {
    const deck = deckOf([
      log('overdue', 4, NOW - 30 * DAY), // Easy: due about a week later, long past
      log('learning', 1, NOW), // due in a minute: today
      log('easy', 4, NOW), // due in days
    ]);
    const forecast = dueForecast(
      deck,
      ids('overdue', 'learning', 'easy', 'never'),
      TODAY,
      calendar,
    );
    expect(forecast).toHaveLength(30);
    expect(forecast[0]).toEqual({ offset: 0, date: '2025-03-05', count: 2 });
    const easyDay = calendar.dayOf(deck.get('easy' as QuestionId)!.due) - TODAY;
    expect(forecast[easyDay]?.count).toBe(1);
    expect(forecast.reduce((sum, d) => sum + d.count, 0)).toBe(3);
    expect(dueForecast(deck, ids('easy'), TODAY, calendar, 2).map((d) => d.count)).toEqual([0, 0]);
  });
});

describe('true retention', () => {
  it('is the share of reviews of learned cards passed, overall and by type', () => {
    const deck = deckOf([
      log('cip', 4, NOW - 40 * DAY), // learning step: not counted
      log('cip', 3, NOW - 20 * DAY), // review: passed
      log('cip', 1, NOW - 5 * DAY), // review: failed (lapse)
      log('cip', 3, NOW - 5 * DAY + 600_000), // relearning step: not counted
      log('np', 4, NOW - 40 * DAY),
      log('np', 2, NOW - 10 * DAY), // Hard is a pass
      log('orphan', 4, NOW - 40 * DAY),
      log('orphan', 3, NOW - 10 * DAY), // not in the bank: not counted
    ]);
    const answerOf = new Map<QuestionId, ServiceType>([
      ['cip' as QuestionId, 'ClusterIP'],
      ['np' as QuestionId, 'NodePort'],
    ]);
    const { overall, perType } = trueRetention(deck, answerOf);
    expect(overall).toEqual({ passed: 2, total: 3 });
    expect(perType.ClusterIP).toEqual({ passed: 1, total: 2 });
    expect(perType.NodePort).toEqual({ passed: 1, total: 1 });
    expect(perType.LoadBalancer).toEqual({ passed: 0, total: 0 });
  });
});

describe('review heatmap', () => {
  const event = (at: number, i: number): ReviewEvent => ({
    questionId: 'q' as QuestionId,
    rating: 3,
    at,
    source: 'flashcard',
    id: `e${i}`,
  });

  it('covers whole weeks from a Monday up to today, with a level per day', () => {
    const events = [NOW, NOW - 1000, NOW - DAY, NOW - 3 * DAY, NOW - 400 * DAY].map(event);
    const map = reviewHeatmap(events, TODAY, calendar, 2);
    // Monday 24 February to Wednesday 5 March.
    expect(map.days[0]).toMatchObject({ date: '2025-02-24', weekday: 1, count: 0, level: 0 });
    expect(map.days.at(-1)).toMatchObject({ date: '2025-03-05', count: 2, level: 4 });
    expect(map.days).toHaveLength(10);
    expect(map.days.find((d) => d.date === '2025-03-04')).toMatchObject({ count: 1, level: 2 });
    expect(map.totalReviews).toBe(4);
    expect(map.activeDays).toBe(3);
    expect(map.currentStreak).toBe(2);
  });

  it('a streak still counts when today has no reviews yet', () => {
    const events = [NOW - DAY, NOW - 2 * DAY].map(event);
    expect(reviewHeatmap(events, TODAY, calendar).currentStreak).toBe(2);
    expect(reviewHeatmap([], TODAY, calendar)).toMatchObject({
      totalReviews: 0,
      activeDays: 0,
      currentStreak: 0,
    });
  });

  it('puts reviews on the local day', () => {
    const lateEvening = Date.UTC(2025, 2, 4, 23, 30);
    const plusTwo = fixedOffsetCalendar(120);
    const map = reviewHeatmap([event(lateEvening, 1)], plusTwo.dayOf(NOW), plusTwo, 1);
    expect(map.days.find((d) => d.count > 0)?.date).toBe('2025-03-05');
  });
});

describe('computeFlashcardStats', () => {
  it('puts it all together from stored reviews and quiz results', () => {
    const bank = makeBank([
      makeQuestion({ id: 'cip', answer: 'ClusterIP' }),
      makeQuestion({ id: 'np', answer: 'NodePort' }),
      makeQuestion({ id: 'fresh', answer: 'ExternalName' }),
    ]);
    const stats = computeFlashcardStats({
      bank,
      reviewLogs: [log('cip', 4, NOW - 20 * DAY), log('cip', 3, NOW - DAY)],
      quizResults: [
        {
          quizId: 'quiz-1',
          bankId: 'bundled',
          bankTitle: 'Bank',
          settings: {
            count: 1,
            types: ['NodePort'],
            difficulties: [2],
            feedback: 'each',
            timerSeconds: null,
            confidence: false,
          },
          seed: 's',
          kind: 'new',
          startedAt: NOW - 1000,
          finishedAt: NOW,
          answers: [
            {
              questionId: 'np' as QuestionId,
              answer: 'NodePort',
              choice: 'ClusterIP',
              correct: false,
              confidence: null,
              timeMs: 900,
              answeredAt: NOW - 500,
            },
          ],
        },
      ],
      settings: DEFAULT_FLASHCARD_SETTINGS,
      now: NOW,
      calendar,
    });
    expect(stats.cards).toEqual({ total: 3, new: 1, learning: 1, review: 1 });
    expect(stats.retention).toEqual({ passed: 1, total: 1 });
    expect(stats.perType.ClusterIP).toEqual({ passed: 1, total: 1 });
    expect(stats.forecast[0]?.count).toBe(1); // the quiz's wrong answer: due again in a minute
    expect(stats.heatmap.totalReviews).toBe(3);
    expect(stats.heatmap.currentStreak).toBe(2);
  });
});
