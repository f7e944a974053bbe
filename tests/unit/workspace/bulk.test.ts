import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordTouch } from '../../../lib/cadence/followUps';
import type { GroundworkDB } from '../../../lib/db/db';
import { upsertSeenPerson } from '../../../lib/db/people';
import { updatePersonDetails } from '../../../lib/db/personDetails';
import { saveSettings } from '../../../lib/db/settings';
import { isPending, Settings, type Person } from '../../../lib/model';
import { runBulkAction, selectionCsv, undoBulkAction } from '../../../lib/workspace/bulk';
import { watchPeople, type PeopleChange } from '../../../lib/workspace/changes';
import { loadPeopleRows } from '../../../lib/workspace/rows';
import { DAY, MONDAY } from '../cadence/support';
import { freshDb } from '../../support/db';
import { dump } from '../io/support';

/** Bulk actions on a selection, each counted and undone (issue 18). */

let db: GroundworkDB;
let people: Person[];
beforeEach(async () => {
  db = freshDb();
  await saveSettings(db, Settings.parse({ workWeek: { days: [1, 2, 3, 4, 5], timeZone: 'UTC' } }));
  people = [];
  for (const name of ['Ada Obi', 'Bo Lind', 'Cleo Park']) {
    const { person } = await upsertSeenPerson(db, { name, emails: [`${name.split(' ')[0]!.toLowerCase()}@lumen.example`], source: 'email' }, MONDAY - 30 * DAY);
    await recordTouch(db, { personId: person.id, type: 'email', loggedBy: 'one-click', at: MONDAY }, MONDAY);
    people.push((await db.people.get(person.id))!);
  }
});
afterEach(async () => {
  await db.delete();
});

const ids = () => people.map((p) => p.id);
/** The database as a rep would compare it: a record's last-change time and derived keys aside. */
const comparable = async () => {
  const all = await dump(db);
  return { ...all, people: (all.people as Person[]).map(({ updatedAt: _, ...p }) => p) };
};
const pendingCount = async () => (await db.followUps.toArray()).filter((f) => isPending(f.status)).length;

describe('bulk actions', () => {
  it('set stage: counts only those it changes, stops their cadence, and Undo puts stage and follow-ups back', async () => {
    await updatePersonDetails(db, people[2]!.id, { stage: 'not-a-fit' }, MONDAY + DAY);
    const before = await comparable();
    expect(await pendingCount()).toBe(2);
    const { changed, undo } = await runBulkAction(db, ids(), { kind: 'stage', stage: 'not-a-fit' }, MONDAY + 2 * DAY);
    expect(changed).toBe(2);
    expect((await db.people.toArray()).map((p) => p.stage)).toEqual(['not-a-fit', 'not-a-fit', 'not-a-fit']);
    expect(await pendingCount()).toBe(0);
    expect(await undoBulkAction(db, undo)).toEqual({ restored: 2, skipped: 0 });
    expect(await comparable()).toEqual(before);
  });

  it('tag and untag, any case, each person once; owner', async () => {
    await runBulkAction(db, ids().slice(0, 2), { kind: 'tag', tag: 'Trade show' }, MONDAY + DAY);
    const again = await runBulkAction(db, ids(), { kind: 'tag', tag: 'trade show' }, MONDAY + DAY);
    expect(again.changed).toBe(1);
    expect((await db.people.bulkGet(ids())).map((p) => p!.tags)).toEqual([['Trade show'], ['Trade show'], ['trade show']]);
    const untag = await runBulkAction(db, ids(), { kind: 'untag', tag: 'TRADE SHOW' }, MONDAY + 2 * DAY);
    expect(untag.changed).toBe(3);
    expect(await db.people.where('tags').anyOf(['Trade show', 'trade show']).count()).toBe(0);
    const owner = await runBulkAction(db, ids(), { kind: 'owner', owner: 'manager' }, MONDAY + 2 * DAY);
    expect(owner.changed).toBe(3);
    await undoBulkAction(db, owner.undo);
    expect((await db.people.toArray()).map((p) => p.owner)).toEqual(['rep', 'rep', 'rep']);
    await expect(runBulkAction(db, ids(), { kind: 'tag', tag: '  ' })).rejects.toThrow('Type a tag first');
  });

  it('cancel follow-ups, undone', async () => {
    const before = await comparable();
    const { changed, undo } = await runBulkAction(db, ids(), { kind: 'cancel-follow-ups' }, MONDAY + DAY);
    expect(changed).toBe(3);
    expect(await pendingCount()).toBe(0);
    await undoBulkAction(db, undo);
    expect(await comparable()).toEqual(before);
  });

  it('delete removes people with their touches and follow-ups; Undo brings every row back', async () => {
    const before = await dump(db);
    const { changed, undo } = await runBulkAction(db, ids().slice(0, 2), { kind: 'delete' }, MONDAY + DAY);
    expect(changed).toBe(2);
    expect(await db.people.count()).toBe(1);
    expect(await db.touches.count()).toBe(1);
    expect(await db.firstTouches.count()).toBe(1);
    expect(await undoBulkAction(db, undo)).toEqual({ restored: 2, skipped: 0 });
    expect(await dump(db)).toEqual(before);
    expect(await db.firstTouches.count()).toBe(3);
  });

  it('Undo takes back only what it wrote: a link to an account made since stays', async () => {
    const { undo } = await runBulkAction(db, ids(), { kind: 'tag', tag: 'Q3 push' }, MONDAY + DAY);
    // Saving their company's page links them, without touching anything else (as upsertSeenAccount does).
    await db.people.where('id').equals(people[0]!.id).modify({ accountId: 'a-lumen' });
    expect(await undoBulkAction(db, undo)).toEqual({ restored: 3, skipped: 0 });
    const after = (await db.people.bulkGet(ids())).map((p) => ({ tags: p!.tags, accountId: p!.accountId }));
    expect(after).toEqual([{ tags: [], accountId: 'a-lumen' }, { tags: [], accountId: undefined }, { tags: [], accountId: undefined }]);
  });

  it('a chunk that fails stops the action there: what was done is counted, said, and undone', async () => {
    const now = MONDAY;
    const many = Array.from({ length: 260 }, (_, i) => ({
      id: `bulk-${String(i).padStart(3, '0')}`, name: `Person ${i}`, emails: [`p${i}@bulk.example`], source: 'import' as const, stage: 'target' as const, flags: [], tags: [], owner: 'rep' as const, createdAt: now, updatedAt: now,
    }));
    // A record an older version left invalid, in the second chunk.
    (many[255] as { stage: string }).stage = 'legend';
    await db.people.bulkAdd(many as Person[]);
    const result = await runBulkAction(db, many.map((p) => p.id), { kind: 'tag', tag: 'Imported' }, MONDAY + DAY);
    expect(result.changed).toBe(250);
    expect(result.error).toMatch(/stage/i);
    expect(await db.people.where('tags').equals('Imported').count()).toBe(250);
    expect(await undoBulkAction(db, result.undo)).toEqual({ restored: 250, skipped: 0 });
    expect(await db.people.where('tags').equals('Imported').count()).toBe(0);
  });

  it('Undo leaves a person changed again since as they are now, and says so', async () => {
    const { undo } = await runBulkAction(db, ids(), { kind: 'stage', stage: 'nurture' }, MONDAY + DAY);
    await updatePersonDetails(db, people[0]!.id, { stage: 'client' }, MONDAY + 2 * DAY);
    expect(await undoBulkAction(db, undo)).toEqual({ restored: 2, skipped: 1 });
    expect((await db.people.bulkGet(ids())).map((p) => p!.stage)).toEqual(['client', 'target', 'target']);
  });

  it('exports the selection as the people CSV, by name', async () => {
    const { csv, count } = await selectionCsv(db, [people[2]!.id, people[0]!.id, 'gone']);
    expect(count).toBe(2);
    const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Ada Obi');
    expect(lines[2]).toContain('Cleo Park');
  });
});

describe('the list kept current', () => {
  it('hears which people changed, from any write, and "everything" for a clear', async () => {
    const heard: PeopleChange[] = [];
    const stop = watchPeople(db.name, (change) => heard.push(change));
    try {
      await updatePersonDetails(db, people[0]!.id, { tags: ['x'] }, MONDAY + DAY);
      await recordTouch(db, { personId: people[1]!.id, type: 'call', loggedBy: 'one-click', at: MONDAY + DAY }, MONDAY + DAY);
      await db.fits.clear();
    } finally {
      stop();
    }
    expect(heard.some((c) => c.people.has(people[0]!.id) && !c.all)).toBe(true);
    expect(heard.some((c) => c.people.has(people[1]!.id))).toBe(true);
    expect(heard.at(-1)!.all).toBe(true);
    const rows = await loadPeopleRows(db);
    expect(rows.find((r) => r.id === people[1]!.id)!.lastTouchAt).toBe(MONDAY + DAY);
  });
});
