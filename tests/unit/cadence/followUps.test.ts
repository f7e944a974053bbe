import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  afterHistoriesChanged,
  afterTouchesChanged,
  cancelFollowUp,
  completeFollowUp,
  decideOnReturn,
  recordTouch,
  rescheduleFollowUp,
  snoozeAllDue,
  snoozeFollowUp,
  undoDone,
} from '../../../lib/cadence/followUps';
import type { GroundworkDB } from '../../../lib/db/db';
import { addFollowUp, followUpsDueBefore } from '../../../lib/db/followUps';
import { upsertSeenPerson } from '../../../lib/db/people';
import { saveSettings } from '../../../lib/db/settings';
import { Settings, type Person } from '../../../lib/model';
import { freshDb } from '../../support/db';
import { touch } from './support';

const DAY = 86_400_000;
const MONDAY = Date.UTC(2026, 10, 2, 10, 0);
const iso = (t: number) => new Date(t).toISOString();

let db: GroundworkDB;
let owner: Person;
beforeEach(async () => {
  db = freshDb();
  await saveSettings(db, Settings.parse({ workWeek: { timeZone: 'UTC' } }));
  ({ person: owner } = await upsertSeenPerson(db, { name: 'Rosa García', emails: ['rosa@garcia-tooling.example'], source: 'email' }, MONDAY));
});
afterEach(async () => {
  await db.delete();
});

const pending = () => db.followUps.filter((f) => f.status === 'open' || f.status === 'snoozed').toArray();

describe('recording a touch', () => {
  it('a touch already logged under its source key is returned as it was, not logged again', async () => {
    const input = { personId: owner.id, type: 'email', loggedBy: 'automatic', at: MONDAY, sourceKey: 'msg-1' } as const;
    const first = await recordTouch(db, input, MONDAY);
    const again = await recordTouch(db, input, MONDAY + DAY);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, touch: { id: first.touch.id } });
    expect(await db.touches.count()).toBe(1);
  });

  it('for nobody saved, it refuses and writes nothing', async () => {
    await expect(recordTouch(db, { personId: 'p-nobody', type: 'email', loggedBy: 'one-click' }, MONDAY)).rejects.toThrow('No person with id p-nobody');
    expect(await db.touches.count()).toBe(0);
    expect(await db.followUps.count()).toBe(0);
  });
});

describe('after every touch, the next follow-up is proposed', () => {
  it('an outbound touch proposes the next attempt; the next touch replaces it, never piles up', async () => {
    const first = await recordTouch(db, { personId: owner.id, type: 'email', loggedBy: 'one-click', at: MONDAY }, MONDAY);
    expect(first.followUp).toMatchObject({ origin: 'cadence', status: 'open' });
    expect(iso(first.followUp!.dueAt)).toBe('2026-11-05T09:00:00.000Z');
    await recordTouch(db, { personId: owner.id, type: 'call', loggedBy: 'manual', at: MONDAY + 3 * DAY }, MONDAY + 3 * DAY);
    const open = await pending();
    expect(open).toHaveLength(1);
    expect(open[0]!.reason).toMatch(/^Attempt 3 with Rosa/);
    expect(await db.followUps.where('[status+dueAt]').between(['cancelled', 0], ['cancelled', Infinity]).count()).toBe(1);
  });

  it('re-evaluating without a change keeps the same follow-up', async () => {
    const { followUp } = await recordTouch(db, { personId: owner.id, type: 'email', loggedBy: 'one-click', at: MONDAY }, MONDAY);
    const again = await afterTouchesChanged(db, owner.id, MONDAY + 1000);
    expect(again.followUp?.id).toBe(followUp?.id);
    expect(await db.followUps.count()).toBe(1);
  });

  it('Done logs the suggested touch as done (never a touch named after the task) and schedules the next', async () => {
    const { followUp } = await recordTouch(db, { personId: owner.id, type: 'email', loggedBy: 'one-click', at: MONDAY }, MONDAY);
    const done = await completeFollowUp(db, followUp!.id, {}, MONDAY + 3 * DAY);
    expect(await db.followUps.get(followUp!.id)).toMatchObject({ status: 'done', completedAt: MONDAY + 3 * DAY, outcome: 'touch', touchId: done.touch!.id });
    const touches = await db.touches.orderBy('at').toArray();
    expect(touches.map((t) => [t.type, t.direction, t.loggedBy, t.subject])).toEqual([
      ['email', 'outbound', 'one-click', undefined],
      [followUp!.suggestedType, 'outbound', 'one-click', undefined],
    ]);
    expect(done.followUp).toMatchObject({ status: 'open' });
    expect(done.followUp!.dueAt).toBeGreaterThan(MONDAY + 3 * DAY);
    await expect(completeFollowUp(db, followUp!.id)).rejects.toThrow('This follow-up is already done');
  });

  it('Done with another type records that type; "Done, nothing to log" records nothing and comes round later, not at once', async () => {
    const { followUp } = await recordTouch(db, { personId: owner.id, type: 'email', loggedBy: 'one-click', at: MONDAY }, MONDAY);
    const called = await completeFollowUp(db, followUp!.id, { type: 'call' }, MONDAY + 3 * DAY);
    expect(called.touch).toMatchObject({ type: 'call', at: MONDAY + 3 * DAY });

    const next = called.followUp!;
    const handledAt = next.dueAt + DAY;
    const nothing = await completeFollowUp(db, next.id, { nothing: true }, handledAt);
    expect(nothing.touch).toBeUndefined();
    expect(await db.touches.count()).toBe(2);
    expect(await db.followUps.get(next.id)).toMatchObject({ status: 'done', outcome: 'nothing' });
    // The same step again, an attempt interval after it was handled, and it stays so on re-evaluation.
    expect(nothing.followUp).toMatchObject({ status: 'open', reason: next.reason });
    expect(nothing.followUp!.dueAt).toBeGreaterThan(handledAt);
    const again = await afterTouchesChanged(db, owner.id, handledAt + DAY);
    expect(again.followUp?.id).toBe(nothing.followUp!.id);
  });

  it('Undo of Done removes the touch it recorded and gives back the follow-ups as they were', async () => {
    const { followUp } = await recordTouch(db, { personId: owner.id, type: 'email', loggedBy: 'one-click', at: MONDAY }, MONDAY);
    const before = { touches: await db.touches.toArray(), followUps: await db.followUps.toArray(), people: await db.people.toArray() };
    const done = await completeFollowUp(db, followUp!.id, {}, MONDAY + 3 * DAY);
    await undoDone(db, done.undo);
    expect({ touches: await db.touches.toArray(), followUps: await db.followUps.toArray(), people: await db.people.toArray() }).toEqual(before);
  });

  it('Undo of Done takes back only what Done did: a snooze, a touch and a stage the rep set since stand', async () => {
    const pricing = await addFollowUp(db, { personId: owner.id, dueAt: MONDAY + 2 * DAY, reason: 'Send the pricing sheet', suggestedType: 'email', origin: 'manual' }, MONDAY);
    const call = await addFollowUp(db, { personId: owner.id, dueAt: MONDAY + 2 * DAY, reason: 'Call about the pilot', suggestedType: 'call', origin: 'manual' }, MONDAY);
    const done = await completeFollowUp(db, pricing.id, {}, MONDAY + 2 * DAY);
    // Between Done and Undo, the rep snoozes the other follow-up, logs a call and sets the stage.
    const snoozed = await snoozeFollowUp(db, call.id, { kind: 'week' }, MONDAY + 2 * DAY);
    await recordTouch(db, { personId: owner.id, type: 'linkedin-message', loggedBy: 'one-click', at: MONDAY + 2 * DAY + 60_000 }, MONDAY + 2 * DAY + 60_000);
    await db.people.update(owner.id, { stage: 'engaged' });
    await undoDone(db, done.undo, MONDAY + 3 * DAY);

    expect(await db.followUps.get(pricing.id)).toMatchObject({ status: 'open', dueAt: MONDAY + 2 * DAY });
    expect(await db.followUps.get(call.id)).toMatchObject({ status: 'snoozed', dueAt: snoozed.dueAt });
    expect((await db.touches.toArray()).map((t) => t.type)).toEqual(['linkedin-message']);
    expect((await db.people.get(owner.id))!.stage).toBe('engaged');
  });

  it('a snooze stands when the cadence looks again (a new day, another touch elsewhere)', async () => {
    const { followUp } = await recordTouch(db, { personId: owner.id, type: 'email', loggedBy: 'one-click', at: MONDAY }, MONDAY);
    const snoozed = await snoozeFollowUp(db, followUp!.id, { kind: 'week' }, MONDAY + DAY);
    const again = await afterTouchesChanged(db, owner.id, MONDAY + 2 * DAY);
    expect(again.followUp).toMatchObject({ id: followUp!.id, status: 'snoozed', dueAt: snoozed.dueAt });
  });

  it('snoozes respect weekends: 1 day from Friday is Monday; a week is a week; all due can be snoozed at once', async () => {
    const friday = Date.parse('2026-11-06T15:00:00Z');
    const due = () => addFollowUp(db, { personId: owner.id, dueAt: friday - 1000, reason: 'A', suggestedType: 'call', origin: 'manual' }, friday);
    expect(iso((await snoozeFollowUp(db, (await due()).id, { kind: 'days', workingDays: 1 }, friday)).dueAt)).toBe('2026-11-09T09:00:00.000Z');
    expect(iso((await snoozeFollowUp(db, (await due()).id, { kind: 'days', workingDays: 3 }, friday)).dueAt)).toBe('2026-11-11T09:00:00.000Z');
    expect(iso((await snoozeFollowUp(db, (await due()).id, { kind: 'week' }, friday)).dueAt)).toBe('2026-11-13T09:00:00.000Z');
    const a = await due();
    expect(iso((await snoozeFollowUp(db, a.id, { kind: 'until', at: Date.parse('2026-11-21T12:00:00Z') }, friday)).dueAt)).toBe('2026-11-23T09:00:00.000Z');
    await expect(snoozeFollowUp(db, a.id, { kind: 'until', at: friday - DAY }, friday)).rejects.toThrow('Choose a time in the future');
    // Snoozed again: from when it is now due, never earlier.
    expect(iso((await snoozeFollowUp(db, a.id, { kind: 'days', workingDays: 1 }, friday)).dueAt)).toBe('2026-11-24T09:00:00.000Z');
    await expect(snoozeFollowUp(db, a.id, { kind: 'until', at: Date.parse('2026-11-16T12:00:00Z') }, friday)).rejects.toThrow(/reschedule it/);

    const b = await addFollowUp(db, { personId: owner.id, dueAt: friday - 2000, reason: 'B', suggestedType: 'email', origin: 'manual' }, friday);
    const c = await addFollowUp(db, { personId: owner.id, dueAt: friday - 3000, reason: 'C', suggestedType: 'email', origin: 'manual' }, friday);
    expect(await snoozeAllDue(db, friday + 1, 1, friday)).toBe(2);
    expect(await followUpsDueBefore(db, friday + 1)).toEqual([]);
    expect((await db.followUps.bulkGet([b.id, c.id])).map((f) => iso(f!.dueAt))).toEqual(['2026-11-09T09:00:00.000Z', '2026-11-09T09:00:00.000Z']);
  });

  it('snoozing a follow-up due in nine days by a day makes it due in ten, not tomorrow', async () => {
    const inNine = await addFollowUp(db, { personId: owner.id, dueAt: Date.parse('2026-11-13T09:00:00Z'), reason: 'Later', suggestedType: 'call', origin: 'manual' }, MONDAY);
    expect(iso((await snoozeFollowUp(db, inNine.id, { kind: 'days', workingDays: 1 }, MONDAY)).dueAt)).toBe('2026-11-16T09:00:00.000Z');
  });

  it('the rep can cancel, reschedule (the cadence then steps aside), or set one by hand', async () => {
    const { followUp } = await recordTouch(db, { personId: owner.id, type: 'email', loggedBy: 'one-click', at: MONDAY }, MONDAY);
    const moved = await rescheduleFollowUp(db, followUp!.id, MONDAY + 10 * DAY, MONDAY);
    expect(moved).toMatchObject({ origin: 'manual', dueAt: MONDAY + 10 * DAY });
    await recordTouch(db, { personId: owner.id, type: 'linkedin-message', loggedBy: 'manual', at: MONDAY + DAY }, MONDAY + DAY);
    expect((await pending()).map((f) => f.id)).toEqual([followUp!.id]);
    await cancelFollowUp(db, followUp!.id, MONDAY + DAY);
    expect(await pending()).toEqual([]);
  });
});

describe('crisis-mode brain-pickers in the database', () => {
  async function seedsStory(attempts: number) {
    await recordTouch(db, { personId: owner.id, type: 'inbound-message', loggedBy: 'automatic', at: MONDAY, subject: 'Line down, can you help?' }, MONDAY);
    await recordTouch(db, { personId: owner.id, type: 'call', loggedBy: 'manual', at: MONDAY + DAY, minutes: 30, freeAdvice: true }, MONDAY + DAY);
    const kinds = ['email', 'voicemail', 'linkedin-message'] as const;
    let last;
    for (let i = 0; i < attempts; i++) {
      const at = MONDAY + (3 + 2 * i) * DAY;
      last = await recordTouch(db, { personId: owner.id, type: kinds[i % 3]!, loggedBy: 'manual', at }, at);
    }
    return last!;
  }

  it('flags at the sixth attempt: back-burner, remembered, one long check-in left', async () => {
    const fifth = await seedsStory(5);
    expect(fifth.newlyFlagged).toBe(false);
    const sixth = await recordTouch(db, { personId: owner.id, type: 'email', loggedBy: 'manual', at: MONDAY + 13 * DAY }, MONDAY + 13 * DAY);
    expect(sixth.newlyFlagged).toBe(true);
    const person = (await db.people.get(owner.id))!;
    expect(person).toMatchObject({ stage: 'back-burner', flags: ['brain-picker'] });
    expect(person.brainPicker).toMatchObject({ episodes: 1, reachedOutAt: MONDAY, attempts: 6, adviceMinutes: 30, previousStage: 'target' });
    const open = await pending();
    expect(open).toHaveLength(1);
    expect(open[0]!.reason).toBe('Back-burner check-in with Rosa');
    expect(open[0]!.dueAt - MONDAY - 13 * DAY).toBeGreaterThan(60 * DAY);
  });

  it('when they reach out again, the rep chooses; episodes are counted', async () => {
    await seedsStory(6);
    const back = MONDAY + 60 * DAY;
    await recordTouch(db, { personId: owner.id, type: 'inbound-message', loggedBy: 'automatic', at: back, subject: 'Another emergency…' }, back);
    expect((await db.people.get(owner.id))!.brainPicker).toMatchObject({ returnedAt: back });

    await decideOnReturn(db, owner.id, 'kept', back);
    expect((await db.people.get(owner.id))!).toMatchObject({ stage: 'back-burner', brainPicker: { decision: 'kept' } });
    expect((await db.people.get(owner.id))!.brainPicker?.returnedAt).toBeUndefined();

    await decideOnReturn(db, owner.id, 're-engaged', back);
    expect((await db.people.get(owner.id))!).toMatchObject({ stage: 'target', flags: [], brainPicker: { episodes: 1, decision: 're-engaged' } });

    // …and they go silent again through six attempts: a second episode.
    for (let i = 0; i < 6; i++) {
      const at = back + (1 + 2 * i) * DAY;
      await recordTouch(db, { personId: owner.id, type: 'email', loggedBy: 'manual', at }, at);
    }
    expect((await db.people.get(owner.id))!).toMatchObject({ stage: 'back-burner', brainPicker: { episodes: 2 } });
  });
});

describe('many histories changed at once (a merged backup)', () => {
  /** Four people as a merge can leave them: touches in, their follow-ups not yet recomputed. */
  async function histories(target: GroundworkDB) {
    await saveSettings(target, Settings.parse({ workWeek: { timeZone: 'UTC' } }));
    const person = (id: string, name: string) => ({ id, name, emails: [], source: 'email' as const, stage: 'target' as const, flags: [], tags: [], owner: 'rep' as const, createdAt: MONDAY, updatedAt: MONDAY });
    await target.people.bulkAdd([person('a', 'Ada Quist'), person('b', 'Bram Oduya'), person('c', 'Cleo Vance'), person('d', 'Dov Arkin')]);
    const advice = ['email', 'voicemail', 'linkedin-message', 'email', 'voicemail', 'linkedin-message'] as const;
    await target.touches.bulkAdd([
      // Two attempts; a stale "Attempt 2" still open.
      touch('email', MONDAY, { personId: 'a' }),
      touch('call', MONDAY + 3 * DAY, { personId: 'a' }),
      // Their reply after an attempt; the rep set a follow-up by hand.
      touch('email', MONDAY, { personId: 'b' }),
      touch('inbound-message', MONDAY + DAY, { personId: 'b' }),
      // The seeds' story: a crisis call, free advice, then six unanswered attempts.
      touch('inbound-message', MONDAY, { personId: 'c' }),
      touch('call', MONDAY + DAY, { personId: 'c', minutes: 30, freeAdvice: true, direction: 'outbound', intent: 'give' }),
      ...advice.map((type, i) => touch(type, MONDAY + (3 + 2 * i) * DAY, { personId: 'c' })),
    ]);
    await target.followUps.bulkAdd([
      { id: 'f-a', personId: 'a', dueAt: MONDAY + DAY, reason: 'Attempt 2 with Ada: try a call', suggestedType: 'call', status: 'open', origin: 'cadence', createdAt: MONDAY, updatedAt: MONDAY },
      { id: 'f-b', personId: 'b', dueAt: MONDAY + 9 * DAY, reason: 'Send the pricing', suggestedType: 'email', status: 'open', origin: 'manual', createdAt: MONDAY, updatedAt: MONDAY },
    ]);
  }
  const state = async (target: GroundworkDB) => ({
    people: await target.people.orderBy('id').toArray(),
    followUps: (await target.followUps.toArray()).map(({ id, ...f }) => ({ ...f, id: id.startsWith('f-') ? id : 'new' })).sort((x, y) => `${x.personId}${x.id}${x.status}`.localeCompare(`${y.personId}${y.id}${y.status}`)),
  });

  it('ends as one person at a time would, in batches', async () => {
    const now = MONDAY + 20 * DAY;
    const one = freshDb();
    const many = freshDb();
    await Promise.all([histories(one), histories(many)]);
    for (const id of ['a', 'b', 'c', 'd']) await afterTouchesChanged(one, id, now);
    await afterHistoriesChanged(many, ['a', 'b', 'c', 'd'], now, 3);
    const expected = await state(one);
    expect(await state(many)).toEqual(expected);
    // And the cases are the ones meant: a next attempt, the rep's own step kept, a flag, nothing.
    const open = expected.followUps.filter((f) => f.status === 'open').map((f) => [f.personId, f.reason]);
    expect(open).toEqual([
      ['a', expect.stringMatching(/^Attempt 3 with Ada/)],
      ['b', 'Send the pricing'],
      ['c', 'Back-burner check-in with Cleo'],
    ]);
    expect(expected.people.find((p) => p.id === 'c')?.flags).toEqual(['brain-picker']);
    await Promise.all([one.delete(), many.delete()]);
  });
});

describe('many histories changed at once: who is looked at, and which attempts their messages answer', () => {
  it('someone no longer saved is passed over; the others are looked at', async () => {
    await db.touches.add(touch('email', MONDAY, { personId: owner.id }));
    await afterHistoriesChanged(db, ['nobody', owner.id], MONDAY + 1000);
    expect(await pending()).toEqual([expect.objectContaining({ personId: owner.id, reason: expect.stringMatching(/^Attempt 2 with Rosa/) })]);
  });

  it('their newest message answers every attempt up to it, one at the very same moment too, and none after it', async () => {
    const wrote = MONDAY + 2 * DAY;
    await db.touches.bulkAdd([
      touch('email', MONDAY, { id: 'before', personId: owner.id }),
      touch('call', wrote, { id: 'same-moment', personId: owner.id }),
      touch('inbound-message', wrote, { id: 'theirs', personId: owner.id }),
      touch('email', wrote + DAY, { id: 'after', personId: owner.id }),
    ]);
    await afterHistoriesChanged(db, [owner.id], wrote + 2 * DAY);
    const answered = Object.fromEntries((await db.touches.toArray()).map((t) => [t.id, t.answered]));
    expect(answered).toEqual({ before: true, 'same-moment': true, theirs: false, after: false });
  });

  it('someone who never wrote has no attempt answered', async () => {
    await db.touches.bulkAdd([touch('email', MONDAY, { personId: owner.id }), touch('call', MONDAY + DAY, { personId: owner.id })]);
    await afterHistoriesChanged(db, [owner.id], MONDAY + 2 * DAY);
    expect((await db.touches.toArray()).map((t) => t.answered)).toEqual([false, false]);
  });
});

describe('Undo of Done, late', () => {
  it('pressed again after the follow-up was snoozed, the snooze stands', async () => {
    const { followUp } = await recordTouch(db, { personId: owner.id, type: 'email', loggedBy: 'one-click', at: MONDAY }, MONDAY);
    const done = await completeFollowUp(db, followUp!.id, {}, MONDAY + 3 * DAY);
    await undoDone(db, done.undo, MONDAY + 3 * DAY);
    const snoozed = await snoozeFollowUp(db, followUp!.id, { kind: 'week' }, MONDAY + 3 * DAY);
    await undoDone(db, done.undo, MONDAY + 3 * DAY);
    expect(await db.followUps.get(followUp!.id)).toEqual(snoozed);
  });

  it('after the follow-up itself is gone (a backup restored in between), it does not come back', async () => {
    const { followUp } = await recordTouch(db, { personId: owner.id, type: 'email', loggedBy: 'one-click', at: MONDAY }, MONDAY);
    const done = await completeFollowUp(db, followUp!.id, {}, MONDAY + 3 * DAY);
    await db.followUps.delete(followUp!.id);
    await undoDone(db, done.undo, MONDAY + 3 * DAY);
    expect(await db.followUps.get(followUp!.id)).toBeUndefined();
    expect((await db.touches.toArray()).map((t) => t.type)).toEqual(['email']);
  });
});

describe('Undo of “Done, nothing to log”', () => {
  it('opens the follow-up again; every touch stays', async () => {
    const { followUp } = await recordTouch(db, { personId: owner.id, type: 'email', loggedBy: 'one-click', at: MONDAY }, MONDAY);
    const touches = await db.touches.toArray();
    const done = await completeFollowUp(db, followUp!.id, { nothing: true }, MONDAY + 3 * DAY);
    await undoDone(db, done.undo, MONDAY + 3 * DAY);
    expect(await db.followUps.get(followUp!.id)).toEqual(followUp);
    expect(await db.touches.toArray()).toEqual(touches);
  });
});
