import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClock, DIGEST_BUTTONS, DUE_COLOR } from '../../../lib/background/clock';
import { BADGE_ALARM, DIGEST_ALARM, nextDigestAt } from '../../../lib/background/schedule';
import { recordTouch } from '../../../lib/cadence/followUps';
import type { GroundworkDB } from '../../../lib/db/db';
import { addFollowUp } from '../../../lib/db/followUps';
import { upsertSeenPerson } from '../../../lib/db/people';
import { blankProfile, saveProfile } from '../../../lib/db/profiles';
import { saveSettings } from '../../../lib/db/settings';
import { Settings } from '../../../lib/model';
import { rescoreAll } from '../../../lib/scoring/rescore';
import { GLOBAL, recordingBadgeApi } from '../../support/badge';
import { freshDb } from '../../support/db';

const MONDAY_0700 = Date.parse('2026-11-02T07:00:00Z');
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());
const UTC = Settings.parse({ workWeek: { timeZone: 'UTC' } });

function fakes(now: { value: number }, db: GroundworkDB) {
  const alarms = new Map<string, number>();
  const notifications = new Map<string, { title: string; message: string; buttons?: { title: string }[] }>();
  const badge = recordingBadgeApi();
  const openToday = vi.fn().mockResolvedValue(undefined);
  const clock = createClock({
    db,
    badge,
    openToday,
    iconUrl: 'chrome-extension://x/icon/128.png',
    now: () => now.value,
    alarms: {
      create: (name, { when }) => void alarms.set(name, when),
      clear: (name) => void alarms.delete(name),
    },
    notifications: {
      create: async (id, options) => {
        notifications.set(id, options);
        return id;
      },
      clear: async (id) => notifications.delete(id),
    },
  });
  return { alarms, notifications, badge, openToday, clock };
}

let db: GroundworkDB;
beforeEach(async () => {
  db = freshDb();
  await saveSettings(db, UTC);
});
afterEach(async () => {
  await db.delete();
});

describe('nextDigestAt', () => {
  it.each([
    ['Monday before 08:30 → today 08:30', '2026-11-02T07:00:00Z', 'UTC', '2026-11-02T08:30:00.000Z'],
    ['Monday after 08:30 → Tuesday', '2026-11-02T09:00:00Z', 'UTC', '2026-11-03T08:30:00.000Z'],
    ['Friday after 08:30 → Monday', '2026-11-06T12:00:00Z', 'UTC', '2026-11-09T08:30:00.000Z'],
    ['Saturday → Monday', '2026-11-07T07:00:00Z', 'UTC', '2026-11-09T08:30:00.000Z'],
    ['08:30 in Berlin is 07:30 UTC in winter', '2026-11-02T05:00:00Z', 'Europe/Berlin', '2026-11-02T07:30:00.000Z'],
  ])('%s', (_label, now, timeZone, expected) => {
    expect(iso(nextDigestAt(Settings.parse({ workWeek: { timeZone } }), Date.parse(now)))).toBe(expected);
  });

  it('none when the digest is off', () => {
    expect(nextDigestAt(Settings.parse({ digest: { enabled: false } }), MONDAY_0700)).toBeUndefined();
  });
});

describe('the worker’s clock', () => {
  it('keeps exactly two alarms, at the next due time and the next digest, and the global due count', async () => {
    const now = { value: MONDAY_0700 };
    const { alarms, badge, clock } = fakes(now, db);
    const { person } = await upsertSeenPerson(db, { name: 'Ana Lima', linkedinUrl: 'https://www.linkedin.com/in/ana/', source: 'linkedin' });
    for (const [hours, reason] of [[-30, 'overdue'], [3, 'today 10:00'], [5, 'today 12:00'], [50, 'Wednesday']] as const) {
      await addFollowUp(db, { personId: person.id, dueAt: MONDAY_0700 + hours * 3_600_000, reason, suggestedType: 'email', origin: 'manual' });
    }
    await clock.reschedule();
    expect([...alarms.keys()].sort()).toEqual([BADGE_ALARM, DIGEST_ALARM]);
    expect(iso(alarms.get(BADGE_ALARM))).toBe('2026-11-02T10:00:00.000Z');
    expect(iso(alarms.get(DIGEST_ALARM))).toBe('2026-11-02T08:30:00.000Z');
    expect(badge.badges.get(GLOBAL)).toEqual({ text: '3', color: DUE_COLOR, title: 'Groundwork: 3 follow-ups due today' });

    // Past the last due time today, the badge alarm waits for midnight, when Wednesday's… stays Wednesday's.
    now.value = Date.parse('2026-11-02T13:00:00Z');
    await clock.onAlarm(BADGE_ALARM);
    expect(iso(alarms.get(BADGE_ALARM))).toBe('2026-11-03T00:00:00.000Z');
  });

  it('shows the morning digest once a day, with the top prospects by fit, whatever restarts happen', async () => {
    const now = { value: Date.parse('2026-11-02T08:30:00Z') };
    const { notifications, clock } = fakes(now, db);
    await saveProfile(db, { ...blankProfile('VPs'), seniorities: ['vp'] });
    const names = ['Dev Patel, Software Engineer', 'Vera Novak, VP Operations', 'Ola Berg, Buyer'];
    for (const entry of names) {
      const [name, headline] = entry.split(', ') as [string, string];
      const { person } = await upsertSeenPerson(db, { name, headline, emails: [`${name.split(' ')[0]!.toLowerCase()}@x.example`], source: 'email' });
      await addFollowUp(db, { personId: person.id, dueAt: now.value - 1000, reason: 'x', suggestedType: 'email', origin: 'manual' });
    }
    await rescoreAll(db);
    await clock.onAlarm(DIGEST_ALARM);
    expect([...notifications.entries()]).toEqual([
      ['digest-2026-11-02', expect.objectContaining({ title: '3 follow-ups due today', message: 'Top by fit: Vera Novak (A), Dev Patel (D), Ola Berg (D)', buttons: DIGEST_BUTTONS.map((title) => ({ title })) })],
    ]);
    // The worker is stopped and the alarm delivered again; or the browser restarts the same day.
    notifications.clear();
    expect(await fakes(now, db).clock.showDigest()).toBe(false);
    expect(notifications.size).toBe(0);
    now.value += 86_400_000;
    expect(await clock.showDigest()).toBe(true);
  });

  it('names follow-ups set for a time later today in the digest, at their time', async () => {
    const now = { value: Date.parse('2026-11-02T08:30:00Z') };
    await saveSettings(db, Settings.parse({ workWeek: { timeZone: 'UTC' } }));
    const { notifications, clock } = fakes(now, db);
    const { person } = await upsertSeenPerson(db, { name: 'Vera Novak', emails: ['vera@x.example'], source: 'email' });
    await addFollowUp(db, { personId: person.id, dueAt: Date.parse('2026-11-02T14:30:00Z'), reason: 'Call back about the line', suggestedType: 'call', origin: 'manual' });
    await clock.onAlarm(DIGEST_ALARM);
    expect([...notifications.values()][0]).toMatchObject({ title: '1 follow-up due today', message: 'Top by fit: Vera Novak · Later today: 14:30 Vera Novak' });
  });

  it('says when someone is newly flagged as a brain-picker, once; with notifications off, silently', async () => {
    const now = { value: Date.parse('2026-11-20T10:00:00Z') };
    const { notifications, clock } = fakes(now, db);
    const record = { episodes: 1, flaggedAt: now.value - 1000, reachedOutAt: Date.parse('2026-11-02T10:00:00Z'), attempts: 6, adviceMinutes: 45, researchMinutes: 30, previousStage: 'target' as const };
    const { person } = await upsertSeenPerson(db, { name: 'Gus Halvorsen', emails: ['gus@halvorsen.example'], source: 'email' });
    await db.people.update(person.id, { flags: ['brain-picker'], stage: 'back-burner', brainPicker: record });
    await clock.reschedule();
    expect([...notifications.values()]).toEqual([
      expect.objectContaining({ title: 'Gus Halvorsen: a crisis-mode brain-picker, now on the back burner', message: expect.stringMatching(/; 45 min of free advice, 30 min of your research; then 6 attempts unanswered\.$/) }),
    ]);
    await clock.reschedule();
    expect(notifications.size).toBe(1);

    await saveSettings(db, Settings.parse({ crisis: { notify: false } }));
    const { person: other } = await upsertSeenPerson(db, { name: 'Ola Berg', emails: ['ola@x.example'], source: 'email' });
    await db.people.update(other.id, { flags: ['brain-picker'], stage: 'back-burner', brainPicker: record });
    expect(await clock.notifyNewlyFlagged()).toBe(0);
    expect(notifications.size).toBe(1);
    expect((await db.people.get(other.id))?.brainPicker?.notifiedAt).toBe(now.value);
  });

  it('marks flags raised long ago (records from before notifications, a restored backup) seen without a burst of notifications', async () => {
    const now = { value: Date.parse('2026-11-20T10:00:00Z') };
    const { notifications, clock } = fakes(now, db);
    const old = { episodes: 1, flaggedAt: Date.parse('2026-10-01T10:00:00Z'), reachedOutAt: Date.parse('2026-09-10T10:00:00Z'), attempts: 6, adviceMinutes: 45, researchMinutes: 0, previousStage: 'target' as const };
    for (const name of ['Ida Strand', 'Leo Park', 'Mia Holt']) {
      const { person } = await upsertSeenPerson(db, { name, emails: [`${name.split(' ')[0]!.toLowerCase()}@x.example`], source: 'email' });
      await db.people.update(person.id, { flags: ['brain-picker'], stage: 'back-burner', brainPicker: old });
    }
    expect(await clock.notifyNewlyFlagged()).toBe(0);
    expect(notifications.size).toBe(0);
    expect((await db.people.toArray()).map((p) => p.brainPicker?.notifiedAt)).toEqual([now.value, now.value, now.value]);
  });

  it('runs the daily pass once a day, whichever alarm comes first, even with the digest off', async () => {
    await saveSettings(db, Settings.parse({ workWeek: { timeZone: 'UTC' }, digest: { enabled: false } }));
    const now = { value: Date.parse('2026-11-03T00:00:05Z') };
    const { clock } = fakes(now, db);
    expect(await clock.dailyPass()).toBe(true);
    await clock.onAlarm(BADGE_ALARM);
    expect(await clock.dailyPass()).toBe(false);
    now.value += 86_400_000;
    expect(await clock.dailyPass()).toBe(true);
  });

  it('the digest’s buttons open today’s list or snooze everything due by a working day', async () => {
    const now = { value: Date.parse('2026-11-06T08:30:00Z') }; // Friday
    const { notifications, clock, openToday, badge } = fakes(now, db);
    const { person } = await upsertSeenPerson(db, { name: 'Ana Lima', linkedinUrl: 'https://www.linkedin.com/in/ana/', source: 'linkedin' });
    await recordTouch(db, { personId: person.id, type: 'inbound-message', loggedBy: 'automatic', at: now.value - 3_600_000 }, now.value - 3_600_000);
    await clock.showDigest();
    await clock.onNotificationButton('digest-2026-11-06', 0);
    expect(openToday).toHaveBeenCalledOnce();
    await clock.showDigest();
    await clock.onNotificationButton('digest-2026-11-06', 1);
    expect(notifications.size).toBe(0);
    const [followUp] = await db.followUps.toArray();
    expect(followUp).toMatchObject({ status: 'snoozed' });
    expect(iso(followUp!.dueAt)).toBe('2026-11-09T09:00:00.000Z');
    expect(badge.badges.get(GLOBAL)).toMatchObject({ text: '' });
  });
});
