import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvTitle, loadCsvBank } from '../../src/domain/bank-csv';
import { formatProblem, loadBank } from '../../src/domain/bank-loader';

// Every broken bank in test/fixtures/banks/broken, with the exact messages an author must see.
const dir = new URL('../fixtures/banks/broken/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<
  string,
  string[]
>;
const files = readdirSync(dir).filter((name) => name !== 'expected.json');

function load(name: string) {
  const text = readFileSync(new URL(name, dir), 'utf8');
  return name.endsWith('.csv') ? loadCsvBank(text, csvTitle(name)) : loadBank(text);
}

describe('broken bank fixtures', () => {
  it('there are at least 20, and each has its expected messages', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(expected).sort()).toEqual([...files].sort());
  });

  it.each(files)('%s is refused with exactly its messages', (name) => {
    const result = load(name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual(expected[name]);
  });
});
