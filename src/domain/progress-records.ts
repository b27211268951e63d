import type { z } from 'zod/mini';
import { EXPORT_MIGRATIONS } from './export-migrations';
import { currentVersion, migrate, type MigrationChain, type Migrated } from './migrations';
import { upgradeExport } from './progress-export';
import { PROGRESS_MIGRATIONS } from './progress-migrations';
import {
  activeQuizSchema,
  flashcardSettingsSchema,
  quizResultSchema,
  reviewLogSchema,
  type ActiveQuiz,
  type FlashcardSettings,
  type QuizResult,
  type ReviewLog,
} from './progress-schema';
import { isRecord } from './schema-problems';
import { backupSchema, type Backup } from './backup-records';

/** Every kind of stored progress record (named after its IndexedDB store) and its type. */
interface RecordTypes {
  active: ActiveQuiz;
  quizResults: QuizResult;
  reviewLogs: ReviewLog;
  settings: FlashcardSettings;
  snapshots: Backup;
}
export type RecordKind = keyof RecordTypes;
export type RecordOf<K extends RecordKind> = RecordTypes[K];

/** The schema of each record's current format. */
const RECORD_SCHEMAS: { [K in RecordKind]: z.ZodMiniType<RecordTypes[K], unknown> } = {
  active: activeQuizSchema,
  quizResults: quizResultSchema,
  reviewLogs: reviewLogSchema,
  settings: flashcardSettingsSchema,
  snapshots: backupSchema,
};

/** How each record is stored: wrapped with the format version it was written in. */
export interface Envelope {
  v: number;
  data: unknown;
}

export interface MigrationChains {
  records: MigrationChain<RecordKind>;
  /** For the export inside each snapshot, which follows the export format's versions. */
  exports: MigrationChain<void>;
}

export const MIGRATIONS: MigrationChains = {
  records: PROGRESS_MIGRATIONS,
  exports: EXPORT_MIGRATIONS,
};

export type RecordRead<T> =
  | { status: 'current'; value: T }
  /** Read from an older format: store `envelope` in place of the old record. */
  | { status: 'migrated'; value: T; envelope: Envelope }
  /** Unreadable (damaged, from a newer app, or a failed migration): keep it aside, say why. */
  | { status: 'set-aside'; reason: string };

export function wrapRecord(data: unknown, chains: MigrationChains = MIGRATIONS): Envelope {
  return { v: currentVersion(chains.records), data };
}

/** Unwraps, migrates and validates one stored record. Pure: the caller stores the outcome. */
export function readRecord<K extends RecordKind>(
  raw: unknown,
  kind: K,
  chains: MigrationChains = MIGRATIONS,
): RecordRead<RecordOf<K>> {
  if (!isRecord(raw) || !('v' in raw)) return setAside('not a versioned record');
  const migrated = migrate(raw.data, raw.v, chains.records, kind);
  if (!migrated.ok) return setAside(describeRecordMigrationProblem(migrated));
  let data = migrated.value;
  let changed = migrated.from < currentVersion(chains.records);
  if (kind === 'snapshots' && isRecord(data)) {
    const inner = upgradeExport(data.data, chains.exports);
    if (!inner.ok) return setAside(`data: ${inner.problems.join(' ')}`);
    changed ||= inner.from < currentVersion(chains.exports);
    data = { ...data, data: inner.data };
  }
  const result = RECORD_SCHEMAS[kind].safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.join('.') || 'record';
    const after = changed ? ` (after migrating from format version ${migrated.from})` : '';
    return setAside(`${where}: ${issue.message}${after}`);
  }
  return changed
    ? { status: 'migrated', value: result.data, envelope: wrapRecord(result.data, chains) }
    : { status: 'current', value: result.data };
}

const setAside = (reason: string) => ({ status: 'set-aside', reason }) as const;

function describeRecordMigrationProblem(problem: Extract<Migrated, { ok: false }>): string {
  switch (problem.problem) {
    case 'unversioned':
      return `not a versioned record (format version ${JSON.stringify(problem.version) ?? 'missing'})`;
    case 'newer':
      return `written by a newer version of the app (format version ${problem.version}; this app reads up to ${problem.current}); open the latest version of the app to read it`;
    case 'failed':
      return `migrating from format version ${problem.from} to ${problem.to} failed: ${problem.error}`;
  }
}
