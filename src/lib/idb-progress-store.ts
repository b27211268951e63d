import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { z } from 'zod';
import {
  activeQuizSchema,
  flashcardSettingsSchema,
  PROGRESS_SCHEMA_VERSION,
  quizResultSchema,
  reviewLogSchema,
  type ActiveQuiz,
  type QuizResult,
  type ReviewLog,
} from '../domain/progress-schema';
import type { ProgressData } from '../domain/progress-export';
import { StaleQuizError, type ProgressStore, type SetAsideRecord } from '../domain/progress-store';
import { isFurtherOn } from '../domain/quiz-session';
import { backupSchema, type Backup } from '../domain/backup-records';

/** Each stored record is wrapped with the format version it was written in, for migrations. */
interface Envelope {
  v: number;
  data: unknown;
}

/** The object stores keep their first names ('quarantine' for set-aside records, 'snapshots' for
 * backups) so existing databases open unchanged; the code calls them set aside and backups. */
interface TrainerDB extends DBSchema {
  active: { key: string; value: Envelope };
  quizResults: { key: string; value: Envelope };
  quarantine: { key: number; value: SetAsideRecord };
  reviewLogs: { key: string; value: Envelope };
  settings: { key: string; value: Envelope };
  snapshots: { key: number; value: Envelope };
}

type StoreName = 'active' | 'quizResults' | 'reviewLogs' | 'settings' | 'snapshots';
const FLASHCARD_SETTINGS_KEY = 'flashcards';
const ACTIVE_KEY = 'quiz';

export const DB_NAME = 'kube-service-trainer';

export function openProgressDb(name = DB_NAME): Promise<IDBPDatabase<TrainerDB>> {
  return openDB<TrainerDB>(name, 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('active');
        db.createObjectStore('quizResults');
        db.createObjectStore('quarantine', { autoIncrement: true });
      }
      if (oldVersion < 2) {
        db.createObjectStore('reviewLogs');
        db.createObjectStore('settings');
        db.createObjectStore('snapshots');
      }
    },
  });
}

const wrap = (data: unknown): Envelope => ({ v: PROGRESS_SCHEMA_VERSION, data });

export function createIdbProgressStore(
  name = DB_NAME,
  now: () => number = Date.now,
): ProgressStore {
  const dbPromise = openProgressDb(name);
  // Tells other tabs that progress changed, so none shows stale data. A tab is not told of its own
  // writes: whoever wrote already has the new state.
  const channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`${name}-changes`);
  const listeners = new Set<() => void>();
  const changed = () => channel?.postMessage('changed');
  channel?.addEventListener('message', () => listeners.forEach((l) => l()));

  /** Validates a stored record; one that fails is moved to quarantine in the same transaction. */
  async function readValid<T>(
    store: StoreName,
    key: string,
    schema: z.ZodType<T>,
  ): Promise<{ value: T | null; setAside: boolean }> {
    const db = await dbPromise;
    const tx = db.transaction([store, 'quarantine'], 'readwrite');
    const raw = await tx.objectStore(store).get(key);
    if (raw === undefined) {
      await tx.done;
      return { value: null, setAside: false };
    }
    const parsed = parseEnvelope(raw, schema);
    if (!parsed.ok) {
      await tx
        .objectStore('quarantine')
        .add({ store, key, value: raw, reason: parsed.reason, quarantinedAt: now() });
      await tx.objectStore(store).delete(key);
    }
    await tx.done;
    return parsed.ok ? { value: parsed.value, setAside: false } : { value: null, setAside: true };
  }

  /** Every valid record of a store, in one pass; invalid ones go to quarantine. */
  async function readAll<T>(
    store: 'quizResults' | 'reviewLogs' | 'snapshots',
    schema: z.ZodType<T>,
  ): Promise<T[]> {
    const db = await dbPromise;
    const tx = db.transaction([store, 'quarantine'], 'readwrite');
    const values: T[] = [];
    let cursor = await tx.objectStore(store).openCursor();
    while (cursor) {
      const parsed = parseEnvelope(cursor.value, schema);
      if (parsed.ok) values.push(parsed.value);
      else {
        await tx.objectStore('quarantine').add({
          store,
          key: String(cursor.key),
          value: cursor.value,
          reason: parsed.reason,
          quarantinedAt: now(),
        });
        await cursor.delete();
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return values;
  }

  const store: ProgressStore = {
    async loadActiveQuiz() {
      const { value, setAside } = await readValid('active', ACTIVE_KEY, activeQuizSchema);
      return { quiz: value, setAside };
    },
    async saveActiveQuiz(quiz: ActiveQuiz) {
      const db = await dbPromise;
      const tx = db.transaction(['active', 'quizResults'], 'readwrite');
      const stored = parseEnvelope(
        await tx.objectStore('active').get(ACTIVE_KEY),
        activeQuizSchema,
      );
      const finished = (await tx.objectStore('quizResults').getKey(quiz.meta.quizId)) !== undefined;
      if (finished || (stored.ok && isFurtherOn(stored.value, quiz))) {
        tx.abort();
        await tx.done.catch(() => {});
        throw new StaleQuizError();
      }
      await tx.objectStore('active').put(wrap(quiz), ACTIVE_KEY);
      await tx.done;
      changed();
    },
    async clearActiveQuiz() {
      const db = await dbPromise;
      await db.delete('active', ACTIVE_KEY);
      changed();
    },
    async finishQuiz(result: QuizResult) {
      const db = await dbPromise;
      const tx = db.transaction(['quizResults', 'active'], 'readwrite');
      await tx.objectStore('quizResults').put(wrap(result), result.quizId);
      await tx.objectStore('active').delete(ACTIVE_KEY);
      await tx.done;
      changed();
    },
    async listQuizResults() {
      const results = await readAll('quizResults', quizResultSchema);
      return results.sort((a, b) => a.finishedAt - b.finishedAt);
    },
    async addReviewLog(log: ReviewLog) {
      const db = await dbPromise;
      await db.put('reviewLogs', wrap(log), log.id);
      changed();
    },
    async deleteReviewLog(id: string) {
      const db = await dbPromise;
      await db.delete('reviewLogs', id);
      changed();
    },
    async listReviewLogs() {
      const logs = await readAll('reviewLogs', reviewLogSchema);
      return logs.sort((a, b) => a.reviewedAt - b.reviewedAt);
    },
    async loadFlashcardSettings() {
      return (await readValid('settings', FLASHCARD_SETTINGS_KEY, flashcardSettingsSchema)).value;
    },
    async saveFlashcardSettings(settings) {
      const db = await dbPromise;
      await db.put('settings', wrap(settings), FLASHCARD_SETTINGS_KEY);
      changed();
    },
    async exportData() {
      const [quizResults, reviewLogs, flashcardSettings] = [
        await store.listQuizResults(),
        await store.listReviewLogs(),
        await store.loadFlashcardSettings(),
      ];
      return { quizResults, reviewLogs, flashcardSettings };
    },
    async replaceAll({ quizResults, reviewLogs, flashcardSettings }: ProgressData) {
      const db = await dbPromise;
      const tx = db.transaction(['quizResults', 'reviewLogs', 'settings', 'active'], 'readwrite');
      await Promise.all([
        tx.objectStore('quizResults').clear(),
        tx.objectStore('reviewLogs').clear(),
        tx.objectStore('active').clear(),
      ]);
      await Promise.all([
        ...quizResults.map((r) => tx.objectStore('quizResults').put(wrap(r), r.quizId)),
        ...reviewLogs.map((l) => tx.objectStore('reviewLogs').put(wrap(l), l.id)),
        flashcardSettings
          ? tx.objectStore('settings').put(wrap(flashcardSettings), FLASHCARD_SETTINGS_KEY)
          : tx.objectStore('settings').delete(FLASHCARD_SETTINGS_KEY),
      ]);
      await tx.done;
      changed();
    },
    async listBackups() {
      const backups = await readAll('snapshots', backupSchema);
      return backups.sort((a, b) => b.takenAt - a.takenAt);
    },
    async addBackup(backup: Backup) {
      const db = await dbPromise;
      await db.put('snapshots', wrap(backup), backup.takenAt);
    },
    async deleteBackup(takenAt: number) {
      const db = await dbPromise;
      await db.delete('snapshots', takenAt);
    },
    async clearSetAside() {
      const db = await dbPromise;
      await db.clear('quarantine');
      changed();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async listSetAside() {
      const db = await dbPromise;
      return db.getAll('quarantine');
    },
  };
  return store;
}

function parseEnvelope<T>(
  raw: unknown,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; reason: string } {
  const envelope = raw as Partial<Envelope> | null;
  if (typeof envelope !== 'object' || envelope === null || typeof envelope.v !== 'number')
    return { ok: false, reason: 'not a versioned record' };
  if (envelope.v !== PROGRESS_SCHEMA_VERSION)
    return {
      ok: false,
      reason: `written by format version ${envelope.v}; this app reads ${PROGRESS_SCHEMA_VERSION}`,
    };
  const result = schema.safeParse(envelope.data);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return {
    ok: false,
    reason: `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}`,
  };
}
