import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { StaleQuizError } from '../../src/domain/progress-store';
import { BUILTIN_BANK_ID } from '../../src/domain/bank-ids';
import { createIdbProgressStore } from '../../src/lib/idb-progress-store';
import { makeAnswer, makeResult, makeReview } from '../factories-progress';

const v1 = JSON.parse(readFileSync('test/fixtures/progress-db-v1.json', 'utf8')) as {
  active: Record<string, unknown>;
  quizResults: Record<string, unknown>;
};
let n = 0;
const freshName = () => `upgrade-${++n}`;

describe('database upgrades', () => {
  it('opens a version 1 database: its records are read unchanged and the new stores exist', async () => {
    const name = freshName();
    const old = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('active');
        db.createObjectStore('quizResults');
        db.createObjectStore('quarantine', { autoIncrement: true });
      },
    });
    for (const [key, value] of Object.entries(v1.active)) await old.put('active', value, key);
    for (const [key, value] of Object.entries(v1.quizResults))
      await old.put('quizResults', value, key);
    old.close();

    const store = createIdbProgressStore(name);
    const { quiz, setAside } = await store.loadActiveQuiz(BUILTIN_BANK_ID);
    expect(setAside).toBe(false);
    expect(quiz).toMatchObject({ status: 'answered', index: 0, meta: { quizId: 'v1-active' } });
    expect((await store.listQuizResults()).map((r) => r.quizId)).toEqual(['v1-done']);
    expect(await store.listReviewLogs()).toEqual([]);
    expect(await store.listBackups()).toEqual([]);
    expect(await store.listSetAside()).toEqual([]);
  });
});

describe('several tabs', () => {
  it('tells another store on the same database about a change', async () => {
    const name = freshName();
    const tabA = createIdbProgressStore(name);
    const tabB = createIdbProgressStore(name);
    const heard = new Promise<void>((resolve) => tabB.subscribe(resolve));
    let toldItself = 0;
    tabA.subscribe(() => (toldItself += 1));
    await tabA.addReviewLog(makeReview('r1', 'q1', 1));
    await heard;
    // The writer already has the new state: it is not told of its own write.
    expect(toldItself).toBe(0);
    expect((await tabB.listReviewLogs()).map((l) => l.id)).toEqual(['r1']);
  });

  it('refuses a save from a tab that is behind, and one for a quiz already finished', async () => {
    const name = freshName();
    const tabA = createIdbProgressStore(name);
    const tabB = createIdbProgressStore(name);
    const { quiz } = await tabA.loadActiveQuiz('bundled');
    expect(quiz).toBeNull();
    const base = JSON.parse(JSON.stringify(v1.active.quiz)).data;
    const ahead = {
      ...base,
      answers: [
        ...base.answers,
        makeAnswer('lb-bare-metal-metallb', 'LoadBalancer', 'NodePort', 5),
      ],
      index: 1,
    };
    await tabA.saveActiveQuiz(ahead);
    await expect(tabB.saveActiveQuiz(base)).rejects.toBeInstanceOf(StaleQuizError);
    expect((await tabB.loadActiveQuiz('bundled')).quiz?.answers).toHaveLength(2);

    await tabA.finishQuiz({ ...makeResult('v1-active', ahead.answers), quizId: 'v1-active' });
    await expect(tabB.saveActiveQuiz(ahead)).rejects.toBeInstanceOf(StaleQuizError);
    expect((await tabB.loadActiveQuiz('bundled')).quiz).toBeNull();
  });
});

describe('replacing and backups', () => {
  it('replaces history, reviews and settings in one go and drops the active quiz', async () => {
    const store = createIdbProgressStore(freshName());
    await store.finishQuiz(makeResult('old', []));
    await store.addReviewLog(makeReview('old-review', 'q', 1));
    await store.replaceAll({
      quizResults: [makeResult('new', [])],
      reviewLogs: [],
      flashcardSettings: null,
    });
    expect(await store.exportData()).toEqual({
      quizResults: [makeResult('new', [])],
      reviewLogs: [],
      flashcardSettings: null,
    });
  });

  it('sets aside a damaged backup like any other record', async () => {
    const name = freshName();
    const store = createIdbProgressStore(name);
    await store.listBackups();
    const db = await openDB(name);
    // 'snapshots' is the object store backups are kept in.
    await db.put('snapshots', { v: 1, data: { day: 'yesterday' } }, 5);
    db.close();
    expect(await store.listBackups()).toEqual([]);
    expect((await store.listSetAside())[0]).toMatchObject({ store: 'snapshots', key: '5' });
  });
});
