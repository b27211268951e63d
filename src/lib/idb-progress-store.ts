import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { z } from 'zod';
import {
  activeQuizSchema,
  PROGRESS_SCHEMA_VERSION,
  quizResultSchema,
  type ActiveQuiz,
  type QuizResult,
} from '../domain/progress-schema';
import type { ProgressStore, QuarantinedRecord } from '../domain/progress-store';

/** Each stored record is wrapped with the format version it was written in, for migrations. */
interface Envelope {
  v: number;
  data: unknown;
}

interface TrainerDB extends DBSchema {
  active: { key: string; value: Envelope };
  quizResults: { key: string; value: Envelope };
  quarantine: { key: number; value: QuarantinedRecord };
}

type StoreName = 'active' | 'quizResults';
const ACTIVE_KEY = 'quiz';

export const DB_NAME = 'kube-service-trainer';

export function openProgressDb(name = DB_NAME): Promise<IDBPDatabase<TrainerDB>> {
  return openDB<TrainerDB>(name, 1, {
    upgrade(db) {
      db.createObjectStore('active');
      db.createObjectStore('quizResults');
      db.createObjectStore('quarantine', { autoIncrement: true });
    },
  });
}

const wrap = (data: unknown): Envelope => ({ v: PROGRESS_SCHEMA_VERSION, data });

export function createIdbProgressStore(
  name = DB_NAME,
  now: () => number = Date.now,
): ProgressStore {
  const dbPromise = openProgressDb(name);

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

  return {
    async loadActiveQuiz() {
      const { value, setAside } = await readValid('active', ACTIVE_KEY, activeQuizSchema);
      return { quiz: value, setAside };
    },
    async saveActiveQuiz(quiz: ActiveQuiz) {
      const db = await dbPromise;
      await db.put('active', wrap(quiz), ACTIVE_KEY);
    },
    async clearActiveQuiz() {
      const db = await dbPromise;
      await db.delete('active', ACTIVE_KEY);
    },
    async finishQuiz(result: QuizResult) {
      const db = await dbPromise;
      const tx = db.transaction(['quizResults', 'active'], 'readwrite');
      await tx.objectStore('quizResults').put(wrap(result), result.quizId);
      await tx.objectStore('active').delete(ACTIVE_KEY);
      await tx.done;
    },
    async listQuizResults() {
      const db = await dbPromise;
      const keys = await db.getAllKeys('quizResults');
      const results: QuizResult[] = [];
      for (const key of keys) {
        const { value } = await readValid('quizResults', key, quizResultSchema);
        if (value) results.push(value);
      }
      return results.sort((a, b) => a.finishedAt - b.finishedAt);
    },
    async listQuarantine() {
      const db = await dbPromise;
      return db.getAll('quarantine');
    },
  };
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
