import { touchesOfPerson } from '../db/touches';
import { startOfWeek, subWeeks } from 'date-fns';
import { newIdealFitsPerWeek, weekIndexer } from '../cadence/weeklyGoal';
import { calendarOf } from '../cadence/propose';
import { zoned } from '../cadence/workdays';
import type { GroundworkDB } from '../db/db';
import type { FollowUp, Settings } from '../model';
import { freeAdviceMinutes } from './ledger';
import { accountRelationships } from './queries';

/**
 * The rep's week (side-panel home): the proactive work of this week and the seven before it —
 * new ideal-fit prospects touched against the goal, follow-ups done of those due, gives and asks,
 * free-advice time — plus the brain-pickers flagged and the accounts with gaps at senior levels.
 * Everything is read by index: the touches' running totals and first touches (never the touches of
 * eight weeks, which can be 100k), follow-ups by status and due time, people by flag, the latest
 * touches for the accounts worked, each of those accounts' people and their touches.
 */

export interface WeekFigures {
  /** Monday 00:00 in the rep's time zone. */
  weekStart: number;
  newIdealFits: number;
  followUpsDue: number;
  followUpsDone: number;
  gives: number;
  asks: number;
  adviceMinutes: number;
}

export interface RepWeek {
  /** Oldest first; the last is this week. */
  weeks: WeekFigures[];
  goal: number;
  brainPickers: { count: number; adviceMinutes: number; names: string[] };
  accountGaps: { accountId: string; name: string; gap: string }[];
}

/** How far back in the latest touches to look for recently worked accounts. */
const RECENT_TOUCHES = 200;
const SENIOR = new Set(['executive', 'vp', 'director']);
const DUE_STATUSES = ['open', 'snoozed', 'done'] as const satisfies readonly FollowUp['status'][];

export async function repWeek(db: GroundworkDB, settings: Settings, now: number, { weeks = 8, gapAccounts = 5 } = {}): Promise<RepWeek> {
  const thisWeek = startOfWeek(zoned(now, calendarOf(settings)), { weekStartsOn: 1 });
  const starts = Array.from({ length: weeks }, (_, i) => subWeeks(thisWeek, weeks - 1 - i).getTime());
  const windowStart = starts[0]!;
  const windowEnd = subWeeks(thisWeek, -1).getTime();
  const bucket = weekIndexer(starts, windowEnd);
  const figures: WeekFigures[] = starts.map((weekStart) => ({ weekStart, newIdealFits: 0, followUpsDue: 0, followUpsDone: 0, gives: 0, asks: 0, adviceMinutes: 0 }));

  // Gives, asks and free advice from the touches' running totals: a few hundred quarter-hour rows
  // however many touches the weeks hold (lib/db/touchFigures.ts).
  for (const tally of await db.tallies.where('at').between(windowStart, windowEnd, true, false).toArray()) {
    const week = figures[bucket(tally.at)]!;
    week.gives += tally.gives;
    week.asks += tally.asks;
    week.adviceMinutes += tally.adviceMinutes;
  }
  const newIdealFits = await newIdealFitsPerWeek(db, starts, windowEnd);
  newIdealFits.forEach((count, i) => (figures[i]!.newIdealFits = count));

  // Follow-ups due each week (cancelled ones were never work), and how many of those were done.
  const due = await Promise.all(DUE_STATUSES.map((status) => db.followUps.where('[status+dueAt]').between([status, windowStart], [status, windowEnd], true, false).toArray()));
  for (const followUp of due.flat()) {
    const week = figures[bucket(followUp.dueAt)]!;
    week.followUpsDue++;
    if (followUp.status === 'done') week.followUpsDone++;
  }

  const flagged = await db.people.where('flags').equals('brain-picker').toArray();
  const adviceEach = await Promise.all(
    flagged.map((p) => touchesOfPerson(db, p.id).toArray().then(freeAdviceMinutes)),
  );

  // Accounts worked in these weeks, most recently first (from the latest touches); the first few
  // with a senior-level gap. Only the most recently worked accounts are examined, read together:
  // the home view must stay quick with thousands of accounts worked in eight weeks.
  const latest = await db.touches.where('at').between(windowStart, windowEnd, true, false).reverse().limit(RECENT_TOUCHES).toArray();
  // The person's account, not the touch's copy: a person can be linked to an account after logging.
  const people = await db.people.bulkGet([...new Set(latest.map((t) => t.personId))]);
  const accountIds = [...new Set(people.map((p) => p?.accountId).filter((id): id is string => id !== undefined))];
  const examined = accountIds.slice(0, gapAccounts * 3);
  const coverages = await Promise.all(
    examined.map(async (accountId) => {
      const account = await db.accounts.get(accountId);
      return account ? { account, coverage: (await accountRelationships(db, account, settings, now)).coverage } : undefined;
    }),
  );
  const accountGaps: RepWeek['accountGaps'] = [];
  for (const entry of coverages) {
    const gap = entry?.coverage.gaps.find((g) => SENIOR.has(g.level));
    if (entry && gap && accountGaps.length < gapAccounts) accountGaps.push({ accountId: entry.account.id, name: entry.account.name, gap: gap.message });
  }

  return {
    weeks: figures,
    goal: settings.weeklyGoal,
    brainPickers: { count: flagged.length, adviceMinutes: adviceEach.reduce((a, b) => a + b, 0), names: flagged.map((p) => p.name).slice(0, 5) },
    accountGaps,
  };
}
