import Dexie from 'dexie';
import type { FollowUp } from '../model';
import { PENDING_STATUSES } from '../model/followUpStatus';
import type { GroundworkDB } from './db';

/**
 * Open and snoozed follow-ups due before `time`, soonest first: the popup's "overdue and due
 * today". Two range reads on [status+dueAt], merged; never a table scan. Zod-free, so the popup's
 * first load carries no validation code.
 */
export async function followUpsDueBefore(db: GroundworkDB, time: number, { limit = 500 }: { limit?: number } = {}): Promise<FollowUp[]> {
  const perStatus = await Promise.all(
    PENDING_STATUSES.map((status) =>
      db.followUps
        .where('[status+dueAt]')
        .between([status, Dexie.minKey], [status, time], true, false)
        .limit(limit)
        .toArray(),
    ),
  );
  return perStatus
    .flat()
    .sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id))
    .slice(0, limit);
}

const soonestFirst = (a: FollowUp, b: FollowUp) => a.dueAt - b.dueAt || a.id.localeCompare(b.id);

/**
 * The popup's list without reading every due follow-up: how many are due before `time` (counted
 * by the index, no values read), and the follow-ups of the days that hold the first `count` of
 * them, soonest first — whole days, as the popup orders each day by fit. `nextDayStart` gives the
 * start of the day after a due time. A backlog of hundreds costs two counts and a few rows.
 */
export async function dueHead(
  db: GroundworkDB,
  time: number,
  count: number,
  nextDayStart: (dueAt: number) => number,
): Promise<{ total: number; head: FollowUp[] }> {
  const before = (status: (typeof PENDING_STATUSES)[number], upper: number) =>
    db.followUps.where('[status+dueAt]').between([status, Dexie.minKey], [status, upper], true, false);
  const [totals, firsts] = await Promise.all([
    Promise.all(PENDING_STATUSES.map((status) => before(status, time).count())),
    Promise.all(PENDING_STATUSES.map((status) => before(status, time).limit(count).toArray())),
  ]);
  const total = totals.reduce((a, b) => a + b, 0);
  const shown = firsts.flat().sort(soonestFirst).slice(0, count);
  if (shown.length === 0) return { total, head: [] };
  // The rest of the last shown row's day, from the statuses that had more than `count`.
  const until = Math.min(time, nextDayStart(shown[shown.length - 1]!.dueAt));
  const complete = await Promise.all(
    PENDING_STATUSES.map((status, i) => (firsts[i]!.length < count ? firsts[i]! : before(status, until).toArray())),
  );
  return { total, head: complete.flat().filter((f) => f.dueAt < until).sort(soonestFirst) };
}
