import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { EXPORT_VERSION, parseExport } from '../../src/domain/progress-export';
import { BUILTIN_BANK_ID } from '../../src/domain/bank-ids';
import { PROGRESS_SCHEMA_VERSION } from '../../src/domain/progress-schema';
import {
  createIdbProgressStore,
  DB_VERSION,
  upgradeProgressDb,
} from '../../src/lib/idb-progress-store';

// A fixture of every stored version the app has ever written: every database layout, every record
// format, every export format. Each must still open and come out in today's format.
const FIXTURES = 'test/fixtures';
const files = (pattern: RegExp) =>
  readdirSync(FIXTURES)
    .filter((f) => pattern.test(f))
    .sort();
// `progress-db-v<layout>.json`, or `progress-db-v<layout>-records-v<format>.json` for a record
// format written into a layout that came before it.
const dbFixtures = files(/^progress-db-v\d+(-records-v\d+)?\.json$/);
const exportFixtures = files(/^progress-export-v\d+\.json$/);

type Records = Record<string, { v: number; data: unknown }>;
type DbFixture = { note: string; dbVersion: number } & Record<string, Records>;
const readFixture = (file: string) => JSON.parse(readFileSync(`${FIXTURES}/${file}`, 'utf8'));
const storesOf = (fixture: DbFixture) =>
  Object.entries(fixture).filter(([key]) => key !== 'note' && key !== 'dbVersion') as [
    string,
    Records,
  ][];

const range = (last: number) => Array.from({ length: last }, (_, i) => i + 1);

describe('fixtures of every stored version', () => {
  it('cover every database layout, record format and export format', () => {
    const fixtures = dbFixtures.map((f) => readFixture(f) as DbFixture);
    expect([...new Set(fixtures.map((f) => f.dbVersion))].sort()).toEqual(range(DB_VERSION));
    const recordVersions = new Set(
      fixtures.flatMap((f) =>
        storesOf(f).flatMap(([, records]) => Object.values(records).map((r) => r.v)),
      ),
    );
    expect([...recordVersions].sort()).toEqual(range(PROGRESS_SCHEMA_VERSION));
    expect(exportFixtures).toEqual(range(EXPORT_VERSION).map((v) => `progress-export-v${v}.json`));
  });

  it.each(dbFixtures)(
    '%s opens, and every record reads and is stored in the current format',
    async (file) => {
      const fixture = readFixture(file) as DbFixture;
      const name = `fixture-${file}`;
      const old = await openDB(name, fixture.dbVersion, {
        upgrade: (db, oldVersion) => upgradeProgressDb(db as never, oldVersion, fixture.dbVersion),
      });
      for (const [storeName, records] of storesOf(fixture))
        for (const [key, value] of Object.entries(records))
          await old.put(storeName, value, storeName === 'snapshots' ? Number(key) : key);
      old.close();

      const store = createIdbProgressStore(name);
      const count = (storeName: string) => Object.keys(fixture[storeName] ?? {}).length;
      expect(await store.listActiveQuizzes()).toHaveLength(count('active'));
      if (count('active') > 0)
        expect((await store.loadActiveQuiz(BUILTIN_BANK_ID)).quiz).not.toBeNull();
      expect(await store.listQuizResults()).toHaveLength(count('quizResults'));
      expect(await store.listReviewLogs()).toHaveLength(count('reviewLogs'));
      expect(await store.loadFlashcardSettings()).toEqual(
        fixture.settings?.flashcards?.data ?? null,
      );
      const snapshots = await store.listBackups();
      expect(snapshots).toHaveLength(count('snapshots'));
      expect(snapshots.every((s) => s.data.version === EXPORT_VERSION)).toBe(true);
      expect(await store.listSetAside()).toEqual([]);
      // Version 1 knew only the built-in bank: everything it wrote belongs to it now.
      if (Object.values(fixture.quizResults ?? {}).every((r) => r.v === 1)) {
        const { quizResults, reviewLogs } = await store.exportData();
        expect(new Set([...quizResults, ...reviewLogs].map((r) => r.bankId))).toEqual(
          new Set([BUILTIN_BANK_ID]),
        );
      }

      const db = await openDB(name);
      expect(db.version).toBe(DB_VERSION);
      for (const [storeName] of storesOf(fixture))
        for (const record of await db.getAll(storeName as never))
          expect(record).toMatchObject({ v: PROGRESS_SCHEMA_VERSION });
      db.close();
    },
  );

  it.each(exportFixtures)('%s imports in the current format', (file) => {
    const parsed = parseExport(readFileSync(`${FIXTURES}/${file}`, 'utf8'));
    expect(parsed).toMatchObject({ ok: true, data: { version: EXPORT_VERSION } });
    if (parsed.ok) {
      expect(parsed.data.quizResults.length + parsed.data.reviewLogs.length).toBeGreaterThan(0);
    }
  });
});
