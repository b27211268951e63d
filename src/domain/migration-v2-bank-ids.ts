import { BUILTIN_BANK_ID } from './bank-ids';
import type { RecordKind } from './progress-records';
import { isRecord } from './schema-problems';

/**
 * Format version 1 → 2: progress is kept per bank. Version 1 knew one bank, the built-in one,
 * and wrote `bankId: "bundled"` on every quiz and review whatever it held; version 2 reads
 * `bankId` as the bank the record belongs to (`builtin` or a learner's `custom-…` bank), with the
 * flashcard schedule, mastery and history kept apart per bank. So every version 1 record belongs to
 * the built-in bank. Version 2 also adds team-session results (`kind: "team"`), which older
 * versions cannot read: the version bump makes them set such records aside as "newer" rather
 * than fail on them.
 */
export function recordToV2(data: unknown, kind: RecordKind): unknown {
  switch (kind) {
    case 'quizResults':
    case 'reviewLogs':
      return { ...object(data, kind), bankId: BUILTIN_BANK_ID };
    case 'active': {
      const quiz = object(data, kind);
      return {
        ...quiz,
        meta: { ...object(quiz.meta, 'active quiz meta'), bankId: BUILTIN_BANK_ID },
      };
    }
    // Flashcard settings are the learner's, not a bank's; a backup's export has its own chain.
    case 'settings':
    case 'snapshots':
      return data;
  }
}

/** The same step for an export file (and the export inside a backup). */
export function exportToV2(file: unknown): unknown {
  const f = object(file, 'export file');
  const quizResults = list(f.quizResults, 'quizResults').map((r) => ({
    ...object(r, 'quiz result'),
    bankId: BUILTIN_BANK_ID,
  }));
  const reviewLogs = list(f.reviewLogs, 'reviewLogs').map((l) => ({
    ...object(l, 'review'),
    bankId: BUILTIN_BANK_ID,
  }));
  const bankIds = quizResults.length + reviewLogs.length > 0 ? [BUILTIN_BANK_ID] : [];
  return { ...f, bankIds, quizResults, reviewLogs };
}

function object(value: unknown, what: string): Record<string, unknown> {
  if (!isRecord(value)) throw new Error(`a version 1 ${what} record is not an object`);
  return value;
}

function list(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`"${field}" is not a list`);
  return value;
}
