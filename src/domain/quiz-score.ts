import type { AnswerRecord } from './quiz-session';
import { byType, SERVICE_TYPES, type ServiceType } from './service-types';

export type ChosenColumn = ServiceType | 'none';
export const CHOSEN_COLUMNS: readonly ChosenColumn[] = [...SERVICE_TYPES, 'none'];

export interface TypeAccuracy {
  asked: number;
  correct: number;
}

export interface QuizScore {
  correct: number;
  total: number;
  /** 0–100, rounded to a whole number. */
  percent: number;
  perType: Record<ServiceType, TypeAccuracy>;
  /** confusion[right answer][chosen type or 'none' when time ran out] = count */
  confusion: Record<ServiceType, Record<ChosenColumn, number>>;
  /** Answers marked "Sure" that were wrong: misconceptions to fix first. */
  sureButWrong: AnswerRecord[];
  unanswered: number;
  totalTimeMs: number;
}

export function scoreAnswers(answers: readonly AnswerRecord[]): QuizScore {
  const perType = byType<TypeAccuracy>(() => ({ asked: 0, correct: 0 }));
  const confusion = byType(() => ({
    ClusterIP: 0,
    NodePort: 0,
    LoadBalancer: 0,
    ExternalName: 0,
    none: 0,
  }));
  let correct = 0;
  let totalTimeMs = 0;
  for (const a of answers) {
    perType[a.answer].asked += 1;
    if (a.correct) {
      perType[a.answer].correct += 1;
      correct += 1;
    }
    confusion[a.answer][a.choice ?? 'none'] += 1;
    totalTimeMs += a.timeMs;
  }
  return {
    correct,
    total: answers.length,
    percent: answers.length === 0 ? 0 : Math.round((100 * correct) / answers.length),
    perType,
    confusion,
    sureButWrong: answers.filter((a) => !a.correct && a.confidence === 'sure'),
    unanswered: answers.filter((a) => a.choice === null).length,
    totalTimeMs,
  };
}

/** The most frequent off-diagonal cell: "you pick X when Y is right". */
export function mostConfusedPair(
  confusion: QuizScore['confusion'],
): { answer: ServiceType; chosen: ServiceType; count: number } | null {
  let best: { answer: ServiceType; chosen: ServiceType; count: number } | null = null;
  for (const answer of SERVICE_TYPES)
    for (const chosen of SERVICE_TYPES) {
      const count = confusion[answer][chosen];
      if (answer !== chosen && count > 0 && (!best || count > best.count))
        best = { answer, chosen, count };
    }
  return best;
}
