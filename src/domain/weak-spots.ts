import type { Bank, QuestionId } from './bank-schema';
import type { QuizResult } from './progress-schema';
import { seededRandom } from './random';
import { allAnswers } from './mastery';
import { byType, SERVICE_TYPES, type ServiceType } from './service-types';

export interface WeakSpots {
  /** Share of answers missed, smoothed so one answer does not swing it: (missed + 1) / (asked + 2). */
  typeMissRate: Record<ServiceType, number>;
  tagMissRate: Map<string, number>;
  /** The types and concept tags missed most, for the page to name. */
  weakestTypes: ServiceType[];
  weakestTags: string[];
}

const smoothed = (missed: number, asked: number) => (missed + 1) / (asked + 2);

/** Tags that say how a question is asked, not what it is about. */
const FORMAT_TAGS = new Set(['manifest', 'kubectl-output']);
const conceptTags = (tags: readonly string[] | undefined) =>
  (tags ?? []).filter((t) => !t.startsWith('pair:') && !FORMAT_TAGS.has(t));

export function findWeakSpots(bank: Bank, results: readonly QuizResult[]): WeakSpots {
  const tagsOf = new Map(bank.questions.map((q) => [q.id as string, conceptTags(q.tags)]));
  const typeCounts = byType(() => ({ asked: 0, missed: 0 }));
  const tagCounts = new Map<string, { asked: number; missed: number }>();
  for (const a of allAnswers(results)) {
    typeCounts[a.answer].asked += 1;
    if (!a.correct) typeCounts[a.answer].missed += 1;
    for (const tag of tagsOf.get(a.questionId) ?? []) {
      const c = tagCounts.get(tag) ?? { asked: 0, missed: 0 };
      c.asked += 1;
      if (!a.correct) c.missed += 1;
      tagCounts.set(tag, c);
    }
  }
  const typeMissRate = byType((t) => smoothed(typeCounts[t].missed, typeCounts[t].asked));
  const tagMissRate = new Map([...tagCounts].map(([tag, c]) => [tag, smoothed(c.missed, c.asked)]));
  const weakestTypes = SERVICE_TYPES.filter((t) => typeCounts[t].missed > 0)
    .sort((a, b) => typeMissRate[b] - typeMissRate[a])
    .slice(0, 2);
  const weakestTags = [...tagCounts]
    .filter(([, c]) => c.missed > 0)
    .sort(
      ([a, ca], [b, cb]) =>
        smoothed(cb.missed, cb.asked) - smoothed(ca.missed, ca.asked) || a.localeCompare(b),
    )
    .slice(0, 3)
    .map(([tag]) => tag);
  return { typeMissRate, tagMissRate, weakestTypes, weakestTags };
}

/** How strongly a question should be drawn: its type's miss rate, raised by its worst concept tag. */
export function questionWeight(question: Bank['questions'][number], spots: WeakSpots): number {
  const tagRates = conceptTags(question.tags)
    .map((t) => spots.tagMissRate.get(t))
    .filter((r): r is number => r !== undefined);
  const tagRate = tagRates.length ? Math.max(...tagRates) : 0.5;
  return spots.typeMissRate[question.answer] * tagRate;
}

/**
 * A quiz weighted to what the learner misses: weighted sampling without replacement
 * (Efraimidis–Spirakis keys), seeded so it is reproducible in tests.
 */
export function buildWeakSpotQuiz(
  bank: Bank,
  spots: WeakSpots,
  count: number,
  seed: string,
): QuestionId[] {
  const random = seededRandom(seed);
  return bank.questions
    .map((q) => ({
      id: q.id,
      key: Math.pow(random(), 1 / Math.max(questionWeight(q, spots), 1e-6)),
    }))
    .sort((a, b) => b.key - a.key)
    .slice(0, count)
    .map((q) => q.id);
}
