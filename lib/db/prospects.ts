import type { SeenLinkedInCompany, SeenLinkedInPerson } from '../messaging/protocol';
import type { Account, Person } from '../model';
import { displaySlug } from '../sites/linkedin/url';
import { refreshFits } from '../scoring/rescore';
import { applyAccountChanges, upsertSeenAccount, type AccountChange } from './accounts';
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
  return db.transaction('rw', [db.people, db.accounts, db.touches, db.followUps, db.fits, db.profiles, db.settings], async () => {
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
      await db.people.put({ ...result.person, accountId: account.id });
    }
    await refreshFits(db, [result.person.id]);
    return { ...result, person: (await db.people.get(result.person.id))! };
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
  return db.transaction('rw', [db.people, db.accounts, db.fits, db.profiles, db.settings], async () => {
    const person = await applyPageChanges(db, personId, changes, now);
    if (changes.some((c) => c.field === 'companyName') && seen.companyName) {
      const { account } = await upsertSeenAccount(db, { name: seen.companyName, linkedinUrl: seen.companyLinkedInUrl }, now);
      await db.people.put({ ...person, accountId: account.id });
    }
    await refreshFits(db, [personId]);
    return (await db.people.get(personId))!;
  });
}

/** Save account from a company page. */
export async function saveAccountFromLinkedIn(
  db: GroundworkDB,
  seen: SeenLinkedInCompany,
  fallbackName: string,
  now: number = Date.now(),
): Promise<Account> {
  return db.transaction('rw', [db.people, db.accounts, db.fits, db.profiles, db.settings], async () => {
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
    await refreshAccountPeople(db, account.id);
    return account;
  });
}

/** Company facts feed every one of its people's fit. */
async function refreshAccountPeople(db: GroundworkDB, accountId: string): Promise<void> {
  await refreshFits(db, await db.people.where('accountId').equals(accountId).primaryKeys());
}

/** "Update from page" on a company: applies the accepted facts and re-scores its people. */
export async function applyAccountUpdateFromLinkedIn(
  db: GroundworkDB,
  accountId: string,
  changes: readonly AccountChange[],
  now: number = Date.now(),
): Promise<Account> {
  return db.transaction('rw', [db.people, db.accounts, db.fits, db.profiles, db.settings], async () => {
    const account = await applyAccountChanges(db, accountId, changes, now);
    await refreshAccountPeople(db, accountId);
    return account;
  });
}
