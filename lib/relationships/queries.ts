import { touchesOfPerson } from '../db/touches';
import type { GroundworkDB } from '../db/db';
import { Person, type OwnerRole, type Settings, type Touch } from '../model';
import { accountCoverage, type AccountCoverage } from './levels';

/**
 * The reads and writes behind the relationship views, each on an index: an account's people and
 * their touches, the referral chain, finding a referrer by name, and our side's owner.
 */

export async function touchesOfPeople(db: GroundworkDB, personIds: readonly string[]): Promise<Map<string, Touch[]>> {
  // One index range per person, issued together so IndexedDB pipelines them.
  const lists = await Promise.all(
    personIds.map((id) => touchesOfPerson(db, id).toArray()),
  );
  return new Map(personIds.map((id, i) => [id, lists[i]!]));
}

export interface AccountRelationships {
  people: Person[];
  touchesByPerson: Map<string, Touch[]>;
  coverage: AccountCoverage;
}

export async function accountRelationships(db: GroundworkDB, account: { id: string; name: string }, settings: Settings, now: number): Promise<AccountRelationships> {
  const people = await db.people.where('accountId').equals(account.id).toArray();
  const touchesByPerson = await touchesOfPeople(db, people.map((p) => p.id));
  return { people, touchesByPerson, coverage: accountCoverage(account.name, people, touchesByPerson, settings, now) };
}

export interface Referrals {
  referredBy?: Person;
  referred: Person[];
}

export async function referralsOf(db: GroundworkDB, person: Pick<Person, 'id' | 'referredById'>): Promise<Referrals> {
  const [referredBy, referred] = await Promise.all([
    person.referredById ? db.people.get(person.referredById) : undefined,
    db.people.where('referredById').equals(person.id).sortBy('name'),
  ]);
  return { ...(referredBy ? { referredBy } : {}), referred };
}

/** Saved people whose name starts with `text` (any case), for picking a referrer as the rep types. */
export async function peopleNamedLike(db: GroundworkDB, text: string, limit = 8): Promise<Person[]> {
  const prefix = text.trim();
  if (prefix.length === 0) return [];
  return db.people.where('name').startsWithIgnoreCase(prefix).limit(limit).toArray();
}

/**
 * Records who referred `personId` (or clears it). A referral chain never loops: someone cannot
 * be referred by themselves or by anyone they referred, directly or down the line.
 */
export async function setReferrer(db: GroundworkDB, personId: string, referrerId: string | undefined, now: number = Date.now()): Promise<Person> {
  return db.transaction('rw', db.people, async () => {
    const person = await db.people.get(personId);
    if (!person) throw new Error(`No person with id ${personId}`);
    if (referrerId !== undefined) {
      for (let id: string | undefined = referrerId, steps = 0; id !== undefined; steps++) {
        if (id === personId) throw new Error(`${person.name} cannot be referred by someone they referred`);
        if (steps > 1000) break;
        const next: Person | undefined = await db.people.get(id);
        if (!next) throw new Error(`No person with id ${id}`);
        id = next.referredById;
      }
    }
    const updated = Person.parse({ ...person, referredById: referrerId, updatedAt: now });
    await db.people.put(updated);
    return updated;
  });
}

export async function setOwner(db: GroundworkDB, personId: string, owner: OwnerRole, now: number = Date.now()): Promise<Person> {
  return db.transaction('rw', db.people, async () => {
    const person = await db.people.get(personId);
    if (!person) throw new Error(`No person with id ${personId}`);
    const updated = Person.parse({ ...person, owner, updatedAt: now });
    await db.people.put(updated);
    return updated;
  });
}
