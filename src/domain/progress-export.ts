import { z } from 'zod/mini';
import './zod-messages';
import { EXPORT_MIGRATIONS } from './export-migrations';
import { currentVersion, migrate, type MigrationChain, type Migrated } from './migrations';
import {
  flashcardSettingsSchema,
  quizResultSchema,
  reviewLogSchema,
  type FlashcardSettings,
  type QuizResult,
  type ReviewLog,
} from './progress-schema';
import { describeIssue, describePath, isRecord } from './schema-problems';

/** What a learner's progress is: history and reviews (immutable, keyed by id) and their settings. */
export interface ProgressData {
  quizResults: QuizResult[];
  reviewLogs: ReviewLog[];
  flashcardSettings: FlashcardSettings | null;
}

export const EXPORT_FORMAT = 'kube-service-trainer-progress';
/** The export format this app writes; older files are migrated by EXPORT_MIGRATIONS. */
export const EXPORT_VERSION = currentVersion(EXPORT_MIGRATIONS);

export const progressExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.int().check(z.nonnegative()),
  /** The banks the records refer to, so an import can say what it needs. */
  bankIds: z.array(z.string()),
  quizResults: z.array(quizResultSchema),
  reviewLogs: z.array(reviewLogSchema),
  flashcardSettings: z.nullable(flashcardSettingsSchema),
});

export type ProgressExport = z.infer<typeof progressExportSchema>;

export function isEmptyProgress(data: ProgressData): boolean {
  return data.quizResults.length === 0 && data.reviewLogs.length === 0;
}

export function buildExport(data: ProgressData, now: number): ProgressExport {
  const bankIds = [
    ...new Set([...data.quizResults, ...data.reviewLogs].map((r) => r.bankId)),
  ].sort();
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now,
    bankIds,
    ...sortProgress(data),
  };
}

export type ParsedExport = { ok: true; data: ProgressExport } | { ok: false; problems: string[] };

/**
 * Reads an export file. Older versions are migrated step by step to this app's version; a file
 * from a newer app, or one that fails a step, is refused with a message rather than half-read.
 */
export function parseExport(text: string, chain = EXPORT_MIGRATIONS): ParsedExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`This is not a JSON file (${(error as Error).message}).`] };
  }
  const upgraded = upgradeExport(raw, chain);
  return upgraded.ok ? { ok: true, data: upgraded.data } : upgraded;
}

/** An export as this app writes it, and the version it was written in. */
export type UpgradedExport =
  { ok: true; data: ProgressExport; from: number } | { ok: false; problems: string[] };

/** Checks, migrates and validates a parsed export file (or the export inside a snapshot). */
export function upgradeExport(
  raw: unknown,
  chain: MigrationChain<void> = EXPORT_MIGRATIONS,
): UpgradedExport {
  if (!isRecord(raw) || raw.format !== EXPORT_FORMAT)
    return {
      ok: false,
      problems: [
        'This is not a Kube Service Trainer progress export (its "format" field is missing or different).',
      ],
    };
  const migrated = migrate(raw, raw.version, chain, undefined);
  if (!migrated.ok) return { ok: false, problems: [describeExportMigrationProblem(migrated)] };
  // After the last step the data is in this app's format, whatever number the file carried.
  const current = isRecord(migrated.value)
    ? { ...migrated.value, version: EXPORT_VERSION }
    : migrated.value;
  const result = progressExportSchema.safeParse(current, { reportInput: true });
  if (result.success) return { ok: true, data: result.data, from: migrated.from };
  return {
    ok: false,
    problems: result.error.issues.map(
      (issue) => `${describePath(issue.path, current) || 'file'}: ${describeIssue(issue)}`,
    ),
  };
}

function describeExportMigrationProblem(problem: Extract<Migrated, { ok: false }>): string {
  switch (problem.problem) {
    case 'unversioned':
      return `This file has no usable format version (its "version" field is ${problem.version === undefined ? 'missing' : JSON.stringify(problem.version)}).`;
    case 'newer':
      return `This file was exported by a newer version of the app (format version ${problem.version}); this app reads up to ${problem.current}. Update the app, then import it.`;
    case 'failed':
      return `This file is in format version ${problem.from}, and converting it to version ${problem.to} failed: ${problem.error}`;
  }
}

/**
 * Unites two sets of progress: quiz results by quiz id, reviews by review id. Records are immutable,
 * so the union is commutative and idempotent: importing files in any order, or twice, gives the same
 * result. Settings are not progress: the local ones are kept.
 */
export function mergeProgress(local: ProgressData, incoming: ProgressData): ProgressData {
  const results = new Map(local.quizResults.map((r) => [r.quizId, r]));
  for (const r of incoming.quizResults)
    if (!results.has(r.quizId) || preferredResult(r, results.get(r.quizId)!))
      results.set(r.quizId, r);
  const logs = new Map(local.reviewLogs.map((l) => [l.id, l]));
  for (const l of incoming.reviewLogs)
    if (!logs.has(l.id) || preferred(l, logs.get(l.id)!)) logs.set(l.id, l);
  return sortProgress({
    quizResults: [...results.values()],
    reviewLogs: [...logs.values()],
    flashcardSettings: local.flashcardSettings,
  });
}

/**
 * A team result grows as its session goes on, so the copy with more answers is the later one.
 * Otherwise one id means one record, and `preferred` decides between copies that differ.
 */
function preferredResult(candidate: QuizResult, existing: QuizResult): boolean {
  const more = candidate.answers.length - existing.answers.length;
  return more !== 0 ? more > 0 : preferred(candidate, existing);
}

/** Two records with one id should be identical; if not, pick one by content so order never matters. */
function preferred(candidate: object, existing: object): boolean {
  return JSON.stringify(candidate) > JSON.stringify(existing);
}

function sortProgress(data: ProgressData): ProgressData {
  return {
    quizResults: [...data.quizResults].sort(
      (a, b) => a.finishedAt - b.finishedAt || a.quizId.localeCompare(b.quizId),
    ),
    reviewLogs: [...data.reviewLogs].sort(
      (a, b) => a.reviewedAt - b.reviewedAt || a.id.localeCompare(b.id),
    ),
    flashcardSettings: data.flashcardSettings,
  };
}

/** "2 quiz results and 14 reviews" */
export function describeProgress(data: Pick<ProgressData, 'quizResults' | 'reviewLogs'>): string {
  const q = data.quizResults.length;
  const r = data.reviewLogs.length;
  return `${q} quiz result${q === 1 ? '' : 's'} and ${r} flashcard review${r === 1 ? '' : 's'}`;
}
