import { describe, expect, it } from 'vitest';
import { buildExport } from '../../src/domain/progress-export';
import { DEFAULT_FLASHCARD_SETTINGS, type ActiveQuiz } from '../../src/domain/progress-schema';
import { StaleQuizError, type ProgressStore } from '../../src/domain/progress-store';
import { DEFAULT_SETTINGS } from '../../src/domain/quiz-settings';
import type { Backup } from '../../src/domain/backup-records';
import { makeAnswer, makeResult, makeReview } from '../factories-progress';
import { settle } from '../fakes/gated-progress-store';

/** Somewhere progress is kept, on which each tab opens its own store. */
export interface StoreDatabase {
  open(): ProgressStore;
}

/** An unfinished quiz `quizId` at question `index`, with `answered` answers given. */
function activeQuiz(quizId: string, answered: number, index = answered): ActiveQuiz {
  const items = ['q1', 'q2', 'q3'].map((id) => ({
    questionId: id as never,
    answer: 'NodePort' as const,
  }));
  const answers = items
    .slice(0, answered)
    .map((i, n) => makeAnswer(i.questionId, 'NodePort', 'NodePort', n));
  const meta = {
    quizId,
    bankId: 'bundled',
    bankTitle: 'Bank',
    settings: DEFAULT_SETTINGS,
    seed: 's',
    kind: 'new' as const,
    startedAt: 1,
  };
  return index < answered
    ? { status: 'answered', meta, items, index, answers }
    : {
        status: 'asking',
        meta,
        items,
        index,
        answers,
        clock: { usedMs: 0, runningSince: 5 },
        pendingChoice: null,
      };
}

const backup = (takenAt: number, reason: Backup['reason'] = 'daily'): Backup => ({
  day: '2026-11-01',
  takenAt,
  reason,
  data: buildExport(
    { quizResults: [makeResult('r', [])], reviewLogs: [], flashcardSettings: null },
    takenAt,
  ),
});

/** Counts a store's notifications, and waits for the next one. */
function listen(store: ProgressStore) {
  let count = 0;
  let waiters: (() => void)[] = [];
  const stop = store.subscribe(() => {
    count += 1;
    waiters.forEach((w) => w());
    waiters = [];
  });
  return {
    get count() {
      return count;
    },
    /** Resolves on the next notification; fails, naming `what`, if none comes within 2 s. */
    next: (what: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no other tab heard of ${what}`)), 2000);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
    stop,
  };
}

/**
 * What every ProgressStore does, for the IndexedDB store the app uses and for the fake in memory
 * that unit tests use, so the two cannot drift apart. `fresh` makes an empty database.
 */
export function describeProgressStoreContract(name: string, fresh: () => StoreDatabase) {
  const store = () => fresh().open();

  describe(`ProgressStore contract: ${name}`, () => {
    describe('the unfinished quiz', () => {
      it('is saved, read back and cleared', async () => {
        const s = store();
        expect(await s.loadActiveQuiz('bundled')).toEqual({ quiz: null, setAside: false });
        await s.saveActiveQuiz(activeQuiz('a', 1));
        expect(await s.loadActiveQuiz('bundled')).toEqual({
          quiz: activeQuiz('a', 1),
          setAside: false,
        });
        await s.clearActiveQuiz('bundled');
        expect(await s.loadActiveQuiz('bundled')).toEqual({ quiz: null, setAside: false });
      });

      it('is a copy: changing an object after saving it, or one read back, changes nothing stored', async () => {
        const s = store();
        const quiz = activeQuiz('a', 1);
        await s.saveActiveQuiz(quiz);
        quiz.answers.push(makeAnswer('q2', 'NodePort', 'NodePort'));
        const read = (await s.loadActiveQuiz('bundled')).quiz!;
        read.answers.length = 0;
        expect((await s.loadActiveQuiz('bundled')).quiz?.answers).toHaveLength(1);
      });

      it('refuses a save that is behind the stored copy of the same quiz, with StaleQuizError', async () => {
        const s = store();
        await s.saveActiveQuiz(activeQuiz('a', 2));
        await expect(s.saveActiveQuiz(activeQuiz('a', 1))).rejects.toBeInstanceOf(StaleQuizError);
        // Same answers, but the stored copy has moved on to the next question.
        await s.saveActiveQuiz(activeQuiz('b', 1, 1));
        await expect(s.saveActiveQuiz(activeQuiz('b', 1, 0))).rejects.toThrow(
          'This quiz has moved on in another tab or window.',
        );
        expect((await s.loadActiveQuiz('bundled')).quiz).toEqual(activeQuiz('b', 1, 1));
      });

      it('accepts the same position again, a quiz further on, and another quiz', async () => {
        const s = store();
        await s.saveActiveQuiz(activeQuiz('a', 1, 0));
        await s.saveActiveQuiz(activeQuiz('a', 1, 0));
        await s.saveActiveQuiz(activeQuiz('a', 1, 1));
        await s.saveActiveQuiz(activeQuiz('b', 0));
        expect((await s.loadActiveQuiz('bundled')).quiz?.meta.quizId).toBe('b');
      });

      it('refuses a save for a quiz already finished', async () => {
        const s = store();
        await s.finishQuiz(makeResult('a', []));
        const refused = await s.saveActiveQuiz(activeQuiz('a', 0)).catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(StaleQuizError);
        expect(refused).toHaveProperty('name', 'StaleQuizError');
        expect((await s.loadActiveQuiz('bundled')).quiz).toBeNull();
      });
    });

    describe('quiz history', () => {
      it('finishing adds the result and clears the unfinished quiz together', async () => {
        const s = store();
        await s.saveActiveQuiz(activeQuiz('a', 1));
        await s.finishQuiz(makeResult('a', [makeAnswer('q1', 'NodePort', 'NodePort')]));
        expect((await s.loadActiveQuiz('bundled')).quiz).toBeNull();
        expect((await s.listQuizResults()).map((r) => r.quizId)).toEqual(['a']);
      });

      it('lists results oldest first (ties in id order), one per quiz', async () => {
        const s = store();
        await s.finishQuiz(makeResult('c', [], 300));
        await s.finishQuiz(makeResult('b', [], 100));
        await s.finishQuiz(makeResult('a', [], 300));
        await s.finishQuiz(makeResult('b', [], 200));
        expect((await s.listQuizResults()).map((r) => [r.quizId, r.finishedAt])).toEqual([
          ['b', 200],
          ['a', 300],
          ['c', 300],
        ]);
      });
    });

    describe('flashcard reviews and settings', () => {
      it('lists reviews oldest first (ties in id order), and deletes one for undo', async () => {
        const s = store();
        await s.addReviewLog(makeReview('z', 'q1', 200));
        await s.addReviewLog(makeReview('b', 'q1', 100));
        await s.addReviewLog(makeReview('a', 'q2', 200));
        expect((await s.listReviewLogs()).map((l) => l.id)).toEqual(['b', 'a', 'z']);
        await s.deleteReviewLog('a');
        await s.deleteReviewLog('not-there');
        expect((await s.listReviewLogs()).map((l) => l.id)).toEqual(['b', 'z']);
      });

      it('keeps settings, null until the learner changes them', async () => {
        const s = store();
        expect(await s.loadFlashcardSettings()).toBeNull();
        const settings = { ...DEFAULT_FLASHCARD_SETTINGS, dailyNewLimit: 5 };
        await s.saveFlashcardSettings(settings);
        expect(await s.loadFlashcardSettings()).toEqual(settings);
      });
    });

    describe('export, replace, backups and set-aside records', () => {
      it('exports history, reviews and settings', async () => {
        const s = store();
        await s.finishQuiz(makeResult('a', [], 5));
        await s.addReviewLog(makeReview('r', 'q1', 7));
        await s.saveFlashcardSettings(DEFAULT_FLASHCARD_SETTINGS);
        expect(await s.exportData()).toEqual({
          quizResults: [makeResult('a', [], 5)],
          reviewLogs: [makeReview('r', 'q1', 7)],
          flashcardSettings: DEFAULT_FLASHCARD_SETTINGS,
        });
      });

      it('replaces everything at once and drops the unfinished quiz', async () => {
        const s = store();
        await s.finishQuiz(makeResult('old', []));
        await s.addReviewLog(makeReview('old', 'q1', 1));
        await s.saveFlashcardSettings(DEFAULT_FLASHCARD_SETTINGS);
        await s.saveActiveQuiz(activeQuiz('x', 1));
        const data = {
          quizResults: [makeResult('new', [])],
          reviewLogs: [makeReview('new', 'q2', 2)],
          flashcardSettings: null,
        };
        await s.replaceAll(data);
        expect(await s.exportData()).toEqual(data);
        expect((await s.loadActiveQuiz('bundled')).quiz).toBeNull();
      });

      it('keeps backups newest first, replaces one taken at the same time, and deletes one', async () => {
        const s = store();
        expect(await s.listBackups()).toEqual([]);
        await s.addBackup(backup(10));
        await s.addBackup(backup(30));
        await s.addBackup(backup(20));
        await s.addBackup(backup(20, 'before-reset'));
        expect((await s.listBackups()).map((b) => [b.takenAt, b.reason])).toEqual([
          [30, 'daily'],
          [20, 'before-reset'],
          [10, 'daily'],
        ]);
        await s.deleteBackup(30);
        expect((await s.listBackups()).map((b) => b.takenAt)).toEqual([20, 10]);
        expect(await s.listBackups()).toEqual([backup(20, 'before-reset'), backup(10)]);
      });

      it('has no set-aside records when nothing was damaged, and clears them', async () => {
        const s = store();
        expect(await s.listSetAside()).toEqual([]);
        await s.clearSetAside();
        expect(await s.listSetAside()).toEqual([]);
      });
    });

    describe('other tabs', () => {
      it('tells every other tab of each change, and not the tab that made it', async () => {
        const db = fresh();
        const [writer, other] = [db.open(), db.open()];
        const mine = listen(writer);
        const theirs = listen(other);
        const changes: [string, () => Promise<void>][] = [
          ['saveActiveQuiz', () => writer.saveActiveQuiz(activeQuiz('a', 0))],
          ['clearActiveQuiz', () => writer.clearActiveQuiz('bundled')],
          ['finishQuiz', () => writer.finishQuiz(makeResult('a', []))],
          ['addReviewLog', () => writer.addReviewLog(makeReview('r', 'q1', 1))],
          ['deleteReviewLog', () => writer.deleteReviewLog('r')],
          ['saveFlashcardSettings', () => writer.saveFlashcardSettings(DEFAULT_FLASHCARD_SETTINGS)],
          [
            'replaceAll',
            () => writer.replaceAll({ quizResults: [], reviewLogs: [], flashcardSettings: null }),
          ],
          ['clearSetAside', () => writer.clearSetAside()],
        ];
        for (const [i, [method, change]] of changes.entries()) {
          const heard = theirs.next(method);
          await change();
          await heard;
          // Named, so a failure says which change went unheard (or was heard twice).
          expect({ method, heard: theirs.count }).toEqual({ method, heard: i + 1 });
        }
        // The other tab sees the change when it reads.
        expect(await other.exportData()).toEqual(await writer.exportData());
        await settle();
        expect(mine.count).toBe(0);
      });

      it('says nothing of a save it refused, and nothing to a tab that stopped listening', async () => {
        const db = fresh();
        const [a, b, c] = [db.open(), db.open(), db.open()];
        await a.saveActiveQuiz(activeQuiz('q', 2));
        await settle(); // that save's news has gone out before anyone listens
        const heardB = listen(b);
        const heardC = listen(c);
        heardC.stop();
        await expect(a.saveActiveQuiz(activeQuiz('q', 1))).rejects.toBeInstanceOf(StaleQuizError);
        // A change after the refusal is the first thing B hears.
        const next = heardB.next('a review');
        await a.addReviewLog(makeReview('r', 'q1', 1));
        await next;
        await settle();
        expect(heardB.count).toBe(1);
        expect(heardC.count).toBe(0);
      });

      it('lets another tab read what one tab saved', async () => {
        const db = fresh();
        const [a, b] = [db.open(), db.open()];
        await a.saveActiveQuiz(activeQuiz('q', 1));
        expect((await b.loadActiveQuiz('bundled')).quiz).toEqual(activeQuiz('q', 1));
        await expect(b.saveActiveQuiz(activeQuiz('q', 0))).rejects.toBeInstanceOf(StaleQuizError);
      });
    });
  });
}
