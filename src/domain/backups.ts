import { buildExport, isEmptyProgress, mergeProgress, type ProgressData } from './progress-export';
import type { Calendar } from './calendar';
import type { ProgressStore } from './progress-store';
import { dailyBackupDue, dayKey, backupsToDrop, type Backup } from './backup-records';

/**
 * Saves a backup of `data` (the current progress, read by the caller) and drops the oldest
 * backups beyond the last seven.
 */
async function saveBackup(
  store: ProgressStore,
  data: ProgressData,
  reason: Backup['reason'],
  now: number,
  calendar: Calendar,
) {
  const backup: Backup = {
    day: dayKey(now, calendar),
    takenAt: now,
    reason,
    data: buildExport(data, now),
  };
  await store.addBackup(backup);
  for (const old of backupsToDrop(await store.listBackups())) await store.deleteBackup(old.takenAt);
  return backup;
}

/**
 * The automatic daily backup: once per local day, and only when there is something to keep.
 * `current` is the progress if the caller has just read it, so it is not read twice.
 */
export async function takeDailyBackupIfDue(
  store: ProgressStore,
  now: number,
  calendar: Calendar,
  current?: ProgressData,
): Promise<boolean> {
  if (!dailyBackupDue(await store.listBackups(), dayKey(now, calendar))) return false;
  const data = current ?? (await store.exportData());
  if (isEmptyProgress(data)) return false;
  await saveBackup(store, data, 'daily', now, calendar);
  return true;
}

export async function importMerging(
  store: ProgressStore,
  incoming: ProgressData,
  now: number,
  calendar: Calendar,
): Promise<ProgressData> {
  const local = await store.exportData();
  await saveBackup(store, local, 'before-import', now, calendar);
  const merged = mergeProgress(local, incoming);
  await store.replaceAll(merged);
  return merged;
}

export async function importReplacing(
  store: ProgressStore,
  incoming: ProgressData,
  now: number,
  calendar: Calendar,
): Promise<void> {
  await saveBackup(store, await store.exportData(), 'before-import', now, calendar);
  await store.replaceAll(incoming);
}

export async function resetProgress(
  store: ProgressStore,
  now: number,
  calendar: Calendar,
): Promise<void> {
  const local = await store.exportData();
  await saveBackup(store, local, 'before-reset', now, calendar);
  await store.replaceAll({
    quizResults: [],
    reviewLogs: [],
    flashcardSettings: local.flashcardSettings,
  });
}

export async function restoreBackup(
  store: ProgressStore,
  backup: Backup,
  now: number,
  calendar: Calendar,
): Promise<void> {
  await saveBackup(store, await store.exportData(), 'before-restore', now, calendar);
  await store.replaceAll(backup.data);
}

/** Deletes one bank's progress (history, reviews, unfinished quiz), after a backup of everything. */
export async function removeBankProgress(
  store: ProgressStore,
  bankId: string,
  now: number,
  calendar: Calendar,
): Promise<void> {
  await saveBackup(store, await store.exportData(), 'before-reset', now, calendar);
  await store.removeBankProgress(bankId);
}
