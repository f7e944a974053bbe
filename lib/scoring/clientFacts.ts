import type { GroundworkDB } from '../db/db';
import type { BestClient } from './fromClients';
import { levelOf } from '../relationships/levels';
import { SENIORITY_LEVELS } from '../model';

/**
 * A saved account or person as a best client (issue 19): the account's industry, size and place,
 * and the title of the most senior person the rep knows there (or the person's own).
 */
export async function clientFromAccount(db: GroundworkDB, accountId: string): Promise<BestClient | undefined> {
  const account = await db.accounts.get(accountId);
  if (!account) return undefined;
  const people = await db.people.where('accountId').equals(accountId).toArray();
  const rank = (level: string | undefined) => (level === undefined ? SENIORITY_LEVELS.length : SENIORITY_LEVELS.indexOf(level as (typeof SENIORITY_LEVELS)[number]));
  const senior = people.filter((p) => p.title ?? p.headline).sort((a, b) => rank(levelOf(a)) - rank(levelOf(b)))[0];
  return {
    name: account.name,
    ...(account.industry ? { industry: account.industry } : {}),
    ...(account.sizeBand ? { sizeBand: account.sizeBand } : {}),
    ...(account.location ? { location: account.location } : {}),
    ...(senior ? { contactTitle: (senior.title ?? senior.headline)! } : {}),
  };
}

export async function clientFromPerson(db: GroundworkDB, personId: string): Promise<BestClient | undefined> {
  const person = await db.people.get(personId);
  if (!person) return undefined;
  const account = person.accountId ? await db.accounts.get(person.accountId) : undefined;
  const title = person.title ?? person.headline;
  const location = account?.location ?? person.location;
  return {
    name: account?.name ?? person.companyName ?? person.name,
    ...(account?.industry ? { industry: account.industry } : {}),
    ...(account?.sizeBand ? { sizeBand: account.sizeBand } : {}),
    ...(location ? { location } : {}),
    ...(title ? { contactTitle: title } : {}),
  };
}
