import { describe, expect, it } from 'vitest';
import { mostConfusedPair, scoreAnswers } from '../../src/domain/quiz-score';
import type { AnswerRecord } from '../../src/domain/quiz-session';
import type { ServiceType } from '../../src/domain/service-types';

let n = 0;
function answer(
  right: ServiceType,
  chosen: ServiceType | null,
  confidence: AnswerRecord['confidence'] = null,
): AnswerRecord {
  n += 1;
  return {
    questionId: `q${n}` as never,
    answer: right,
    choice: chosen,
    correct: right === chosen,
    confidence,
    timeMs: 1000,
    answeredAt: n,
  };
}

describe('scoreAnswers', () => {
  const answers = [
    answer('ClusterIP', 'ClusterIP', 'sure'),
    answer('ClusterIP', 'NodePort', 'sure'),
    answer('NodePort', 'NodePort'),
    answer('LoadBalancer', 'NodePort', 'guessing'),
    answer('LoadBalancer', 'NodePort', 'sure'),
    answer('ExternalName', null),
  ];
  const score = scoreAnswers(answers);

  it('counts the score and percentage', () => {
    expect(score).toMatchObject({
      correct: 2,
      total: 6,
      percent: 33,
      unanswered: 1,
      totalTimeMs: 6000,
    });
  });

  it('gives accuracy per type', () => {
    expect(score.perType).toEqual({
      ClusterIP: { asked: 2, correct: 1 },
      NodePort: { asked: 1, correct: 1 },
      LoadBalancer: { asked: 2, correct: 0 },
      ExternalName: { asked: 1, correct: 0 },
    });
  });

  it('builds the confusion matrix: rows are right answers, columns what was chosen', () => {
    expect(score.confusion).toEqual({
      ClusterIP: { ClusterIP: 1, NodePort: 1, LoadBalancer: 0, ExternalName: 0, none: 0 },
      NodePort: { ClusterIP: 0, NodePort: 1, LoadBalancer: 0, ExternalName: 0, none: 0 },
      LoadBalancer: { ClusterIP: 0, NodePort: 2, LoadBalancer: 0, ExternalName: 0, none: 0 },
      ExternalName: { ClusterIP: 0, NodePort: 0, LoadBalancer: 0, ExternalName: 0, none: 1 },
    });
  });

  it('lists sure-but-wrong answers as misconceptions', () => {
    expect(score.sureButWrong.map((a) => a.choice)).toEqual(['NodePort', 'NodePort']);
  });

  it('finds the most confused pair', () => {
    expect(mostConfusedPair(score.confusion)).toEqual({
      answer: 'LoadBalancer',
      chosen: 'NodePort',
      count: 2,
    });
    expect(mostConfusedPair(scoreAnswers([answer('NodePort', 'NodePort')]).confusion)).toBeNull();
  });

  it('scores an empty quiz as zero without dividing by zero', () => {
    expect(scoreAnswers([])).toMatchObject({ correct: 0, total: 0, percent: 0 });
  });
});
