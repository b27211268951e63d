import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ExportRow } from '../../src/domain/live-protocol';
import { toCsv, toJson } from '../../src/lib/live-export';

const row = (overrides: Partial<ExportRow>): ExportRow =>
  ({
    name: 'Ana',
    questionId: 'q-lb',
    answer: 'LoadBalancer',
    correct: true,
    timeMs: 4200,
    points: 1000,
    ...overrides,
  }) as ExportRow;

describe('session export', () => {
  it('writes a header and one row per participant per question', () => {
    const csv = toCsv([
      row({}),
      row({ name: 'Bo', answer: null, correct: false, timeMs: null, points: 0 }),
    ]);
    expect(csv.split('\r\n')).toEqual([
      'name,questionId,answer,correct,timeMs,points',
      'Ana,q-lb,LoadBalancer,true,4200,1000',
      'Bo,q-lb,,false,,0',
    ]);
  });

  it('quotes commas and quotes so a name stays one cell', () => {
    const csv = toCsv([row({ name: 'Smith, "Jo"' })]);
    expect(csv.split('\r\n')[1]).toBe('"Smith, ""Jo""",q-lb,LoadBalancer,true,4200,1000');
    expect(Papa.parse<string[]>(csv).data[1]?.[0]).toBe('Smith, "Jo"');
  });

  it.each(['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '＝1+1'])(
    'a name that starts like a formula (%s) is written as text',
    (name) => {
      const cell = Papa.parse<string[]>(toCsv([row({ name })])).data[1]?.[0];
      expect(cell).toBe(`'${name}`);
    },
  );

  it('JSON holds the same rows', () => {
    const rows = [row({}), row({ name: 'Bo' })];
    expect(JSON.parse(toJson(rows))).toEqual(rows);
  });
});
