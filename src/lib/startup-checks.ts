import { takeDailyBackupIfDue } from '../domain/backups';
import { localCalendar } from './calendar';
import { progressStore } from './progress';

/**
 * Run once after the first page shows (loaded lazily, off the entry chunk): read every saved record
 * so damaged ones are set aside now rather than when a page needs them, and take the daily backup
 * from that same read. Returns how many records are set aside.
 */
export function runStartupChecks(): Promise<number> {
  // Once per page load, however often it is asked for (a quick navigation, React's strict mode).
  checks ??= check();
  return checks;
}

let checks: Promise<number> | null = null;

async function check(): Promise<number> {
  const store = progressStore();
  await store.listActiveQuizzes();
  const data = await store.exportData();
  await takeDailyBackupIfDue(store, Date.now(), localCalendar, data);
  return countSetAside();
}

/** How many saved records are set aside now. */
export async function countSetAside(): Promise<number> {
  return (await progressStore().listSetAside()).length;
}
