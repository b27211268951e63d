import type { QuizResult } from './progress-schema';
import { mostConfusedPair, scoreAnswers, type QuizScore } from './quiz-score';
import type { AnswerRecord } from './quiz-session';

export const RECENT_ANSWERS = 50;

export interface Mastery {
  answers: number;
  allTime: QuizScore;
  /** The last RECENT_ANSWERS answers, to show whether things are getting better. */
  recent: QuizScore;
  mostConfused: ReturnType<typeof mostConfusedPair>;
  /** One point per finished quiz, oldest first. */
  overTime: { quizId: string; finishedAt: number; percent: number; total: number }[];
}

export function allAnswers(results: readonly QuizResult[]): AnswerRecord[] {
  return results.flatMap((r) => r.answers).sort((a, b) => a.answeredAt - b.answeredAt);
}

export function masteryFrom(results: readonly QuizResult[]): Mastery {
  const answers = allAnswers(results);
  const allTime = scoreAnswers(answers);
  return {
    answers: answers.length,
    allTime,
    recent: scoreAnswers(answers.slice(-RECENT_ANSWERS)),
    mostConfused: mostConfusedPair(allTime.confusion),
    overTime: [...results]
      .sort((a, b) => a.finishedAt - b.finishedAt)
      .filter((r) => r.answers.length > 0)
      .map((r) => ({
        quizId: r.quizId,
        finishedAt: r.finishedAt,
        percent: scoreAnswers(r.answers).percent,
        total: r.answers.length,
      })),
  };
}
