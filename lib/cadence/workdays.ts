import { TZDate } from '@date-fns/tz';
import { addDays, getDay, setHours, startOfDay } from 'date-fns';

/**
 * Working-day arithmetic in the rep's own time zone (date-fns with @date-fns/tz): follow-ups and
 * snoozes never land on a day off, and "next Monday 09:00" means 09:00 where the rep works.
 */
export interface WorkCalendar {
  /** Working days, 0 = Sunday as Date#getDay(). */
  days: readonly number[];
  /** IANA time zone; '' means the browser's own. */
  timeZone: string;
}

/** The hour follow-ups are due on a working day, local time. */
export const WORKDAY_START_HOUR = 9;

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A Date in the calendar's zone (so getDay, startOfDay and setHours are local to the rep). */
export function zoned(time: number, calendar: WorkCalendar): Date {
  return calendar.timeZone && isValidTimeZone(calendar.timeZone) ? new TZDate(time, calendar.timeZone) : new Date(time);
}

export function isWorkingDay(time: number, calendar: WorkCalendar): boolean {
  return calendar.days.includes(getDay(zoned(time, calendar)));
}

/** `time` moved to the start of the working day (09:00) on its own date. */
function atWorkStart(date: Date): number {
  return setHours(startOfDay(date), WORKDAY_START_HOUR).getTime();
}

/** The first working day on or after `time`'s date, at 09:00; `time` itself if already one. */
export function onWorkingDay(time: number, calendar: WorkCalendar): number {
  if (calendar.days.length === 0) return time;
  let date = zoned(time, calendar);
  if (calendar.days.includes(getDay(date))) return time;
  for (let i = 0; i < 7 && !calendar.days.includes(getDay(date)); i++) date = addDays(startOfDay(date), 1);
  return atWorkStart(date);
}

/** `n` working days after `time`'s date, at 09:00 local ("3 working days from Friday" = Wednesday). */
export function addWorkingDays(time: number, n: number, calendar: WorkCalendar): number {
  let date = startOfDay(zoned(time, calendar));
  let left = Math.max(0, Math.round(n));
  if (calendar.days.length === 0) return atWorkStart(addDays(date, left));
  while (left > 0) {
    date = addDays(date, 1);
    if (calendar.days.includes(getDay(date))) left--;
  }
  return onWorkingDay(atWorkStart(date), calendar);
}

/** `n` calendar days later at 09:00, moved forward to a working day (for week- and month-long gaps). */
export function addCalendarDays(time: number, n: number, calendar: WorkCalendar): number {
  return onWorkingDay(atWorkStart(addDays(startOfDay(zoned(time, calendar)), n)), calendar);
}

/** The end of the rep's today (for "due today"), local to their zone. */
export function endOfWorkDay(time: number, calendar: WorkCalendar): number {
  return addDays(startOfDay(zoned(time, calendar)), 1).getTime();
}
