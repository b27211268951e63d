import { describe, expect, it } from 'vitest';
import { currentVersion, migrate, type MigrationChain } from '../../src/domain/migrations';

// Test-only steps: each appends its own mark, so the result shows which steps ran, in what order.
const mark =
  (name: string) =>
  (data: unknown, context: string): unknown => ({
    marks: [...(data as { marks: string[] }).marks, `${name}:${context}`],
  });
const chain: MigrationChain<string> = [mark('1→2'), mark('2→3'), mark('3→4')];

describe('a migration chain', () => {
  it('has one version more than it has steps', () => {
    expect(currentVersion([])).toBe(1);
    expect(currentVersion(chain)).toBe(4);
  });

  it('runs every step from the version the data was written in, in order, with the context', () => {
    expect(migrate({ marks: [] }, 1, chain, 'k')).toEqual({
      ok: true,
      value: { marks: ['1→2:k', '2→3:k', '3→4:k'] },
      from: 1,
    });
    expect(migrate({ marks: [] }, 3, chain, 'k')).toEqual({
      ok: true,
      value: { marks: ['3→4:k'] },
      from: 3,
    });
  });

  it('leaves data at the current version untouched', () => {
    const data = { marks: ['as written'] };
    const result = migrate(data, 4, chain, 'k');
    expect(result).toEqual({ ok: true, value: data, from: 4 });
    expect(result.ok && result.value).toBe(data);
    expect(migrate(data, 1, [], 'k')).toEqual({ ok: true, value: data, from: 1 });
  });

  it('refuses data from a newer version, saying which', () => {
    expect(migrate({ marks: [] }, 5, chain, 'k')).toEqual({
      ok: false,
      problem: 'newer',
      version: 5,
      current: 4,
    });
    expect(migrate({}, 2, [], 'k')).toEqual({
      ok: false,
      problem: 'newer',
      version: 2,
      current: 1,
    });
  });

  it.each([undefined, null, '1', 0, -1, 1.5, Number.NaN])(
    'refuses data without a usable version (%s)',
    (version) => {
      expect(migrate({ marks: [] }, version, chain, 'k')).toEqual({
        ok: false,
        problem: 'unversioned',
        version,
      });
    },
  );

  it('stops at a step that throws, and says which step and why', () => {
    const failing: MigrationChain<string> = [
      mark('1→2'),
      () => {
        throw new Error('answers is not a list');
      },
      () => {
        throw new Error('never reached');
      },
    ];
    expect(migrate({ marks: [] }, 1, failing, 'k')).toEqual({
      ok: false,
      problem: 'failed',
      from: 2,
      to: 3,
      error: 'answers is not a list',
    });
    const throwsText: MigrationChain<string> = [
      () => {
        throw 'bad data';
      },
    ];
    expect(migrate({}, 1, throwsText, 'k')).toMatchObject({ error: 'bad data' });
  });

  it('does not change the data it was given', () => {
    const data = { marks: ['original'] };
    migrate(data, 1, chain, 'k');
    expect(data).toEqual({ marks: ['original'] });
  });
});
