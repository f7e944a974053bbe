import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import { upsertSeenPerson } from '../../../lib/db/people';
import { addressMark } from '../../../lib/db/writeMarks';
import { deleteAllData } from '../../../lib/io/restore';
import { freshDb, T0 } from '../../support/db';
import { person } from '../io/support';

let db: GroundworkDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

/** The address mark as a transaction of its own reads it. */
const markNow = () => db.transaction('r', db.writeMarks, () => addressMark(db));

const ana = { name: 'Ana Lima', emails: ['ana@kestrel.example'], source: 'email' as const };

describe('the address mark (which transaction last saved an address on a person)', () => {
  it('is none in a new database, and new after each save of an address, a plain put included', async () => {
    expect(await markNow()).toBe('none');
    const { person } = await upsertSeenPerson(db, ana, T0);
    const first = await markNow();
    expect(first).not.toBe('none');
    // A plain put, in a transaction Dexie opens over people alone: the mark's table joins it.
    await db.people.put({ ...person, emails: [...person.emails, 'ana.lima@kestrel.example'] });
    const second = await markNow();
    expect(second).not.toBe(first);
  });

  it.each([
    ['an update', (id: string) => db.people.update(id, { emails: ['ana@other.example'] })],
    ['a modify', (id: string) => db.people.where('id').equals(id).modify((p) => void p.emails.push('ana@other.example'))],
    ['a bulk add', () => db.people.bulkAdd([person({ id: 'p-2', name: 'Bo Chen', emails: ['bo@kestrel.example'] })])],
  ])('is new after %s that saves an address', async (_, save) => {
    const { person } = await upsertSeenPerson(db, ana, T0);
    const before = await markNow();
    await save(person.id);
    expect(await markNow()).not.toBe(before);
  });

  it('a mark IndexedDB refuses fails the save: no address is saved under the old mark', async () => {
    const refusing = freshDb();
    // Below Groundwork's middlewares (level 10): the mark's own put comes back refused.
    refusing.use({
      stack: 'dbcore',
      level: 5,
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return name !== 'writeMarks' ? table : { ...table, mutate: async () => ({ numFailures: 1, failures: { 0: new Error('refused') }, lastResult: undefined }) };
        },
      }),
    });
    await expect(upsertSeenPerson(refusing, ana, T0)).rejects.toThrow();
    expect(await refusing.people.count()).toBe(0);
    await refusing.delete();
  });

  it('is the saving transaction’s own, readable inside it, and gone with it when it fails', async () => {
    const { person } = await upsertSeenPerson(db, ana, T0);
    const before = await markNow();
    let inside: string | undefined;
    await expect(
      db.transaction('rw', db.people, db.writeMarks, async () => {
        await db.people.put({ ...person, emails: ['ana@other.example'] });
        inside = await addressMark(db);
        throw new Error('the rest of the save failed');
      }),
    ).rejects.toThrow('the rest of the save failed');
    expect(inside).not.toBe(before);
    expect(await markNow()).toBe(before);
    expect((await db.people.get(person.id))?.emails).toEqual(['ana@kestrel.example']);
  });

  it('stays as it was when no address is saved: a person without one, a delete, a read', async () => {
    const { person } = await upsertSeenPerson(db, ana, T0);
    const before = await markNow();
    await upsertSeenPerson(db, { name: 'Bo Chen', linkedinUrl: 'https://www.linkedin.com/in/bo-chen/', source: 'linkedin' }, T0);
    await db.transaction('rw', db.people, () => db.people.get(person.id));
    await db.people.delete(person.id);
    expect(await markNow()).toBe(before);
  });

  it('goes back to none with all data deleted, and the next address saved leaves a new one', async () => {
    await upsertSeenPerson(db, ana, T0);
    await deleteAllData(db);
    expect(await markNow()).toBe('none');
    await upsertSeenPerson(db, ana, T0);
    expect(await markNow()).not.toBe('none');
  });

  it('is read only inside the transaction it vouches for', async () => {
    await expect(addressMark(db)).rejects.toThrow('inside the transaction');
  });
});
