import { isSameDay } from 'date-fns';
import { isDate, UNREADABLE_DATE } from './dueTime';

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
