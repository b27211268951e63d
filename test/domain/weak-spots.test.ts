import { describe, expect, it } from 'vitest';
import { masteryFrom } from '../../src/domain/mastery';
import { buildWeakSpotQuiz, findWeakSpots } from '../../src/domain/weak-spots';
import { makeBank, makeQuestion } from '../factories';
import { makeAnswer, makeResult } from '../factories-progress';

const bank = makeBank([
  ...Array.from({ length: 10 }, (_, i) =>
    makeQuestion({ id: `np-${i}`, answer: 'NodePort', tags: ['port-range'] }),
  ),
  ...Array.from({ length: 10 }, (_, i) =>
    makeQuestion({
      id: `lb-${i}`,
      answer: 'LoadBalancer',
      tags: i < 5 ? ['bare-metal', 'kubectl-output'] : ['cloud-lb'],
    }),
  ),
  ...Array.from({ length: 10 }, (_, i) =>
    makeQuestion({ id: `cip-${i}`, answer: 'ClusterIP', tags: ['internal-traffic'] }),
  ),
]);
// LoadBalancer on bare metal is always missed; everything else is right.
const history = [
  makeResult('quiz-1', [
    makeAnswer('lb-0', 'LoadBalancer', 'NodePort', 1),
    makeAnswer('lb-1', 'LoadBalancer', 'NodePort', 2),
    makeAnswer('lb-2', 'LoadBalancer', 'ClusterIP', 3),
    makeAnswer('np-0', 'NodePort', 'NodePort', 4),
    makeAnswer('np-1', 'NodePort', 'NodePort', 5),
    makeAnswer('cip-0', 'ClusterIP', 'ClusterIP', 6),
    makeAnswer('lb-6', 'LoadBalancer', 'LoadBalancer', 7),
  ]),
];

describe('findWeakSpots', () => {
  const spots = findWeakSpots(bank, history);

  it('smooths miss rates: (missed + 1) / (asked + 2)', () => {
    expect(spots.typeMissRate.LoadBalancer).toBeCloseTo(4 / 6);
    expect(spots.typeMissRate.NodePort).toBeCloseTo(1 / 4);
    expect(spots.typeMissRate.ExternalName).toBeCloseTo(1 / 2);
    expect(spots.tagMissRate.get('bare-metal')).toBeCloseTo(4 / 5);
  });

  it('names the weakest types and concept tags, leaving out format tags', () => {
    expect(spots.weakestTypes).toEqual(['LoadBalancer']);
    expect(spots.weakestTags).toEqual(['bare-metal']);
  });
});

describe('buildWeakSpotQuiz', () => {
  const spots = findWeakSpots(bank, history);

  it('is deterministic per seed and never repeats a question', () => {
    const quiz = buildWeakSpotQuiz(bank, spots, 10, 'seed');
    expect(buildWeakSpotQuiz(bank, spots, 10, 'seed')).toEqual(quiz);
    expect(new Set(quiz).size).toBe(10);
  });

  it('draws the weak spots far more often than the strong ones', () => {
    let bareMetal = 0;
    let clusterIp = 0;
    for (let i = 0; i < 200; i++)
      for (const id of buildWeakSpotQuiz(bank, spots, 5, `s${i}`)) {
        if (/^lb-[0-4]$/.test(id)) bareMetal++;
        if (id.startsWith('cip-')) clusterIp++;
      }
    // 5 bare-metal questions against 10 ClusterIP ones, yet drawn much more often.
    expect(bareMetal).toBeGreaterThan(2 * clusterIp);
  });
});

describe('masteryFrom', () => {
  it('scores all time and the last 50 answers, and finds the most confused pair', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      makeAnswer(`q${i}`, 'NodePort', i < 10 ? 'ClusterIP' : 'NodePort', i),
    );
    const mastery = masteryFrom([makeResult('big', many, 100), ...history]);
    expect(mastery.answers).toBe(67);
    expect(mastery.allTime.perType.NodePort).toEqual({ asked: 62, correct: 52 });
    // The oldest answers (the ten misses at times 0–9 and the history at 1–7) fall out of the window.
    expect(mastery.recent.total).toBe(50);
    expect(mastery.recent.perType.NodePort).toEqual({ asked: 50, correct: 50 });
    expect(mastery.mostConfused).toEqual({ answer: 'NodePort', chosen: 'ClusterIP', count: 10 });
    expect(mastery.overTime.map((p) => p.quizId)).toEqual(['big', 'quiz-1']);
  });
});
