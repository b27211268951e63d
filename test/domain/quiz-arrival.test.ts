import { describe, expect, it } from 'vitest';
import type { ActiveQuiz } from '../../src/domain/progress-schema';
import { decideArrival } from '../../src/domain/quiz-arrival';
import { DEFAULT_SETTINGS, parseQuizParams } from '../../src/domain/quiz-settings';

const saved = (kind: ActiveQuiz['meta']['kind'], seed = 'abc', count = 5): ActiveQuiz => ({
  status: 'asking',
  meta: {
    quizId: 'q',
    bankId: 'b',
    bankTitle: 'B',
    settings: { ...DEFAULT_SETTINGS, count },
    seed,
    kind,
    startedAt: 1,
  },
  items: [{ questionId: 'x' as never, answer: 'NodePort' }],
  index: 0,
  answers: [],
  clock: { usedMs: 0, runningSince: 1 },
  pendingChoice: null,
});

function decide(query: string, unfinished: ActiveQuiz | null, seed = 'fresh') {
  const params = new URLSearchParams(query);
  return decideArrival(params, parseQuizParams(params), seed, unfinished);
}

describe('arrival on the quiz page', () => {
  it('shows the result the address names, whatever else is saved', () => {
    expect(decide('result=r1', saved('new'))).toEqual({ kind: 'result', quizId: 'r1' });
  });

  it('resumes an unfinished quiz, or shows the setup form, when the address asks for nothing', () => {
    expect(decide('', saved('new'))).toEqual({ kind: 'resume', quiz: saved('new') });
    expect(decide('count=5', null)).toEqual({ kind: 'setup' });
    expect(decide('count=5&start=0', saved('retry'))).toMatchObject({ kind: 'resume' });
  });

  it('starts what a link names when nothing is unfinished', () => {
    expect(decide('count=5&seed=abc&start=1', null)).toEqual({ kind: 'start', quiz: 'link' });
    expect(decide('practice=weak', null)).toEqual({ kind: 'start', quiz: 'weak-spots' });
  });

  it('resumes when the link names the quiz already under way', () => {
    expect(decide('count=5&seed=abc&start=1', saved('new'))).toMatchObject({ kind: 'resume' });
    // Without a seed in the link, the seed it would start with decides.
    expect(decide('count=5&start=1', saved('new', 'fresh'))).toMatchObject({ kind: 'resume' });
  });

  it('asks first when a link names any other quiz', () => {
    const ask = (query: string, unfinished: ActiveQuiz) => decide(query, unfinished).kind;
    expect(ask('count=5&seed=other&start=1', saved('new'))).toBe('ask');
    expect(ask('count=10&seed=abc&start=1', saved('new'))).toBe('ask');
    expect(ask('count=5&seed=abc&start=1', saved('retry'))).toBe('ask');
    expect(decide('practice=weak&count=5', saved('new', 'fresh'))).toEqual({
      kind: 'ask',
      unfinished: saved('new', 'fresh'),
      instead: 'weak-spots',
    });
  });
});
