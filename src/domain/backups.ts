import { buildExport, isEmptyProgress, mergeProgress, type ProgressData } from './progress-export';
import type { ProgressStore } from './progress-store';
import { dailySnapshotDue, dayKey, snapshotsToDrop, type Snapshot } from './snapshots';

/** Saves a snapshot of current progress and drops the oldest beyond the last seven. */
export async function takeSnapshot(
  store: ProgressStore,
  reason: Snapshot['reason'],
  now: number,
  tzOffset = 0,
) {
  const data = await store.exportData();
  const snapshot: Snapshot = {
    day: dayKey(now, tzOffset),
    takenAt: now,
    reason,
    data: buildExport(data, now),
  };
  await store.addSnapshot(snapshot);
  for (const old of snapshotsToDrop(await store.listSnapshots()))
    await store.deleteSnapshot(old.takenAt);
  return snapshot;
}

/** The automatic daily backup: once per local day, and only when there is something to keep. */
export async function takeDailySnapshotIfDue(
  store: ProgressStore,
  now: number,
  tzOffset = 0,
): Promise<boolean> {
  const today = dayKey(now, tzOffset);
  if (!dailySnapshotDue(await store.listSnapshots(), today)) return false;
  if (isEmptyProgress(await store.exportData())) return false;
  await takeSnapshot(store, 'daily', now, tzOffset);
  return true;
}

export async function importMerging(
  store: ProgressStore,
  incoming: ProgressData,
  now: number,
): Promise<ProgressData> {
  const merged = mergeProgress(await store.exportData(), incoming);
  await takeSnapshot(store, 'before-import', now);
  await store.replaceAll(merged);
  return merged;
}

export async function importReplacing(
  store: ProgressStore,
  incoming: ProgressData,
  now: number,
): Promise<void> {
  await takeSnapshot(store, 'before-import', now);
  await store.replaceAll(incoming);
}

export async function resetProgress(store: ProgressStore, now: number): Promise<void> {
  await takeSnapshot(store, 'before-reset', now);
  const { flashcardSettings } = await store.exportData();
  await store.replaceAll({ quizResults: [], reviewLogs: [], flashcardSettings });
}

export async function restoreSnapshot(
  store: ProgressStore,
  snapshot: Snapshot,
  now: number,
): Promise<void> {
  await takeSnapshot(store, 'before-restore', now);
  await store.replaceAll(snapshot.data);
}
