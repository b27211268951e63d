import { describe, expect, it } from 'vitest';
import bundled from '../../data/questions.json';
import { bankSchema } from '../../src/domain/bank-schema';
import { studyTags } from '../../src/domain/study-tags';
import { makeQuestion } from '../factories';

describe('studyTags', () => {
  it('offers a tag whose questions are spread over the types, with its count', () => {
    const questions = [
      makeQuestion({ answer: 'ClusterIP', tags: ['dns'] }),
      makeQuestion({ answer: 'ExternalName', tags: ['dns'] }),
      makeQuestion({ answer: 'NodePort', tags: ['dns'] }),
    ];
    expect(studyTags(questions)).toEqual([{ tag: 'dns', count: 3 }]);
  });

  it('offers nothing for questions without tags (tags are optional in a bank)', () => {
    const untagged = (['ClusterIP', 'NodePort', 'LoadBalancer'] as const).map((answer) =>
      makeQuestion({ answer, tags: undefined }),
    );
    expect(studyTags(untagged)).toEqual([]);
  });

  it('hides a tag when one type holds more than two thirds of its questions', () => {
    const tagged = (answer: string) => makeQuestion({ answer, tags: ['cloud-lb'] });
    const atTwoThirds = [tagged('LoadBalancer'), tagged('LoadBalancer'), tagged('NodePort')];
    expect(studyTags(atTwoThirds)).toEqual([{ tag: 'cloud-lb', count: 3 }]);
    const overTwoThirds = [...atTwoThirds, tagged('LoadBalancer')];
    expect(studyTags(overTwoThirds)).toEqual([]);
  });

  it('never offers minimal-pair markers, and sorts by name', () => {
    const questions = [
      makeQuestion({ answer: 'ClusterIP', tags: ['pair:x', 'source-ip', 'dns'] }),
      makeQuestion({ answer: 'NodePort', tags: ['pair:x', 'source-ip', 'dns'] }),
    ];
    expect(studyTags(questions).map((t) => t.tag)).toEqual(['dns', 'source-ip']);
  });

  it('keeps the bundled bank’s answer-naming tags out of the filter', () => {
    const tags = studyTags(bankSchema.parse(bundled).questions).map((t) => t.tag);
    for (const giveaway of ['internal-traffic', 'external-service', 'cloud-lb'])
      expect(tags).not.toContain(giveaway);
    expect(tags).toContain('troubleshooting');
  });
});
