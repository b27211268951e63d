import { exportToV2 } from './migration-v2-bank-ids';
import type { MigrationChain } from './migrations';

/**
 * The steps that carry a progress export file from one format version to the next; EXPORT_VERSION
 * is one more than their number. A step takes the whole file object and returns it in the next
 * version's shape (the `version` field is set by the reader, not by the step).
 *
 * To change the export format: write the step as a pure function with its own test, append it
 * here, change progressExportSchema, and add test/fixtures/progress-export-v<old>.json.
 */
export const EXPORT_MIGRATIONS: MigrationChain<void> = [
  // 1 → 2: progress is kept per bank; every version 1 record belongs to the built-in bank.
  exportToV2,
];
