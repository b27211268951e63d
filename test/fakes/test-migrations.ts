import type { MigrationChain, MigrationStep } from '../../src/domain/migrations';
import type { MigrationChains, RecordKind } from '../../src/domain/progress-records';

/**
 * Test-only format steps, to exercise the migration mechanism before the app has a real one.
 * `prefixBankIds` is shaped like the change custom banks will make: a review's question id becomes
 * bank id plus question id. Its output still passes today's schemas, so a store reads it.
 */
export const prefixBankIds: MigrationStep<RecordKind> = (data, kind) => {
  if (kind !== 'reviewLogs') return data;
  const log = data as { bankId: string; questionId: string };
  if (typeof log.questionId !== 'string') throw new Error('questionId is not a string');
  return { ...log, questionId: `${log.bankId}-${log.questionId}` };
};

/** An app that knows only version 1 of both formats (as this one did before any step). */
export const v1Only: MigrationChains = { records: [], exports: [] };

/** Records as far as version 2, exports as far as version 1. */
export const toV2: MigrationChains = { records: [prefixBankIds], exports: [] };

/** A step that cannot carry anything forward. */
export const failingStep: MigrationStep<unknown> = () => {
  throw new Error('cannot convert this record');
};

/** Export steps for version 1 → 2: adds and then uses a field a newer app would have written. */
export const exportToV2: MigrationChain<void> = [
  (file) => {
    const f = file as { reviewLogs: { questionId: string; bankId: string }[] };
    return {
      ...f,
      reviewLogs: f.reviewLogs.map((l) => ({ ...l, questionId: `${l.bankId}-${l.questionId}` })),
    };
  },
];
