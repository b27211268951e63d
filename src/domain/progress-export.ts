import { z } from 'zod';
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
export const EXPORT_VERSION = 1;

export const progressExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.number().int().nonnegative(),
  /** The banks the records refer to, so an import can say what it needs. */
  bankIds: z.array(z.string()),
  quizResults: z.array(quizResultSchema),
  reviewLogs: z.array(reviewLogSchema),
  flashcardSettings: flashcardSettingsSchema.nullable(),
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
 * Reads an export file. Older versions are migrated here (version 1 is the first); a file from a
 * newer app is refused with a message rather than half-read.
 */
export function parseExport(text: string): ParsedExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`This is not a JSON file (${(error as Error).message}).`] };
  }
  if (!isRecord(raw) || raw.format !== EXPORT_FORMAT)
    return {
      ok: false,
      problems: [
        'This is not a Kube Service Trainer progress export (its "format" field is missing or different).',
      ],
    };
  if (typeof raw.version === 'number' && raw.version > EXPORT_VERSION)
    return {
      ok: false,
      problems: [
        `This file was exported by a newer version of the app (format version ${raw.version}); this app reads up to ${EXPORT_VERSION}. Update the app, then import it.`,
      ],
    };
  const result = progressExportSchema.safeParse(raw, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    problems: result.error.issues.map(
      (issue) => `${describePath(issue.path, raw)}: ${describeIssue(issue)}`,
    ),
  };
}

/**
 * Unites two sets of progress: quiz results by quiz id, reviews by review id. Records are immutable,
 * so the union is commutative and idempotent: importing files in any order, or twice, gives the same
 * result. Settings are not progress: the local ones are kept.
 */
export function mergeProgress(local: ProgressData, incoming: ProgressData): ProgressData {
  const results = new Map(local.quizResults.map((r) => [r.quizId, r]));
  for (const r of incoming.quizResults)
    if (!results.has(r.quizId) || preferred(r, results.get(r.quizId)!)) results.set(r.quizId, r);
  const logs = new Map(local.reviewLogs.map((l) => [l.id, l]));
  for (const l of incoming.reviewLogs)
    if (!logs.has(l.id) || preferred(l, logs.get(l.id)!)) logs.set(l.id, l);
  return sortProgress({
    quizResults: [...results.values()],
    reviewLogs: [...logs.values()],
    flashcardSettings: local.flashcardSettings,
  });
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
