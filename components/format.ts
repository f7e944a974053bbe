import { isSameDay } from 'date-fns';
import { isDate, UNREADABLE_DATE } from './dueTime';

// One formatter of each kind, made once: `toLocaleTimeString(…, options)` builds a new one at every
// call, and long lists (the workspace's rows, a timeline) ask for two a row at each render.
const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const THIS_YEAR = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const OTHER_YEAR = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** "today 14:05", "Tue 3 Mar", "3 Mar 2025": a touch's or follow-up's time for the rep. */
export function formatWhen(at: number, now: number = Date.now()): string {
  if (!isDate(at)) return UNREADABLE_DATE;
  const date = new Date(at);
  if (isSameDay(date, now)) return `today ${TIME.format(date)}`;
  return (date.getFullYear() === new Date(now).getFullYear() ? THIS_YEAR : OTHER_YEAR).format(date);
}
