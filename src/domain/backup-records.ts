import { z } from 'zod/mini';
import './zod-messages';
import { isoDate, type Calendar } from './calendar';
import { progressExportSchema, type ProgressExport } from './progress-export';

export const BACKUPS_KEPT = 7;

export interface Backup {
  /** Local calendar day, `YYYY-MM-DD`: at most one automatic backup a day. */
  day: string;
  takenAt: number;
  reason: 'daily' | 'before-import' | 'before-reset' | 'before-restore';
  data: ProgressExport;
}

/** The learner's calendar day of `now`, `YYYY-MM-DD`. */
export function dayKey(now: number, calendar: Calendar): string {
  return isoDate(calendar.dayOf(now));
}

export function dailyBackupDue(
  existing: readonly Pick<Backup, 'day' | 'reason'>[],
  today: string,
): boolean {
  return !existing.some((s) => s.day === today && s.reason === 'daily');
}

/** Which backups to delete so that only the newest `keep` remain. */
export function backupsToDrop<T extends Pick<Backup, 'takenAt'>>(
  existing: readonly T[],
  keep = BACKUPS_KEPT,
): T[] {
  return [...existing].sort((a, b) => b.takenAt - a.takenAt).slice(keep);
}

export const backupSchema = z.object({
  day: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  takenAt: z.int().check(z.nonnegative()),
  reason: z.enum(['daily', 'before-import', 'before-reset', 'before-restore']),
  data: progressExportSchema,
}) satisfies z.ZodMiniType<Backup, unknown>;
