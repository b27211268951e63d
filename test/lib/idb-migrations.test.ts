import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { ActiveQuiz } from '../../src/domain/progress-schema';
import { DEFAULT_SETTINGS } from '../../src/domain/quiz-settings';
import { createIdbProgressStore } from '../../src/lib/idb-progress-store';
import { makeResult, makeReview } from '../factories-progress';
import { failingStep, prefixBankIds, toV2, v1Only } from '../fakes/test-migrations';

let n = 0;
const freshName = () => `migrations-${++n}`;

/** Creates the database and puts raw records in it, as an older (or newer) app would have. */
async function seed(name: string, store: string, records: Record<string, unknown>) {
  await createIdbProgressStore(name).listSetAside();
  const db = await openDB(name);
  for (const [key, value] of Object.entries(records)) await db.put(store, value, key);
  db.close();
}

async function rawRecords(name: string, store: string): Promise<unknown[]> {
  const db = await openDB(name);
  const values = await db.getAll(store);
  db.close();
  return values;
}

const active: ActiveQuiz = {
  status: 'answered',
  meta: {
    quizId: 'quiz-1',
    bankId: 'builtin',
    bankTitle: 'Bank',
    settings: DEFAULT_SETTINGS,
    seed: 's',
    kind: 'new',
    startedAt: 1,
  },
  items: [{ questionId: 'q1' as never, answer: 'NodePort' }],
  index: 0,
  answers: [],
};

describe('reading older records through the migrations', () => {
  it('migrates them on read and stores them back in the new format', async () => {
    const name = freshName();
    await seed(name, 'reviewLogs', {
      r1: { v: 1, data: makeReview('r1', 'q1', 10) },
      r2: { v: 2, data: makeReview('r2', 'bundled-q2', 20) },
    });
    const store = createIdbProgressStore(name, Date.now, toV2);
    const expected = [
      { ...makeReview('r1', 'bundled-q1', 10) },
      { ...makeReview('r2', 'bundled-q2', 20) },
    ];
    expect(await store.listReviewLogs()).toEqual(expected);
    expect(await rawRecords(name, 'reviewLogs')).toEqual(expected.map((data) => ({ v: 2, data })));
    // Read again: already migrated, so the step does not run twice.
    expect(await store.listReviewLogs()).toEqual(expected);
    expect(await store.listSetAside()).toEqual([]);
  });

  it('migrates single records (the active quiz, settings) the same way', async () => {
    const name = freshName();
    await seed(name, 'active', { quiz: { v: 1, data: active } });
    const store = createIdbProgressStore(name, Date.now, toV2);
    expect(await store.loadActiveQuiz('builtin')).toEqual({ quiz: active, setAside: false });
    expect(await rawRecords(name, 'active')).toEqual([{ v: 2, data: active }]);
  });

  it('sets aside a record a step cannot migrate, keeping it exactly as it was', async () => {
    const name = freshName();
    const stored = { v: 1, data: makeReview('r1', 'q1', 10) };
    await seed(name, 'reviewLogs', { r1: stored, r2: { v: 2, data: makeReview('r2', 'q2', 20) } });
    const store = createIdbProgressStore(name, () => 77, {
      records: [prefixBankIds, failingStep],
      exports: [],
    });
    // r2 is one step behind (2 → 3) and fails too; both are kept aside, neither is lost.
    expect(await store.listReviewLogs()).toEqual([]);
    expect(await store.listSetAside()).toEqual([
      {
        store: 'reviewLogs',
        key: 'r1',
        value: stored,
        reason: 'migrating from format version 2 to 3 failed: cannot convert this record',
        quarantinedAt: 77,
      },
      expect.objectContaining({ key: 'r2', value: { v: 2, data: makeReview('r2', 'q2', 20) } }),
    ]);
    expect(await rawRecords(name, 'reviewLogs')).toEqual([]);
  });

  it('sets aside a record from a newer app with a message, and keeps reading the rest', async () => {
    const name = freshName();
    await seed(name, 'quizResults', {
      new: { v: 2, data: makeResult('new', [], 20) },
      old: { v: 1, data: makeResult('old', [], 10) },
    });
    const store = createIdbProgressStore(name, Date.now, v1Only);
    expect((await store.listQuizResults()).map((r) => r.quizId)).toEqual(['old']);
    const [setAside] = await store.listSetAside();
    expect(setAside).toMatchObject({ store: 'quizResults', key: 'new' });
    expect(setAside?.reason).toMatch(/^written by a newer version of the app \(format version 2;/);
  });

  it('puts a record set aside by an older app back once the app can read it', async () => {
    const name = freshName();
    const fromNewer = { v: 2, data: makeReview('r1', 'bundled-q1', 10) };
    await seed(name, 'reviewLogs', { r1: fromNewer });
    // A tab of the old app meets the record first and sets it aside.
    expect(await createIdbProgressStore(name, Date.now, v1Only).listReviewLogs()).toEqual([]);
    // After the update, the new app reads it, and it is back where it was.
    const updated = createIdbProgressStore(name, Date.now, toV2);
    expect(await updated.listSetAside()).toEqual([]);
    expect(await updated.listReviewLogs()).toEqual([fromNewer.data]);
    expect(await rawRecords(name, 'reviewLogs')).toEqual([fromNewer]);
  });

  it('leaves a readable set-aside record aside when its place has been taken', async () => {
    const name = freshName();
    await seed(name, 'active', { quiz: { v: 2, data: active } });
    const old = createIdbProgressStore(name, Date.now, v1Only);
    expect(await old.loadActiveQuiz('builtin')).toEqual({ quiz: null, setAside: true });
    const restarted = { ...active, meta: { ...active.meta, quizId: 'quiz-2' } };
    await old.saveActiveQuiz(restarted);

    const updated = createIdbProgressStore(name, Date.now, toV2);
    expect((await updated.loadActiveQuiz('builtin')).quiz).toEqual(restarted);
    expect(await updated.listSetAside()).toEqual([
      expect.objectContaining({ store: 'active', value: { v: 2, data: active } }),
    ]);
  });

  it('keeps an unreadable stored quiz aside rather than saving over it', async () => {
    const name = freshName();
    await seed(name, 'active', { quiz: { v: 9, data: active } });
    const store = createIdbProgressStore(name);
    await store.saveActiveQuiz({ ...active, meta: { ...active.meta, quizId: 'quiz-2' } });
    expect((await store.loadActiveQuiz('builtin')).quiz?.meta.quizId).toBe('quiz-2');
    expect(await store.listSetAside()).toEqual([
      expect.objectContaining({ store: 'active', key: 'quiz', value: { v: 9, data: active } }),
    ]);
  });

  it('compares a save with an older stored quiz after migrating it', async () => {
    const name = freshName();
    const further = {
      ...active,
      index: 0,
      answers: [
        {
          questionId: 'q1' as never,
          answer: 'NodePort' as const,
          choice: 'NodePort' as const,
          correct: true,
          confidence: null,
          timeMs: 5,
          answeredAt: 6,
        },
      ],
    };
    await seed(name, 'active', { quiz: { v: 1, data: further } });
    const store = createIdbProgressStore(name, Date.now, toV2);
    await expect(
      store.saveActiveQuiz({
        ...active,
        status: 'asking',
        clock: { usedMs: 0, runningSince: null },
        pendingChoice: null,
      }),
    ).rejects.toThrow('moved on in another tab');
    expect(await store.listSetAside()).toEqual([]);
  });
});
