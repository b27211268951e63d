import Papa from 'papaparse';
import type { Question, QuestionId } from '../domain/bank-schema';
import type { QuizResult } from '../domain/progress-schema';
import { QUIZ_RESULT_COLUMNS, quizResultRows } from '../domain/quiz-result-rows';
import { downloadText } from './download';
import { FORMULA_START } from './live-export';

/** A finished quiz as CSV: one row per question, RFC 4180 quoting by papaparse. */
export function quizResultCsv(
  result: QuizResult,
  questions: ReadonlyMap<QuestionId, Question>,
): string {
  const rows = quizResultRows(result, questions);
  return Papa.unparse(
    {
      fields: [...QUIZ_RESULT_COLUMNS],
      data: rows.map((row) => QUIZ_RESULT_COLUMNS.map((c) => row[c])),
    },
    // Bank text is untrusted: a prompt that starts like a formula is kept as text.
    { escapeFormulae: FORMULA_START, newline: '\r\n' },
  );
}

export function downloadQuizResultCsv(
  result: QuizResult,
  questions: ReadonlyMap<QuestionId, Question>,
  day: string,
) {
  downloadText(`quiz-results-${day}.csv`, quizResultCsv(result, questions), 'text/csv');
}
