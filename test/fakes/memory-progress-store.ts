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
export function createMemoryProgressStore(initial: Partial<ProgressData> = {}): ProgressStore {
  let active: ActiveQuiz | null = null;
  const results = new Map((initial.quizResults ?? []).map((r) => [r.quizId, r]));
  const logs = new Map((initial.reviewLogs ?? []).map((l) => [l.id, l]));
  let settings: FlashcardSettings | null = initial.flashcardSettings ?? null;
  const snapshots = new Map<number, Snapshot>();
  const quarantine: QuarantinedRecord[] = [];
  const store = {
    loadActiveQuiz: async () => ({ quiz: active, setAside: false }),
    saveActiveQuiz: async (quiz: ActiveQuiz) => {
      active = quiz;
    },
    clearActiveQuiz: async () => {
      active = null;
    },
    finishQuiz: async (result: QuizResult) => {
      results.set(result.quizId, result);
      active = null;
    },
    listQuizResults: async () => [...results.values()].sort((a, b) => a.finishedAt - b.finishedAt),
    addReviewLog: async (log: ReviewLog) => {
      logs.set(log.id, log);
    },
    deleteReviewLog: async (id: string) => {
      logs.delete(id);
    },
    listReviewLogs: async () => [...logs.values()].sort((a, b) => a.reviewedAt - b.reviewedAt),
    loadFlashcardSettings: async () => settings,
    saveFlashcardSettings: async (s: FlashcardSettings) => {
      settings = s;
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
    },
    listSnapshots: async () => [...snapshots.values()].sort((a, b) => b.takenAt - a.takenAt),
    addSnapshot: async (s: Snapshot) => void snapshots.set(s.takenAt, s),
    deleteSnapshot: async (takenAt: number) => void snapshots.delete(takenAt),
    listQuarantine: async () => [...quarantine],
    clearQuarantine: async () => void quarantine.splice(0),
    // One tab only: nobody else changes this store.
    subscribe: () => () => {},
  };
  return store;
}
