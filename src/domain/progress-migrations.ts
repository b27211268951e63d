import { recordToV2 } from './migration-v2-bank-ids';
import type { MigrationChain } from './migrations';
import type { RecordKind } from './progress-records';

/**
 * The steps that carry stored progress records (the `data` of each `{ v, data }` envelope) from
 * one format version to the next; PROGRESS_SCHEMA_VERSION is one more than their number.
 *
 * To change the stored format: write the step as a pure function `(data, kind) => data` with its
 * own test, append it here, change the schemas in progress-schema.ts to the new shape, and add a
 * fixture of the old version under test/fixtures. Records are migrated when read and written back.
 * See docs/decisions/006-versioned-envelopes-and-migration-chains.md.
 */
export const PROGRESS_MIGRATIONS: MigrationChain<RecordKind> = [
  // 1 → 2: progress is kept per bank; every version 1 record belongs to the built-in bank.
  recordToV2,
];
