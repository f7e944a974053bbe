import { dailyEvaluation, snoozeAllDue } from '../cadence/followUps';
import { calendarOf } from '../cadence/propose';
import { endOfWorkDay } from '../cadence/workdays';
import { loadSettings, type GroundworkDB } from '../db';
import { brainPickerStory } from '../cadence/brainPickerStory';
import { BADGE_NEUTRAL_COLOR, type BadgeApi } from './badge';
import { BADGE_ALARM, DIGEST_ALARM, digestContent, dueTodayCount, localDayKey, scheduleAlarms, type AlarmsApi } from './schedule';

export interface NotificationsApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string; buttons?: { title: string }[]; priority?: number }): Promise<string>;
  clear(id: string): Promise<boolean>;
}

export interface ClockDeps {
  db: GroundworkDB;
  alarms: AlarmsApi;
  badge: BadgeApi;
  notifications: NotificationsApi;
  iconUrl: string;
  /** Opens today's list (the popup page in a tab: a notification cannot open the popup itself). */
  openToday(): Promise<void>;
  now: () => number;
}

export const DUE_COLOR = '#b42318';
const DIGEST_KEY = 'digest' as const;
const DAILY_KEY = 'daily' as const;
export const DIGEST_BUTTONS = ['Open today’s list', 'Snooze all by a day'] as const;
/** How long a newly raised flag is news worth a notification. */
const NEWS_FOR_MS = 24 * 60 * 60 * 1000;

/**
 * The worker's clock: the global badge (due today and overdue), the two alarms, and the morning
 * digest. Everything it knows is in the database, so a stopped worker loses nothing; the digest
 * is keyed by the rep's date, so it is never shown twice in a day.
 */
export function createClock({ db, alarms, badge, notifications, iconUrl, openToday, now }: ClockDeps) {
  async function refreshGlobalBadge(): Promise<number> {
    const settings = await loadSettings(db);
    const count = await dueTodayCount(db, settings, now());
    await Promise.all([
      badge.setBadgeText({ text: count > 0 ? String(Math.min(count, 999)) : '' }),
      badge.setBadgeBackgroundColor({ color: count > 0 ? DUE_COLOR : BADGE_NEUTRAL_COLOR }),
      badge.setTitle({ title: count > 0 ? `Groundwork: ${count} follow-up${count === 1 ? '' : 's'} due today` : 'Groundwork: nothing due today' }),
    ]);
    return count;
  }

  /**
   * A notification for each person the crisis rule (or the rep) newly flagged, once per episode
   * (issue 17); with notifications off in options, they are marked seen without one. A flag
   * raised long ago (a record from before notifications, a restored backup) is marked seen
   * quietly: a burst of old news is not news.
   */
  async function notifyNewlyFlagged(): Promise<number> {
    const settings = await loadSettings(db);
    const at = now();
    const fresh = (await db.people.where('flags').equals('brain-picker').toArray()).filter((p) => p.brainPicker && p.brainPicker.notifiedAt === undefined);
    let shown = 0;
    for (const person of fresh) {
      const record = person.brainPicker!;
      const recent = at - (record.raisedAt ?? record.flaggedAt) <= NEWS_FOR_MS;
      if (settings.crisis.notify && record.call === undefined && recent) {
        await notifications.create(`flagged-${person.id}-${record.flaggedAt}`, {
          type: 'basic',
          iconUrl,
          title: `${person.name}: a crisis-mode brain-picker, now on the back burner`,
          message: brainPickerStory(record),
          priority: 1,
        });
        shown += 1;
      }
      // Only this episode's record is marked: the rep may have changed the person meanwhile.
      await db.people
        .where(':id')
        .equals(person.id)
        .modify((p) => {
          if (p.brainPicker?.flaggedAt === record.flaggedAt) p.brainPicker.notifiedAt = at;
        });
    }
    return shown;
  }

  async function reschedule(): Promise<void> {
    await scheduleAlarms(db, alarms, now());
    await refreshGlobalBadge();
    await notifyNewlyFlagged();
  }

  async function showDigest(): Promise<boolean> {
    const settings = await loadSettings(db);
    const today = localDayKey(settings, now());
    const shown = await db.settings.get(DIGEST_KEY);
    if (!settings.digest.enabled || shown?.value === today) return false;
    const content = await digestContent(db, settings, now());
    // The id is the day: a second attempt replaces the notification instead of adding one.
    await notifications.create(content.id, { type: 'basic', iconUrl, title: content.title, message: content.message, buttons: DIGEST_BUTTONS.map((title) => ({ title })), priority: 1 });
    await db.settings.put({ key: DIGEST_KEY, value: today });
    return true;
  }

  /** The crisis rule and proposals, re-run once per local day (the badge alarm fires at midnight). */
  async function dailyPass(): Promise<boolean> {
    const today = localDayKey(await loadSettings(db), now());
    if ((await db.settings.get(DAILY_KEY))?.value === today) return false;
    await dailyEvaluation(db, now());
    await db.settings.put({ key: DAILY_KEY, value: today });
    return true;
  }

  async function onAlarm(name: string): Promise<void> {
    if (name !== DIGEST_ALARM && name !== BADGE_ALARM) return;
    await dailyPass();
    if (name === DIGEST_ALARM) await showDigest();
    await reschedule();
  }

  async function onNotificationButton(id: string, index: number): Promise<void> {
    if (!id.startsWith('digest-')) return;
    await notifications.clear(id);
    if (index === 0) await openToday();
    if (index === 1) {
      const settings = await loadSettings(db);
      await snoozeAllDue(db, endOfWorkDay(now(), calendarOf(settings)), 1, now());
      await reschedule();
    }
  }

  async function onNotificationClicked(id: string): Promise<void> {
    if (!id.startsWith('digest-') && !id.startsWith('flagged-')) return;
    await notifications.clear(id);
    await openToday();
  }

  return { refreshGlobalBadge, reschedule, notifyNewlyFlagged, showDigest, dailyPass, onAlarm, onNotificationButton, onNotificationClicked };
}

export type Clock = ReturnType<typeof createClock>;
