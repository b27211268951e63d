import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/domain/bank-schema';
import { buildQuiz, orderQuestions } from '../../src/domain/quiz-builder';
import { DEFAULT_SETTINGS, type QuizSettings } from '../../src/domain/quiz-settings';
import { SERVICE_TYPES, type ServiceType } from '../../src/domain/service-types';
import { makeBank, makeQuestion } from '../factories';

/** 10 ClusterIP, 4 NodePort, 6 LoadBalancer, 2 ExternalName; difficulties cycle 1, 2, 3. */
function unevenBank() {
  const counts: Record<ServiceType, number> = {
    ClusterIP: 10,
    NodePort: 4,
    LoadBalancer: 6,
    ExternalName: 2,
  };
  const questions: Question[] = [];
  for (const type of SERVICE_TYPES)
    for (let i = 0; i < counts[type]; i++)
      questions.push(
        makeQuestion({
          id: `${type.toLowerCase()}-${i}`,
          answer: type,
          difficulty: ((i % 3) + 1) as 1 | 2 | 3,
        }),
      );
  return makeBank(questions);
}

const settings = (patch: Partial<QuizSettings> = {}): QuizSettings => ({
  ...DEFAULT_SETTINGS,
  ...patch,
});
const ids = (result: ReturnType<typeof buildQuiz>) =>
  result.ok ? result.items.map((item) => item.questionId) : [];

describe('buildQuiz', () => {
  const bank = unevenBank();
  const answerOf = new Map(bank.questions.map((q) => [q.id as string, q]));

  it('is deterministic per seed: same bank, settings and seed give the same quiz', () => {
    expect(ids(buildQuiz(bank, settings({ count: 8 }), 'seed-1'))).toEqual(
      ids(buildQuiz(bank, settings({ count: 8 }), 'seed-1')),
    );
  });

  it('gives a different order or selection for a different seed', () => {
    expect(ids(buildQuiz(bank, settings({ count: 8 }), 'seed-1'))).not.toEqual(
      ids(buildQuiz(bank, settings({ count: 8 }), 'seed-2')),
    );
  });

  it('never repeats a question', () => {
    const quiz = ids(buildQuiz(bank, settings({ count: 'all' }), 'x'));
    expect(quiz).toHaveLength(22);
    expect(new Set(quiz).size).toBe(22);
  });

  it('balances answer types as far as the bank allows', () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      const quiz = ids(buildQuiz(bank, settings({ count: 8 }), seed));
      const perType = SERVICE_TYPES.map(
        (t) => quiz.filter((id) => answerOf.get(id)?.answer === t).length,
      );
      expect(perType).toEqual([2, 2, 2, 2]);
    }
    // Only 2 ExternalName exist: a 12-question quiz takes both and spreads the rest evenly.
    const quiz = ids(buildQuiz(bank, settings({ count: 12 }), 'e'));
    const perType = SERVICE_TYPES.map(
      (t) => quiz.filter((id) => answerOf.get(id)?.answer === t).length,
    );
    expect(perType[3]).toBe(2);
    expect(Math.max(...perType) - Math.min(...perType.slice(0, 3))).toBeLessThanOrEqual(1);
  });

  it('respects the type and difficulty filters', () => {
    const quiz = ids(
      buildQuiz(
        bank,
        settings({ count: 'all', types: ['NodePort', 'ExternalName'], difficulties: [1] }),
        's',
      ),
    );
    expect(quiz.length).toBe(3); // NodePort 0 and 3, ExternalName 0
    for (const id of quiz) {
      expect(['NodePort', 'ExternalName']).toContain(answerOf.get(id)?.answer);
      expect(answerOf.get(id)?.difficulty).toBe(1);
    }
  });

  it('takes what there is when fewer questions match than asked', () => {
    const result = buildQuiz(bank, settings({ count: 20, types: ['ExternalName'] }), 's');
    expect(result).toMatchObject({ ok: true, available: 2 });
    expect(ids(result)).toHaveLength(2);
  });

  it('explains when nothing matches', () => {
    const none = makeBank([makeQuestion({ answer: 'ClusterIP', difficulty: 1 })]);
    expect(buildQuiz(none, settings({ types: ['NodePort'] }), 's')).toEqual({
      ok: false,
      message: 'No questions match these settings. Include more answer types or difficulty levels.',
    });
  });
});

describe('orderQuestions', () => {
  it('keeps exactly the given questions in a seeded order', () => {
    const given = ['a', 'b', 'c', 'd', 'e'] as never[];
    const ordered = orderQuestions(given, 'seed');
    expect([...ordered].sort()).toEqual(given);
    expect(orderQuestions(given, 'seed')).toEqual(ordered);
  });
});
