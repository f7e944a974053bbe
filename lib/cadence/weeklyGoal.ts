import { startOfWeek } from 'date-fns';
import Dexie from 'dexie';
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

/**
 * New ideal-fit prospects touched this week: people whose first touch ever falls in this week,
 * with an outbound touch from the rep, and a fit of A or B. Reads this week's touches by time and
 * checks each person's history with one index seek.
 */
export async function weeklyGoalProgress(db: GroundworkDB, settings: Settings, now: number): Promise<WeeklyGoal> {
  const weekStart = startOfWeek(zoned(now, calendarOf(settings)), { weekStartsOn: 1 }).getTime();
  const thisWeek = await db.touches.where('at').aboveOrEqual(weekStart).toArray();
  const candidates = [...new Set(thisWeek.filter((t) => t.direction === 'outbound').map((t) => t.personId))];
  const fits = await db.fits.bulkGet(candidates);
  const idealFits = candidates.filter((_, i) => {
    const fit = fits[i];
    return fit?.band !== undefined && !fit.excluded && (IDEAL_FIT_BANDS as readonly string[]).includes(fit.band);
  });
  // One seek each, issued together so IndexedDB pipelines them.
  const earlier = await Promise.all(
    idealFits.map((personId) => db.touches.where('[personId+at]').between([personId, Dexie.minKey], [personId, weekStart], true, false).count()),
  );
  return { touched: earlier.filter((n) => n === 0).length, goal: settings.weeklyGoal, weekStart };
}
