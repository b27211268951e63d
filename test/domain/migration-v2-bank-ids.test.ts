import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_BANK_ID } from '../../src/domain/bank-ids';
import { exportToV2, recordToV2 } from '../../src/domain/migration-v2-bank-ids';
import { EXPORT_VERSION, parseExport } from '../../src/domain/progress-export';
import { readRecord, type RecordKind } from '../../src/domain/progress-records';
import { PROGRESS_SCHEMA_VERSION } from '../../src/domain/progress-schema';

// The first real format step: version 1 knew one bank, so all it wrote belongs to the built-in one.
const fixture = (file: string) => JSON.parse(readFileSync(`test/fixtures/${file}`, 'utf8'));
const v1Db = fixture('progress-db-v1.json');
const v2LayoutV1Records = fixture('progress-db-v2.json');

type Stored = Record<string, { v: number; data: Record<string, unknown> }>;
const recordsOf = (db: Record<string, unknown>, kind: RecordKind) =>
  Object.values((db[kind] ?? {}) as Stored);

describe('format version 1 → 2: progress kept per bank', () => {
  it('is the current record and export format', () => {
    expect(PROGRESS_SCHEMA_VERSION).toBe(2);
    expect(EXPORT_VERSION).toBe(2);
  });

  it.each([
    ['quizResults', v1Db],
    ['quizResults', v2LayoutV1Records],
    ['reviewLogs', v2LayoutV1Records],
  ] as const)(
    'gives every v1 %s record the built-in bank, and changes nothing else',
    (kind, db) => {
      const records = recordsOf(db, kind);
      expect(records.length).toBeGreaterThan(0);
      for (const stored of records) {
        expect(stored.v).toBe(1);
        const read = readRecord(stored, kind);
        expect(read).toMatchObject({ status: 'migrated', envelope: { v: 2 } });
        if (read.status !== 'migrated') continue;
        expect(read.value).toEqual({ ...stored.data, bankId: BUILTIN_BANK_ID });
      }
    },
  );

  it("gives a v1 unfinished quiz's meta the built-in bank", () => {
    for (const db of [v1Db, v2LayoutV1Records]) {
      const [stored] = recordsOf(db, 'active');
      const read = readRecord(stored, 'active');
      expect(read.status).toBe('migrated');
      if (read.status !== 'migrated') continue;
      const data = stored!.data as { meta: Record<string, unknown> };
      expect(read.value).toEqual({ ...data, meta: { ...data.meta, bankId: BUILTIN_BANK_ID } });
    }
  });

  it('leaves settings and backups to their own formats (a backup holds an export)', () => {
    const settings = { desiredRetention: 0.9 };
    expect(recordToV2(settings, 'settings')).toBe(settings);
    const [backup] = recordsOf(v2LayoutV1Records, 'snapshots');
    const read = readRecord(backup, 'snapshots');
    expect(read.status).toBe('migrated');
    if (read.status === 'migrated') {
      expect(read.value.data.version).toBe(2);
      expect(read.value.data.bankIds).toEqual([BUILTIN_BANK_ID]);
      expect(read.value.data.reviewLogs.map((l) => l.bankId)).toEqual([BUILTIN_BANK_ID]);
    }
  });

  it('migrates a v1 export file the same way', () => {
    const text = readFileSync('test/fixtures/progress-export-v1.json', 'utf8');
    const original = JSON.parse(text);
    const parsed = parseExport(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data).toEqual({
      ...original,
      version: 2,
      bankIds: [BUILTIN_BANK_ID],
      quizResults: original.quizResults.map((r: object) => ({ ...r, bankId: BUILTIN_BANK_ID })),
      reviewLogs: original.reviewLogs.map((l: object) => ({ ...l, bankId: BUILTIN_BANK_ID })),
    });
  });

  it('names no bank for an empty v1 export', () => {
    const empty = {
      format: 'x',
      version: 1,
      bankIds: ['bundled'],
      quizResults: [],
      reviewLogs: [],
    };
    expect(exportToV2(empty)).toEqual({ ...empty, bankIds: [] });
  });

  it('refuses, with a reason, what version 1 could not have written', () => {
    expect(() => recordToV2('not a record', 'quizResults')).toThrow(
      'a version 1 quizResults record is not an object',
    );
    expect(() => recordToV2({ status: 'asking', meta: null }, 'active')).toThrow(
      'a version 1 active quiz meta record is not an object',
    );
    expect(() => exportToV2({ quizResults: {}, reviewLogs: [] })).toThrow(
      '"quizResults" is not a list',
    );
    expect(() => exportToV2('not an export')).toThrow(
      'a version 1 export file record is not an object',
    );
    expect(() => exportToV2({ quizResults: [null], reviewLogs: [] })).toThrow(
      'a version 1 quiz result record is not an object',
    );
    expect(() => exportToV2({ quizResults: [], reviewLogs: 'none' })).toThrow(
      '"reviewLogs" is not a list',
    );
    expect(() => exportToV2({ quizResults: [], reviewLogs: [7] })).toThrow(
      'a version 1 review record is not an object',
    );
    // Set aside on read, never lost.
    expect(readRecord({ v: 1, data: 'not a record' }, 'reviewLogs')).toEqual({
      status: 'set-aside',
      reason:
        'migrating from format version 1 to 2 failed: a version 1 reviewLogs record is not an object',
    });
  });

  it('reads version 2 records as they are, team results and custom banks included', () => {
    const v2 = fixture('progress-db-v2-records-v2.json');
    for (const kind of ['active', 'quizResults', 'reviewLogs', 'settings', 'snapshots'] as const)
      for (const stored of recordsOf(v2, kind))
        expect(readRecord(stored, kind)).toEqual({ status: 'current', value: stored.data });
  });
});
