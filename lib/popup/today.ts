import { addDays, startOfDay } from 'date-fns';
import { brainPickerStory } from '../cadence/brainPickerStory';
import { calendarOf } from '../cadence/propose';
import { weeklyGoalProgress } from '../cadence/weeklyGoal';
import { endOfWorkDay, zoned } from '../cadence/workdays';
// Read-only imports, chosen so the popup's first load carries no validation code (Zod): its
// writes load on the first click (components/FollowUpActions.tsx).
import type { GroundworkDB } from '../db/db';
import { dueHead } from '../db/dueFollowUps';
import type { FitRow, Person } from '../model';
import { withDefaults } from '../model/settingsDefaults';
import { touchTypeInfo } from '../model/touchTypes';
import { browserTimeZone, PAGE, SNAPSHOT_VERSION, stillNewlyFlagged, type DueRowView, type FlaggedView, type PopupSnapshot, type PopupView } from './snapshot';

/**
 * The popup's three reads — today's follow-ups, the newly flagged, the weekly goal — as views
 * (lib/popup/snapshot.ts). The popup's live queries and the background's snapshot both use them,
 * so what is painted before React arrives is what React then shows.
 */

/** The zone the rep's day is counted in: their setting, or the browser's. */
const timeZoneOf = (calendar: ReturnType<typeof calendarOf>) => calendar.timeZone || `browser:${browserTimeZone()}`;

const loadSettings = async (db: GroundworkDB) => withDefaults((await db.settings.get('settings'))?.value);

/** Where "Open" goes: their LinkedIn profile, or a new email to them. */
export function openUrl(person: Pick<Person, 'linkedinUrl' | 'emails'> | undefined): string | undefined {
  if (person?.linkedinUrl) return person.linkedinUrl;
  const email = person?.emails[0];
  return email ? `https://mail.google.com/mail/?view=cm&fs=1&to=${encodeURIComponent(email)}` : undefined;
}

const fitOf = (fit: FitRow | undefined) => (fit?.excluded ? -1 : (fit?.score ?? -1));

/**
 * Overdue and due today. Ordered by due day (oldest first, so overdue work leads), then by fit
 * (best prospects first within a day, unscored last), then by due time. Due follow-ups are
 * counted, not read; fits are read for the days on screen, people for the rows on screen.
 */
export async function dueToday(db: GroundworkDB, now: number, shown: number): Promise<Pick<PopupView, 'total' | 'rows'>> {
  const settings = await loadSettings(db);
  // User Timing marks in the popup: npm run bench reads them (not in the worker, where they would pile up).
  const timed = typeof document !== 'undefined';
  if (timed) performance.mark('groundwork:due-query-start');
  const day = (t: number) => startOfDay(t).getTime();
  const { total, head } = await dueHead(db, endOfWorkDay(now, calendarOf(settings)), shown, (t) => addDays(startOfDay(t), 1).getTime());
  if (timed) performance.measure('groundwork:due-query', 'groundwork:due-query-start');
  // `head` holds whole days, so ordering each day by fit cannot pull in a row from a later day.
  const fits = await db.fits.bulkGet(head.map((f) => f.personId));
  const ordered = head
    .map((followUp, i) => ({ followUp, fit: fits[i] }))
    .sort((a, b) => day(a.followUp.dueAt) - day(b.followUp.dueAt) || fitOf(b.fit) - fitOf(a.fit) || a.followUp.dueAt - b.followUp.dueAt)
    .slice(0, shown);
  const people = await db.people.bulkGet(ordered.map((r) => r.followUp.personId));
  const rows = ordered.map(({ followUp, fit }, i): DueRowView => {
    const person = people[i];
    // A type this version does not know (a record from another version) has no label.
    const suggested = (touchTypeInfo(followUp.suggestedType) as ReturnType<typeof touchTypeInfo> | undefined)?.label;
    const banded = fit?.band !== undefined && !fit.excluded;
    return {
      id: followUp.id,
      name: person?.name ?? 'Unknown person',
      ...(banded ? { band: fit.band, ...(fit.score !== undefined ? { score: fit.score } : {}) } : {}),
      dueAt: followUp.dueAt,
      reason: followUp.reason,
      suggested: suggested ?? '',
      ...withUrl(person),
      ...(suggested === undefined ? { problem: `Unknown touch type “${String(followUp.suggestedType)}”` } : {}),
    };
  });
  return { total, rows };
}

const withUrl = (person: Person | undefined) => {
  const url = openUrl(person);
  return url ? { url } : {};
};

/**
 * Crisis-mode brain-pickers flagged in the last two weeks (issue 17): who, what they took and
 * what went unanswered. Their follow-ups have left "today", so without this the popup would say
 * nothing about them.
 */
export async function newlyFlagged(db: GroundworkDB, now: number): Promise<FlaggedView[]> {
  const people = await db.people.where('flags').equals('brain-picker').toArray();
  const views = people.flatMap((p): FlaggedView[] =>
    p.brainPicker ? [{ id: p.id, name: p.name, story: brainPickerStory(p.brainPicker), raisedAt: p.brainPicker.raisedAt ?? p.brainPicker.flaggedAt, ...withUrl(p) }] : [],
  );
  return stillNewlyFlagged(views, now);
}

export async function weeklyGoal(db: GroundworkDB, now: number): Promise<PopupView['goal']> {
  const { touched, goal } = await weeklyGoalProgress(db, await loadSettings(db), now);
  return { touched, goal };
}

/**
 * What the popup would show at `now`, for the background to keep (lib/background/popupSnapshot.ts):
 * valid until the end of the rep's day, flagged people kept for as long as any of them is news.
 */
export async function popupSnapshot(db: GroundworkDB, now: number, basis: string | undefined): Promise<PopupSnapshot> {
  // One read transaction: the three parts agree with each other and with the settings' day.
  return db.transaction('r', [db.followUps, db.fits, db.people, db.settings, db.firstTouches], async () => {
    const settings = await loadSettings(db);
    const [today, flagged, goal] = await Promise.all([dueToday(db, now, PAGE), newlyFlagged(db, now), weeklyGoal(db, now)]);
    const calendar = calendarOf(settings);
    return {
      version: SNAPSHOT_VERSION,
      basis,
      madeAt: now,
      validFrom: startOfDay(zoned(now, calendar)).getTime(),
      validUntil: endOfWorkDay(now, calendar),
      zone: timeZoneOf(calendar),
      view: { ...today, flagged, goal },
    };
  });
}

