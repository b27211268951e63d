/**
 * `npm run bench`: times the hot paths and prints a table. It reports, it does not assert: timings
 * depend on the machine, so no test fails on them. Add a benchmark by adding an entry to BENCHMARKS.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadBank } from '../src/domain/bank-loader';
import type { QuestionId } from '../src/domain/bank-schema';
import { fixedOffsetCalendar } from '../src/domain/calendar';
import { buildQueue, queueCards, type QueueCard } from '../src/domain/flashcard-queue';
import { createScheduler, replay, reviewEvents } from '../src/domain/flashcards';
import { masteryFrom } from '../src/domain/mastery';
import { mergeProgress, type ProgressData } from '../src/domain/progress-export';
import {
  DEFAULT_FLASHCARD_SETTINGS,
  type QuizResult,
  type ReviewLog,
} from '../src/domain/progress-schema';
import { buildQuiz } from '../src/domain/quiz-builder';
import { DEFAULT_SETTINGS } from '../src/domain/quiz-settings';
import { findWeakSpots } from '../src/domain/weak-spots';
import { seededRandom } from '../src/domain/random';
import { SERVICE_TYPES } from '../src/domain/service-types';
import { makeBank, makeQuestion } from '../test/factories';
import { makeResult } from '../test/factories-progress';

interface Benchmark {
  name: string;
  /** What the target is, if there is one, e.g. "< 20 ms". */
  target?: { ms: number };
  /** Builds the input once; the returned function is what is timed. */
  setup: () => () => unknown;
}

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 2, 3, 9);
const TODAY = Date.UTC(2025, 2, 3);
const calendar = fixedOffsetCalendar(0);

/** 10,000 cards in a realistic mix: mostly new, some learning, many reviews, a few overdue. */
function syntheticCards(count: number): QueueCard[] {
  const random = seededRandom('bench');
  return Array.from({ length: count }, (_, i) => {
    const roll = random();
    const state =
      roll < 0.5 ? 'new' : roll < 0.55 ? 'learning' : roll < 0.58 ? 'relearning' : 'review';
    const availableAt =
      state === 'new'
        ? 0
        : state === 'review'
          ? TODAY + Math.floor(random() * 60 - 10) * DAY
          : NOW + Math.floor(random() * 40 - 20) * 60_000;
    return {
      id: `card-${i}` as QuestionId,
      answer: SERVICE_TYPES[i % 4]!,
      tags: i % 3 === 0 ? ['dns', 'external-service'] : ['internal-traffic'],
      state,
      availableAt,
      newRank: Math.floor(random() * 2 ** 32),
      introducedAt: state === 'new' ? null : NOW - Math.floor(random() * 5) * DAY,
    };
  });
}

/** `reviews` flashcard reviews spread over `cards` cards and 90 days. */
function syntheticLogs(cards: number, reviews: number): ReviewLog[] {
  const random = seededRandom('bench-logs');
  return Array.from({ length: reviews }, (_, i) => ({
    id: `log-${i}`,
    questionId: `card-${Math.floor(random() * cards)}` as QuestionId,
    bankId: 'bench',
    rating: (1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4,
    reviewedAt: NOW - 90 * DAY + Math.floor((i / reviews) * 90 * DAY),
    mode: 'classic' as const,
    choice: null,
    durationMs: 5000,
  }));
}

const queueOptions = {
  now: NOW,
  todayStart: TODAY,
  tomorrowStart: TODAY + DAY,
  dailyNewLimit: 20,
};

const BENCHMARKS: Benchmark[] = [
  {
    name: 'flashcard queue, 10,000 cards',
    target: { ms: 20 },
    setup: () => {
      const cards = syntheticCards(10_000);
      return () => buildQueue(cards, queueOptions);
    },
  },
  {
    name: 'flashcard queue, 10,000 cards, type and tag filter',
    target: { ms: 20 },
    setup: () => {
      const cards = syntheticCards(10_000);
      const filter = { types: new Set(['NodePort', 'LoadBalancer'] as const), tag: 'dns' };
      return () => buildQueue(cards, { ...queueOptions, filter });
    },
  },
  {
    name: 'flashcard queue, 10,000 cards, studying ahead',
    target: { ms: 20 },
    setup: () => {
      const cards = syntheticCards(10_000);
      return () => buildQueue(cards, { ...queueOptions, ahead: { exclude: new Set() } });
    },
  },
  {
    name: 'queue cards from a 10,000-question bank',
    setup: () => {
      const bank = makeBank(
        Array.from({ length: 10_000 }, (_, i) => makeQuestion({ id: `card-${i}` })),
      );
      const deck = replay(
        reviewEvents(syntheticLogs(10_000, 20_000), []),
        createScheduler(DEFAULT_FLASHCARD_SETTINGS),
      );
      return () => queueCards(bank, deck, calendar);
    },
  },
  {
    name: 'replay 20,000 reviews of 10,000 cards (ts-fsrs)',
    setup: () => {
      const events = reviewEvents(syntheticLogs(10_000, 20_000), []);
      const scheduler = createScheduler(DEFAULT_FLASHCARD_SETTINGS);
      return () => replay(events, scheduler);
    },
  },
  {
    name: 'load and validate the bundled bank (256 questions)',
    setup: () => {
      const text = readFileSync('data/questions.json', 'utf8');
      return () => loadBank(text);
    },
  },
  {
    name: 'build a 20-question quiz from the bundled bank',
    setup: () => {
      const result = loadBank(readFileSync('data/questions.json', 'utf8'));
      if (!result.ok) throw new Error('the bundled bank does not load');
      let n = 0;
      return () => buildQuiz(result.bank, { ...DEFAULT_SETTINGS, count: 20 }, `seed-${n++}`);
    },
  },
  {
    name: 'merge two exports: 1,000 quizzes and 20,000 reviews each, half shared',
    setup: () => {
      const side = (from: number): ProgressData => ({
        quizResults: syntheticResults(from, 1_000),
        reviewLogs: syntheticLogs(10_000, 20_000).map((l, i) => ({
          ...l,
          id: `r-${from * 20 + i}`,
        })),
        flashcardSettings: null,
      });
      const a = side(0);
      const b = side(500);
      return () => mergeProgress(a, b);
    },
  },
  {
    name: 'mastery and weak spots over 1,000 quizzes (20,000 answers)',
    setup: () => {
      const result = loadBank(readFileSync('data/questions.json', 'utf8'));
      if (!result.ok) throw new Error('the bundled bank does not load');
      const results = syntheticResults(0, 1_000);
      return () => [masteryFrom(results), findWeakSpots(result.bank, results)];
    },
  },
];

/** Quiz results of 20 answers each, over the bundled bank's ids, some wrong. */
function syntheticResults(from: number, count: number): QuizResult[] {
  const random = seededRandom(`results-${from}`);
  const ids = JSON.parse(readFileSync('test/fixtures/known-question-ids.json', 'utf8')) as string[];
  return Array.from({ length: count }, (_, i) => {
    const finishedAt = NOW - (from + i) * 3_600_000;
    const answers = Array.from({ length: 20 }, (_, j) => {
      const answer = SERVICE_TYPES[j % 4]!;
      const choice = random() < 0.7 ? answer : SERVICE_TYPES[(j + 1) % 4]!;
      return {
        questionId: ids[(i * 20 + j) % ids.length] as QuestionId,
        answer,
        choice,
        correct: choice === answer,
        confidence: null,
        timeMs: 8_000,
        answeredAt: finishedAt - (20 - j) * 8_000,
      };
    });
    return { ...makeResult(`quiz-${from + i}`, answers, finishedAt) };
  });
}

const WARMUP_RUNS = 3;
const RUNS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function measure(benchmark: Benchmark) {
  const run = benchmark.setup();
  for (let i = 0; i < WARMUP_RUNS; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

function printTable(rows: string[][]) {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
  const line = (r: string[]) =>
    r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!)));
  const [head, ...body] = rows;
  console.log(line(head!).join('  '));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of body) console.log(line(r).join('  '));
}

const only = process.argv.slice(2).join(' ').toLowerCase();
const chosen = BENCHMARKS.filter((b) => !only || b.name.toLowerCase().includes(only));
console.log(`${RUNS} runs each after ${WARMUP_RUNS} warm-up runs, Node ${process.version}\n`);
printTable([
  ['benchmark', 'median ms', 'min ms', 'max ms', 'target'],
  ...chosen.map((b) => {
    const t = measure(b);
    const target = b.target ? `< ${b.target.ms} ms ${t.median < b.target.ms ? 'ok' : 'SLOW'}` : '';
    return [b.name, t.median.toFixed(2), t.min.toFixed(2), t.max.toFixed(2), target];
  }),
]);
