import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import { dueHead } from '../../../lib/db/dueFollowUps';
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

  it('dueHead counts every due follow-up but reads only the whole days that hold the first rows', async () => {
    const add = async (dueAt: number, reason: string, status: 'open' | 'snoozed' = 'open') => {
      const f = await addFollowUp(db, { personId, dueAt, reason, suggestedType: 'email', origin: 'manual' }, T0);
      if (status !== 'open') await db.followUps.update(f.id, { status });
    };
    // Three days overdue, then today; the second day spread over both statuses.
    await add(T0 - 3 * DAY, 'a1');
    await add(T0 - 2 * DAY, 'b1');
    await add(T0 - 2 * DAY + HOUR, 'b2', 'snoozed');
    await add(T0 - 2 * DAY + 2 * HOUR, 'b3');
    await add(T0 - 2 * DAY + 3 * HOUR, 'b4', 'snoozed');
    await add(T0 - DAY, 'c1');
    await add(T0 + HOUR, 'd1', 'snoozed');
    await add(T0 + 5 * DAY, 'later');
    const nextDay = (t: number) => t - ((t - (T0 - 3 * DAY)) % DAY) + DAY;

    const two = await dueHead(db, T0 + 12 * HOUR, 2, nextDay);
    expect(two.total).toBe(7);
    expect(two.head.map((f) => f.reason)).toEqual(['a1', 'b1', 'b2', 'b3', 'b4']);

    const all = await dueHead(db, T0 + 12 * HOUR, 15, nextDay);
    expect(all.head.map((f) => f.reason)).toEqual((await followUpsDueBefore(db, T0 + 12 * HOUR)).map((f) => f.reason));
    expect(await dueHead(db, T0 - 4 * DAY, 15, nextDay)).toEqual({ total: 0, head: [] });
  });
});
