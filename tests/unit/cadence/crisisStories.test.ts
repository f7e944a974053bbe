import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordTouch } from '../../../lib/cadence/followUps';
import { chaseOutlook, describeChaseOutlook, followTheChase } from '../../../lib/cadence/crisisPlan';
import type { GroundworkDB } from '../../../lib/db/db';
import { upsertSeenPerson } from '../../../lib/db/people';
import { saveSettings } from '../../../lib/db/settings';
import { DEFAULT_SETTINGS, Settings, type Person } from '../../../lib/model';
import { freshDb } from '../../support/db';
import { DAY, MONDAY } from './support';

/**
 * Seed 004's stories, driven only by Groundwork's own proposals (issue 17): the rep does every
 * follow-up Groundwork proposes, on its due day, as the touch it proposes, and the prospect never
 * answers. The clock is each follow-up's due time.
 */

let db: GroundworkDB;
let owner: Person;
const settingsWith = (crisis: Partial<Settings['crisis']> = {}) => Settings.parse({ workWeek: { days: [1, 2, 3, 4, 5], timeZone: 'UTC' }, crisis });

beforeEach(async () => {
  db = freshDb();
  await saveSettings(db, settingsWith());
  ({ person: owner } = await upsertSeenPerson(db, { name: 'Gus Halvorsen', emails: ['gus@halvorsen-fab.example'], source: 'email' }, MONDAY - 200 * DAY));
});
afterEach(async () => {
  await db.delete();
});

const nextProposal = async () => (await db.followUps.where('personId').equals(owner.id).toArray()).find((f) => f.status === 'open');
const stored = async () => (await db.people.get(owner.id))!;

/** Does what Groundwork proposes, `steps` times or until flagged; returns the attempt that flagged them. */
async function followProposals(steps: number): Promise<number | undefined> {
  for (let attempt = 1; attempt <= steps; attempt++) {
    const next = await nextProposal();
    if (!next) return undefined;
    const { newlyFlagged } = await recordTouch(db, { personId: owner.id, type: next.suggestedType, loggedBy: 'one-click', at: next.dueAt }, next.dueAt);
    if (newlyFlagged) return attempt;
  }
  return undefined;
}

describe('crisis-mode brain-pickers, when the rep follows Groundwork', () => {
  it('the seed’s business owner: emails in, the rep does 30 minutes of homework, every proposed attempt goes unanswered — flagged at the sixth', async () => {
    const emailed = MONDAY + 10 * 3_600_000;
    await recordTouch(db, { personId: owner.id, type: 'inbound-message', direction: 'inbound', loggedBy: 'automatic', at: emailed, subject: 'Can you call Tuesday 10:00? Ask for Mara.' }, emailed);
    await recordTouch(db, { personId: owner.id, type: 'research', loggedBy: 'one-click', at: emailed + 3_600_000, minutes: 30 }, emailed + 3_600_000);
    expect((await nextProposal())?.reason).toBe('Reply to Gus');
    expect(await followProposals(20)).toBe(6);
    const person = await stored();
    expect(person).toMatchObject({ stage: 'back-burner', flags: ['brain-picker'] });
    expect(person.brainPicker).toMatchObject({ attempts: 6, adviceMinutes: 0, researchMinutes: 30, reachedOutAt: emailed });
    expect(person.brainPicker!.lastAttemptAt! - emailed).toBeLessThanOrEqual(21 * DAY);
    expect((await nextProposal())?.reason).toBe('Back-burner check-in with Gus');
  });

  it('a prospect nurtured for four months calls in crisis, gets a 45-minute call, then ignores the chase — flagged', async () => {
    for (let week = 0; week < 16; week += 3) {
      const at = MONDAY - (120 - week * 7) * DAY;
      await recordTouch(db, { personId: owner.id, type: week % 2 ? 'article-forwarded' : 'email', loggedBy: 'one-click', at }, at);
    }
    const called = MONDAY + 9 * 3_600_000;
    await recordTouch(db, { personId: owner.id, type: 'inbound-call', direction: 'inbound', loggedBy: 'one-click', at: called, minutes: 45, freeAdvice: true }, called);
    expect(await followProposals(20)).toBe(6);
    expect((await stored()).brainPicker).toMatchObject({ adviceMinutes: 45, attempts: 6, reachedOutAt: called });
  });

  it('a prospect who answers the third attempt is never flagged, however long the rep goes on following Groundwork', async () => {
    const emailed = MONDAY + 10 * 3_600_000;
    await recordTouch(db, { personId: owner.id, type: 'inbound-message', direction: 'inbound', loggedBy: 'automatic', at: emailed }, emailed);
    expect(await followProposals(3)).toBeUndefined();
    const lastAttempt = (await db.touches.where('personId').equals(owner.id).toArray()).at(-1)!;
    const answered = lastAttempt.at + DAY;
    await recordTouch(db, { personId: owner.id, type: 'inbound-message', direction: 'inbound', loggedBy: 'automatic', at: answered }, answered);
    expect(await followProposals(15)).toBeUndefined();
    expect((await stored()).flags).toEqual([]);
  });

  it.each([
    [6, 21],
    [4, 21],
    [10, 21],
    [12, 21],
    [6, 7],
    [6, 4],
    [3, 2],
  ])('with %i attempts in %i days, the story is flagged exactly where the options page says', async (attempts, windowDays) => {
    const settings = settingsWith({ attempts, windowDays });
    await saveSettings(db, settings);
    const outlook = chaseOutlook(settings);
    const emailed = MONDAY + 10 * 3_600_000;
    await recordTouch(db, { personId: owner.id, type: 'inbound-message', direction: 'inbound', loggedBy: 'automatic', at: emailed }, emailed);
    const flaggedAt = await followProposals(30);
    if (outlook.kind === 'never') {
      expect(flaggedAt).toBeUndefined();
      expect(describeChaseOutlook(outlook, settings)).toMatch(/^Warning: Groundwork’s chase cannot fit/);
    } else if (outlook.kind === 'flagged') {
      expect(flaggedAt).toBe(outlook.attempt);
      expect(describeChaseOutlook(outlook, settings)).toMatch(new RegExp(`flagged at the ${outlook.attempt}(st|nd|rd|th) unanswered attempt`));
    } else {
      // It depends on the day they reach out: this story is flagged exactly when its own day's run is.
      expect(flaggedAt).toBe(followTheChase(settings, emailed).flaggedAtAttempt);
      expect(describeChaseOutlook(outlook, settings)).toMatch(/^Only when they reach out on some days of the week/);
    }
  });

  it('the defaults flag the seed’s story; a combination no chase can meet says so', () => {
    expect(chaseOutlook(settingsWith())).toMatchObject({ kind: 'flagged', attempt: 6 });
    expect(chaseOutlook(settingsWith({ attempts: 12, windowDays: 21 }))).toEqual({ kind: 'never' });
    expect(chaseOutlook(settingsWith({ attempts: 6, windowDays: 4 }))).toEqual({ kind: 'never' });
  });
});

describe('the options page’s sentence', () => {
  const crisis = { crisis: { ...DEFAULT_SETTINGS.crisis, attempts: 6, windowDays: 21 } };

  it.each<[number, string]>([
    [1, '1st'], [2, '2nd'], [3, '3rd'], [4, '4th'], [10, '10th'], [11, '11th'], [12, '12th'], [13, '13th'], [21, '21st'], [22, '22nd'], [23, '23rd'], [111, '111th'], [112, '112th'],
  ])('attempt %i reads “%s”', (attempt, ordinal) => {
    expect(describeChaseOutlook({ kind: 'flagged', attempt, days: 9 }, crisis)).toBe(
      `If you follow Groundwork’s chase, a prospect who reached out and then goes silent is flagged at the ${ordinal} unanswered attempt, 9 days after they reached out.`,
    );
  });

  it('only on some days of the week: says so, with the settings', () => {
    expect(describeChaseOutlook({ kind: 'sometimes', attempt: 6, days: 20 }, crisis)).toBe(
      'Only when they reach out on some days of the week would a prospect who goes silent be flagged (at the 6th unanswered attempt, 20 days after they reached out): the chase barely fits 6 attempts into 21 days.',
    );
  });

  it('never: warns with the settings', () => {
    expect(describeChaseOutlook({ kind: 'never' }, crisis)).toBe(
      'Warning: Groundwork’s chase cannot fit 6 unanswered attempts into 21 days, so a prospect who reached out and then ignored every proposed attempt would never be flagged. Shorten the chase intervals, lower the attempts or widen the days.',
    );
  });

  it('the defaults: flagged at the sixth attempt, and the days from their message to the flag', () => {
    const run = followTheChase(settingsWith(), MONDAY);
    expect(run.flaggedAtAttempt).toBe(6);
    expect(run.attemptTimes).toHaveLength(6);
    expect(run.days).toBe(Math.round((run.attemptTimes[5]! - MONDAY) / DAY));
  });

  it('a chase that cannot flag runs to its limit of forty attempts', () => {
    expect(followTheChase(settingsWith({ attempts: 12, windowDays: 21 }), MONDAY)).toEqual({ attemptTimes: expect.any(Array) });
    expect(followTheChase(settingsWith({ attempts: 12, windowDays: 21 }), MONDAY).attemptTimes).toHaveLength(40);
  });
});
