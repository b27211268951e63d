import { describe, expect, it } from 'vitest';
import { formatProblem, validateBank } from '../../src/domain/bank-loader';
import { makeBank, makeQuestion } from '../factories';

const problems = (bank: unknown) => {
  const result = validateBank(bank);
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('bank field rules, as an author reads them', () => {
  it('an id longer than 80 characters', () => {
    expect(problems(makeBank([makeQuestion({ id: 'a'.repeat(81) })]))).toEqual([
      `questions[0] (id "${'a'.repeat(81)}").id: must be at most 80 characters; it has 81`,
    ]);
  });

  it('a tag that is not kebab-case', () => {
    expect(problems(makeBank([makeQuestion({ id: 'q', tags: ['Not Kebab'] })]))).toEqual([
      'questions[0] (id "q").tags[0]: must be kebab-case',
    ]);
  });

  it('text that is only spaces is empty, and text is trimmed', () => {
    expect(problems(makeBank([makeQuestion({ id: 'q', prompt: '   ' })]))).toEqual([
      'questions[0] (id "q").prompt: must not be empty',
    ]);
    const result = validateBank(makeBank([makeQuestion({ prompt: '  Which type?  ' })]));
    expect(result.ok && result.bank.questions[0]?.prompt).toBe('Which type?');
  });
});
