import type { ProgressData } from '../../src/domain/progress-export';
import type {
  ActiveQuiz,
  FlashcardSettings,
  QuizResult,
  ReviewLog,
} from '../../src/domain/progress-schema';
import type { ProgressStore, QuarantinedRecord } from '../../src/domain/progress-store';
import type { Snapshot } from '../../src/domain/snapshots';

/** The storage interface in memory, for domain tests that run in node without IndexedDB. */
export function createMemoryProgressStore(
  initial: Partial<ProgressData> = {},
): ProgressStore & { writes: number } {
  let active: ActiveQuiz | null = null;
  const results = new Map((initial.quizResults ?? []).map((r) => [r.quizId, r]));
  const logs = new Map((initial.reviewLogs ?? []).map((l) => [l.id, l]));
  let settings: FlashcardSettings | null = initial.flashcardSettings ?? null;
  const snapshots = new Map<number, Snapshot>();
  const quarantine: QuarantinedRecord[] = [];
  const listeners = new Set<() => void>();
  const store = {
    writes: 0,
    changed() {
      store.writes += 1;
      listeners.forEach((l) => l());
    },
    loadActiveQuiz: async () => ({ quiz: active, setAside: false }),
    saveActiveQuiz: async (quiz: ActiveQuiz) => {
      active = quiz;
      store.changed();
    },
    clearActiveQuiz: async () => {
      active = null;
      store.changed();
    },
    finishQuiz: async (result: QuizResult) => {
      results.set(result.quizId, result);
      active = null;
      store.changed();
    },
    listQuizResults: async () => [...results.values()].sort((a, b) => a.finishedAt - b.finishedAt),
    addReviewLog: async (log: ReviewLog) => {
      logs.set(log.id, log);
      store.changed();
    },
    deleteReviewLog: async (id: string) => {
      logs.delete(id);
      store.changed();
    },
    listReviewLogs: async () => [...logs.values()].sort((a, b) => a.reviewedAt - b.reviewedAt),
    loadFlashcardSettings: async () => settings,
    saveFlashcardSettings: async (s: FlashcardSettings) => {
      settings = s;
      store.changed();
    },
    exportData: async (): Promise<ProgressData> => ({
      quizResults: await store.listQuizResults(),
      reviewLogs: await store.listReviewLogs(),
      flashcardSettings: settings,
    }),
    replaceAll: async (data: ProgressData) => {
      results.clear();
      logs.clear();
      data.quizResults.forEach((r) => results.set(r.quizId, r));
      data.reviewLogs.forEach((l) => logs.set(l.id, l));
      settings = data.flashcardSettings;
      active = null;
      store.changed();
    },
    listSnapshots: async () => [...snapshots.values()].sort((a, b) => b.takenAt - a.takenAt),
    addSnapshot: async (s: Snapshot) => void snapshots.set(s.takenAt, s),
    deleteSnapshot: async (takenAt: number) => void snapshots.delete(takenAt),
    listQuarantine: async () => [...quarantine],
    clearQuarantine: async () => void quarantine.splice(0),
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return store;
}
