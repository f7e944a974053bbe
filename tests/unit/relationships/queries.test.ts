import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import { Settings, type Person } from '../../../lib/model';
import { accountRelationships, peopleNamedLike, referralsOf, setOwner, setReferrer, touchesOfPeople } from '../../../lib/relationships/queries';
import { freshDb } from '../../support/db';
import { DAY, MONDAY, person, touch } from './support';

let db: GroundworkDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

async function save(...people: Person[]) {
  await db.people.bulkAdd(people);
  return people;
}
const names = (people: readonly Person[]) => people.map((p) => p.name);

describe('referral chain', () => {
  it('shows on both people: who referred them, and whom they referred', async () => {
    const [ann, ben, cal, dee] = await save(person('Ann Hart'), person('Ben Cho'), person('Cal Diaz'), person('Dee Park'));
    await setReferrer(db, ben!.id, ann!.id, MONDAY);
    await setReferrer(db, dee!.id, ben!.id, MONDAY);
    await setReferrer(db, cal!.id, ben!.id, MONDAY);

    const read = async (p: Person) => {
      const { referredBy, referred } = await referralsOf(db, (await db.people.get(p.id))!);
      return { referredBy: referredBy?.name, referred: names(referred) };
    };
    expect(await read(ann!)).toEqual({ referredBy: undefined, referred: ['Ben Cho'] });
    expect(await read(ben!)).toEqual({ referredBy: 'Ann Hart', referred: ['Cal Diaz', 'Dee Park'] });
    expect(await read(cal!)).toEqual({ referredBy: 'Ben Cho', referred: [] });
    expect(await db.people.get(ben!.id)).toMatchObject({ referredById: ann!.id, updatedAt: MONDAY });
  });

  it('can be cleared, and then shows on neither', async () => {
    const [ann, ben] = await save(person('Ann Hart'), person('Ben Cho'));
    await setReferrer(db, ben!.id, ann!.id);
    await setReferrer(db, ben!.id, undefined);
    expect((await referralsOf(db, (await db.people.get(ben!.id))!)).referredBy).toBeUndefined();
    expect((await referralsOf(db, ann!)).referred).toEqual([]);
  });

  it.each([
    ['by themselves', 0],
    ['by the person they referred', 1],
    ['by someone down the line', 2],
  ])('refuses a loop: nobody is referred %s, and nothing changes', async (_, hops) => {
    // Ann referred Ben, Ben referred Cal.
    const [ann, ben, cal] = await save(person('Ann Hart'), person('Ben Cho'), person('Cal Diaz'));
    await setReferrer(db, ben!.id, ann!.id);
    await setReferrer(db, cal!.id, ben!.id);
    const before = await db.people.toArray();

    const referrer = [ann!, ben!, cal!][hops]!;
    await expect(setReferrer(db, ann!.id, referrer.id)).rejects.toThrow('Ann Hart cannot be referred by someone they referred');
    expect(await db.people.toArray()).toEqual(before);
  });

  it('refuses a referrer who is not saved', async () => {
    const [ann] = await save(person('Ann Hart'));
    await expect(setReferrer(db, ann!.id, 'nobody')).rejects.toThrow('No person with id nobody');
    expect((await db.people.get(ann!.id))?.referredById).toBeUndefined();
  });
});

describe('finding a referrer by name', () => {
  beforeEach(async () => {
    await save(person('Élodie Martin'), person('Elliot Park'), person('Ana Lima'), person('anaïs Roy'), person('Björn Åberg'), person('Bo Chen'), person('Diana Anand'));
  });

  it.each([
    ['ana', ['Ana Lima', 'anaïs Roy']],
    ['ANA', ['Ana Lima', 'anaïs Roy']],
    ['anaï', ['anaïs Roy']],
    ['ANAÏS', ['anaïs Roy']],
    ['élodie', ['Élodie Martin']],
    ['ÉLO', ['Élodie Martin']],
    ['björn å', ['Björn Åberg']],
    ['  bo ', ['Bo Chen']],
    ['anand', []],
    ['', []],
    ['   ', []],
  ])('"%s" finds %o', async (text, expected) => {
    expect(names(await peopleNamedLike(db, text)).sort()).toEqual(expected);
  });

  it('returns at most the limit', async () => {
    await save(...Array.from({ length: 12 }, (_, i) => person(`Zoe ${String(i).padStart(2, '0')}`)));
    expect(await peopleNamedLike(db, 'zoe')).toHaveLength(8);
    expect(await peopleNamedLike(db, 'zoe', 3)).toHaveLength(3);
  });
});

describe('owner on our side', () => {
  it('is stored with the person', async () => {
    const [dana] = await save(person('Dana Ruiz'));
    await setOwner(db, dana!.id, 'executive', MONDAY);
    expect(await db.people.get(dana!.id)).toMatchObject({ owner: 'executive', updatedAt: MONDAY });
    await expect(setOwner(db, 'nobody', 'manager')).rejects.toThrow('No person with id nobody');
  });
});

describe('an account’s relationships', () => {
  it('reads the account’s own people and each one’s touches, oldest first', async () => {
    const [ceo, vp] = await save(
      person('Dana Ruiz', { accountId: 'acme', title: 'CEO' }),
      person('Vic Ortega', { accountId: 'acme', title: 'VP Sales' }),
      person('Olga Berg', { accountId: 'other', title: 'CEO' }),
    );
    await db.touches.bulkAdd([
      touch('inbound-message', MONDAY - DAY, { personId: ceo!.id }),
      touch('email', MONDAY - 3 * DAY, { personId: ceo!.id }),
    ]);
    const result = await accountRelationships(db, { id: 'acme', name: 'Acme' }, Settings.parse({}), MONDAY);
    expect(names(result.people).sort()).toEqual(['Dana Ruiz', 'Vic Ortega']);
    expect(result.touchesByPerson.get(ceo!.id)?.map((t) => t.type)).toEqual(['email', 'inbound-message']);
    expect(result.touchesByPerson.get(vp!.id)).toEqual([]);
    expect(result.coverage.levels.find((l) => l.level === 'executive')?.live).toBe(true);
    expect(result.coverage.gaps[0]?.message).toBe('No VP / head-of relationship at Acme; never touched');

    const map = await touchesOfPeople(db, [vp!.id, ceo!.id]);
    expect([...map.keys()]).toEqual([vp!.id, ceo!.id]);
  });
});
