import type { Bank, Question, QuestionId } from './bank-schema';
import { seededRandom, shuffle } from './random';
import type { QuizSettings } from './quiz-settings';
import type { QuizItem } from './quiz-session';
import { SERVICE_TYPES } from './service-types';

/** A question as a quiz holds it: its id and right answer. */
export const toItem = (q: Question): QuizItem => ({ questionId: q.id, answer: q.answer });

export type BuildResult =
  { ok: true; items: QuizItem[]; available: number } | { ok: false; message: string };

/** The questions that match the settings' filters, in bank order. */
export function matchingQuestions(
  bank: Bank,
  settings: Pick<QuizSettings, 'types' | 'difficulties'>,
): Question[] {
  return bank.questions.filter(
    (q) =>
      settings.types.includes(q.answer) &&
      // A question without a difficulty is treated as "apply", the middle level.
      settings.difficulties.includes(q.difficulty ?? 2),
  );
}

/**
 * Picks and orders a quiz. Pure and deterministic: the same bank, settings and seed give the same
 * questions in the same order. Answer types are balanced as far as the bank allows, so the quiz
 * cannot be gamed by guessing the most common type.
 */
export function buildQuiz(bank: Bank, settings: QuizSettings, seed: string): BuildResult {
  const pool = matchingQuestions(bank, settings);
  if (pool.length === 0)
    return {
      ok: false,
      message: 'No questions match these settings. Include more answer types or difficulty levels.',
    };
  const random = seededRandom(seed);
  const wanted = settings.count === 'all' ? pool.length : Math.min(settings.count, pool.length);

  // Shuffle each type's questions, then take one of each type in turn (types in random order).
  const queues = SERVICE_TYPES.map((type) =>
    shuffle(
      pool.filter((q) => q.answer === type),
      random,
    ),
  ).filter((queue) => queue.length > 0);
  const picked: Question[] = [];
  while (picked.length < wanted) {
    for (const queue of shuffle(queues, random)) {
      const next = queue.shift();
      if (next && picked.length < wanted) picked.push(next);
    }
  }
  return {
    ok: true,
    items: shuffle(picked, random).map(toItem),
    available: pool.length,
  };
}

/** A quiz of exactly these questions (for "Retry mistakes"), in a seeded order. */
export function orderQuestions(ids: readonly QuestionId[], seed: string): QuestionId[] {
  return shuffle(ids, seededRandom(seed));
}
