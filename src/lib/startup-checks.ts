import { takeDailySnapshotIfDue } from '../domain/backups';
import { progressStore } from './progress';

/**
 * Run once after the first page shows (loaded lazily, off the entry chunk): read every saved record
 * so damaged ones are set aside now rather than when a page needs them, and take the daily backup.
 * Returns how many records are in quarantine.
 */
export async function runStartupChecks(): Promise<number> {
  const store = progressStore();
  await store.loadActiveQuiz();
  await store.exportData();
  await takeDailySnapshotIfDue(store, Date.now(), new Date().getTimezoneOffset());
  return (await store.listQuarantine()).length;
}
