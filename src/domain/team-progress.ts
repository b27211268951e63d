import type { QuestionId } from './bank-schema';
import type { QuizResult } from './progress-schema';
import type { AnswerRecord } from './quiz-session';
import { SERVICE_TYPES, type ServiceType } from './service-types';

/** A team session as one participant saw it: what their local progress records about it. */
export interface TeamSessionInfo {
  code: string;
  participantId: string;
  /** The name the learner played as. */
  name: string;
  /** The session's title: the title of the bank it was hosted from. */
  title: string;
  bankId: string;
  total: number;
  secondsPerQuestion: number | null;
}

/** One revealed question as the participant played it. */
export interface TeamAnswer {
  questionId: QuestionId;
  answer: ServiceType;
  choice: ServiceType | null;
  correct: boolean;
  timeMs: number | null;
}

/** One history record per participant per session: a rejoin as the same person adds to it. */
export function teamResultId(code: string, participantId: string): string {
  return `team-${code}-${participantId}`;
}

/**
 * The team result with the answers it does not hold yet, or null when it holds them all. A
 * question is asked once per session, so its id says whether it is recorded: a repeated reveal or
 * a rejoin that brings the same results again changes nothing. Recorded answers are never changed.
 */
export function withTeamAnswers(
  existing: QuizResult | null,
  session: TeamSessionInfo,
  answers: readonly TeamAnswer[],
  at: number,
): QuizResult | null {
  const recorded = new Set(existing?.answers.map((a) => a.questionId));
  const fresh = answers.filter((a) => !recorded.has(a.questionId));
  if (fresh.length === 0) return null;
  const added: AnswerRecord[] = fresh.map((a) => ({
    questionId: a.questionId,
    answer: a.answer,
    choice: a.choice,
    correct: a.correct,
    confidence: null,
    timeMs: a.timeMs ?? 0,
    answeredAt: at,
  }));
  const base: QuizResult = existing ?? {
    quizId: teamResultId(session.code, session.participantId),
    bankId: session.bankId,
    bankTitle: session.title,
    // What a team session is, in quiz settings: every type and level, the answer shown after each
    // question, the host's timer, no confidence question. The host picked the questions: no seed.
    settings: {
      count: session.total,
      types: [...SERVICE_TYPES],
      difficulties: [1, 2, 3],
      feedback: 'each',
      timerSeconds: session.secondsPerQuestion,
      confidence: false,
    },
    seed: '',
    kind: 'team',
    team: { code: session.code, name: session.name },
    startedAt: at,
    finishedAt: at,
    answers: [],
  };
  return {
    ...base,
    finishedAt: Math.max(base.finishedAt, at),
    answers: [...base.answers, ...added],
  };
}
