import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseQuizParams, quizParams } from '../../src/domain/quiz-settings';

const parse = (query: string) => parseQuizParams(new URLSearchParams(query));

describe('parseQuizParams', () => {
  it('gives the defaults for an empty link', () => {
    expect(parse('')).toEqual({ settings: DEFAULT_SETTINGS, seed: null, start: false, errors: [] });
  });

  it('reads every parameter', () => {
    const link = parse(
      'count=5&seed=abc&types=NodePort,ExternalName&difficulty=1,3&feedback=end&timer=45&confidence=1&start=1',
    );
    expect(link.errors).toEqual([]);
    expect(link).toMatchObject({ seed: 'abc', start: true });
    expect(link.settings).toEqual({
      count: 5,
      types: ['NodePort', 'ExternalName'],
      difficulties: [1, 3],
      feedback: 'end',
      timerSeconds: 45,
      confidence: true,
    });
  });

  it('accepts type names in any case and keeps the contract order', () => {
    expect(parse('types=externalname,clusterip').settings.types).toEqual([
      'ClusterIP',
      'ExternalName',
    ]);
  });

  it('names each bad value and does not start', () => {
    const link = parse(
      'count=0&types=Ingress&difficulty=7&feedback=never&timer=5&seed=a%20b&start=1',
    );
    expect(link.start).toBe(false);
    expect(link.errors).toEqual([
      'count must be a whole number from 1 to 500, or "all"; got "0".',
      'types must list one or more of ClusterIP, NodePort, LoadBalancer, ExternalName, separated by commas; got "Ingress".',
      'difficulty must be 1 (recall), 2 (apply), 3 (edge case), a list like "1,2", or "any"; got "7".',
      'feedback must be "each" (after each question) or "end" (only at the end); got "never".',
      'timer must be a number of seconds from 15 to 300, or "off"; got "5".',
      'seed must be 1 to 64 letters, digits, "-" or "_"; got "a b".',
    ]);
    expect(link.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('round-trips through quizParams', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      count: 'all' as const,
      types: ['LoadBalancer' as const],
      timerSeconds: 120,
    };
    const link = parseQuizParams(quizParams(settings, 'zz-9'));
    expect(link).toEqual({ settings, seed: 'zz-9', start: true, errors: [] });
  });
});
