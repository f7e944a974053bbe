import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeFollowUp, recordTouch, snoozeFollowUp, undoDone } from '../../../lib/cadence/followUps';
import { assertNotFuture, deleteTouch, editTouch, restoreTouch, retypeDone } from '../../../lib/cadence/touchEdits';
import { GroundworkDB } from '../../../lib/db/db';
import { upsertSeenPerson } from '../../../lib/db/people';
import { saveSettings } from '../../../lib/db/settings';
import { Settings, type Person } from '../../../lib/model';
import { freshDb } from '../../support/db';
import { dump } from '../io/support';
import { DAY, MONDAY } from './support';

/** Touches the rep corrects, and everything that follows them (issue 16). */

let db: GroundworkDB;
let rosa: Person;
beforeEach(async () => {
  db = freshDb();
  await saveSettings(db, Settings.parse({ workWeek: { days: [1, 2, 3, 4, 5], timeZone: 'UTC' } }));
  ({ person: rosa } = await upsertSeenPerson(db, { name: 'Rosa Delgado', emails: ['rosa@lumen.example'], source: 'email' }, MONDAY - 30 * DAY));
});
afterEach(async () => {
  await db.delete();
});

const openFollowUps = async () => (await db.followUps.toArray()).filter((f) => f.status === 'open');

describe('correcting a touch', () => {
  it('a voicemail logged now but left yesterday, backdated: the next follow-up moves a day earlier', async () => {
    const { touch, followUp } = await recordTouch(db, { personId: rosa.id, type: 'voicemail', loggedBy: 'one-click', at: MONDAY + DAY }, MONDAY + DAY);
    await editTouch(db, touch.id, { at: MONDAY }, MONDAY + DAY);
    const [next] = await openFollowUps();
    expect(next!.dueAt).toBe(followUp!.dueAt - DAY);
  });

  it('reclassified as their inbound call: earlier attempts are answered and a reply is proposed; back again, they are not', async () => {
    await recordTouch(db, { personId: rosa.id, type: 'email', loggedBy: 'one-click', at: MONDAY }, MONDAY);
    const { touch } = await recordTouch(db, { personId: rosa.id, type: 'call', loggedBy: 'one-click', at: MONDAY + DAY }, MONDAY + DAY);
    const { undo } = await editTouch(db, touch.id, { type: 'inbound-call', direction: 'inbound' }, MONDAY + DAY);
    expect((await db.touches.toArray()).find((t) => t.type === 'email')?.answered).toBe(true);
    expect((await openFollowUps()).map((f) => f.reason)).toEqual(['Reply to Rosa']);
    await restoreTouch(db, undo, MONDAY + DAY);
    expect((await db.touches.toArray()).find((t) => t.type === 'email')?.answered).toBe(false);
    expect((await openFollowUps()).map((f) => f.reason)).toEqual([expect.stringMatching(/^Attempt 3 with Rosa/)]);
  });

  it('an email marked a give counts as one for give before ask', async () => {
    const { touch } = await recordTouch(db, { personId: rosa.id, type: 'email', loggedBy: 'automatic', at: MONDAY }, MONDAY);
    const { after } = await editTouch(db, touch.id, { intent: 'give', minutes: 20 }, MONDAY);
    expect(after).toMatchObject({ intent: 'give', minutes: 20 });
    expect((await editTouch(db, touch.id, { minutes: null, subject: '  ' }, MONDAY)).after).not.toHaveProperty('minutes');
  });

  it('deleted, their reply no longer answers anything; Undo gives back exactly what there was', async () => {
    await recordTouch(db, { personId: rosa.id, type: 'email', loggedBy: 'one-click', at: MONDAY }, MONDAY);
    const { touch: reply } = await recordTouch(db, { personId: rosa.id, type: 'inbound-message', loggedBy: 'automatic', at: MONDAY + DAY }, MONDAY + DAY);
    const before = await dump(db);
    const deleted = await deleteTouch(db, reply.id, MONDAY + 2 * DAY);
    expect((await db.touches.toArray()).map((t) => [t.type, t.answered])).toEqual([['email', false]]);
    await restoreTouch(db, deleted, MONDAY + 2 * DAY);
    const after = await dump(db);
    // The follow-ups were re-proposed (new ids, same step); every other row is as it was.
    const steps = (rows: unknown[]) => (rows as { status: string; reason: string; dueAt: number }[]).filter((f) => f.status === 'open').map((f) => [f.reason, f.dueAt]);
    expect(steps(after.followUps!)).toEqual(steps(before.followUps!));
    expect({ ...after, followUps: [] }).toEqual({ ...before, followUps: [] });
  });

  it('Undo of a delete gives back the snooze the rep had set on the next step, not a fresh proposal', async () => {
    await recordTouch(db, { personId: rosa.id, type: 'email', loggedBy: 'one-click', at: MONDAY }, MONDAY);
    const { touch, followUp } = await recordTouch(db, { personId: rosa.id, type: 'call', loggedBy: 'one-click', at: MONDAY + DAY }, MONDAY + DAY);
    const snoozed = await snoozeFollowUp(db, followUp!.id, { kind: 'week' }, MONDAY + DAY);
    const undo = await deleteTouch(db, touch.id, MONDAY + DAY);
    expect(await db.followUps.get(followUp!.id)).toMatchObject({ status: 'cancelled' });
    await restoreTouch(db, undo, MONDAY + DAY);
    const pending = (await db.followUps.toArray()).filter((f) => f.status === 'open' || f.status === 'snoozed');
    expect(pending).toEqual([expect.objectContaining({ id: followUp!.id, status: 'snoozed', dueAt: snoozed.dueAt })]);
  });

  it('the running totals stay what a rebuild from the touches gives', async () => {
    const { touch } = await recordTouch(db, { personId: rosa.id, type: 'email', loggedBy: 'one-click', at: MONDAY }, MONDAY);
    await editTouch(db, touch.id, { at: MONDAY - 40 * DAY, intent: 'ask' }, MONDAY);
    const rebuilt = new GroundworkDB(`rebuild-${Math.random()}`);
    await rebuilt.touches.bulkAdd(await db.touches.toArray());
    expect(await db.tallies.toArray()).toEqual(await rebuilt.tallies.toArray());
    expect(await db.firstTouches.toArray()).toEqual(await rebuilt.firstTouches.toArray());
    await rebuilt.delete();
  });

  it('refuses a touch in the future, and a type or time that is no touch, changing nothing', async () => {
    const { touch } = await recordTouch(db, { personId: rosa.id, type: 'email', loggedBy: 'one-click', at: MONDAY }, MONDAY);
    const before = await dump(db);
    await expect(editTouch(db, touch.id, { at: MONDAY + 2 * DAY }, MONDAY)).rejects.toThrow(/cannot be in the future/);
    await expect(editTouch(db, touch.id, { at: 8_640_000_000_000_001 }, MONDAY)).rejects.toThrow();
    await expect(editTouch(db, touch.id, { type: 'carrier-pigeon' as never }, MONDAY)).rejects.toThrow();
    await expect(editTouch(db, 'gone', { at: MONDAY }, MONDAY)).rejects.toThrow(/no longer there/);
    expect(await dump(db)).toEqual(before);
  });
});

describe('what an edit changes, field by field', () => {
  const logged = () => recordTouch(db, { personId: rosa.id, type: 'call', loggedBy: 'manual', at: MONDAY, subject: 'Line speed', note: 'Asked about the fair', minutes: 20 }, MONDAY).then((r) => r.touch);

  it('minutes set, then cleared with null; left alone when not given', async () => {
    const touch = await logged();
    expect((await editTouch(db, touch.id, { minutes: 45 }, MONDAY)).after.minutes).toBe(45);
    expect((await editTouch(db, touch.id, { freeAdvice: true }, MONDAY)).after.minutes).toBe(45);
    expect((await editTouch(db, touch.id, { minutes: null }, MONDAY)).after).not.toHaveProperty('minutes');
  });

  it('subject and note trimmed; blank ones removed, not kept empty', async () => {
    const touch = await logged();
    expect((await editTouch(db, touch.id, { subject: '  Line speed study ', note: ' Call back Tuesday ' }, MONDAY)).after).toMatchObject({ subject: 'Line speed study', note: 'Call back Tuesday' });
    const { after } = await editTouch(db, touch.id, { subject: '   ', note: '' }, MONDAY);
    expect(after).not.toHaveProperty('subject');
    expect(after).not.toHaveProperty('note');
  });

  it('“they reached out” set, unset, and left to Groundwork with null', async () => {
    const touch = (await recordTouch(db, { personId: rosa.id, type: 'inbound-message', direction: 'inbound', loggedBy: 'manual', at: MONDAY }, MONDAY)).touch;
    expect((await editTouch(db, touch.id, { reachedOut: false }, MONDAY)).after.reachedOut).toBe(false);
    expect((await editTouch(db, touch.id, { subject: 'Help' }, MONDAY)).after.reachedOut).toBe(false);
    expect((await editTouch(db, touch.id, { reachedOut: null }, MONDAY)).after).not.toHaveProperty('reachedOut');
  });

  it('a time a minute ahead of the clock is allowed; more is refused', async () => {
    const touch = await logged();
    expect((await editTouch(db, touch.id, { at: MONDAY + DAY + 60_000 }, MONDAY + DAY)).after.at).toBe(MONDAY + DAY + 60_000);
    await expect(editTouch(db, touch.id, { at: MONDAY + DAY + 60_001 }, MONDAY + DAY)).rejects.toThrow('A touch cannot be in the future');
    expect(() => assertNotFuture(Number.NaN, MONDAY)).toThrow('A touch cannot be in the future');
  });

  it('a touch no longer there can be neither edited nor deleted', async () => {
    await expect(editTouch(db, 'gone', { minutes: 5 }, MONDAY)).rejects.toThrow('This touch is no longer there');
    await expect(deleteTouch(db, 'gone', MONDAY)).rejects.toThrow('This touch is no longer there');
  });

  it('a touch whose person is gone cannot come back', async () => {
    const touch = await logged();
    const undo = await deleteTouch(db, touch.id, MONDAY);
    await db.people.delete(rosa.id);
    await expect(restoreTouch(db, undo, MONDAY)).rejects.toThrow('Their record is gone: the touch cannot come back');
  });
});

describe('Done, then “it was a call”', () => {
  it('the touch Done recorded changes type and intent; Undo of Done takes back both', async () => {
    const { followUp } = await recordTouch(db, { personId: rosa.id, type: 'email', loggedBy: 'manual', at: MONDAY }, MONDAY);
    const done = await completeFollowUp(db, followUp!.id, { type: 'personal-note' }, MONDAY + DAY);
    expect(done.touch).toMatchObject({ type: 'personal-note', intent: 'give' });
    const undo = await retypeDone(db, done.undo, 'call', MONDAY + DAY);
    expect(await db.touches.get(done.touch!.id)).toMatchObject({ type: 'call', intent: 'neutral' });
    const twice = await retypeDone(db, undo, 'meeting-request', MONDAY + DAY);
    expect(twice.retyped).toHaveLength(2);
    await undoDone(db, twice, MONDAY + DAY);
    expect(await db.touches.get(done.touch!.id)).toBeUndefined();
    expect(await db.followUps.get(followUp!.id)).toMatchObject({ status: 'open' });
  });

  it('“Done, nothing to log” has nothing to retype', async () => {
    const { followUp } = await recordTouch(db, { personId: rosa.id, type: 'email', loggedBy: 'manual', at: MONDAY }, MONDAY);
    const done = await completeFollowUp(db, followUp!.id, { nothing: true }, MONDAY + DAY);
    await expect(retypeDone(db, done.undo, 'call', MONDAY + DAY)).rejects.toThrow('Nothing was logged to change');
  });
});
