import type { ActiveQuiz, FlashcardSettings, QuizResult, ReviewLog } from './progress-schema';

/** A record that failed validation: kept aside, never deleted, so it can be downloaded or repaired. */
export interface QuarantinedRecord {
  store: string;
  key: string;
  value: unknown;
  reason: string;
  quarantinedAt: number;
}

/**
 * Where learner progress lives. The app uses IndexedDB (src/lib); tests may use any implementation.
 * Every write resolves only once it is committed, so the UI moves on only after that.
 */
export interface ProgressStore {
  /** `setAside` is true when a saved quiz existed but failed validation and went to quarantine. */
  loadActiveQuiz(): Promise<{ quiz: ActiveQuiz | null; setAside: boolean }>;
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
  listQuarantine(): Promise<QuarantinedRecord[]>;
}
