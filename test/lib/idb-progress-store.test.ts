import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import {
  PROGRESS_SCHEMA_VERSION,
  type ActiveQuiz,
  type QuizResult,
} from '../../src/domain/progress-schema';
import { DEFAULT_SETTINGS } from '../../src/domain/quiz-settings';
import { createIdbProgressStore } from '../../src/lib/idb-progress-store';

let dbCount = 0;
const freshName = () => `test-db-${++dbCount}`;
const meta = {
  quizId: 'quiz-1',
  bankId: 'builtin',
  bankTitle: 'Bank',
  settings: DEFAULT_SETTINGS,
  seed: 's',
  kind: 'new' as const,
  startedAt: 1,
};
const active: ActiveQuiz = {
  status: 'asking',
  meta,
  items: [{ questionId: 'q1' as never, answer: 'NodePort' }],
  index: 0,
  answers: [],
  clock: { usedMs: 0, runningSince: 5 },
  pendingChoice: null,
};
const result: QuizResult = { ...meta, finishedAt: 99, answers: [] };

describe('IndexedDB progress store', () => {
  it('saves, loads and clears the active quiz', async () => {
    const store = createIdbProgressStore(freshName(), () => 7);
    expect(await store.loadActiveQuiz('builtin')).toEqual({ quiz: null, setAside: false });
    await store.saveActiveQuiz(active);
    expect(await store.loadActiveQuiz('builtin')).toEqual({ quiz: active, setAside: false });
    await store.clearActiveQuiz('builtin');
    expect((await store.loadActiveQuiz('builtin')).quiz).toBeNull();
  });

  it('finishing a quiz adds it to history and clears the active quiz together', async () => {
    const store = createIdbProgressStore(freshName());
    await store.saveActiveQuiz(active);
    await store.finishQuiz(result);
    expect((await store.loadActiveQuiz('builtin')).quiz).toBeNull();
    expect(await store.listQuizResults()).toEqual([result]);
  });

  it('sets a corrupted record aside instead of deleting it, and keeps the rest', async () => {
    const name = freshName();
    const store = createIdbProgressStore(name, () => 1234);
    await store.finishQuiz(result);
    await store.finishQuiz({ ...result, quizId: 'quiz-2', finishedAt: 100 });
    const db = await openDB(name);
    await db.put('active', { v: 1, data: { status: 'asking', meta: 'broken' } }, 'quiz');
    await db.put(
      'quizResults',
      { v: 1, data: { ...result, quizId: 'quiz-2', answers: 'nope' } },
      'quiz-2',
    );
    db.close();

    expect(await store.loadActiveQuiz('builtin')).toEqual({ quiz: null, setAside: true });
    expect(await store.listQuizResults()).toEqual([result]);
    const setAside = await store.listSetAside();
    expect(setAside).toHaveLength(2);
    expect(setAside[0]).toMatchObject({
      store: 'active',
      key: 'quiz',
      quarantinedAt: 1234,
      value: { v: 1, data: { meta: 'broken' } },
    });
    expect(setAside[1]).toMatchObject({ store: 'quizResults', key: 'quiz-2' });
    expect(setAside[1]?.reason).toMatch(/^answers: /);
  });

  it('sets aside a record from an unknown format version', async () => {
    const name = freshName();
    const store = createIdbProgressStore(name);
    const db = await openDB(name);
    await db.put('active', { v: 99, data: active }, 'quiz');
    db.close();
    expect((await store.loadActiveQuiz('builtin')).setAside).toBe(true);
    expect((await store.listSetAside())[0]?.reason).toBe(
      `written by a newer version of the app (format version 99; this app reads up to ${PROGRESS_SCHEMA_VERSION}); open the latest version of the app to read it`,
    );
  });

  it('keeps flashcard reviews oldest first, deletes one for undo, and stores settings', async () => {
    const store = createIdbProgressStore(freshName());
    const log = (id: string, reviewedAt: number) => ({
      id,
      questionId: 'q1' as never,
      bankId: 'builtin',
      rating: 3 as const,
      reviewedAt,
      mode: 'classic' as const,
      choice: null,
      durationMs: 1200,
    });
    await store.addReviewLog(log('b', 200));
    await store.addReviewLog(log('a', 100));
    expect((await store.listReviewLogs()).map((l) => l.id)).toEqual(['a', 'b']);
    await store.deleteReviewLog('b');
    expect((await store.listReviewLogs()).map((l) => l.id)).toEqual(['a']);
    expect(await store.loadFlashcardSettings()).toBeNull();
    const settings = {
      desiredRetention: 0.85,
      dailyNewLimit: 5,
      maximumIntervalDays: 365,
      mode: 'choose-first' as const,
    };
    await store.saveFlashcardSettings(settings);
    expect(await store.loadFlashcardSettings()).toEqual(settings);
  });
});
