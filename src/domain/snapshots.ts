import { z } from 'zod';
import { isoDate, type Calendar } from './calendar';
import { progressExportSchema, type ProgressExport } from './progress-export';

export const SNAPSHOTS_KEPT = 7;

export interface Snapshot {
  /** Local calendar day, `YYYY-MM-DD`: at most one automatic snapshot a day. */
  day: string;
  takenAt: number;
  reason: 'daily' | 'before-import' | 'before-reset' | 'before-restore';
  data: ProgressExport;
}

/** The learner's calendar day of `now`, `YYYY-MM-DD`. */
export function dayKey(now: number, calendar: Calendar): string {
  return isoDate(calendar.dayOf(now));
}

export function dailySnapshotDue(
  existing: readonly Pick<Snapshot, 'day' | 'reason'>[],
  today: string,
): boolean {
  return !existing.some((s) => s.day === today && s.reason === 'daily');
}

/** Which snapshots to delete so that only the newest `keep` remain. */
export function snapshotsToDrop<T extends Pick<Snapshot, 'takenAt'>>(
  existing: readonly T[],
  keep = SNAPSHOTS_KEPT,
): T[] {
  return [...existing].sort((a, b) => b.takenAt - a.takenAt).slice(keep);
}

export const snapshotSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  takenAt: z.number().int().nonnegative(),
  reason: z.enum(['daily', 'before-import', 'before-reset', 'before-restore']),
  data: progressExportSchema,
}) satisfies z.ZodType<Snapshot, unknown>;
