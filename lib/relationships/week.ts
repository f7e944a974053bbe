import { touchesOfPerson } from '../db/touches';
import { startOfWeek, subWeeks } from 'date-fns';
import Dexie from 'dexie';
import { IDEAL_FIT_BANDS } from '../cadence/weeklyGoal';
import { calendarOf } from '../cadence/propose';
import { zoned } from '../cadence/workdays';
import type { GroundworkDB } from '../db/db';
import type { FollowUp, Settings, Touch } from '../model';
import { freeAdviceMinutes } from './ledger';
import { accountRelationships } from './queries';

/**
 * The rep's week (side-panel home): the proactive work of this week and the seven before it —
 * new ideal-fit prospects touched against the goal, follow-ups done of those due, gives and asks,
 * free-advice time — plus the brain-pickers flagged and the accounts with gaps at senior levels.
 * Everything is read by index over the eight weeks: touches by time, follow-ups by status and
 * due time, people by flag, each account's people and their touches.
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

const SENIOR = new Set(['executive', 'vp', 'director']);
const DUE_STATUSES = ['open', 'snoozed', 'done'] as const satisfies readonly FollowUp['status'][];

export async function repWeek(db: GroundworkDB, settings: Settings, now: number, { weeks = 8, gapAccounts = 5 } = {}): Promise<RepWeek> {
  const thisWeek = startOfWeek(zoned(now, calendarOf(settings)), { weekStartsOn: 1 });
  const starts = Array.from({ length: weeks }, (_, i) => subWeeks(thisWeek, weeks - 1 - i).getTime());
  const windowStart = starts[0]!;
  const windowEnd = subWeeks(thisWeek, -1).getTime();
  const bucket = (at: number) => {
    for (let i = starts.length - 1; i >= 0; i--) if (at >= starts[i]!) return i;
    return -1;
  };
  const figures: WeekFigures[] = starts.map((weekStart) => ({ weekStart, newIdealFits: 0, followUpsDue: 0, followUpsDone: 0, gives: 0, asks: 0, adviceMinutes: 0 }));

  const touches = await db.touches.where('at').between(windowStart, windowEnd, true, false).toArray();
  const byPerson = new Map<string, Touch[]>();
  for (const touch of touches) {
    const week = figures[bucket(touch.at)]!;
    if (touch.direction === 'outbound' && touch.intent === 'give') week.gives++;
    if (touch.direction === 'outbound' && touch.intent === 'ask') week.asks++;
    week.adviceMinutes += freeAdviceMinutes([touch]);
    const list = byPerson.get(touch.personId) ?? [];
    list.push(touch);
    byPerson.set(touch.personId, list);
  }

  // New ideal-fit prospects: first touch ever in a week, with an outbound touch that same week
  // (the popup's weekly-goal rule, lib/cadence/weeklyGoal.ts, for every week of the window).
  const candidates = [...byPerson.keys()].filter((id) => byPerson.get(id)!.some((t) => t.direction === 'outbound'));
  const fits = await db.fits.bulkGet(candidates);
  const ideal = candidates.filter((_, i) => {
    const fit = fits[i];
    return fit?.band !== undefined && !fit.excluded && (IDEAL_FIT_BANDS as readonly string[]).includes(fit.band);
  });
  // Any touch before the window: one key seek each (`first`, not `count`, which walks the range).
  const earlier = await Promise.all(ideal.map((id) => db.touches.where('[personId+at]').between([id, Dexie.minKey], [id, windowStart], true, false).first()));
  ideal.forEach((id, i) => {
    if (earlier[i] !== undefined) return;
    const own = byPerson.get(id)!;
    const first = Math.min(...own.map((t) => t.at));
    const week = bucket(first);
    if (own.some((t) => t.direction === 'outbound' && bucket(t.at) === week)) figures[week]!.newIdealFits++;
  });

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

  // Accounts worked in these weeks, most recently first; the first few with a senior-level gap.
  const latestByPerson = [...byPerson.entries()].map(([id, list]) => ({ id, at: Math.max(...list.map((t) => t.at)) })).sort((a, b) => b.at - a.at);
  const people = await db.people.bulkGet(latestByPerson.map((p) => p.id));
  const accountIds = [...new Set(people.map((p) => p?.accountId).filter((id): id is string => id !== undefined))];
  // The most recently worked accounts only, read together: the home view must stay quick with
  // thousands of accounts worked in eight weeks.
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
