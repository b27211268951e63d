import type { QuizResult, ReviewLog } from '../src/domain/progress-schema';
import type { AnswerRecord } from '../src/domain/quiz-session';
import { DEFAULT_SETTINGS } from '../src/domain/quiz-settings';
import type { ServiceType } from '../src/domain/service-types';

/** An answer: `right` is the answer, `chosen` the pick (null when time ran out). */
export function makeAnswer(
  questionId: string,
  right: ServiceType,
  chosen: ServiceType | null,
  answeredAt = 1_000,
): AnswerRecord {
  return {
    questionId: questionId as never,
    answer: right,
    choice: chosen,
    correct: right === chosen,
    confidence: null,
    timeMs: 5_000,
    answeredAt,
  };
}

export function makeResult(
  quizId: string,
  answers: AnswerRecord[],
  finishedAt = 10_000,
): QuizResult {
  return {
    quizId,
    bankId: 'bundled',
    bankTitle: 'Bank',
    settings: DEFAULT_SETTINGS,
    seed: 's',
    kind: 'new',
    startedAt: Math.max(0, finishedAt - 60_000),
    finishedAt,
    answers,
  };
}

export function makeReview(
  id: string,
  questionId: string,
  reviewedAt: number,
  rating: ReviewLog['rating'] = 3,
): ReviewLog {
  return {
    id,
    questionId: questionId as never,
    bankId: 'bundled',
    rating,
    reviewedAt,
    mode: 'classic',
    choice: null,
    durationMs: 3_000,
  };
}
