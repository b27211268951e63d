import type { ActiveQuiz } from './progress-schema';
import type { ParsedQuizLink, QuizSettings } from './quiz-settings';

/** The quiz a link asks to start: the one its settings and seed name, or weak-spot practice. */
export type LinkedQuiz = 'link' | 'weak-spots';

/** What the quiz page shows on arrival. */
export type Arrival =
  /** A result from history, named by `?result=<quizId>`. */
  | { kind: 'result'; quizId: string }
  /** The unfinished quiz, where it was left. */
  | { kind: 'resume'; quiz: ActiveQuiz }
  | { kind: 'start'; quiz: LinkedQuiz }
  /** A link names another quiz while one is unfinished: never drop it unasked. */
  | { kind: 'ask'; unfinished: ActiveQuiz; instead: LinkedQuiz }
  | { kind: 'setup' };

const sameSettings = (a: QuizSettings, b: QuizSettings) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Decides from the address and the saved unfinished quiz. `seed` is the one a link without a seed
 * would start with.
 */
export function decideArrival(
  params: URLSearchParams,
  link: ParsedQuizLink,
  seed: string,
  saved: ActiveQuiz | null,
): Arrival {
  const resultId = params.get('result');
  if (resultId) return { kind: 'result', quizId: resultId };
  const wanted: LinkedQuiz | null =
    params.get('practice') === 'weak' ? 'weak-spots' : link.start ? 'link' : null;
  if (!wanted) return saved ? { kind: 'resume', quiz: saved } : { kind: 'setup' };
  if (!saved) return { kind: 'start', quiz: wanted };
  // The link names the quiz that is already under way (a reload, or the same link again).
  const same =
    wanted === 'link' &&
    saved.meta.kind === 'new' &&
    saved.meta.seed === (link.seed ?? seed) &&
    sameSettings(saved.meta.settings, link.settings);
  return same
    ? { kind: 'resume', quiz: saved }
    : { kind: 'ask', unfinished: saved, instead: wanted };
}
