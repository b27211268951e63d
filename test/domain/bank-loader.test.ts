import { describe, expect, it } from 'vitest';
import { formatProblem, lineAndColumn, loadBank } from '../../src/domain/bank-loader';
import { bankText, makeBank, makeQuestion } from '../factories';

const messages = (text: string) => {
  const result = loadBank(text);
  if (result.ok) throw new Error('expected the bank to be rejected');
  return result.problems.map(formatProblem);
};

describe('loadBank', () => {
  it('accepts a valid bank and round-trips it unchanged', () => {
    const bank = makeBank([
      makeQuestion({ answer: 'NodePort' }),
      makeQuestion({ answer: 'ExternalName' }),
    ]);
    const result = loadBank(bankText(bank));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.bank).toEqual(bank);
  });

  it('accepts a minimal question with only id, prompt and answer', () => {
    const text = bankText({
      version: 1,
      title: 'Mini',
      questions: [{ id: 'a', prompt: 'Which?', answer: 'ClusterIP' }],
    });
    expect(loadBank(text).ok).toBe(true);
  });

  it('reports a JSON syntax error with line and column', () => {
    expect(messages('{\n  "version": 1,\n  "title": "x",,\n  "questions": []\n}')).toEqual([
      'line 3, column 16: JSON syntax error: property name expected',
    ]);
  });

  it('reports comments and trailing commas as syntax errors', () => {
    expect(messages('{ "version": 1, // no\n "title": "x" }')[0]).toMatch(
      /^line 1, column 17: JSON syntax error: comments are not allowed/,
    );
    expect(messages('{ "version": 1, }')).toEqual([
      'line 1, column 15: JSON syntax error: a comma before "}" is not allowed in JSON; remove it',
    ]);
  });

  it('reports an empty file', () => {
    expect(messages('  \n')).toEqual(['the file is empty']);
  });

  it('names the question, its id and the field for a wrong answer', () => {
    const bank = makeBank([
      makeQuestion(),
      makeQuestion({ id: 'np-dev-laptop', answer: 'Nodeport' }),
    ]);
    expect(messages(bankText(bank))).toEqual([
      'questions[1] (id "np-dev-laptop").answer: expected one of ClusterIP, NodePort, LoadBalancer, ExternalName, got "Nodeport"',
    ]);
  });

  it('returns every problem, not just the first', () => {
    const bank = makeBank([
      makeQuestion({ id: 'one', prompt: '' }),
      makeQuestion({ id: 'two', difficulty: 4, references: [{ title: 'Docs', url: 'not a url' }] }),
      makeQuestion({ id: 'three', explaination: 'typo' }),
    ]);
    expect(messages(bankText(bank))).toEqual([
      'questions[0] (id "one").prompt: must not be empty',
      'questions[1] (id "two").difficulty: expected 1, 2 or 3, got 4',
      'questions[1] (id "two").references[0].url: expected an http or https URL, got "not a url"',
      'questions[2] (id "three"): unknown field "explaination"',
    ]);
  });

  it('reports a missing required field', () => {
    const { prompt: _prompt, ...noPrompt } = makeQuestion({ id: 'no-prompt' });
    expect(messages(bankText(makeBank([noPrompt as never])))).toEqual([
      'questions[0] (id "no-prompt").prompt: missing (expected string)',
    ]);
  });

  it('reports duplicate ids with both positions', () => {
    const bank = makeBank([
      makeQuestion({ id: 'same' }),
      makeQuestion(),
      makeQuestion({ id: 'same' }),
    ]);
    expect(messages(bankText(bank))).toEqual([
      'questions[2] (id "same").id: duplicate id; questions[0] already uses "same"',
    ]);
  });

  it('reports an empty bank', () => {
    expect(messages(bankText(makeBank([])))).toEqual([
      'questions: the bank has no questions; add at least one',
    ]);
  });

  it('reports an unknown version and nothing else', () => {
    expect(messages(bankText({ version: 2, title: 'Future', questions: 'whatever' }))).toEqual([
      'version: unknown version 2; this app reads version 1',
    ]);
  });

  it('reports a whyNot entry for the answer itself, and unknown types in whyNot', () => {
    const bank = makeBank([
      makeQuestion({ id: 'self', answer: 'NodePort', whyNot: { NodePort: 'x', ClusterIP: 'y' } }),
      makeQuestion({ id: 'odd', answer: 'NodePort', whyNot: { Ingress: 'not a type' } }),
    ]);
    expect(messages(bankText(bank))).toEqual([
      'questions[0] (id "self").whyNot.NodePort: NodePort is the answer; whyNot explains only the other types',
      'questions[1] (id "odd").whyNot: "Ingress" is not a Service type; whyNot takes ClusterIP, NodePort, LoadBalancer or ExternalName',
    ]);
  });

  it('rejects ids that are not kebab-case', () => {
    expect(messages(bankText(makeBank([makeQuestion({ id: 'Not Kebab' })])))).toEqual([
      'questions[0] (id "Not Kebab").id: must be kebab-case: lowercase letters, digits and single hyphens',
    ]);
  });
});

describe('lineAndColumn', () => {
  it('counts from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
