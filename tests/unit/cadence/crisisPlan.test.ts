import { describe, expect, it } from 'vitest';
import { chaseOutlook, describeChaseOutlook, followTheChase } from '../../../lib/cadence/crisisPlan';
import { Settings } from '../../../lib/model';
import { DAY, MONDAY } from './support';

/**
 * What the options page says about the crisis settings (issue 17), worked out over the seven days
 * of a week a prospect may reach out on: the days move the chase across weekends, so some
 * combinations flag on some days and not others, or at a later attempt on some days.
 */

const settingsWith = (crisis: Partial<Settings['crisis']>, cadence: Partial<Settings['cadence']> = {}) =>
  Settings.parse({ workWeek: { days: [1, 2, 3, 4, 5], timeZone: 'UTC' }, crisis, cadence });
const iso = (t: number) => new Date(t).toISOString();
const at = (day: number, time: string) => Date.parse(`2026-11-${String(day).padStart(2, '0')}T${time}:00.000Z`);

describe('the week’s outlook', () => {
  // Two attempts within 4 days, the chase's one step 3 working days after the reply: a Monday,
  // Tuesday or weekend message is flagged at the 2nd attempt; a Wednesday one only at the 3rd,
  // 9 days on; a Thursday or Friday one never (the weekend stretches every gap past 4 days).
  const sometimes = settingsWith({ attempts: 2, windowDays: 4, chaseIntervalsDays: [3] });

  it('flagged only on some days: says “sometimes”, with the latest attempt and the most days it takes on any day', () => {
    expect(chaseOutlook(sometimes)).toEqual({ kind: 'sometimes', attempt: 3, days: 9 });
  });

  it('each day of the week is followed, not the reference day seven times', () => {
    const byDay = [0, 1, 2, 3, 4, 5, 6].map((i) => followTheChase(sometimes, MONDAY + i * DAY));
    expect(byDay.map((run) => run.flaggedAtAttempt)).toEqual([2, 2, 3, undefined, undefined, 2, 2]);
    expect(byDay.map((run) => run.days)).toEqual([3, 3, 9, undefined, undefined, 5, 4]);
  });

  it('flagged on every day, at a later attempt on some: “flagged”, at the latest attempt and day', () => {
    // Two attempts within a day: on a Friday the chase's 2-day gap crosses the weekend, so the 3rd attempt flags.
    expect(chaseOutlook(settingsWith({ attempts: 2, windowDays: 1 }))).toEqual({ kind: 'flagged', attempt: 3, days: 4 });
  });

  it('says which of the three it is in the sentence', () => {
    expect(describeChaseOutlook(chaseOutlook(sometimes), sometimes)).toBe(
      'Only when they reach out on some days of the week would a prospect who goes silent be flagged (at the 3rd unanswered attempt, 9 days after they reached out): the chase barely fits 2 attempts into 4 days.',
    );
  });
});

describe('one chase, followed attempt by attempt', () => {
  it('a chase shorter than the attempts goes on at the usual cadence’s intervals for a target, and flags there', () => {
    // The reply, one chase step a working day on, then the cadence's 4 and 5 working days.
    const run = followTheChase(settingsWith({ attempts: 4, windowDays: 21, chaseIntervalsDays: [1] }), MONDAY);
    expect(run.attemptTimes.map(iso)).toEqual([iso(at(2, '10:01')), iso(at(3, '09:00')), iso(at(9, '09:00')), iso(at(16, '09:00'))]);
    expect(run).toMatchObject({ flaggedAtAttempt: 4, days: 14 });
  });

  it('a weekend message is answered on Monday morning, and the days count from the message', () => {
    const saturday = MONDAY + 5 * DAY;
    const run = followTheChase(settingsWith({ attempts: 2, windowDays: 4, chaseIntervalsDays: [3] }), saturday);
    expect(run.attemptTimes.map(iso)).toEqual([iso(at(9, '09:00')), iso(at(12, '09:00'))]);
    expect(run).toMatchObject({ flaggedAtAttempt: 2, days: 5 });
  });
});
