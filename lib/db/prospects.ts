import type { SeenLinkedInCompany, SeenLinkedInPerson } from '../messaging/protocol';
import type { Account, Person } from '../model';
import { displaySlug } from '../sites/linkedin/url';
import { upsertSeenAccount } from './accounts';
import type { GroundworkDB } from './db';
import { applyPageChanges, upsertSeenPerson, type PageChange, type UpsertResult } from './people';

/**
 * One click on a LinkedIn profile: the person is saved, and their current company becomes (or
 * joins) an account, so the account view knows its people without the rep typing anything.
 */
export async function saveProspectFromLinkedIn(
  db: GroundworkDB,
  seen: SeenLinkedInPerson,
  now: number = Date.now(),
): Promise<UpsertResult> {
  return db.transaction('rw', db.people, db.accounts, db.touches, db.followUps, async () => {
    const result = await upsertSeenPerson(
      db,
      { ...seen, name: seen.name ?? displaySlug(seen.linkedinUrl), source: 'linkedin' },
      now,
    );
    if (seen.companyName && !result.person.accountId) {
      const { account } = await upsertSeenAccount(
        db,
        { name: seen.companyName, linkedinUrl: seen.companyLinkedInUrl },
        now,
      );
      const person: Person = { ...result.person, accountId: account.id };
      await db.people.put(person);
      return { ...result, person };
    }
    return result;
  });
}

/**
 * "Update from page": applies the changes the rep accepted. A new company also moves the person
 * to that company's account.
 */
export async function applyPersonUpdateFromLinkedIn(
  db: GroundworkDB,
  personId: string,
  changes: readonly PageChange[],
  seen: SeenLinkedInPerson,
  now: number = Date.now(),
): Promise<Person> {
  return db.transaction('rw', db.people, db.accounts, async () => {
    let person = await applyPageChanges(db, personId, changes, now);
    if (changes.some((c) => c.field === 'companyName') && seen.companyName) {
      const { account } = await upsertSeenAccount(db, { name: seen.companyName, linkedinUrl: seen.companyLinkedInUrl }, now);
      person = { ...person, accountId: account.id };
      await db.people.put(person);
    }
    return person;
  });
}

/** Save account from a company page. */
export async function saveAccountFromLinkedIn(
  db: GroundworkDB,
  seen: SeenLinkedInCompany,
  fallbackName: string,
  now: number = Date.now(),
): Promise<Account> {
  const { account } = await upsertSeenAccount(
    db,
    {
      name: seen.name ?? fallbackName,
      linkedinUrl: seen.linkedinUrl,
      website: seen.website,
      industry: seen.industry,
      sizeBand: seen.sizeBand,
      location: seen.headquarters,
    },
    now,
  );
  return account;
}
