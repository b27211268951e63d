import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration } from '../../src/domain/format';

describe('formatDuration', () => {
  it('says seconds, minutes and hours the way the results page shows them', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(42_400)).toBe('42 s');
    expect(formatDuration(180_000)).toBe('3 min');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(3_720_000)).toBe('1 h 2 min');
    expect(formatDuration(-5)).toBe('0 s');
  });
});

describe('formatClock', () => {
  it('counts down in whole seconds, rounding up so 0:00 means time is up', () => {
    expect(formatClock(42_000)).toBe('0:42');
    expect(formatClock(41_001)).toBe('0:42');
    expect(formatClock(300_000)).toBe('5:00');
    expect(formatClock(0)).toBe('0:00');
  });
});
