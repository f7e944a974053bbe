import { Account, type SizeBand } from '../model';
import { canonicalCompanyUrlOrUndefined } from '../sites/linkedin/url';
import type { GroundworkDB } from './db';
import { newId } from './ids';

/** What a company page (or a person's current company) showed: untrusted, possibly partial. */
export interface SeenAccount {
  name: string;
  linkedinUrl?: string;
  website?: string;
  industry?: string;
  sizeBand?: SizeBand;
  location?: string;
}

export interface AccountChange {
  field: 'name' | 'industry' | 'sizeBand' | 'location' | 'website';
  stored: string | undefined;
  seen: string;
}

export async function findAccountByLinkedInUrl(
  db: GroundworkDB,
  url: string,
): Promise<Account | undefined> {
  const canonical = canonicalCompanyUrlOrUndefined(url);
  if (canonical === undefined) return undefined;
  return db.accounts.where('linkedinUrl').equals(canonical).first();
}

/** "https://www.acme.example/en" → "acme.example"; an address → its domain. */
export function domainOf(websiteOrEmail: string): string | undefined {
  const value = websiteOrEmail.trim().toLowerCase();
  const host = value.includes('@') && !value.includes('/') ? value.split('@').pop() : (() => {
    try {
      return new URL(value.startsWith('http') ? value : `https://${value}`).hostname;
    } catch {
      return undefined;
    }
  })();
  return host ? host.replace(/^www\./, '') || undefined : undefined;
}

/** Matches "acme.example", "www.acme.example", a website URL and an address's domain alike. */
export async function findAccountByDomain(
  db: GroundworkDB,
  domainOrEmail: string,
): Promise<Account | undefined> {
  const domain = domainOf(domainOrEmail);
  return domain ? db.accounts.where('domains').equals(domain).first() : undefined;
}

const FIELDS = ['name', 'industry', 'sizeBand', 'location', 'website'] as const;

/** What the page shows that differs from (or is missing in) the stored account. */
export function accountChanges(stored: Account, seen: SeenAccount): AccountChange[] {
  return FIELDS.flatMap((field) => {
    const value = seen[field]?.trim();
    if (!value || value === stored[field]) return [];
    // "acme.example" and "https://www.acme.example/" are the same website.
    if (field === 'website' && stored.website && domainOf(stored.website) === domainOf(value)) return [];
    return [{ field, stored: stored[field], seen: value }];
  });
}

/**
 * Records a company seen on a page. Identity: canonical LinkedIn company URL, then web domain.
 * Fills empty fields, never overwrites (differences come back as `changes`). Runs inside the
 * caller's transaction when there is one.
 */
export async function upsertSeenAccount(
  db: GroundworkDB,
  seen: SeenAccount,
  now: number = Date.now(),
): Promise<{ account: Account; created: boolean; changes: AccountChange[] }> {
  const linkedinUrl = seen.linkedinUrl ? canonicalCompanyUrlOrUndefined(seen.linkedinUrl) : undefined;
  const domain = seen.website ? domainOf(seen.website) : undefined;
  return db.transaction('rw', db.accounts, db.people, async () => {
    const existing =
      (linkedinUrl ? await db.accounts.where('linkedinUrl').equals(linkedinUrl).first() : undefined) ??
      (domain ? await db.accounts.where('domains').equals(domain).first() : undefined);
    if (!existing) {
      const account = Account.parse({
        id: newId(),
        name: seen.name,
        linkedinUrl,
        domains: domain ? [domain] : [],
        industry: seen.industry?.trim() || undefined,
        sizeBand: seen.sizeBand,
        location: seen.location?.trim() || undefined,
        website: seen.website?.trim() || undefined,
        createdAt: now,
        updatedAt: now,
      });
      await db.accounts.add(account);
      // People saved earlier under this company name now belong to the account.
      await db.people
        .where('companyName')
        .equals(account.name)
        .filter((p) => p.accountId === undefined)
        .modify({ accountId: account.id });
      return { account, created: true, changes: [] };
    }
    const account = structuredClone(existing);
    let filled = false;
    if (linkedinUrl && !account.linkedinUrl) {
      account.linkedinUrl = linkedinUrl;
      filled = true;
    }
    if (domain && !account.domains.includes(domain)) {
      account.domains.push(domain);
      filled = true;
    }
    for (const field of ['industry', 'sizeBand', 'location', 'website'] as const) {
      const value = seen[field]?.trim();
      if (value && account[field] === undefined) {
        (account as Record<typeof field, unknown>)[field] = value;
        filled = true;
      }
    }
    if (filled) {
      account.updatedAt = now;
      await db.accounts.put(Account.parse(account));
    }
    return { account, created: false, changes: accountChanges(account, seen) };
  });
}

export async function applyAccountChanges(
  db: GroundworkDB,
  accountId: string,
  changes: readonly AccountChange[],
  now: number = Date.now(),
): Promise<Account> {
  return db.transaction('rw', db.accounts, async () => {
    const stored = await db.accounts.get(accountId);
    if (!stored) throw new Error(`No account with id ${accountId}`);
    const updated = { ...stored, updatedAt: now } as Record<string, unknown>;
    for (const { field, seen } of changes) updated[field] = seen;
    const valid = Account.parse(updated);
    await db.accounts.put(valid);
    return valid;
  });
}
