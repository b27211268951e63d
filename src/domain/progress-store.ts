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
  /**
   * The unfinished quiz of a bank (each bank keeps its own). `setAside` is true when a saved quiz
   * existed but failed validation and was set aside.
   */
  loadActiveQuiz(bankId: string): Promise<{ quiz: ActiveQuiz | null; setAside: boolean }>;
  /** Every bank's unfinished quiz (read at start-up, so damaged ones are set aside early). */
  listActiveQuizzes(): Promise<ActiveQuiz[]>;
  /**
   * Saves the unfinished quiz of its bank (`meta.bankId`). Rejects with StaleQuizError when the
   * stored copy of the same quiz is further on.
   */
  saveActiveQuiz(quiz: ActiveQuiz): Promise<void>;
  clearActiveQuiz(bankId: string): Promise<void>;
  /** Adds the result to history and clears its bank's active quiz in one transaction. */
  finishQuiz(result: QuizResult): Promise<void>;
  /**
   * Reads the result with this id (null if there is none) and stores what `update` returns, in one
   * transaction; null stores nothing. No active quiz is touched: team answers arrive this way while
   * a quiz of one's own may be unfinished.
   */
  updateQuizResult(
    quizId: string,
    update: (existing: QuizResult | null) => QuizResult | null,
  ): Promise<void>;
  /** Deletes one bank's history, reviews and unfinished quiz in one transaction. */
  removeBankProgress(bankId: string): Promise<void>;
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
