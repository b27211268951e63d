import type { Calendar } from '../../domain/calendar';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const date = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});

/** "in 8 minutes", "today at 14:30", "tomorrow at 09:00", "on Thu, 6 Mar": when a card is due. */
export function describeWhen(at: number, now: number, calendar: Calendar): string {
  if (at <= now) return 'now';
  const minutes = Math.ceil((at - now) / 60_000);
  if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const days = calendar.dayOf(at) - calendar.dayOf(now);
  const midnight = at === calendar.startOfDay(calendar.dayOf(at));
  if (days === 0) return `today at ${time.format(at)}`;
  if (days === 1) return midnight ? 'tomorrow' : `tomorrow at ${time.format(at)}`;
  return `on ${date.format(at)}`;
}
