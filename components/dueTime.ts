/**
 * How far a follow-up is from now, as people say it. Apart from ./format.ts, with no imports: the
 * popup's first script paints due times before any library has loaded (entrypoints/popup/paint.ts).
 */

/** Said in place of a time a record holds that is no date (written before times were bounded). */
export const UNREADABLE_DATE = 'date unreadable';

export const isDate = (time: number) => Number.isFinite(new Date(time).getTime());

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "5 min", "1 hour", "3 days": a span as people say it, never in seconds. */
function span(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.floor(ms / MINUTE))} min`;
  if (ms < DAY) {
    const hours = Math.floor(ms / HOUR);
    return `${hours} hour${hours === 1 ? '' : 's'}`;
  }
  const days = Math.floor(ms / DAY);
  return `${days} day${days === 1 ? '' : 's'}`;
}

/**
 * "due now", "5 min overdue", "2 days overdue", "due in 3 hours": how far a follow-up is from
 * now, as people say it. Within a minute either way it is due now (a reply logged a moment ago
 * is not "2 seconds overdue").
 */
export function formatDue(dueAt: number, now: number = Date.now()): string {
  if (!isDate(dueAt)) return `due ${UNREADABLE_DATE}`;
  const distance = dueAt - now;
  if (Math.abs(distance) < MINUTE) return 'due now';
  return distance < 0 ? `${span(-distance)} overdue` : `due in ${span(distance)}`;
}

/** Whether to show a due time in red: overdue by more than a minute. */
export function isOverdue(dueAt: number, now: number = Date.now()): boolean {
  return dueAt < now - MINUTE;
}
