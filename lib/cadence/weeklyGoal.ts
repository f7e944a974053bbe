import { addWeeks, startOfWeek } from 'date-fns';
import type { GroundworkDB } from '../db/db';
import type { Settings } from '../model';
import { calendarOf } from './propose';
import { zoned } from './workdays';

/** A prospect counts towards the weekly goal when their fit is A or B. */
export const IDEAL_FIT_BANDS = ['A', 'B'] as const;

export interface WeeklyGoal {
  /** New ideal-fit prospects given a first outbound touch this week (Monday to Sunday, local). */
  touched: number;
  goal: number;
  weekStart: number;
}

/** Which of the weeks starting at `weekStarts` (ascending; the last ends at `end`) holds a time; -1 for none. */
export function weekIndexer(weekStarts: readonly number[], end: number): (at: number) => number {
  return (at) => {
    if (at >= end) return -1;
    for (let i = weekStarts.length - 1; i >= 0; i--) if (at >= weekStarts[i]!) return i;
    return -1;
  };
}

/**
 * New ideal-fit prospects per week: people whose first touch ever falls in the week, whose first
 * outbound touch from the rep falls in that same week, and whose fit is A or B. `weekStarts` are
 * ascending; the last week ends at `end`. Reads the people first touched in the span by index
 * (lib/db/touchFigures.ts), then their fits.
 */
export async function newIdealFitsPerWeek(db: GroundworkDB, weekStarts: readonly number[], end: number): Promise<number[]> {
  const counts = weekStarts.map(() => 0);
  if (weekStarts.length === 0) return counts;
  const weekOf = weekIndexer(weekStarts, end);
  const firsts = await db.firstTouches.where('firstAt').between(weekStarts[0]!, end, true, false).toArray();
  const started = firsts.filter((f) => f.firstOutboundAt !== undefined && weekOf(f.firstOutboundAt) === weekOf(f.firstAt));
  const fits = await db.fits.bulkGet(started.map((f) => f.personId));
  started.forEach((first, i) => {
    const fit = fits[i];
    if (fit?.band !== undefined && !fit.excluded && (IDEAL_FIT_BANDS as readonly string[]).includes(fit.band)) counts[weekOf(first.firstAt)]! += 1;
  });
  return counts;
}

/** This week's new ideal-fit prospects against the rep's goal (the popup's weekly goal). */
export async function weeklyGoalProgress(db: GroundworkDB, settings: Settings, now: number): Promise<WeeklyGoal> {
  const calendar = calendarOf(settings);
  const weekStart = startOfWeek(zoned(now, calendar), { weekStartsOn: 1 }).getTime();
  const weekEnd = addWeeks(zoned(weekStart, calendar), 1).getTime();
  const [touched] = await newIdealFitsPerWeek(db, [weekStart], weekEnd);
  return { touched: touched!, goal: settings.weeklyGoal, weekStart };
}
