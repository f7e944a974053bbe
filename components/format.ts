import { formatDistanceStrict, isSameDay } from 'date-fns';

/** Said in place of a time a record holds that is no date (written before times were bounded). */
export const UNREADABLE_DATE = 'date unreadable';

const isDate = (time: number) => Number.isFinite(new Date(time).getTime());

/** "today 14:05", "Tue 3 Mar", "3 Mar 2025": a touch's or follow-up's time for the rep. */
export function formatWhen(at: number, now: number = Date.now()): string {
  if (!isDate(at)) return UNREADABLE_DATE;
  const date = new Date(at);
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (isSameDay(date, now)) return `today ${time}`;
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return date.toLocaleDateString(undefined, {
    weekday: sameYear ? 'short' : undefined,
    day: 'numeric',
    month: 'short',
    year: sameYear ? undefined : 'numeric',
  });
}

/** "3 days overdue", "due in 2 hours". */
export function formatDue(dueAt: number, now: number = Date.now()): string {
  if (!isDate(dueAt)) return `due ${UNREADABLE_DATE}`;
  const distance = formatDistanceStrict(dueAt, now);
  return dueAt < now ? `${distance} overdue` : `due in ${distance}`;
}
