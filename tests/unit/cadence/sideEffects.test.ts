import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingSideEffects, undoSideEffects } from '../../../lib/cadence/sideEffects';
import type { GroundworkDB } from '../../../lib/db/db';
import type { FollowUp, Person } from '../../../lib/model';
import { freshDb } from '../../support/db';
import { DAY, MONDAY } from './support';

/** What one change did beyond itself, and Undo giving back only that (issue 16). */

let db: GroundworkDB;
const rosa: Person = { id: 'p1', name: 'Rosa', emails: [], source: 'manual', stage: 'target', flags: [], tags: [], owner: 'rep', createdAt: MONDAY, updatedAt: MONDAY };
const followUp = (id: string, extra: Partial<FollowUp> = {}): FollowUp => ({
  id, personId: 'p1', dueAt: MONDAY + DAY, reason: 'Attempt 2 with Rosa', suggestedType: 'email', status: 'open', origin: 'cadence', createdAt: MONDAY, updatedAt: MONDAY, ...extra,
});
beforeEach(async () => {
  db = freshDb();
  await db.people.add(rosa);
  await db.followUps.add(followUp('f1'));
});
afterEach(async () => {
  await db.delete();
});

/** A change like the cadence makes: f1 cancelled, f2 proposed, the stage changed and a seniority set. */
const change = () =>
  recordingSideEffects(db, 'p1', async () => {
    await db.followUps.put(followUp('f1', { status: 'cancelled', updatedAt: MONDAY + 1 }));
    await db.followUps.add(followUp('f2', { createdAt: MONDAY + 1, updatedAt: MONDAY + 1 }));
    await db.people.put({ ...rosa, stage: 'back-burner', seniority: 'vp', updatedAt: MONDAY + 1 });
    return 'done';
  });

describe('recording what a change did', () => {
  it('the follow-ups it added and altered, and the person’s fields (bookkeeping aside)', async () => {
    const { result, effects } = await change();
    expect(result).toBe('done');
    expect(effects).toEqual({
      personId: 'p1',
      added: ['f2'],
      altered: [{ before: followUp('f1'), leftAt: MONDAY + 1 }],
      person: [
        { field: 'stage', before: 'target', after: 'back-burner' },
        { field: 'seniority', before: undefined, after: 'vp' },
      ],
    });
  });

  it('a change that did nothing records nothing', async () => {
    const { effects } = await recordingSideEffects(db, 'p1', async () => undefined);
    expect(effects).toEqual({ personId: 'p1', added: [], altered: [], person: [] });
  });

  it('a person who was not there, or is gone after, has no fields recorded', async () => {
    const { effects } = await recordingSideEffects(db, 'p1', () => db.people.delete('p1'));
    expect(effects.person).toEqual([]);
  });
});

describe('giving it back', () => {
  it('everything, when nothing changed since', async () => {
    const { effects } = await change();
    await undoSideEffects(db, effects, MONDAY + 2);
    expect(await db.followUps.toArray()).toEqual([followUp('f1')]);
    const after = (await db.people.get('p1'))!;
    expect(after).toMatchObject({ ...rosa, updatedAt: MONDAY + 2 });
    expect(after).not.toHaveProperty('seniority');
  });

  it('a follow-up changed since stays as it is now; the added one still goes', async () => {
    const { effects } = await change();
    await db.followUps.put(followUp('f1', { status: 'open', dueAt: MONDAY + 9 * DAY, origin: 'manual', updatedAt: MONDAY + 1.5 }));
    await undoSideEffects(db, effects, MONDAY + 2);
    expect(await db.followUps.toArray()).toEqual([followUp('f1', { dueAt: MONDAY + 9 * DAY, origin: 'manual', updatedAt: MONDAY + 1.5 })]);
  });

  it('a field the rep set since stays; the others come back', async () => {
    const { effects } = await change();
    await db.people.update('p1', { stage: 'engaged' });
    await undoSideEffects(db, effects, MONDAY + 2);
    const after = (await db.people.get('p1'))!;
    expect(after.stage).toBe('engaged');
    expect(after).not.toHaveProperty('seniority');
  });

  it('nothing to give back on the person: the record is not written', async () => {
    const { effects } = await change();
    await db.people.update('p1', { stage: 'engaged', seniority: 'director', updatedAt: MONDAY + 1.5 });
    await undoSideEffects(db, effects, MONDAY + 2);
    expect((await db.people.get('p1'))!.updatedAt).toBe(MONDAY + 1.5);
  });

  it('their record gone: the follow-ups still come back', async () => {
    const { effects } = await change();
    await db.people.delete('p1');
    await undoSideEffects(db, effects, MONDAY + 2);
    expect(await db.followUps.toArray()).toEqual([followUp('f1')]);
    expect(await db.people.get('p1')).toBeUndefined();
  });
});
