import Dexie, { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroundworkDB } from '../../../lib/db/db';
import { prefetchTouchFigures, quarterOf, rebuildTouchFigures, TALLY_SPAN } from '../../../lib/db/touchFigures';
import type { Touch } from '../../../lib/model';
import { createDatabaseAtVersion, DAY, freshDb, HOUR, T0 } from '../../support/db';

let db: GroundworkDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

let n = 0;
const touch = (fields: Partial<Touch> & Pick<Touch, 'personId' | 'at'>): Touch => ({
  id: `t-${++n}`,
  type: 'email',
  direction: 'outbound',
  intent: 'neutral',
  answered: false,
  freeAdvice: false,
  loggedBy: 'manual',
  createdAt: fields.at,
  ...fields,
});

/** What the figures must be: recomputed from scratch in a second database with the same touches. */
async function expectFiguresMatchTouches() {
  const maintained = { tallies: await db.tallies.orderBy('at').toArray(), firstTouches: await db.firstTouches.orderBy('personId').toArray() };
  await db.transaction('rw', [db.touches, db.tallies, db.firstTouches], () => rebuildTouchFigures(db));
  const rebuilt = { tallies: await db.tallies.orderBy('at').toArray(), firstTouches: await db.firstTouches.orderBy('personId').toArray() };
  expect(maintained).toEqual(rebuilt);
  return maintained;
}

describe('touch figures (running totals kept on every write to touches)', () => {
  it('tallies gives, asks and free advice per quarter hour, outbound only', async () => {
    await db.touches.bulkAdd([
      touch({ personId: 'p1', at: T0, type: 'personal-note', intent: 'give' }),
      touch({ personId: 'p1', at: T0 + 5 * 60_000, type: 'proposal', intent: 'ask' }),
      touch({ personId: 'p2', at: T0 + 10 * 60_000, type: 'call', intent: 'give', minutes: 40, freeAdvice: true }),
      // An inbound "give" is the prospect's, not the rep's.
      touch({ personId: 'p2', at: T0 + 11 * 60_000, type: 'inbound-message', direction: 'inbound', intent: 'give' }),
      touch({ personId: 'p3', at: T0 + TALLY_SPAN, type: 'meeting', minutes: 30, freeAdvice: false }),
    ]);
    const { tallies } = await expectFiguresMatchTouches();
    expect(tallies).toEqual([
      { at: quarterOf(T0), touches: 4, gives: 2, asks: 1, adviceMinutes: 40 },
      { at: quarterOf(T0 + TALLY_SPAN), touches: 1, gives: 0, asks: 0, adviceMinutes: 0 },
    ]);
  });

  it('keeps each person’s first and last touch, first outbound, first give and first ask through adds, edits and deletes', async () => {
    const reply = touch({ personId: 'p1', at: T0, type: 'inbound-message', direction: 'inbound' });
    const answer = touch({ personId: 'p1', at: T0 + DAY });
    await db.touches.bulkAdd([reply, answer]);
    expect(await db.firstTouches.get('p1')).toEqual({ personId: 'p1', firstAt: T0, firstOutboundAt: T0 + DAY, lastAt: T0 + DAY });

    // An older touch, logged late, moves both firsts earlier.
    const earlier = touch({ personId: 'p1', at: T0 - DAY, intent: 'ask' });
    await db.touches.add(earlier);
    expect(await db.firstTouches.get('p1')).toEqual({ personId: 'p1', firstAt: T0 - DAY, firstOutboundAt: T0 - DAY, lastAt: T0 + DAY, firstAskAt: T0 - DAY });

    // Undo of that touch: the firsts go back to what is left.
    await db.touches.delete(earlier.id);
    expect(await db.firstTouches.get('p1')).toEqual({ personId: 'p1', firstAt: T0, firstOutboundAt: T0 + DAY, lastAt: T0 + DAY });

    // Marking a touch answered changes no figure; re-dating or retyping one does.
    await db.touches.update(answer.id, { answered: true });
    await db.touches.update(reply.id, { at: T0 + 2 * DAY });
    await db.touches.update(answer.id, { intent: 'give' });
    expect(await db.firstTouches.get('p1')).toEqual({ personId: 'p1', firstAt: T0 + DAY, firstOutboundAt: T0 + DAY, lastAt: T0 + 2 * DAY, firstGiveAt: T0 + DAY });

    // Deleting the latest touch brings the last touch back to the one before.
    await db.touches.delete(reply.id);
    expect(await db.firstTouches.get('p1')).toEqual({ personId: 'p1', firstAt: T0 + DAY, firstOutboundAt: T0 + DAY, lastAt: T0 + DAY, firstGiveAt: T0 + DAY });

    // Deleting all of a person's touches (as deleting the person does) removes their row.
    await db.touches.where('[personId+at]').between(['p1', Dexie.minKey], ['p1', Dexie.maxKey]).delete();
    expect(await db.firstTouches.get('p1')).toBeUndefined();
    expect(await db.tallies.count()).toBe(0);
  });

  it('stays equal to a rebuild through a mixed sequence of writes, failed ones included', async () => {
    const people = ['p1', 'p2', 'p3', 'p4'];
    const written: Touch[] = [];
    for (let i = 0; i < 60; i++) {
      const t = touch({ personId: people[i % 4]!, at: T0 + ((i * 7919) % 200) * HOUR, direction: i % 5 === 0 ? 'inbound' : 'outbound', intent: (['give', 'ask', 'neutral'] as const)[i % 3]!, minutes: i % 4 === 0 ? 15 : undefined, freeAdvice: i % 8 === 0, sourceKey: `k-${i % 50}` });
      written.push(t);
    }
    // Source keys are unique: ten of these fail, and the caller keeps the rest.
    await db.touches.bulkAdd(written).catch((error: unknown) => {
      if (!(error instanceof Dexie.BulkError)) throw error;
    });
    expect(await db.touches.count()).toBe(50);
    await expectFiguresMatchTouches();

    await db.touches.where('personId').equals('p2').modify((t) => void (t.intent = 'give'));
    await db.touches.bulkDelete(written.slice(0, 12).map((t) => t.id));
    await db.touches.bulkPut(written.slice(20, 30).map((t) => ({ ...t, at: t.at - 3 * DAY, personId: 'p4' })));
    await db.transaction('rw', db.touches, async () => {
      await db.touches.add(touch({ personId: 'p5', at: T0 }));
      await db.touches.where('id').between('t-', 't-4', true, false).delete();
    });
    await expectFiguresMatchTouches();

    // A transaction that fails leaves the figures as they were, with the touches.
    const before = await expectFiguresMatchTouches();
    await expect(
      db.transaction('rw', db.touches, async () => {
        await db.touches.add(touch({ personId: 'p6', at: T0, intent: 'give' }));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await expectFiguresMatchTouches()).toEqual(before);

    await db.touches.clear();
    expect(await db.tallies.count()).toBe(0);
    expect(await db.firstTouches.count()).toBe(0);
  });

  it('counts every touch written at once in one transaction (each change reads what the one before wrote)', async () => {
    // Two touches in one quarter hour, written together: both read the tally before either wrote it.
    await db.transaction('rw', db.touches, () =>
      Promise.all([db.touches.add(touch({ personId: 'p1', at: T0, intent: 'give' })), db.touches.add(touch({ personId: 'p1', at: T0 + 60_000, intent: 'ask' }))]),
    );
    const { tallies, firstTouches } = await expectFiguresMatchTouches();
    expect(tallies).toEqual([{ at: quarterOf(T0), touches: 2, gives: 1, asks: 1, adviceMinutes: 0 }]);
    expect(firstTouches).toEqual([{ personId: 'p1', firstAt: T0, firstOutboundAt: T0, lastAt: T0 + 60_000, firstGiveAt: T0, firstAskAt: T0 + 60_000 }]);
  });

  it('later touches of one transaction build on the stored rows of quarter hours it has not written yet', async () => {
    await db.touches.add(touch({ personId: 'p1', at: T0 }));
    await db.transaction('rw', db.touches, async () => {
      // The person's row is known after the first; the second's quarter hour is not.
      await db.touches.add(touch({ personId: 'p1', at: T0 + DAY }));
      await db.touches.add(touch({ personId: 'p1', at: T0 + 60_000, intent: 'give' }));
    });
    const { tallies } = await expectFiguresMatchTouches();
    expect(tallies.find((t) => t.at === quarterOf(T0))).toEqual({ at: quarterOf(T0), touches: 2, gives: 1, asks: 0, adviceMinutes: 0 });
  });

  it('figure rows read ahead of a write are never used once the transaction has changed them', async () => {
    await db.touches.add(touch({ personId: 'p1', at: T0 - DAY }));
    await db.transaction('rw', [db.touches, db.tallies, db.firstTouches], async () => {
      await prefetchTouchFigures(db, [{ personId: 'p1', at: T0 }]);
      await db.touches.add(touch({ personId: 'p1', at: T0 }));
      await db.touches.add(touch({ personId: 'p1', at: T0 + 60_000, intent: 'give' }));
    });
    expect((await expectFiguresMatchTouches()).tallies.find((t) => t.at === quarterOf(T0))).toEqual({ at: quarterOf(T0), touches: 2, gives: 1, asks: 0, adviceMinutes: 0 });

    // Figures left behind by writes that bypassed them (raw seeding) are rebuilt: rows read ahead
    // before the rebuild are not used after it.
    await Promise.all([db.tallies.clear(), db.firstTouches.clear()]);
    await db.transaction('rw', [db.touches, db.tallies, db.firstTouches], async () => {
      await prefetchTouchFigures(db, [{ personId: 'p1', at: T0 }]);
      await rebuildTouchFigures(db);
      await db.touches.add(touch({ personId: 'p1', at: T0 + 120_000 }));
    });
    expect((await expectFiguresMatchTouches()).tallies.find((t) => t.at === quarterOf(T0))).toEqual({ at: quarterOf(T0), touches: 3, gives: 1, asks: 0, adviceMinutes: 0 });

    // A row written directly while a read ahead of it was under way: the touch builds on what was written.
    await db.transaction('rw', [db.touches, db.tallies, db.firstTouches], async () => {
      await Promise.all([prefetchTouchFigures(db, [{ personId: 'p1', at: T0 + 2 * DAY }]), db.tallies.put({ at: quarterOf(T0 + 2 * DAY), touches: 4, gives: 0, asks: 0, adviceMinutes: 0 })]);
      await db.touches.add(touch({ personId: 'p1', at: T0 + 2 * DAY }));
    });
    expect(await db.tallies.get(quarterOf(T0 + 2 * DAY))).toEqual({ at: quarterOf(T0 + 2 * DAY), touches: 5, gives: 0, asks: 0, adviceMinutes: 0 });

    // Outside a read-write transaction it reads nothing and changes nothing.
    await expect(prefetchTouchFigures(db, [{ personId: 'p9', at: T0 }])).resolves.toBeUndefined();
  });

  it('a touch refused inside a transaction that goes on leaves the figures as they were', async () => {
    const logged = touch({ personId: 'p1', at: T0, sourceKey: 'msg-1' });
    await db.touches.add(logged);
    const before = await expectFiguresMatchTouches();
    await db.transaction('rw', db.touches, async () => {
      // The same message logged again: its source key is taken; the caller carries on.
      await expect(db.touches.add(touch({ personId: 'p2', at: T0 + DAY, intent: 'give', sourceKey: 'msg-1' }))).rejects.toThrow();
      // A touch that cannot be stored at all (no valid key) is refused before it is written.
      await expect(db.touches.add({ ...touch({ personId: 'p3', at: T0 + 2 * DAY }), id: {} as unknown as string })).rejects.toThrow();
    });
    expect(await db.touches.count()).toBe(1);
    expect(await expectFiguresMatchTouches()).toEqual(before);
  });

  it('a bulk write refused part way through keeps the figures of what it did write', async () => {
    const kept = touch({ personId: 'p1', at: T0, intent: 'give' });
    await db.transaction('rw', db.touches, async () => {
      // The first request is made before the second's key is refused; the caller carries on.
      await expect(db.touches.bulkAdd([kept, { ...touch({ personId: 'p2', at: T0 + DAY }), id: {} as unknown as string }])).rejects.toThrow();
    });
    expect(await db.touches.count()).toBe(1);
    expect((await expectFiguresMatchTouches()).tallies).toEqual([{ at: quarterOf(T0), touches: 1, gives: 1, asks: 0, adviceMinutes: 0 }]);
  });

  it('the same touch twice in one request counts once', async () => {
    const once = touch({ personId: 'p1', at: T0 });
    await db.touches.bulkPut([once, { ...once, intent: 'give' }]);
    expect((await expectFiguresMatchTouches()).tallies).toEqual([{ at: quarterOf(T0), touches: 1, gives: 1, asks: 0, adviceMinutes: 0 }]);
    await db.touches.add(touch({ personId: 'p1', at: T0 + 60_000 }));
    await db.touches.bulkDelete([once.id, once.id]);
    expect((await expectFiguresMatchTouches()).tallies).toEqual([{ at: quarterOf(T0), touches: 1, gives: 0, asks: 0, adviceMinutes: 0 }]);
  });

  it('live queries of the figures see a touch logged', async () => {
    const seen: number[] = [];
    let first!: () => void;
    const subscribed = new Promise<void>((resolve) => (first = resolve));
    const counted = new Promise<void>((resolve) => {
      const subscription = liveQuery(() => db.tallies.toArray()).subscribe((rows) => {
        seen.push(rows.reduce((sum, r) => sum + r.gives, 0));
        first();
        if (seen.includes(1)) {
          subscription.unsubscribe();
          resolve();
        }
      });
    });
    await subscribed;
    await db.touches.add(touch({ personId: 'p1', at: T0, intent: 'give' }));
    await counted;
    expect(seen).toEqual([0, 1]);
  });

  it('a database from before the figures gets them built from its touches when it opens', async () => {
    const name = `figures-upgrade-${Math.random()}`;
    await createDatabaseAtVersion(name, 5, {
      touches: [
        touch({ personId: 'p1', at: T0, intent: 'give' }),
        touch({ personId: 'p1', at: T0 + HOUR, intent: 'ask' }),
        touch({ personId: 'p2', at: T0 - DAY, direction: 'inbound' }),
      ],
    });
    const upgraded = new GroundworkDB(name);
    try {
      expect(await upgraded.tallies.orderBy('at').toArray()).toEqual([
        { at: quarterOf(T0 - DAY), touches: 1, gives: 0, asks: 0, adviceMinutes: 0 },
        { at: quarterOf(T0), touches: 1, gives: 1, asks: 0, adviceMinutes: 0 },
        { at: quarterOf(T0 + HOUR), touches: 1, gives: 0, asks: 1, adviceMinutes: 0 },
      ]);
      expect(await upgraded.firstTouches.orderBy('personId').toArray()).toEqual([
        { personId: 'p1', firstAt: T0, firstOutboundAt: T0, lastAt: T0 + HOUR, firstGiveAt: T0, firstAskAt: T0 + HOUR },
        { personId: 'p2', firstAt: T0 - DAY, lastAt: T0 - DAY },
      ]);
    } finally {
      await upgraded.delete();
    }
  });
});
