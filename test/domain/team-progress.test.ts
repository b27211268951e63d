import { describe, expect, it } from 'vitest';
import type { QuestionId } from '../../src/domain/bank-schema';
import { quizResultSchema } from '../../src/domain/progress-schema';
import {
  teamResultId,
  withTeamAnswers,
  type TeamAnswer,
  type TeamSessionInfo,
} from '../../src/domain/team-progress';

const session: TeamSessionInfo = {
  code: 'K8SABC',
  participantId: 'p-ana',
  name: 'Ana',
  title: 'Acme drills',
  bankId: 'custom-acme-drills-1k3f9a',
  total: 8,
  secondsPerQuestion: 20,
};

const answer = (questionId: string, overrides: Partial<TeamAnswer> = {}): TeamAnswer => ({
  questionId: questionId as QuestionId,
  answer: 'LoadBalancer',
  choice: 'LoadBalancer',
  correct: true,
  timeMs: 4_200,
  ...overrides,
});

describe('team results in local progress', () => {
  it('keeps one result per participant per session', () => {
    expect(teamResultId('K8SABC', 'p-ana')).toBe('team-K8SABC-p-ana');
    expect(teamResultId('K8SABC', 'p-bo')).not.toBe(teamResultId('K8SABC', 'p-ana'));
  });

  it("starts a result with the session's settings and the first revealed answers", () => {
    const result = withTeamAnswers(
      null,
      session,
      [
        answer('q-lb'),
        answer('q-np', { answer: 'NodePort', choice: null, correct: false, timeMs: null }),
      ],
      1_000,
    );
    expect(result).toEqual({
      quizId: 'team-K8SABC-p-ana',
      bankId: 'custom-acme-drills-1k3f9a',
      bankTitle: 'Acme drills',
      settings: {
        count: 8,
        types: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
        difficulties: [1, 2, 3],
        feedback: 'each',
        timerSeconds: 20,
        confidence: false,
      },
      seed: '',
      kind: 'team',
      team: { code: 'K8SABC', name: 'Ana' },
      startedAt: 1_000,
      finishedAt: 1_000,
      answers: [
        {
          questionId: 'q-lb',
          answer: 'LoadBalancer',
          choice: 'LoadBalancer',
          correct: true,
          confidence: null,
          timeMs: 4_200,
          answeredAt: 1_000,
        },
        {
          questionId: 'q-np',
          answer: 'NodePort',
          choice: null,
          correct: false,
          confidence: null,
          timeMs: 0,
          answeredAt: 1_000,
        },
      ],
    });
    // What it writes is a result the progress store accepts.
    expect(quizResultSchema.safeParse(result).success).toBe(true);
  });

  it('a session without a timer records no timer', () => {
    const result = withTeamAnswers(
      null,
      { ...session, secondsPerQuestion: null },
      [answer('q')],
      5,
    );
    expect(result?.settings.timerSeconds).toBeNull();
  });

  it('adds only answers it does not hold yet, and never changes a recorded one', () => {
    const first = withTeamAnswers(null, session, [answer('q-1')], 1_000)!;
    const second = withTeamAnswers(
      first,
      session,
      [answer('q-1', { choice: 'NodePort', correct: false }), answer('q-2', { timeMs: 900 })],
      2_000,
    );
    expect(second).toEqual({
      ...first,
      finishedAt: 2_000,
      answers: [
        first.answers[0],
        {
          questionId: 'q-2',
          answer: 'LoadBalancer',
          choice: 'LoadBalancer',
          correct: true,
          confidence: null,
          timeMs: 900,
          answeredAt: 2_000,
        },
      ],
    });
    // The start, the id and the settings are the first reveal's.
    expect(second?.startedAt).toBe(1_000);
  });

  it('changes nothing when every answer is already recorded, or there are none', () => {
    const first = withTeamAnswers(null, session, [answer('q-1'), answer('q-2')], 1_000)!;
    expect(withTeamAnswers(first, session, [answer('q-2'), answer('q-1')], 3_000)).toBeNull();
    expect(withTeamAnswers(first, session, [], 3_000)).toBeNull();
    expect(withTeamAnswers(null, session, [], 3_000)).toBeNull();
  });

  it('never moves the finish time back, whatever clock a later write brings', () => {
    const first = withTeamAnswers(null, session, [answer('q-1')], 5_000)!;
    const later = withTeamAnswers(first, session, [answer('q-2')], 4_000);
    expect(later?.finishedAt).toBe(5_000);
    expect(later?.answers.map((a) => a.answeredAt)).toEqual([5_000, 4_000]);
  });
});
