import { describe, expect, it } from 'vitest';
import {
  POINTS_PER_RIGHT,
  pointsFor,
  rank,
  speedBonusMax,
  UNTIMED_SPEED_WINDOW_MS,
} from '../../src/domain/live-scoring';
import { seededRandom } from '../../src/domain/random';

const timed = { scoring: 'speed', secondsPerQuestion: 20 } as const;

describe('points for one answer', () => {
  it('gives nothing for a wrong answer, in either mode', () => {
    expect(pointsFor(false, 0, timed, 5)).toBe(0);
    expect(pointsFor(false, 0, { scoring: 'accuracy', secondsPerQuestion: 20 }, 5)).toBe(0);
  });

  it('gives a flat 1,000 for a right answer when scoring is accuracy only', () => {
    const accuracy = { scoring: 'accuracy', secondsPerQuestion: 20 } as const;
    expect(pointsFor(true, 100, accuracy, 5)).toBe(POINTS_PER_RIGHT);
    expect(pointsFor(true, 19_900, accuracy, 5)).toBe(POINTS_PER_RIGHT);
  });

  it('adds a speed bonus that falls linearly from the maximum to 0 over the time limit', () => {
    const max = speedBonusMax(5);
    expect(max).toBe(199);
    expect(pointsFor(true, 0, timed, 5)).toBe(1000 + max);
    expect(pointsFor(true, 10_000, timed, 5)).toBe(1000 + Math.round(max / 2));
    expect(pointsFor(true, 20_000, timed, 5)).toBe(1000);
    expect(pointsFor(true, 25_000, timed, 5)).toBe(1000);
  });

  it('measures the bonus over 30 s when the host reveals by hand', () => {
    const untimed = { scoring: 'speed', secondsPerQuestion: null } as const;
    expect(pointsFor(true, UNTIMED_SPEED_WINDOW_MS / 2, untimed, 1)).toBe(1000 + 250);
  });

  it('caps the bonus at 500 and shrinks it as sessions get longer', () => {
    expect(speedBonusMax(1)).toBe(500);
    expect(speedBonusMax(2)).toBe(499);
    expect(speedBonusMax(10)).toBe(99);
    expect(speedBonusMax(100)).toBe(9);
  });

  it('lets accuracy dominate: more right answers always means more points', () => {
    const random = seededRandom('dominance');
    for (let trial = 0; trial < 500; trial++) {
      const questions = 1 + Math.floor(random() * 100);
      const seconds = 5 + Math.floor(random() * 60);
      const settings = { scoring: 'speed', secondsPerQuestion: seconds } as const;
      // The slowest person with k + 1 right answers against the fastest with k.
      const k = Math.floor(random() * questions);
      const fastest = k * pointsFor(true, 0, settings, questions);
      const slowest = (k + 1) * pointsFor(true, seconds * 1000, settings, questions);
      expect(slowest, `${questions} questions, ${k} vs ${k + 1} right`).toBeGreaterThan(fastest);
    }
  });
});

describe('ranking', () => {
  it('orders by points, shares ranks on a tie and breaks ties by join order', () => {
    const { order, rankOf } = rank([
      { id: 'c', points: 1000, seq: 2 },
      { id: 'a', points: 2000, seq: 0 },
      { id: 'd', points: 1000, seq: 1 },
      { id: 'b', points: 0, seq: 3 },
    ]);
    expect(order.map((r) => r.id)).toEqual(['a', 'd', 'c', 'b']);
    expect(Object.fromEntries(rankOf)).toEqual({ a: 1, d: 2, c: 2, b: 4 });
  });

  it('gives the same order for the same scores whatever order they come in', () => {
    const items = Array.from({ length: 50 }, (_, i) => ({
      id: `p${i}`,
      points: (i % 5) * 1000,
      seq: i,
    }));
    const reversed = rank([...items].reverse()).order.map((r) => r.id);
    expect(rank(items).order.map((r) => r.id)).toEqual(reversed);
  });
});
