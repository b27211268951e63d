import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ProgressData } from '../domain/progress-export';
import {
  MIGRATIONS,
  readRecord,
  wrapRecord,
  type Envelope,
  type MigrationChains,
  type RecordKind,
  type RecordOf,
} from '../domain/progress-records';
import type { ActiveQuiz, QuizResult, ReviewLog } from '../domain/progress-schema';
import { StaleQuizError, type ProgressStore, type SetAsideRecord } from '../domain/progress-store';
import { isFurtherOn } from '../domain/quiz-session';
import type { Backup } from '../domain/backup-records';
import { BUILTIN_BANK_ID } from '../domain/bank-ids';

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

const FLASHCARD_SETTINGS_KEY = 'flashcards';
/**
 * Each bank keeps its own unfinished quiz. The built-in bank's stays under the key every
 * earlier version used, so an unfinished quiz survives the update.
 */
export const activeKey = (bankId: string) =>
  bankId === BUILTIN_BANK_ID ? 'quiz' : `quiz:${bankId}`;

export const DB_NAME = 'kube-service-trainer';
/** The layout of the database (its object stores); record formats have their own versions. */
export const DB_VERSION = 2;

/** Creates the object stores a database at `oldVersion` lacks for `newVersion`. */
export function upgradeProgressDb(
  db: IDBPDatabase<TrainerDB>,
  oldVersion: number,
  newVersion = DB_VERSION,
): void {
  if (oldVersion < 1 && newVersion >= 1) {
    db.createObjectStore('active');
    db.createObjectStore('quizResults');
    db.createObjectStore('quarantine', { autoIncrement: true });
  }
  if (oldVersion < 2 && newVersion >= 2) {
    db.createObjectStore('reviewLogs');
    db.createObjectStore('settings');
    db.createObjectStore('snapshots');
  }
}

export function openProgressDb(name = DB_NAME): Promise<IDBPDatabase<TrainerDB>> {
  return openDB<TrainerDB>(name, DB_VERSION, {
    upgrade: (db, oldVersion) => upgradeProgressDb(db, oldVersion),
  });
}

const RECORD_KINDS: readonly RecordKind[] = [
  'active',
  'quizResults',
  'reviewLogs',
  'settings',
  'snapshots',
];
const isRecordKind = (name: string): name is RecordKind =>
  (RECORD_KINDS as readonly string[]).includes(name);

/** The key each kind of record is stored under. */
const keyOf: { [K in RecordKind]: (record: RecordOf<K>) => string | number } = {
  active: (quiz) => activeKey(quiz.meta.bankId),
  quizResults: (result) => result.quizId,
  reviewLogs: (log) => log.id,
  settings: () => FLASHCARD_SETTINGS_KEY,
  snapshots: (snapshot) => snapshot.takenAt,
};

/**
 * `migrations` are the format-version steps records are read through; tests pass their own to
 * exercise the mechanism before the app has a real step.
 */
export function createIdbProgressStore(
  name = DB_NAME,
  now: () => number = Date.now,
  migrations: MigrationChains = MIGRATIONS,
): ProgressStore {
  const dbPromise = openProgressDb(name).then(async (db) => {
    await readmitQuarantined(db);
    return db;
  });
  const wrap = (data: unknown): Envelope => wrapRecord(data, migrations);
  // Tells other tabs that progress changed, so none shows stale data. A tab is not told of its own
  // writes: whoever wrote already has the new state.
  const channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`${name}-changes`);
  const listeners = new Set<() => void>();
  const changed = () => channel?.postMessage('changed');
  channel?.addEventListener('message', () => listeners.forEach((l) => l()));

  /**
   * Reads one record through the migrations. An older one is written back in its new format, and
   * an unreadable one moved to quarantine, in the same transaction as the read.
   */
  async function readOne<K extends RecordKind & ('active' | 'settings')>(
    kind: K,
    key: string,
  ): Promise<{ value: RecordOf<K> | null; setAside: boolean }> {
    const db = await dbPromise;
    const tx = db.transaction([kind, 'quarantine'], 'readwrite');
    const raw = await tx.objectStore(kind).get(key);
    if (raw === undefined) {
      await tx.done;
      return { value: null, setAside: false };
    }
    const read = readRecord(raw, kind, migrations);
    if (read.status === 'migrated') await tx.objectStore(kind).put(read.envelope, key);
    if (read.status === 'set-aside') {
      await tx.objectStore('quarantine').add(quarantined(kind, key, raw, read.reason));
      await tx.objectStore(kind).delete(key);
    }
    await tx.done;
    return read.status === 'set-aside'
      ? { value: null, setAside: true }
      : { value: read.value, setAside: false };
  }

  /** Every readable record of a store, in one pass, migrated and set aside as in `readOne`. */
  async function readAll<K extends 'active' | 'quizResults' | 'reviewLogs' | 'snapshots'>(
    kind: K,
  ): Promise<RecordOf<K>[]> {
    const db = await dbPromise;
    const tx = db.transaction([kind, 'quarantine'], 'readwrite');
    const values: RecordOf<K>[] = [];
    let cursor = await tx.objectStore(kind).openCursor();
    while (cursor) {
      const read = readRecord(cursor.value, kind, migrations);
      if (read.status === 'set-aside') {
        await tx
          .objectStore('quarantine')
          .add(quarantined(kind, String(cursor.key), cursor.value, read.reason));
        await cursor.delete();
      } else {
        values.push(read.value);
        if (read.status === 'migrated') await cursor.update(read.envelope);
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return values;
  }

  function quarantined(kind: RecordKind, key: string, value: unknown, reason: string) {
    return { store: kind, key, value, reason, quarantinedAt: now() } satisfies SetAsideRecord;
  }

  /**
   * Puts back quarantined records this app can now read (say, ones written by a newer version and
   * set aside by a tab still running the old one), unless their place has been taken since.
   */
  async function readmitQuarantined(db: IDBPDatabase<TrainerDB>): Promise<void> {
    const tx = db.transaction([...RECORD_KINDS, 'quarantine'], 'readwrite');
    const readmit = async <K extends RecordKind>(kind: K, value: unknown): Promise<boolean> => {
      const read = readRecord(value, kind, migrations);
      if (read.status === 'set-aside') return false;
      const key = keyOf[kind](read.value) as TrainerDB[K]['key'];
      const target = tx.objectStore(kind);
      if ((await target.getKey(key)) !== undefined) return false;
      await target.put(wrap(read.value), key);
      return true;
    };
    let cursor = await tx.objectStore('quarantine').openCursor();
    while (cursor) {
      const { store, value } = cursor.value;
      if (isRecordKind(store) && (await readmit(store, value))) await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
  }

  const store: ProgressStore = {
    async loadActiveQuiz(bankId: string) {
      const { value, setAside } = await readOne('active', activeKey(bankId));
      return { quiz: value, setAside };
    },
    async listActiveQuizzes() {
      return readAll('active');
    },
    async saveActiveQuiz(quiz: ActiveQuiz) {
      const db = await dbPromise;
      const key = activeKey(quiz.meta.bankId);
      const tx = db.transaction(['active', 'quizResults', 'quarantine'], 'readwrite');
      const raw = await tx.objectStore('active').get(key);
      const stored = raw === undefined ? null : readRecord(raw, 'active', migrations);
      const storedQuiz = stored?.status === 'set-aside' ? null : stored?.value;
      const finished = (await tx.objectStore('quizResults').getKey(quiz.meta.quizId)) !== undefined;
      if (finished || (storedQuiz && isFurtherOn(storedQuiz, quiz))) {
        tx.abort();
        await tx.done.catch(() => {});
        throw new StaleQuizError();
      }
      // A stored quiz this app cannot read is kept aside, not overwritten.
      if (raw !== undefined && stored?.status === 'set-aside')
        await tx.objectStore('quarantine').add(quarantined('active', key, raw, stored.reason));
      await tx.objectStore('active').put(wrap(quiz), key);
      await tx.done;
      changed();
    },
    async clearActiveQuiz(bankId: string) {
      const db = await dbPromise;
      await db.delete('active', activeKey(bankId));
      changed();
    },
    async finishQuiz(result: QuizResult) {
      const db = await dbPromise;
      const tx = db.transaction(['quizResults', 'active'], 'readwrite');
      await tx.objectStore('quizResults').put(wrap(result), result.quizId);
      await tx.objectStore('active').delete(activeKey(result.bankId));
      await tx.done;
      changed();
    },
    async updateQuizResult(quizId, update) {
      const db = await dbPromise;
      const tx = db.transaction(['quizResults', 'quarantine'], 'readwrite');
      const raw = await tx.objectStore('quizResults').get(quizId);
      const read = raw === undefined ? null : readRecord(raw, 'quizResults', migrations);
      // A stored record this app cannot read is kept aside, never overwritten.
      if (raw !== undefined && read?.status === 'set-aside')
        await tx
          .objectStore('quarantine')
          .add(quarantined('quizResults', quizId, raw, read.reason));
      const next = update(read && read.status !== 'set-aside' ? read.value : null);
      if (next) await tx.objectStore('quizResults').put(wrap(next), quizId);
      await tx.done;
      if (next) changed();
    },
    async removeBankProgress(bankId: string) {
      const db = await dbPromise;
      const tx = db.transaction(['quizResults', 'reviewLogs', 'active'], 'readwrite');
      for (const name of ['quizResults', 'reviewLogs'] as const) {
        let cursor = await tx.objectStore(name).openCursor();
        while (cursor) {
          // Read through the migrations, so an older record of this bank is recognised too.
          const read = readRecord(cursor.value, name, migrations);
          if (read.status !== 'set-aside' && read.value.bankId === bankId) await cursor.delete();
          cursor = await cursor.continue();
        }
      }
      await tx.objectStore('active').delete(activeKey(bankId));
      await tx.done;
      changed();
    },
    async listQuizResults() {
      const results = await readAll('quizResults');
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
      const logs = await readAll('reviewLogs');
      return logs.sort((a, b) => a.reviewedAt - b.reviewedAt);
    },
    async loadFlashcardSettings() {
      return (await readOne('settings', FLASHCARD_SETTINGS_KEY)).value;
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
      const backups = await readAll('snapshots');
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
