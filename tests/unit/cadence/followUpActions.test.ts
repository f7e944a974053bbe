import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  afterTouchesChanged,
  cancelFollowUp,
  clearGutCall,
  completeFollowUp,
  dailyEvaluation,
  decideOnReturn,
  makeGutCall,
  recordTouch,
  rescheduleFollowUp,
  snoozeAllDue,
  snoozeFollowUp,
} from '../../../lib/cadence/followUps';
import type { GroundworkDB } from '../../../lib/db/db';
import { addFollowUp } from '../../../lib/db/followUps';
import { upsertSeenPerson } from '../../../lib/db/people';
import { saveSettings } from '../../../lib/db/settings';
import { Settings, type Person } from '../../../lib/model';
import { freshDb } from '../../support/db';
import { DAY, MONDAY } from './support';

/** The rep's actions on follow-ups, and what the cadence refuses to do twice or backwards. */

let db: GroundworkDB;
let rosa: Person;
beforeEach(async () => {
  db = freshDb();
  await saveSettings(db, Settings.parse({ workWeek: { timeZone: 'UTC' } }));
  ({ person: rosa } = await upsertSeenPerson(db, { name: 'Rosa García', emails: ['rosa@garcia-tooling.example'], source: 'email' }, MONDAY - 30 * DAY));
});
afterEach(async () => {
  await db.delete();
});

const pending = () => db.followUps.filter((f) => f.status === 'open' || f.status === 'snoozed').toArray();
const email = (at: number) => recordTouch(db, { personId: rosa.id, type: 'email', loggedBy: 'manual', at }, at);

describe('a follow-up acted on once', () => {
  it.each<[string, (id: string) => Promise<unknown>]>([
    ['Done', (id) => completeFollowUp(db, id, {}, MONDAY + DAY)],
    ['cancel', (id) => cancelFollowUp(db, id, MONDAY + DAY)],
    ['snooze', (id) => snoozeFollowUp(db, id, { kind: 'week' }, MONDAY + DAY)],
    ['reschedule', (id) => rescheduleFollowUp(db, id, MONDAY + 9 * DAY, MONDAY + DAY)],
  ])('%s of a follow-up already done is refused', async (_label, act) => {
    const { followUp } = await email(MONDAY);
    await completeFollowUp(db, followUp!.id, { nothing: true }, MONDAY + DAY);
    await expect(act(followUp!.id)).rejects.toThrow('This follow-up is already done');
  });

  it('a follow-up that does not exist is refused', async () => {
    await expect(cancelFollowUp(db, 'no-such-follow-up', MONDAY)).rejects.toThrow('No follow-up with id no-such-follow-up');
  });

  it('cancelled, it is no longer pending and nothing takes its place', async () => {
    const { followUp } = await email(MONDAY);
    await cancelFollowUp(db, followUp!.id, MONDAY + DAY);
    expect(await db.followUps.get(followUp!.id)).toMatchObject({ status: 'cancelled', updatedAt: MONDAY + DAY });
    expect(await pending()).toEqual([]);
  });
});

describe('snooze and reschedule go forward only', () => {
  it('a snooze to a date before now is refused', async () => {
    const { followUp } = await email(MONDAY);
    await expect(snoozeFollowUp(db, followUp!.id, { kind: 'until', at: MONDAY - DAY }, MONDAY + 10 * DAY)).rejects.toThrow('Choose a time in the future');
  });

  it('a snooze to a date before it is due is refused: that is a reschedule', async () => {
    const { followUp } = await email(MONDAY);
    await expect(snoozeFollowUp(db, followUp!.id, { kind: 'until', at: followUp!.dueAt - DAY }, MONDAY)).rejects.toThrow(/Snooze moves a follow-up later/);
  });

  it('a snooze to the very time it is due is allowed', async () => {
    const { followUp } = await email(MONDAY);
    expect(await snoozeFollowUp(db, followUp!.id, { kind: 'until', at: followUp!.dueAt }, MONDAY)).toMatchObject({ status: 'snoozed', dueAt: followUp!.dueAt });
  });

  it('a reschedule to now or before is refused; a minute later is the rep’s own step', async () => {
    const { followUp } = await email(MONDAY);
    await expect(rescheduleFollowUp(db, followUp!.id, MONDAY + DAY, MONDAY + DAY)).rejects.toThrow('Choose a time in the future');
    expect(await rescheduleFollowUp(db, followUp!.id, MONDAY + DAY + 60_000, MONDAY + DAY)).toMatchObject({ dueAt: MONDAY + DAY + 60_000, origin: 'manual', status: 'open' });
  });
});

describe('the cadence and follow-ups the rep set', () => {
  it('a step set by hand stands: the cadence proposes nothing beside it', async () => {
    await email(MONDAY);
    const [proposed] = await pending();
    await cancelFollowUp(db, proposed!.id, MONDAY);
    await addFollowUp(db, { personId: rosa.id, dueAt: MONDAY + 20 * DAY, reason: 'Visit at the fair', suggestedType: 'drop-in', origin: 'manual' }, MONDAY);
    await email(MONDAY + DAY);
    expect((await pending()).map((f) => f.reason)).toEqual(['Visit at the fair']);
  });

  it('someone the ideal customer profile excludes gets no proposal', async () => {
    await db.fits.put({ personId: rosa.id, score: 0, band: 'D', confidence: 'high', excluded: true });
    await email(MONDAY);
    expect(await pending()).toEqual([]);
  });

  it('someone whose fit is merely poor still gets one', async () => {
    await db.fits.put({ personId: rosa.id, score: 10, band: 'D', confidence: 'high', excluded: false });
    await email(MONDAY);
    expect(await pending()).toHaveLength(1);
  });

  it('an unknown person is refused', async () => {
    await expect(afterTouchesChanged(db, 'nobody', MONDAY)).rejects.toThrow('No person with id nobody');
  });
});

describe('the daily pass', () => {
  it('looks again at everyone touched within the crisis window and a day, and no one before', async () => {
    const { person: old } = await upsertSeenPerson(db, { name: 'Old Contact', emails: ['old@example.example'], source: 'email' }, MONDAY - 90 * DAY);
    await recordTouch(db, { personId: old.id, type: 'email', loggedBy: 'manual', at: MONDAY - 23 * DAY }, MONDAY - 23 * DAY);
    await email(MONDAY - 21 * DAY);
    expect(await dailyEvaluation(db, MONDAY)).toBe(1);
  });
});

describe('a brain-picker who came back', () => {
  async function flagged() {
    await recordTouch(db, { personId: rosa.id, type: 'inbound-message', loggedBy: 'automatic', at: MONDAY }, MONDAY);
    for (let i = 1; i <= 6; i++) await email(MONDAY + i * DAY);
    return (await db.people.get(rosa.id))!;
  }

  it('only a flagged person can be decided on', async () => {
    await expect(decideOnReturn(db, rosa.id, 'kept', MONDAY)).rejects.toThrow('This person is not flagged as a brain-picker');
  });

  it('kept: still flagged, their return acknowledged at the time they came back', async () => {
    await flagged();
    const back = MONDAY + 40 * DAY;
    await recordTouch(db, { personId: rosa.id, type: 'inbound-message', loggedBy: 'automatic', at: back }, back);
    const kept = await decideOnReturn(db, rosa.id, 'kept', back + DAY);
    expect(kept).toMatchObject({ flags: ['brain-picker'], stage: 'back-burner', brainPicker: { decision: 'kept', acknowledgedAt: back } });
    // The same message does not ask again; a newer one does.
    await afterTouchesChanged(db, rosa.id, back + 2 * DAY);
    expect((await db.people.get(rosa.id))!.brainPicker?.returnedAt).toBeUndefined();
    await recordTouch(db, { personId: rosa.id, type: 'inbound-message', loggedBy: 'automatic', at: back + 3 * DAY }, back + 3 * DAY);
    expect((await db.people.get(rosa.id))!.brainPicker?.returnedAt).toBe(back + 3 * DAY);
  });

  it('re-engaged after being on the back burner before the flag: engaged again', async () => {
    await db.people.update(rosa.id, { stage: 'back-burner' });
    const person = await flagged();
    expect(person.brainPicker?.previousStage).toBe('engaged');
    expect(await decideOnReturn(db, rosa.id, 're-engaged', MONDAY + 40 * DAY)).toMatchObject({ stage: 'engaged', flags: [] });
  });

  it('a rep’s own research does not count as their return', async () => {
    await flagged();
    await recordTouch(db, { personId: rosa.id, type: 'research', loggedBy: 'manual', at: MONDAY + 30 * DAY, minutes: 20 }, MONDAY + 30 * DAY);
    expect((await db.people.get(rosa.id))!.brainPicker?.returnedAt).toBeUndefined();
  });
});

describe('gut calls: refusals and what is remembered', () => {
  it('someone already flagged cannot be marked again', async () => {
    await makeGutCall(db, rosa.id, 'brain-picker', MONDAY);
    await expect(makeGutCall(db, rosa.id, 'back-burner', MONDAY)).rejects.toThrow('Rosa García is already flagged as a brain-picker');
  });

  it('nobody no longer saved, and nobody never called, can be called or cleared', async () => {
    await expect(makeGutCall(db, 'nobody', 'brain-picker', MONDAY)).rejects.toThrow('This person is no longer saved');
    await expect(clearGutCall(db, rosa.id, MONDAY)).rejects.toThrow('This person is not on the back burner by a brain-picker call');
    await expect(clearGutCall(db, 'nobody', MONDAY)).rejects.toThrow('This person is not on the back burner by a brain-picker call');
  });

  it('a back-burner call remembers without counting an episode; a brain-picker call counts one more', async () => {
    await makeGutCall(db, rosa.id, 'back-burner', MONDAY);
    expect((await db.people.get(rosa.id))!.brainPicker).toMatchObject({ episodes: 1, call: 'back-burner', previousStage: 'target' });
    await clearGutCall(db, rosa.id, MONDAY + DAY);
    await makeGutCall(db, rosa.id, 'brain-picker', MONDAY + 2 * DAY);
    expect((await db.people.get(rosa.id))!.brainPicker).toMatchObject({ episodes: 2, call: 'brain-picker' });
  });

  it('a call on someone already on the back burner by hand remembers where they were before: a target', async () => {
    await db.people.update(rosa.id, { stage: 'back-burner' });
    await makeGutCall(db, rosa.id, 'brain-picker', MONDAY);
    expect((await db.people.get(rosa.id))!.brainPicker?.previousStage).toBe('target');
  });

  it('what they took: this episode’s advice when they reached out, all of it when they never did', async () => {
    await recordTouch(db, { personId: rosa.id, type: 'call', loggedBy: 'manual', at: MONDAY - 20 * DAY, minutes: 30, freeAdvice: true }, MONDAY - 20 * DAY);
    await makeGutCall(db, rosa.id, 'brain-picker', MONDAY);
    expect((await db.people.get(rosa.id))!.brainPicker).toMatchObject({ adviceMinutes: 30, attempts: 0 });
    await clearGutCall(db, rosa.id, MONDAY);
    await recordTouch(db, { personId: rosa.id, type: 'inbound-message', loggedBy: 'automatic', at: MONDAY + DAY }, MONDAY + DAY);
    await recordTouch(db, { personId: rosa.id, type: 'call', loggedBy: 'manual', at: MONDAY + 2 * DAY, minutes: 15, freeAdvice: true }, MONDAY + 2 * DAY);
    await email(MONDAY + 3 * DAY);
    await makeGutCall(db, rosa.id, 'brain-picker', MONDAY + 4 * DAY);
    expect((await db.people.get(rosa.id))!.brainPicker).toMatchObject({ adviceMinutes: 15, attempts: 1, reachedOutAt: MONDAY + DAY, firstAttemptAt: MONDAY + 3 * DAY, lastAttemptAt: MONDAY + 3 * DAY });
  });
});

describe('“Done, nothing to log” and the step it handled', () => {
  // Rosa's email on Monday 10:00: "Attempt 2" is due Thursday 09:00, three working days on.
  const thursday = Date.parse('2026-11-05T09:00:00Z');

  it('handled exactly when due: it comes round an attempt interval later, not at once', async () => {
    const { followUp } = await email(MONDAY);
    expect(followUp!.dueAt).toBe(thursday);
    const { followUp: next } = await completeFollowUp(db, followUp!.id, { nothing: true }, thursday);
    expect(next).toMatchObject({ reason: followUp!.reason, status: 'open', dueAt: Date.parse('2026-11-10T09:00:00Z') });
  });

  it('handled before it was due: it comes round at its own time, not an interval after', async () => {
    const { followUp } = await email(MONDAY);
    const { followUp: next } = await completeFollowUp(db, followUp!.id, { nothing: true }, MONDAY + DAY);
    expect(next).toMatchObject({ reason: followUp!.reason, dueAt: thursday });
  });

  it('another step handled with nothing to log does not push the cadence’s overdue one', async () => {
    const { followUp } = await email(MONDAY);
    const quote = await addFollowUp(db, { personId: rosa.id, dueAt: MONDAY + DAY, reason: 'Send the quote', suggestedType: 'email', origin: 'manual' }, MONDAY);
    const friday = thursday + DAY;
    const { followUp: next } = await completeFollowUp(db, quote.id, { nothing: true }, friday);
    expect(next).toMatchObject({ id: followUp!.id, dueAt: thursday });
  });
});

describe('the cadence looks again at a follow-up already proposed', () => {
  it('snoozed to the very time it was due, the snooze stands', async () => {
    const { followUp } = await email(MONDAY);
    await snoozeFollowUp(db, followUp!.id, { kind: 'until', at: followUp!.dueAt }, MONDAY);
    const again = await afterTouchesChanged(db, rosa.id, MONDAY + 1000);
    expect(again.followUp).toMatchObject({ id: followUp!.id, status: 'snoozed', dueAt: followUp!.dueAt });
  });

  it('shorter intervals in the settings bring an open one forward', async () => {
    const { followUp } = await email(MONDAY);
    await saveSettings(db, Settings.parse({ workWeek: { timeZone: 'UTC' }, cadence: { attemptIntervalsDays: [1] } }));
    const again = await afterTouchesChanged(db, rosa.id, MONDAY + 1000);
    expect(again.followUp).toMatchObject({ reason: followUp!.reason, status: 'open', dueAt: Date.parse('2026-11-03T09:00:00Z') });
    expect(await db.followUps.get(followUp!.id)).toMatchObject({ status: 'cancelled' });
  });

  it('longer intervals move a snoozed one past its snooze', async () => {
    const { followUp } = await email(MONDAY);
    await snoozeFollowUp(db, followUp!.id, { kind: 'days', workingDays: 1 }, MONDAY);
    await saveSettings(db, Settings.parse({ workWeek: { timeZone: 'UTC' }, cadence: { attemptIntervalsDays: [10] } }));
    const again = await afterTouchesChanged(db, rosa.id, MONDAY + 1000);
    expect(again.followUp).toMatchObject({ reason: followUp!.reason, status: 'open', dueAt: Date.parse('2026-11-16T09:00:00Z') });
  });

  it('their call after a snoozed reply: the reply becomes a call, due now', async () => {
    const wrote = MONDAY;
    const { followUp: reply } = await recordTouch(db, { personId: rosa.id, type: 'inbound-message', direction: 'inbound', loggedBy: 'automatic', at: wrote }, wrote);
    expect(reply).toMatchObject({ reason: 'Reply to Rosa', suggestedType: 'email' });
    await snoozeFollowUp(db, reply!.id, { kind: 'week' }, wrote);
    const called = MONDAY + DAY;
    const { followUp: callBack } = await recordTouch(db, { personId: rosa.id, type: 'inbound-call', direction: 'inbound', loggedBy: 'manual', at: called }, called);
    expect(callBack).toMatchObject({ reason: 'Reply to Rosa', suggestedType: 'call', status: 'open', dueAt: called + 60_000 });
    expect((await pending()).map((f) => f.id)).toEqual([callBack!.id]);
  });
});

describe('refusals that leave everything as it was', () => {
  it('Done on a follow-up whose person is gone is refused, and it stays open', async () => {
    const { followUp } = await email(MONDAY);
    await db.people.delete(rosa.id);
    await expect(completeFollowUp(db, followUp!.id, {}, MONDAY + DAY)).rejects.toThrow(`No person with id ${rosa.id}`);
    expect(await db.followUps.get(followUp!.id)).toMatchObject({ status: 'open' });
  });

  it('a snooze that would end exactly now is refused', async () => {
    const { followUp } = await email(MONDAY);
    const now = followUp!.dueAt + DAY;
    await expect(snoozeFollowUp(db, followUp!.id, { kind: 'until', at: now }, now)).rejects.toThrow('Choose a time in the future');
  });
});

describe('snooze all that is due', () => {
  it('snoozes only open and snoozed follow-ups due before the time: not one due at it or after, not one done or cancelled', async () => {
    const before = MONDAY + 2 * DAY;
    const add = (reason: string, dueAt: number) => addFollowUp(db, { personId: rosa.id, dueAt, reason, suggestedType: 'email', origin: 'manual' }, MONDAY);
    const due = await add('Due', before - 1);
    const atIt = await add('At the time', before);
    const later = await add('Later', before + DAY);
    const snoozedLater = await add('Snoozed later', MONDAY);
    await snoozeFollowUp(db, snoozedLater.id, { kind: 'until', at: before + 3 * DAY }, MONDAY);
    const done = await add('Done', MONDAY);
    await completeFollowUp(db, done.id, { nothing: true }, MONDAY);
    const cancelled = await add('Cancelled', MONDAY);
    await cancelFollowUp(db, cancelled.id, MONDAY);
    const untouched = await db.followUps.bulkGet([atIt.id, later.id, snoozedLater.id, done.id, cancelled.id]);

    expect(await snoozeAllDue(db, before, 1, before)).toBe(1);
    expect(await db.followUps.get(due.id)).toMatchObject({ status: 'snoozed', dueAt: Date.parse('2026-11-05T09:00:00Z') });
    expect(await db.followUps.bulkGet([atIt.id, later.id, snoozedLater.id, done.id, cancelled.id])).toEqual(untouched);
  });
});

describe('what counts as the step handled with nothing to log', () => {
  const thursday = Date.parse('2026-11-05T09:00:00Z');

  it('Done as research (no contact): the attempt is still due at its time, not put off an interval', async () => {
    const { followUp } = await email(MONDAY);
    const friday = thursday + DAY;
    const { followUp: next } = await completeFollowUp(db, followUp!.id, { type: 'research' }, friday);
    expect(next).toMatchObject({ reason: followUp!.reason, status: 'open', dueAt: thursday });
  });

  it.each([
    ['a-earlier', 'b-later'],
    ['b-earlier', 'a-later'],
  ])('handled twice (%s, %s): it comes round an interval after the later one', async (earlierId, laterId) => {
    const { followUp } = await email(MONDAY);
    const handled = (id: string, completedAt: number) => ({ ...followUp!, id, status: 'done' as const, outcome: 'nothing' as const, completedAt, updatedAt: completedAt });
    const friday = thursday + DAY;
    await db.followUps.bulkAdd([handled(earlierId, thursday), handled(laterId, friday)]);
    await db.followUps.delete(followUp!.id);
    const again = await afterTouchesChanged(db, rosa.id, friday);
    // Three working days after Friday: Wednesday.
    expect(again.followUp).toMatchObject({ reason: followUp!.reason, dueAt: Date.parse('2026-11-11T09:00:00Z') });
  });
});

describe('two of the cadence’s follow-ups pending at once (as a merge of two records leaves them)', () => {
  it('looking again leaves one', async () => {
    const { followUp } = await email(MONDAY);
    await db.followUps.add({ ...followUp!, id: 'merged-in' });
    await afterTouchesChanged(db, rosa.id, MONDAY + 1000);
    expect(await pending()).toEqual([expect.objectContaining({ reason: followUp!.reason, dueAt: followUp!.dueAt, origin: 'cadence' })]);
  });
});
