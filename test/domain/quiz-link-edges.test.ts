import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  DIFFICULTY_NAMES,
  parseQuizParams,
  quizParams,
} from '../../src/domain/quiz-settings';

// The edges of every link parameter: a shared link either rebuilds the quiz exactly or says
// which parameter is wrong.
const parse = (query: string) => parseQuizParams(new URLSearchParams(query));
const ok = (query: string) => {
  const link = parse(query);
  expect(link.errors, query).toEqual([]);
  return link.settings;
};
const fails = (query: string) => expect(parse(query).errors, query).toHaveLength(1);

describe('quiz link parameters at their edges', () => {
  it('count: a whole number from 1 to 500, or all', () => {
    expect(ok('count=1').count).toBe(1);
    expect(ok('count=12').count).toBe(12);
    expect(ok('count=500').count).toBe(500);
    ['count=501', 'count=x5', 'count=5x', 'count=-5', 'count=2.5'].forEach(fails);
  });

  it('types: trimmed, empty entries skipped, at least one', () => {
    expect(ok('types= NodePort , ').types).toEqual(['NodePort']);
    fails('types=,');
    fails('types=NodePort,Ingress');
  });

  it('difficulty: any, or a list of 1, 2 and 3', () => {
    expect(ok('difficulty=any').difficulties).toEqual([1, 2, 3]);
    expect(ok('difficulty= 2 , 1').difficulties).toEqual([1, 2]);
    expect(ok('difficulty=2').difficulties).toEqual([2]);
    expect(ok('difficulty=3').difficulties).toEqual([3]);
    fails('difficulty=1,7');
    fails('difficulty=');
    expect(DIFFICULTY_NAMES).toEqual({ 1: 'Recall', 2: 'Apply', 3: 'Edge case' });
  });

  it('feedback: each or end', () => {
    expect(ok('feedback=each').feedback).toBe('each');
    expect(ok('feedback=end').feedback).toBe('end');
  });

  it('timer: off, 0, or 15 to 300 seconds', () => {
    expect(ok('timer=off').timerSeconds).toBeNull();
    expect(ok('timer=0').timerSeconds).toBeNull();
    expect(ok('timer=15').timerSeconds).toBe(15);
    expect(ok('timer=300').timerSeconds).toBe(300);
    // Number() would read these as 30, 30 and 100; the link must say exactly what it means.
    ['timer=14', 'timer=301', 'timer=x30', 'timer=+30', 'timer=30+', 'timer=1e2'].forEach(fails);
  });

  it('confidence: 1 or 0', () => {
    expect(ok('confidence=1').confidence).toBe(true);
    expect(ok('confidence=0').confidence).toBe(false);
    expect(parse('confidence=yes').errors).toEqual([
      'confidence must be 1 (ask how sure I am) or 0; got "yes".',
    ]);
  });

  it('start: 1 starts, 0 does not, anything else is an error', () => {
    expect(parse('start=1')).toMatchObject({ start: true, errors: [] });
    expect(parse('start=0')).toMatchObject({ start: false, errors: [] });
    expect(parse('start=now')).toMatchObject({
      start: false,
      errors: ['start must be 1 or 0; got "now".'],
    });
  });
});

describe('the link for a quiz', () => {
  it('holds only what differs from the defaults, besides count, seed and start', () => {
    expect(quizParams(DEFAULT_SETTINGS, 's').toString()).toBe('count=10&seed=s&start=1');
  });

  it('holds every setting that differs', () => {
    const params = quizParams(
      {
        count: 5,
        types: ['NodePort', 'ExternalName'],
        difficulties: [1, 2],
        feedback: 'end',
        timerSeconds: 30,
        confidence: true,
      },
      'abc',
    );
    expect(params.toString()).toBe(
      'count=5&seed=abc&types=NodePort%2CExternalName&difficulty=1%2C2&feedback=end&timer=30&confidence=1&start=1',
    );
  });
});
