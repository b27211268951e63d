import { describe, expect, it } from 'vitest';
import { masteryFrom } from '../../src/domain/mastery';
import { findWeakSpots, questionWeight } from '../../src/domain/weak-spots';
import { makeBank, makeQuestion } from '../factories';
import { makeAnswer, makeResult } from '../factories-progress';

const bank = makeBank([
  makeQuestion({ id: 'np', answer: 'NodePort', tags: ['ports', 'pair:np-lb', 'manifest'] }),
  makeQuestion({ id: 'lb', answer: 'LoadBalancer', tags: ['cloud', 'kubectl-output'] }),
  makeQuestion({ id: 'en', answer: 'ExternalName', tags: ['dns'] }),
  makeQuestion({ id: 'cip', answer: 'ClusterIP', tags: ['internal'] }),
  makeQuestion({ id: 'untagged', answer: 'ClusterIP', tags: undefined }),
]);
const miss = (id: string, type: Parameters<typeof makeAnswer>[1], at: number) =>
  makeAnswer(id, type, type === 'ClusterIP' ? 'NodePort' : 'ClusterIP', at);
const hit = (id: string, type: Parameters<typeof makeAnswer>[1], at: number) =>
  makeAnswer(id, type, type, at);

// Missed: NodePort 3 of 3, LoadBalancer 3 of 4, ClusterIP 2 of 3 (one for a question that has no
// tags, one for a question no longer in the bank), ExternalName 1 of 3.
const results = [
  makeResult('r1', [
    miss('np', 'NodePort', 1),
    miss('np', 'NodePort', 2),
    miss('np', 'NodePort', 3),
    miss('lb', 'LoadBalancer', 4),
    miss('lb', 'LoadBalancer', 5),
    hit('lb', 'LoadBalancer', 6),
    miss('en', 'ExternalName', 7),
    hit('en', 'ExternalName', 8),
    hit('en', 'ExternalName', 9),
    hit('cip', 'ClusterIP', 10),
    miss('untagged', 'ClusterIP', 11),
    miss('removed-from-bank', 'ClusterIP', 12),
    miss('lb', 'LoadBalancer', 13),
  ]),
];

describe('weak spots', () => {
  const spots = findWeakSpots(bank, results);

  it('names the two most missed types, most missed first', () => {
    expect(spots.weakestTypes).toEqual(['NodePort', 'LoadBalancer']);
  });

  it('names up to three concept tags, most missed first, leaving out pairs and format tags', () => {
    expect(spots.weakestTags).toEqual(['ports', 'cloud', 'dns']);
    expect([...spots.tagMissRate.keys()].sort()).toEqual(['cloud', 'dns', 'internal', 'ports']);
  });

  it('names at most three tags', () => {
    const four = findWeakSpots(bank, [
      makeResult('t', [
        miss('np', 'NodePort', 1),
        miss('lb', 'LoadBalancer', 2),
        miss('en', 'ExternalName', 3),
        miss('cip', 'ClusterIP', 4),
      ]),
    ]);
    expect(four.weakestTags).toEqual(['cloud', 'dns', 'internal']);
  });

  it('breaks a tie between tags by name', () => {
    const tied = findWeakSpots(bank, [
      makeResult('t', [miss('en', 'ExternalName', 1), miss('lb', 'LoadBalancer', 2)]),
    ]);
    expect(tied.weakestTags).toEqual(['cloud', 'dns']);
  });

  it('counts an answer to a question no longer in the bank, or without tags, by type only', () => {
    expect(spots.typeMissRate.ClusterIP).toBeCloseTo((2 + 1) / (3 + 2));
  });

  it('weighs a question by its type and its most missed known tag', () => {
    const both = makeQuestion({ answer: 'NodePort', tags: ['dns', 'ports', 'never-seen'] });
    expect(questionWeight(both, spots)).toBeCloseTo(
      (spots.typeMissRate.NodePort * (3 + 1)) / (3 + 2),
    );
    const unknownTags = makeQuestion({ answer: 'NodePort', tags: ['never-seen'] });
    expect(questionWeight(unknownTags, spots)).toBeCloseTo(spots.typeMissRate.NodePort * 0.5);
  });
});

describe('mastery over time', () => {
  it('has one point per finished quiz with answers, oldest first', () => {
    const mastery = masteryFrom([
      makeResult('late', [hit('np', 'NodePort', 30)], 3000),
      makeResult('empty', [], 2000),
      makeResult('early', [miss('np', 'NodePort', 10), hit('lb', 'LoadBalancer', 11)], 1000),
    ]);
    expect(mastery.overTime).toEqual([
      { quizId: 'early', finishedAt: 1000, percent: 50, total: 2 },
      { quizId: 'late', finishedAt: 3000, percent: 100, total: 1 },
    ]);
  });
});
