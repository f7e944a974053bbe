import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import { upsertSeenPerson } from '../../../lib/db/people';
import { historyWith, logTouch, timeline, touchesOfPerson, touchFor, writeTouch } from '../../../lib/db/touches';
import type { Person } from '../../../lib/model';
import { DAY, freshDb, HOUR, T0 } from '../../support/db';

let db: GroundworkDB;
let jane: Person;
beforeEach(async () => {
  db = freshDb();
  ({ person: jane } = await upsertSeenPerson(db, { name: 'Jane Doe', linkedinUrl: 'https://www.linkedin.com/in/jane/', source: 'linkedin' }, T0));
});
afterEach(async () => {
  await db.delete();
});

describe('logTouch', () => {
  it('derives direction and give/ask from the catalogue', async () => {
    const { touch: note } = await logTouch(db, { personId: jane.id, type: 'personal-note', loggedBy: 'manual' }, T0);
    expect(note).toMatchObject({ direction: 'outbound', intent: 'give', at: T0, answered: false, freeAdvice: false });
    const { touch: proposal } = await logTouch(db, { personId: jane.id, type: 'proposal', loggedBy: 'one-click' }, T0);
    expect(proposal.intent).toBe('ask');
    const { touch: reply } = await logTouch(db, { personId: jane.id, type: 'inbound-message', loggedBy: 'automatic' }, T0);
    expect(reply.direction).toBe('inbound');
  });

  it('logs a touch with a source key once, however often it is retried', async () => {
    const input = { personId: jane.id, type: 'email' as const, loggedBy: 'automatic' as const, sourceKey: 'gmail:msg:18c2f' };
    const first = await logTouch(db, input, T0);
    const second = await logTouch(db, input, T0 + HOUR);
    const [third, fourth] = await Promise.all([logTouch(db, input, T0 + 2 * HOUR), logTouch(db, input, T0 + 2 * HOUR)]);
    expect(first.created).toBe(true);
    expect([second.created, third!.created, fourth!.created]).toEqual([false, false, false]);
    expect(second.touch.id).toBe(first.touch.id);
    expect(await db.touches.count()).toBe(1);
  });

  it('touches without a source key are all kept', async () => {
    await logTouch(db, { personId: jane.id, type: 'call', loggedBy: 'manual' }, T0);
    await logTouch(db, { personId: jane.id, type: 'call', loggedBy: 'manual' }, T0);
    expect(await db.touches.count()).toBe(2);
  });

  it('an inbound touch marks earlier outbound attempts answered, not later ones', async () => {
    await logTouch(db, { personId: jane.id, type: 'email', loggedBy: 'manual', at: T0 }, T0);
    await logTouch(db, { personId: jane.id, type: 'voicemail', loggedBy: 'manual', at: T0 + DAY }, T0);
    await logTouch(db, { personId: jane.id, type: 'inbound-message', loggedBy: 'manual', at: T0 + 2 * DAY }, T0);
    await logTouch(db, { personId: jane.id, type: 'email', loggedBy: 'manual', at: T0 + 3 * DAY }, T0);
    const byTime = (await db.touches.orderBy('at').toArray()).map((t) => [t.type, t.answered]);
    expect(byTime).toEqual([
      ['email', true],
      ['voicemail', true],
      ['inbound-message', false],
      ['email', false],
    ]);
  });

  it('rejects a touch for an unknown person or with bad fields, writing nothing', async () => {
    await expect(logTouch(db, { personId: 'nobody', type: 'email', loggedBy: 'manual' })).rejects.toThrow(/No person/);
    await expect(logTouch(db, { personId: jane.id, type: 'call', loggedBy: 'manual', minutes: -5 })).rejects.toThrow();
    expect(await db.touches.count()).toBe(0);
  });
});

describe('timeline', () => {
  it('pages a person’s touches newest first, without gaps or repeats, ties included', async () => {
    const { person: john } = await upsertSeenPerson(db, { name: 'John Roe', linkedinUrl: 'https://www.linkedin.com/in/john/', source: 'linkedin' }, T0);
    // 45 touches, several sharing a timestamp, and some of another person's in between.
    for (let i = 0; i < 45; i++) {
      const at = T0 + Math.floor(i / 3) * HOUR;
      await logTouch(db, { personId: jane.id, type: 'email', loggedBy: 'manual', at, subject: `#${i}` }, T0);
      if (i % 10 === 0) await logTouch(db, { personId: john.id, type: 'call', loggedBy: 'manual', at }, T0);
    }
    const seen: string[] = [];
    let page = await timeline(db, jane.id, { limit: 20 });
    seen.push(...page.touches.map((t) => t.id));
    while (page.next) {
      page = await timeline(db, jane.id, { limit: 20, after: page.next });
      seen.push(...page.touches.map((t) => t.id));
    }
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
    const all = await db.touches.bulkGet(seen);
    expect(all.every((t) => t?.personId === jane.id)).toBe(true);
    const times = all.map((t) => t!.at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('an empty timeline has no next page', async () => {
    expect(await timeline(db, jane.id)).toEqual({ touches: [] });
  });
});

describe('a history with one more touch, as it reads back once written (historyWith)', () => {
  const readBack = () => touchesOfPerson(db, jane.id).toArray();

  it.each([
    ['an outbound touch, newest', 'personal-note', 3 * DAY],
    ['an outbound touch between two others', 'email', DAY + HOUR],
    ['an inbound message answering the attempts before it, not after', 'inbound-message', DAY + HOUR],
    ['an inbound message before everything', 'inbound-message', -DAY],
    ['a touch at the same time as another', 'call', DAY],
  ] as const)('%s', async (_label, type, offset) => {
    for (const [kind, at] of [['email', 0], ['personal-note', DAY], ['call', 2 * DAY]] as const) await logTouch(db, { personId: jane.id, type: kind, at: T0 + at, loggedBy: 'manual' }, T0);
    const before = await readBack();
    const touch = touchFor(jane, { personId: jane.id, type, at: T0 + offset, loggedBy: 'manual' }, T0);
    await db.transaction('rw', db.people, db.touches, () => writeTouch(db, touch));
    expect(historyWith(before, touch)).toEqual(await readBack());
  });

  it('places a touch at the same time as another by id, as the index does', async () => {
    const first = touchFor(jane, { personId: jane.id, type: 'email', at: T0, loggedBy: 'manual' }, T0);
    await db.transaction('rw', db.people, db.touches, () => writeTouch(db, { ...first, id: 'm' }));
    const before = await readBack();
    for (const id of ['a', 'z']) {
      const touch = { ...first, id };
      expect(historyWith(before, touch).map((t) => t.id)).toEqual(id === 'a' ? ['a', 'm'] : ['m', 'z']);
    }
  });
});
