import { buildExport, isEmptyProgress, mergeProgress, type ProgressData } from './progress-export';
import type { Calendar } from './calendar';
import type { ProgressStore } from './progress-store';
import { dailySnapshotDue, dayKey, snapshotsToDrop, type Snapshot } from './snapshots';

/**
 * Saves a snapshot of `data` (the current progress, read by the caller) and drops the oldest
 * snapshots beyond the last seven.
 */
async function saveSnapshot(
  store: ProgressStore,
  data: ProgressData,
  reason: Snapshot['reason'],
  now: number,
  calendar: Calendar,
) {
  const snapshot: Snapshot = {
    day: dayKey(now, calendar),
    takenAt: now,
    reason,
    data: buildExport(data, now),
  };
  await store.addSnapshot(snapshot);
  for (const old of snapshotsToDrop(await store.listSnapshots()))
    await store.deleteSnapshot(old.takenAt);
  return snapshot;
}

/**
 * The automatic daily backup: once per local day, and only when there is something to keep.
 * `current` is the progress if the caller has just read it, so it is not read twice.
 */
export async function takeDailySnapshotIfDue(
  store: ProgressStore,
  now: number,
  calendar: Calendar,
  current?: ProgressData,
): Promise<boolean> {
  if (!dailySnapshotDue(await store.listSnapshots(), dayKey(now, calendar))) return false;
  const data = current ?? (await store.exportData());
  if (isEmptyProgress(data)) return false;
  await saveSnapshot(store, data, 'daily', now, calendar);
  return true;
}

export async function importMerging(
  store: ProgressStore,
  incoming: ProgressData,
  now: number,
  calendar: Calendar,
): Promise<ProgressData> {
  const local = await store.exportData();
  await saveSnapshot(store, local, 'before-import', now, calendar);
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
  await saveSnapshot(store, await store.exportData(), 'before-import', now, calendar);
  await store.replaceAll(incoming);
}

export async function resetProgress(
  store: ProgressStore,
  now: number,
  calendar: Calendar,
): Promise<void> {
  const local = await store.exportData();
  await saveSnapshot(store, local, 'before-reset', now, calendar);
  await store.replaceAll({
    quizResults: [],
    reviewLogs: [],
    flashcardSettings: local.flashcardSettings,
  });
}

export async function restoreSnapshot(
  store: ProgressStore,
  snapshot: Snapshot,
  now: number,
  calendar: Calendar,
): Promise<void> {
  await saveSnapshot(store, await store.exportData(), 'before-restore', now, calendar);
  await store.replaceAll(snapshot.data);
}
