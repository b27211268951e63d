/**
 * Calendar days for scheduling and stats. A day is a whole number: the learner's local calendar
 * date counted in days from 1970-01-01, so day arithmetic is plain integer arithmetic and a day
 * number turns back into its date without a time zone (see `isoDate`).
 *
 * The domain never reads the system time zone; the app passes in `localCalendar` (src/lib) and
 * tests pass a fixed-offset calendar.
 */
export interface Calendar {
  /** The local day an instant (epoch ms) falls on. */
  dayOf(ms: number): number;
  /** The instant (epoch ms) a local day starts. */
  startOfDay(day: number): number;
}

export const DAY_MS = 86_400_000;

/** A calendar at a fixed offset from UTC, in minutes east (UTC+2 is 120). */
export function fixedOffsetCalendar(offsetMinutes = 0): Calendar {
  const offset = offsetMinutes * 60_000;
  return {
    dayOf: (ms) => Math.floor((ms + offset) / DAY_MS),
    startOfDay: (day) => day * DAY_MS - offset,
  };
}

/** "2025-03-04" for a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
