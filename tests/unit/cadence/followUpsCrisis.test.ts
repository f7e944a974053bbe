import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { afterTouchesChanged, clearGutCall, completeFollowUp, decideOnReturn, makeGutCall, recordTouch } from '../../../lib/cadence/followUps';
import type { GroundworkDB } from '../../../lib/db/db';
import { addFollowUp } from '../../../lib/db/followUps';
import { upsertSeenPerson } from '../../../lib/db/people';
import { saveSettings } from '../../../lib/db/settings';
import { Settings, type Person } from '../../../lib/model';
import { freshDb } from '../../support/db';
import { DAY, MONDAY } from './support';

/**
 * The crisis rule and the rep's calls as followUps.ts stores them (issue 17): who is flagged, when
 * a flag is raised again and when not, and what a gut call or its reversal leaves on the record.
 */

let db: GroundworkDB;
let rosa: Person;
beforeEach(async () => {
  db = freshDb();
  await saveSettings(db, Settings.parse({ workWeek: { days: [1, 2, 3, 4, 5], timeZone: 'UTC' } }));
  ({ person: rosa } = await upsertSeenPerson(db, { name: 'Rosa García', emails: ['rosa@garcia-tooling.example'], source: 'email' }, MONDAY - 30 * DAY));
});
afterEach(async () => {
  await db.delete();
});

const stored = async () => (await db.people.get(rosa.id))!;
const email = (at: number) => recordTouch(db, { personId: rosa.id, type: 'email', loggedBy: 'manual', at }, at);
const theirMessage = (at: number) => recordTouch(db, { personId: rosa.id, type: 'inbound-message', direction: 'inbound', loggedBy: 'automatic', at }, at);
const pending = async () => (await db.followUps.where('personId').equals(rosa.id).toArray()).filter((f) => f.status === 'open' || f.status === 'snoozed');
const handSet = (at: number) => addFollowUp(db, { personId: rosa.id, dueAt: at + 5 * DAY, reason: 'Send the retrofit quote', suggestedType: 'email', origin: 'manual' }, at);

/** She writes at `from`, then six emails a day apart go unanswered: flagged at the sixth (MONDAY: flagged at MONDAY + 6 days). */
async function flaggedByTheRule(from = MONDAY) {
  await theirMessage(from);
  let last;
  for (let i = 1; i <= 6; i++) last = await email(from + i * DAY);
  expect(last!.newlyFlagged).toBe(true);
  return stored();
}

describe('someone the rule flagged', () => {
  it('looked at again with nothing new: not flagged anew, the record untouched, a step the rep set since stands', async () => {
    const flagged = await flaggedByTheRule();
    const quote = await handSet(MONDAY + 7 * DAY);
    const again = await afterTouchesChanged(db, rosa.id, MONDAY + 8 * DAY);
    expect(again.newlyFlagged).toBe(false);
    expect(await stored()).toEqual(flagged);
    expect((await pending()).map((f) => f.id)).toContain(quote.id);
  });

  it('their message after the flag is a return to decide on, not a new flag: a step the rep set stands', async () => {
    await flaggedByTheRule();
    const quote = await handSet(MONDAY + 7 * DAY);
    const back = await theirMessage(MONDAY + 30 * DAY);
    expect(back.newlyFlagged).toBe(false);
    expect(back.person.brainPicker?.returnedAt).toBe(MONDAY + 30 * DAY);
    expect((await pending()).map((f) => f.id)).toContain(quote.id);
  });

  it('a return already asked about is not asked again: looking later leaves the record as it was', async () => {
    await flaggedByTheRule();
    await theirMessage(MONDAY + 30 * DAY);
    const asked = await stored();
    await afterTouchesChanged(db, rosa.id, MONDAY + 31 * DAY);
    expect(await stored()).toEqual(asked);
  });

  it('re-engaged by the rep before they wrote again: that episode does not flag them a second time', async () => {
    await flaggedByTheRule();
    await decideOnReturn(db, rosa.id, 're-engaged', MONDAY + 8 * DAY);
    const again = await afterTouchesChanged(db, rosa.id, MONDAY + 9 * DAY);
    expect(again.newlyFlagged).toBe(false);
    expect(await stored()).toMatchObject({ stage: 'target', flags: [], brainPicker: { episodes: 1, decision: 're-engaged' } });
  });
});

describe('“not a brain-picker”: a flag taken back', () => {
  it('the same episode does not flag them again, however many more attempts go unanswered; a step the rep set stands', async () => {
    await flaggedByTheRule();
    await clearGutCall(db, rosa.id, MONDAY + 6 * DAY);
    const quote = await handSet(MONDAY + 6 * DAY);
    for (let i = 7; i <= 12; i++) expect((await email(MONDAY + i * DAY)).newlyFlagged).toBe(false);
    expect(await stored()).toMatchObject({ stage: 'target', flags: [], brainPicker: { decision: 'cleared' } });
    expect((await pending()).map((f) => f.id)).toContain(quote.id);
  });

  it('a brain-picker call taken back: the episode it was made in does not flag them later either', async () => {
    await theirMessage(MONDAY);
    await email(MONDAY + DAY);
    await makeGutCall(db, rosa.id, 'brain-picker', MONDAY + DAY);
    await clearGutCall(db, rosa.id, MONDAY + DAY);
    // The rule would flag this episode at the 6th attempt, days after the call and its reversal.
    for (let i = 2; i <= 7; i++) expect((await email(MONDAY + i * DAY)).newlyFlagged).toBe(false);
    expect((await stored()).flags).toEqual([]);
  });

  it('when they reach out again and go silent, that new episode flags them: the second', async () => {
    await flaggedByTheRule();
    await clearGutCall(db, rosa.id, MONDAY + 6 * DAY);
    const later = MONDAY + 30 * DAY;
    const second = await flaggedByTheRule(later);
    expect(second).toMatchObject({ stage: 'back-burner', flags: ['brain-picker'], brainPicker: { episodes: 2, reachedOutAt: later, flaggedAt: later + 6 * DAY } });
  });
});

describe('gut calls and their reversal', () => {
  it('a back-burner call after a brain-picker episode remembers it without counting another', async () => {
    await makeGutCall(db, rosa.id, 'brain-picker', MONDAY);
    await clearGutCall(db, rosa.id, MONDAY + DAY);
    await makeGutCall(db, rosa.id, 'back-burner', MONDAY + 2 * DAY);
    expect((await stored()).brainPicker).toMatchObject({ episodes: 1, call: 'back-burner' });
  });

  it('an engaged prospect called and cleared is engaged again', async () => {
    await db.people.update(rosa.id, { stage: 'engaged' });
    await makeGutCall(db, rosa.id, 'brain-picker', MONDAY);
    expect((await stored()).brainPicker?.previousStage).toBe('engaged');
    await clearGutCall(db, rosa.id, MONDAY + DAY);
    expect(await stored()).toMatchObject({ stage: 'engaged', flags: [] });
  });

  it('clearing takes back only the brain-picker flag: do-not-contact stays', async () => {
    await db.people.update(rosa.id, { flags: ['do-not-contact'] });
    await makeGutCall(db, rosa.id, 'brain-picker', MONDAY);
    expect((await stored()).flags).toEqual(['do-not-contact', 'brain-picker']);
    await clearGutCall(db, rosa.id, MONDAY + DAY);
    expect((await stored()).flags).toEqual(['do-not-contact']);
  });

  it('re-engaging takes back only the brain-picker flag: do-not-contact stays', async () => {
    await db.people.update(rosa.id, { flags: ['do-not-contact'] });
    await makeGutCall(db, rosa.id, 'brain-picker', MONDAY);
    await decideOnReturn(db, rosa.id, 're-engaged', MONDAY + DAY);
    expect((await stored()).flags).toEqual(['do-not-contact']);
  });

  it('a call cancels what is pending, and leaves follow-ups already done as they were', async () => {
    const { followUp } = await email(MONDAY);
    await completeFollowUp(db, followUp!.id, { nothing: true }, MONDAY + DAY);
    const done = (await db.followUps.get(followUp!.id))!;
    const quote = await handSet(MONDAY + DAY);
    await makeGutCall(db, rosa.id, 'back-burner', MONDAY + 2 * DAY);
    expect(await db.followUps.get(followUp!.id)).toEqual(done);
    expect(await db.followUps.get(quote.id)).toMatchObject({ status: 'cancelled', updatedAt: MONDAY + 2 * DAY });
  });

  it.each<[Person['stage'], Person['stage']]>([
    ['back-burner', 'engaged'],
    ['opportunity', 'opportunity'],
    ['client', 'client'],
  ])('a record remembering %s before the call returns them to %s, cleared or re-engaged', async (previousStage, back) => {
    await makeGutCall(db, rosa.id, 'brain-picker', MONDAY);
    const flagged = await stored();
    const remembering = { ...flagged, brainPicker: { ...flagged.brainPicker!, previousStage } };
    await db.people.put(remembering);
    await clearGutCall(db, rosa.id, MONDAY + DAY);
    expect((await stored()).stage).toBe(back);
    await db.people.put(remembering);
    await decideOnReturn(db, rosa.id, 're-engaged', MONDAY + DAY);
    expect((await stored()).stage).toBe(back);
  });

  it('deciding on someone no longer saved is refused as not flagged', async () => {
    await expect(decideOnReturn(db, 'nobody', 'kept', MONDAY)).rejects.toThrow('This person is not flagged as a brain-picker');
  });
});
