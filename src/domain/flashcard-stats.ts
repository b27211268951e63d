import type { Bank, QuestionId } from './bank-schema';
import { isoDate, weekday, type Calendar } from './calendar';
import { createScheduler, replay, reviewEvents, type Deck, type ReviewEvent } from './flashcards';
import type { FlashcardSettings, QuizResult, ReviewLog } from './progress-schema';
import { byType, type ServiceType } from './service-types';

/** Flashcard statistics for the progress page; every part is plain data a table can show. */
export interface FlashcardStats {
  /** Cards due on each of the next days, today first (overdue cards count as due today). */
  forecast: ForecastDay[];
  /** Reviews of learned cards (in the review state) that were passed: Hard, Good or Easy. */
  retention: PassRate;
  perType: Record<ServiceType, PassRate>;
  heatmap: Heatmap;
  cards: { total: number; new: number; learning: number; review: number };
}

export interface ForecastDay {
  /** 0 today, 1 tomorrow, … */
  offset: number;
  /** "2025-03-04" */
  date: string;
  count: number;
}

export interface PassRate {
  passed: number;
  total: number;
}

export interface HeatmapDay {
  date: string;
  /** 0 Sunday … 6 Saturday */
  weekday: number;
  count: number;
  /** 0 (no reviews) to 4 (the busiest days), for colour. */
  level: 0 | 1 | 2 | 3 | 4;
}

export interface Heatmap {
  /** Whole weeks, Monday first, ending with the week of today; days after today are left out. */
  days: HeatmapDay[];
  totalReviews: number;
  activeDays: number;
  /** Days in a row with reviews, ending today (or yesterday, when today has none yet). */
  currentStreak: number;
}

export const FORECAST_DAYS = 30;
export const HEATMAP_WEEKS = 26;

/** How many of the given cards fall due on each of the next `days` days. New cards are not due. */
export function dueForecast(
  deck: Deck,
  questionIds: Iterable<QuestionId>,
  today: number,
  calendar: Calendar,
  days = FORECAST_DAYS,
): ForecastDay[] {
  const counts = new Array<number>(days).fill(0);
  for (const id of questionIds) {
    const card = deck.get(id);
    if (!card) continue;
    const offset = Math.max(0, calendar.dayOf(card.due) - today);
    if (offset < days) counts[offset] = (counts[offset] ?? 0) + 1;
  }
  return counts.map((count, offset) => ({ offset, date: isoDate(today + offset), count }));
}

/**
 * True retention, as Anki defines it: of the reviews of cards that had left learning, the share
 * that were not Again. Learning steps say little about memory and are left out.
 */
export function trueRetention(
  deck: Deck,
  answerOf: ReadonlyMap<QuestionId, ServiceType>,
): { overall: PassRate; perType: Record<ServiceType, PassRate> } {
  const overall: PassRate = { passed: 0, total: 0 };
  const perType = byType<PassRate>(() => ({ passed: 0, total: 0 }));
  for (const card of deck.values()) {
    const type = answerOf.get(card.questionId);
    if (!type) continue;
    for (const review of card.reviews) {
      if (review.stateBefore !== 'review') continue;
      const passed = review.event.rating > 1 ? 1 : 0;
      overall.total += 1;
      overall.passed += passed;
      perType[type].total += 1;
      perType[type].passed += passed;
    }
  }
  return { overall, perType };
}

/** Reviews per day over the last `weeks` weeks, for a calendar heatmap. */
export function reviewHeatmap(
  events: readonly ReviewEvent[],
  today: number,
  calendar: Calendar,
  weeks = HEATMAP_WEEKS,
): Heatmap {
  const daysSinceMonday = (weekday(today) + 6) % 7;
  const first = today - daysSinceMonday - 7 * (weeks - 1);
  const counts = new Array<number>(today - first + 1).fill(0);
  const studyDays = new Set<number>();
  for (const event of events) {
    const day = calendar.dayOf(event.at);
    studyDays.add(day);
    if (day >= first && day <= today) counts[day - first] = (counts[day - first] ?? 0) + 1;
  }
  const max = Math.max(0, ...counts);
  const days = counts.map((count, i) => ({
    date: isoDate(first + i),
    weekday: weekday(first + i),
    count,
    level: (count === 0 ? 0 : Math.max(1, Math.ceil((4 * count) / max))) as HeatmapDay['level'],
  }));
  let streak = 0;
  for (let day = studyDays.has(today) ? today : today - 1; studyDays.has(day); day--) streak += 1;
  return {
    days,
    totalReviews: counts.reduce((a, b) => a + b, 0),
    activeDays: counts.filter((c) => c > 0).length,
    currentStreak: streak,
  };
}

/** Every flashcard statistic for a bank, from stored reviews and quiz results. */
export function computeFlashcardStats(input: {
  bank: Bank;
  reviewLogs: readonly ReviewLog[];
  quizResults: readonly QuizResult[];
  settings: FlashcardSettings;
  now: number;
  calendar: Calendar;
}): FlashcardStats {
  const { bank, calendar } = input;
  const events = reviewEvents(input.reviewLogs, input.quizResults);
  const deck = replay(events, createScheduler(input.settings));
  const answerOf = new Map(bank.questions.map((q) => [q.id, q.answer]));
  const today = calendar.dayOf(input.now);
  const { overall, perType } = trueRetention(deck, answerOf);
  const cards = { total: bank.questions.length, new: 0, learning: 0, review: 0 };
  for (const q of bank.questions) {
    const state = deck.get(q.id)?.state ?? 'new';
    if (state === 'new') cards.new += 1;
    else if (state === 'review') cards.review += 1;
    else cards.learning += 1;
  }
  return {
    forecast: dueForecast(deck, answerOf.keys(), today, calendar),
    retention: overall,
    perType,
    // Study days count whatever was studied, questions since removed from the bank included.
    heatmap: reviewHeatmap(events, today, calendar),
    cards,
  };
}
