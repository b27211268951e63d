import type { ProgressData } from '../../src/domain/progress-export';
import type {
  ActiveQuiz,
  FlashcardSettings,
  QuizResult,
  ReviewLog,
} from '../../src/domain/progress-schema';
import {
  StaleQuizError,
  type ProgressStore,
  type SetAsideRecord,
} from '../../src/domain/progress-store';
import { isFurtherOn } from '../../src/domain/quiz-session';
import type { Backup } from '../../src/domain/backup-records';

/**
 * Saved progress in memory, shared by every store opened on it, as several tabs share one
 * IndexedDB database. The store contract tests (test/lib/progress-store-contract.ts) hold it to
 * the IndexedDB store's behaviour.
 */
export interface MemoryDatabase {
  /** A store on this database, as one tab would open it. */
  open(): ProgressStore;
}

export function createMemoryDatabase(initial: Partial<ProgressData> = {}): MemoryDatabase {
  // Values are copied on the way in and out, as IndexedDB clones them: a caller that changes an
  // object after saving it, or one it read, changes nothing stored.
  const copy = <T>(value: T): T => structuredClone(value);
  /** Each bank's unfinished quiz. */
  const active = new Map<string, ActiveQuiz>();
  const results = new Map((initial.quizResults ?? []).map((r) => [r.quizId, copy(r)]));
  const logs = new Map((initial.reviewLogs ?? []).map((l) => [l.id, copy(l)]));
  let settings: FlashcardSettings | null = copy(initial.flashcardSettings ?? null);
  const backups = new Map<number, Backup>();
  const setAside: SetAsideRecord[] = [];
  const tabs = new Set<Set<() => void>>();

  /** IndexedDB hands records back in key order; the store then sorts them by time. */
  const byKey = <K extends string | number, V>(map: Map<K, V>) =>
    [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => copy(v));

  function open(): ProgressStore {
    const listeners = new Set<() => void>();
    tabs.add(listeners);
    // Other tabs hear of a change after it is committed, in a later task (as a BroadcastChannel
    // message arrives); the writer is not told of its own.
    const changed = () => {
      for (const tab of tabs)
        if (tab !== listeners) setTimeout(() => tab.forEach((listener) => listener()), 0);
    };
    const store: ProgressStore = {
      loadActiveQuiz: async (bankId: string) => ({
        quiz: copy(active.get(bankId) ?? null),
        setAside: false,
      }),
      listActiveQuizzes: async () => byKey(active),
      saveActiveQuiz: async (quiz: ActiveQuiz) => {
        const finished = results.has(quiz.meta.quizId);
        const stored = active.get(quiz.meta.bankId);
        if (finished || (stored && isFurtherOn(stored, quiz))) throw new StaleQuizError();
        active.set(quiz.meta.bankId, copy(quiz));
        changed();
      },
      clearActiveQuiz: async (bankId: string) => {
        active.delete(bankId);
        changed();
      },
      finishQuiz: async (result: QuizResult) => {
        results.set(result.quizId, copy(result));
        active.delete(result.bankId);
        changed();
      },
      updateQuizResult: async (quizId, update) => {
        const next = update(copy(results.get(quizId) ?? null));
        if (!next) return;
        results.set(quizId, copy(next));
        changed();
      },
      removeBankProgress: async (bankId: string) => {
        for (const [id, r] of results) if (r.bankId === bankId) results.delete(id);
        for (const [id, l] of logs) if (l.bankId === bankId) logs.delete(id);
        active.delete(bankId);
        changed();
      },
      listQuizResults: async () => byKey(results).sort((a, b) => a.finishedAt - b.finishedAt),
      addReviewLog: async (log: ReviewLog) => {
        logs.set(log.id, copy(log));
        changed();
      },
      deleteReviewLog: async (id: string) => {
        logs.delete(id);
        changed();
      },
      listReviewLogs: async () => byKey(logs).sort((a, b) => a.reviewedAt - b.reviewedAt),
      loadFlashcardSettings: async () => copy(settings),
      saveFlashcardSettings: async (s: FlashcardSettings) => {
        settings = copy(s);
        changed();
      },
      exportData: async (): Promise<ProgressData> => ({
        quizResults: await store.listQuizResults(),
        reviewLogs: await store.listReviewLogs(),
        flashcardSettings: copy(settings),
      }),
      replaceAll: async (data: ProgressData) => {
        results.clear();
        logs.clear();
        data.quizResults.forEach((r) => results.set(r.quizId, copy(r)));
        data.reviewLogs.forEach((l) => logs.set(l.id, copy(l)));
        settings = copy(data.flashcardSettings);
        active.clear();
        changed();
      },
      listBackups: async () => byKey(backups).sort((a, b) => b.takenAt - a.takenAt),
      addBackup: async (s: Backup) => void backups.set(s.takenAt, copy(s)),
      deleteBackup: async (takenAt: number) => void backups.delete(takenAt),
      listSetAside: async () => setAside.map(copy),
      clearSetAside: async () => {
        setAside.splice(0);
        changed();
      },
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    return store;
  }
  return { open };
}

/** One store on a database of its own: for tests with a single tab. */
export function createMemoryProgressStore(initial: Partial<ProgressData> = {}): ProgressStore {
  return createMemoryDatabase(initial).open();
}
