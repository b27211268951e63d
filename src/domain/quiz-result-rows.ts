import type { Question, QuestionId } from './bank-schema';
import type { QuizResult } from './progress-schema';

export const QUIZ_RESULT_COLUMNS = [
  'number',
  'questionId',
  'prompt',
  'answer',
  'yourAnswer',
  'correct',
  'confidence',
  'seconds',
] as const;

type Row = Record<(typeof QUIZ_RESULT_COLUMNS)[number], string | number | boolean>;

/** One row per question of a finished quiz, for a spreadsheet. */
export function quizResultRows(
  result: QuizResult,
  questions: ReadonlyMap<QuestionId, Question>,
): Row[] {
  return result.answers.map((a, i) => ({
    number: i + 1,
    questionId: a.questionId,
    prompt: questions.get(a.questionId)?.prompt ?? '',
    answer: a.answer,
    yourAnswer: a.choice ?? '',
    correct: a.correct,
    confidence: a.confidence ?? '',
    seconds: Math.round(a.timeMs / 100) / 10,
  }));
}
