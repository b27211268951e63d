import { describe, expect, it } from 'vitest';
import type { Question, QuestionId } from '../../src/domain/bank-schema';
import { QUIZ_RESULT_COLUMNS, quizResultRows } from '../../src/domain/quiz-result-rows';
import { makeQuestion } from '../factories';
import { makeAnswer, makeResult } from '../factories-progress';

const questions = (...qs: Question[]) => new Map<QuestionId, Question>(qs.map((q) => [q.id, q]));

describe('quiz result rows for a spreadsheet', () => {
  it('has one row per answer, numbered from 1, in the order the quiz asked them', () => {
    const result = makeResult('quiz-1', [
      { ...makeAnswer('q-lb', 'LoadBalancer', 'LoadBalancer'), confidence: 'sure', timeMs: 4_249 },
      { ...makeAnswer('q-np', 'NodePort', 'ClusterIP'), confidence: 'guessing', timeMs: 4_250 },
    ]);
    const rows = quizResultRows(
      result,
      questions(
        makeQuestion({ id: 'q-np', prompt: 'Open a port on every node.', answer: 'NodePort' }),
        makeQuestion({ id: 'q-lb', prompt: 'The cloud gives an address.', answer: 'LoadBalancer' }),
      ),
    );
    expect(rows).toEqual([
      {
        number: 1,
        questionId: 'q-lb',
        prompt: 'The cloud gives an address.',
        answer: 'LoadBalancer',
        yourAnswer: 'LoadBalancer',
        correct: true,
        confidence: 'sure',
        seconds: 4.2,
      },
      {
        number: 2,
        questionId: 'q-np',
        prompt: 'Open a port on every node.',
        answer: 'NodePort',
        yourAnswer: 'ClusterIP',
        correct: false,
        confidence: 'guessing',
        seconds: 4.3,
      },
    ]);
  });

  it('leaves a cell empty for a timed-out answer, no confidence asked, and a question gone from the bank', () => {
    const result = makeResult('quiz-2', [
      { ...makeAnswer('q-gone', 'ExternalName', null), timeMs: 12_345 },
    ]);
    expect(quizResultRows(result, questions())).toEqual([
      {
        number: 1,
        questionId: 'q-gone',
        prompt: '',
        answer: 'ExternalName',
        yourAnswer: '',
        correct: false,
        confidence: '',
        seconds: 12.3,
      },
    ]);
  });

  it('gives seconds to one decimal place, and no rows for a quiz with no answers', () => {
    const seconds = (timeMs: number) =>
      quizResultRows(
        makeResult('q', [{ ...makeAnswer('a', 'ClusterIP', 'ClusterIP'), timeMs }]),
        questions(),
      )[0]?.seconds;
    expect([0, 49, 50, 950, 60_000, 61_234].map(seconds)).toEqual([0, 0, 0.1, 1, 60, 61.2]);
    expect(quizResultRows(makeResult('q', []), questions())).toEqual([]);
  });

  it('names every column a row has, in the order the file writes them', () => {
    const [row] = quizResultRows(
      makeResult('q', [makeAnswer('a', 'ClusterIP', 'ClusterIP')]),
      questions(),
    );
    expect(QUIZ_RESULT_COLUMNS).toEqual([
      'number',
      'questionId',
      'prompt',
      'answer',
      'yourAnswer',
      'correct',
      'confidence',
      'seconds',
    ]);
    expect(Object.keys(row!).sort()).toEqual([...QUIZ_RESULT_COLUMNS].sort());
  });
});
