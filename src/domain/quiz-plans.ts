import type { Bank, QuestionId } from './bank-schema';
import type { QuizResult } from './progress-schema';
import { buildQuiz, orderQuestions, toItem } from './quiz-builder';
import type { QuizItem, QuizMeta } from './quiz-session';
import type { QuizSettings } from './quiz-settings';
import { buildWeakSpotQuiz, findWeakSpots } from './weak-spots';

/** A quiz ready to start (what its meta needs besides ids and times), or why there is none. */
export type QuizPlan =
  | ({ ok: true; items: QuizItem[] } & Pick<QuizMeta, 'settings' | 'seed' | 'kind'>)
  | { ok: false; message: string };

function itemsFor(bank: Bank, ids: readonly QuestionId[]): QuizItem[] {
  const questions = new Map(bank.questions.map((q) => [q.id, q]));
  return ids.flatMap((id) => {
    const q = questions.get(id);
    return q ? [toItem(q)] : [];
  });
}

/** The quiz that settings and a seed name (the setup form, a shared link). */
export function planFromSettings(bank: Bank, settings: QuizSettings, seed: string): QuizPlan {
  const built = buildQuiz(bank, settings, seed);
  return built.ok ? { ok: true, items: built.items, settings, seed, kind: 'new' } : built;
}

/** A quiz weighted to the types and concepts this learner misses most. */
export function planWeakSpots(
  bank: Bank,
  history: readonly QuizResult[],
  settings: QuizSettings,
  seed: string,
): QuizPlan {
  if (history.every((r) => r.answers.every((a) => a.correct)))
    return {
      ok: false,
      message:
        'There are no mistakes in your quiz history yet, so there are no weak spots to practise. Take a quiz first.',
    };
  const count = typeof settings.count === 'number' ? settings.count : 10;
  const ids = buildWeakSpotQuiz(bank, findWeakSpots(bank, history), count, seed);
  const items = itemsFor(bank, ids);
  return {
    ok: true,
    items,
    settings: { ...settings, count: items.length },
    seed,
    kind: 'practice',
  };
}

/** The questions a quiz got wrong, that are still in the bank, in a seeded order. */
export function planRetry(bank: Bank, from: QuizResult, seed: string): QuizPlan {
  const missed = from.answers.filter((a) => !a.correct).map((a) => a.questionId);
  const items = itemsFor(bank, orderQuestions(missed, seed));
  if (items.length === 0)
    return {
      ok: false,
      message: 'The questions you missed are no longer in the question bank. Start a new quiz.',
    };
  return {
    ok: true,
    items,
    settings: { ...from.settings, count: items.length },
    seed,
    kind: 'retry',
  };
}
