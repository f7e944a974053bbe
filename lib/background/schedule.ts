import Dexie from 'dexie';
import { calendarOf } from '../cadence/propose';
import { endOfWorkDay, isWorkingDay, zoned } from '../cadence/workdays';
import { addDays, format, setHours, setMinutes, startOfDay } from 'date-fns';
import { followUpsDueBefore, loadSettings, type GroundworkDB } from '../db';
import { PENDING_STATUSES, type Settings } from '../model';

/**
 * The worker's clock: two alarms, never one per follow-up. "badge-refresh" fires at the next due
 * time (or the rep's midnight, when tomorrow's follow-ups become today's); "daily-digest" fires at
 * the digest time on the next working day. Both are recomputed on install, on start-up, on every
 * change to follow-ups and whenever one fires, so a stopped worker or a restarted browser never
 * loses one (chrome.alarms persist) or duplicates one (alarms are replaced by name).
 */
export const BADGE_ALARM = 'badge-refresh';
export const DIGEST_ALARM = 'daily-digest';

export interface AlarmsApi {
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<boolean> | void;
}

/** The earliest pending due time after `now`: two index seeks, not a scan. */
export async function nextDueAfter(db: GroundworkDB, now: number): Promise<number | undefined> {
  const next = await Promise.all(
    PENDING_STATUSES.map((status) => db.followUps.where('[status+dueAt]').between([status, now], [status, Dexie.maxKey], false, true).first()),
  );
  const times = next.filter((f) => f !== undefined).map((f) => f.dueAt);
  return times.length ? Math.min(...times) : undefined;
}

/** The next digest time: `digest.time` local on a working day, after `now`. */
export function nextDigestAt(settings: Settings, now: number): number | undefined {
  if (!settings.digest.enabled) return undefined;
  const calendar = calendarOf(settings);
  const [hours, minutes] = settings.digest.time.split(':').map(Number) as [number, number];
  let day = startOfDay(zoned(now, calendar));
  for (let i = 0; i < 8; i++) {
    const at = setMinutes(setHours(day, hours), minutes).getTime();
    if (at > now && isWorkingDay(at, calendar)) return at;
    day = addDays(day, 1);
  }
  return undefined;
}

/** How many follow-ups are overdue or due by the end of the rep's today. */
export async function dueTodayCount(db: GroundworkDB, settings: Settings, now: number): Promise<number> {
  const end = endOfWorkDay(now, calendarOf(settings));
  const counts = await Promise.all(
    PENDING_STATUSES.map((status) => db.followUps.where('[status+dueAt]').between([status, Dexie.minKey], [status, end], true, false).count()),
  );
  return counts.reduce((a, b) => a + b, 0);
}

export async function scheduleAlarms(db: GroundworkDB, alarms: AlarmsApi, now: number): Promise<{ badgeAt: number; digestAt?: number }> {
  const settings = await loadSettings(db);
  const midnight = endOfWorkDay(now, calendarOf(settings));
  const due = await nextDueAfter(db, now);
  const badgeAt = Math.min(due ?? midnight, midnight);
  await alarms.create(BADGE_ALARM, { when: badgeAt });
  const digestAt = nextDigestAt(settings, now);
  if (digestAt === undefined) await alarms.clear(DIGEST_ALARM);
  else await alarms.create(DIGEST_ALARM, { when: digestAt });
  return { badgeAt, digestAt };
}

/** The rep's calendar date, as the digest's idempotency key. */
export function localDayKey(settings: Settings, now: number): string {
  return format(zoned(now, calendarOf(settings)), 'yyyy-MM-dd');
}

export interface DigestContent {
  id: string;
  title: string;
  message: string;
}

/** What the morning digest says: how many are due, and the top few by fit. */
export async function digestContent(db: GroundworkDB, settings: Settings, now: number): Promise<DigestContent> {
  const due = await followUpsDueBefore(db, endOfWorkDay(now, calendarOf(settings)));
  const ids = [...new Set(due.map((f) => f.personId))];
  const [people, fits] = await Promise.all([db.people.bulkGet(ids), db.fits.bulkGet(ids)]);
  const top = ids
    .map((id, i) => ({ name: people[i]?.name, score: fits[i]?.excluded ? -1 : (fits[i]?.score ?? -1), band: fits[i]?.band }))
    .filter((p): p is typeof p & { name: string } => p.name !== undefined)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((p) => (p.band && p.score >= 0 ? `${p.name} (${p.band})` : p.name));
  const id = `digest-${localDayKey(settings, now)}`;
  if (due.length === 0) return { id, title: 'Nothing due today', message: 'Prospect someone new? Every ideal customer you touch this week counts towards your goal.' };
  // Follow-ups set for a time later today (not the day's default, 09:00), in the rep's time zone.
  const nameOf = new Map(ids.map((personId, i) => [personId, people[i]?.name]));
  const calendar = calendarOf(settings);
  const atTimes = due
    .filter((f) => f.dueAt > now)
    .map((f) => ({ time: format(zoned(f.dueAt, calendar), 'HH:mm'), name: nameOf.get(f.personId) }))
    .filter((f): f is { time: string; name: string } => f.time !== '09:00' && f.name !== undefined)
    .slice(0, 3);
  return {
    id,
    title: `${due.length} follow-up${due.length === 1 ? '' : 's'} due today`,
    message: `Top by fit: ${top.join(', ')}${ids.length > top.length ? ', …' : ''}${atTimes.length ? ` · Later today: ${atTimes.map((f) => `${f.time} ${f.name}`).join(', ')}` : ''}`,
  };
}
