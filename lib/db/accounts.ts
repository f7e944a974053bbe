import type { Account } from '../model';
import { canonicalCompanyUrlOrUndefined } from '../sites/linkedin/url';
import type { GroundworkDB } from './db';

export async function findAccountByLinkedInUrl(
  db: GroundworkDB,
  url: string,
): Promise<Account | undefined> {
  const canonical = canonicalCompanyUrlOrUndefined(url);
  if (canonical === undefined) return undefined;
  return db.accounts.where('linkedinUrl').equals(canonical).first();
}

/** Matches "acme.example", "www.acme.example" and an address's domain alike. */
export async function findAccountByDomain(
  db: GroundworkDB,
  domainOrEmail: string,
): Promise<Account | undefined> {
  const domain = domainOrEmail.trim().toLowerCase().split('@').pop()!.replace(/^www\./, '');
  return db.accounts.where('domains').equals(domain).first();
}
