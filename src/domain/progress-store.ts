import type { ProgressData } from './progress-export';
import type { ActiveQuiz, FlashcardSettings, QuizResult, ReviewLog } from './progress-schema';
import type { Backup } from './backup-records';

/** A save from a tab that is behind: another tab has already moved this quiz further on. */
export class StaleQuizError extends Error {
  constructor() {
    super('This quiz has moved on in another tab or window.');
    this.name = 'StaleQuizError';
  }
}

/** A record that failed validation: kept aside, never deleted, so it can be downloaded or repaired. */
export interface SetAsideRecord {
  store: string;
  key: string;
  value: unknown;
  reason: string;
  /** When it was set aside (the field keeps the name it is stored under). */
  quarantinedAt: number;
}

/**
 * Where learner progress lives. The app uses IndexedDB (src/lib); tests may use any implementation.
 * Every write resolves only once it is committed, so the UI moves on only after that.
 */
export interface ProgressStore {
  /** `setAside` is true when a saved quiz existed but failed validation and was set aside. */
  loadActiveQuiz(): Promise<{ quiz: ActiveQuiz | null; setAside: boolean }>;
  /** Rejects with StaleQuizError when the stored copy of the same quiz is further on. */
  saveActiveQuiz(quiz: ActiveQuiz): Promise<void>;
  clearActiveQuiz(): Promise<void>;
  /** Adds the result to history and clears the active quiz in one transaction. */
  finishQuiz(result: QuizResult): Promise<void>;
  listQuizResults(): Promise<QuizResult[]>;
  /** Commits one flashcard review. */
  addReviewLog(log: ReviewLog): Promise<void>;
  /** Takes a review back (undo). */
  deleteReviewLog(id: string): Promise<void>;
  /** Every valid review, oldest first. */
  listReviewLogs(): Promise<ReviewLog[]>;
  /** null when the learner has not changed the defaults. */
  loadFlashcardSettings(): Promise<FlashcardSettings | null>;
  saveFlashcardSettings(settings: FlashcardSettings): Promise<void>;
  /** All history, reviews and settings. */
  exportData(): Promise<ProgressData>;
  /** Replaces history, reviews and settings in one transaction (the active quiz is dropped). */
  replaceAll(data: ProgressData): Promise<void>;
  listBackups(): Promise<Backup[]>;
  addBackup(backup: Backup): Promise<void>;
  deleteBackup(takenAt: number): Promise<void>;
  clearSetAside(): Promise<void>;
  /** Called when another tab or window changes stored progress (not for this store's own writes). */
  subscribe(listener: () => void): () => void;
  listSetAside(): Promise<SetAsideRecord[]>;
}
