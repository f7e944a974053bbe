import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import { addFollowUp, followUpsDueBefore } from '../../../lib/db/followUps';
import { upsertSeenPerson } from '../../../lib/db/people';
import { DAY, freshDb, HOUR, T0 } from '../../support/db';

let db: GroundworkDB;
let personId: string;
beforeEach(async () => {
  db = freshDb();
  personId = (await upsertSeenPerson(db, { name: 'Jane', linkedinUrl: 'https://www.linkedin.com/in/jane/', source: 'linkedin' }, T0)).person.id;
});
afterEach(async () => {
  await db.delete();
});

describe('followUpsDueBefore', () => {
  it('returns open and snoozed follow-ups due before the time, soonest first', async () => {
    const add = (dueAt: number, reason: string) =>
      addFollowUp(db, { personId, dueAt, reason, suggestedType: 'email', origin: 'manual' }, T0);
    const overdue = await add(T0 - 2 * DAY, 'overdue');
    const today = await add(T0 + 2 * HOUR, 'today');
    const snoozed = await add(T0 + HOUR, 'snoozed');
    await db.followUps.update(snoozed.id, { status: 'snoozed' });
    const done = await add(T0 - DAY, 'done');
    await db.followUps.update(done.id, { status: 'done' });
    const cancelled = await add(T0, 'cancelled');
    await db.followUps.update(cancelled.id, { status: 'cancelled' });
    await add(T0 + 3 * DAY, 'later');

    const due = await followUpsDueBefore(db, T0 + 12 * HOUR);
    expect(due.map((f) => f.reason)).toEqual(['overdue', 'snoozed', 'today']);
    expect(due.map((f) => f.id)).toEqual([overdue.id, snoozed.id, today.id]);
  });

  it('honours the limit', async () => {
    for (let i = 0; i < 5; i++) {
      await addFollowUp(db, { personId, dueAt: T0 + i, reason: `#${i}`, suggestedType: 'call', origin: 'cadence' }, T0);
    }
    expect((await followUpsDueBefore(db, T0 + DAY, { limit: 2 })).map((f) => f.reason)).toEqual(['#0', '#1']);
  });

  it('refuses a follow-up for an unknown person', async () => {
    await expect(
      addFollowUp(db, { personId: 'ghost', dueAt: T0, reason: 'x', suggestedType: 'call', origin: 'manual' }, T0),
    ).rejects.toThrow(/No person/);
    expect(await db.followUps.count()).toBe(0);
  });
});
