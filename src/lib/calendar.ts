import { DAY_MS, type Calendar } from '../domain/calendar';

/** The browser's local calendar, daylight-saving changes included. */
export const localCalendar: Calendar = {
  dayOf(ms) {
    const d = new Date(ms);
    return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS);
  },
  startOfDay(day) {
    const utc = new Date(day * DAY_MS);
    return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate()).getTime();
  },
};
