import { Person, type PersonSource } from '../model';
import { canonicalProfileUrlOrUndefined } from '../sites/linkedin/url';
import type { GroundworkDB } from './db';
import { newId } from './ids';

/** What every new person starts as, however they were added: a target the rep owns, unflagged. */
export function newPersonDefaults(now: number): Pick<Person, 'stage' | 'flags' | 'tags' | 'owner' | 'createdAt' | 'updatedAt'> {
  return { stage: 'target', flags: [], tags: [], owner: 'rep', createdAt: now, updatedAt: now };
}

/** What a page, an email or an import showed about a person: untrusted, possibly partial. */
export interface SeenPerson {
  name: string;
  linkedinUrl?: string;
  emails?: readonly string[];
  headline?: string;
  companyName?: string;
  location?: string;
  source: PersonSource;
}

/** A field where what the page shows differs from what is stored ("Update from page"). */
export interface PageChange {
  field: 'name' | 'headline' | 'companyName' | 'location';
  stored: string | undefined;
  seen: string;
}

export interface UpsertResult {
  person: Person;
  /**
   * created: a new person. linked: an identity was added or empty fields filled. merged: a
   * LinkedIn identity and an email identity were two records and are now one. unchanged.
   */
  outcome: 'created' | 'linked' | 'merged' | 'unchanged';
  /** Differences the rep may choose to apply; upserting never overwrites what is stored. */
  changes: PageChange[];
}

const COMPARED_FIELDS = ['name', 'headline', 'companyName', 'location'] as const;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findPersonByLinkedInUrl(
  db: GroundworkDB,
  url: string,
): Promise<Person | undefined> {
  const canonical = canonicalProfileUrlOrUndefined(url);
  if (canonical === undefined) return undefined;
  return db.people.where('linkedinUrl').equals(canonical).first();
}

export async function findPersonByEmail(
  db: GroundworkDB,
  email: string,
): Promise<Person | undefined> {
  return db.people.where('emails').equals(normaliseEmail(email)).first();
}

/** What the page shows that differs from what is stored (for "Update from page"). */
export function pageChanges(stored: Person, seen: Partial<Pick<SeenPerson, PageChange['field']>>): PageChange[] {
  const changes: PageChange[] = [];
  for (const field of COMPARED_FIELDS) {
    const value = seen[field]?.trim();
    if (value && value !== stored[field]) changes.push({ field, stored: stored[field], seen: value });
  }
  return changes;
}

/** Fills fields the stored person lacks; never overwrites. Returns true when anything was added. */
function fillFrom(person: Person, seen: SeenPerson, linkedinUrl: string | undefined, emails: string[]): boolean {
  let added = false;
  if (linkedinUrl && !person.linkedinUrl) {
    person.linkedinUrl = linkedinUrl;
    added = true;
  }
  for (const email of emails) {
    if (!person.emails.includes(email)) {
      person.emails.push(email);
      added = true;
    }
  }
  for (const field of ['headline', 'companyName', 'location'] as const) {
    const value = seen[field]?.trim();
    if (value && !person[field]) {
      person[field] = value;
      added = true;
    }
  }
  return added;
}

/**
 * Unions `from`'s identity and fields into `into` (in place), `into`'s values winning: the rule
 * for two records that turn out to be one human. Shared with bulk imports and restores (lib/io).
 */
export function unionPersonFields(into: Person, from: Person): void {
  if (!into.linkedinUrl && from.linkedinUrl) into.linkedinUrl = from.linkedinUrl;
  // One record holds one profile: the other is kept where the rep will see it, not dropped.
  const otherProfile = from.linkedinUrl && into.linkedinUrl !== from.linkedinUrl ? `Also on LinkedIn: ${from.linkedinUrl}` : undefined;
  into.emails = [...new Set([...into.emails, ...from.emails])];
  into.tags = [...new Set([...into.tags, ...from.tags])];
  const phones = [...new Set([...(into.phones ?? []), ...(from.phones ?? [])])].slice(0, 10);
  if (phones.length > 0) into.phones = phones;
  into.flags = [...new Set([...into.flags, ...from.flags])];
  for (const field of ['headline', 'title', 'seniority', 'accountId', 'companyName', 'location', 'referredById'] as const) {
    if (into[field] === undefined && from[field] !== undefined) {
      (into as Record<typeof field, unknown>)[field] = from[field];
    }
  }
  const notes = [into.notes, from.notes, otherProfile].filter(Boolean).join('\n\n');
  if (notes) into.notes = notes;
}

/**
 * Moves everything that belongs to `from` onto `into` and deletes `from`. Runs inside the caller's
 * transaction. Identity and fields are unioned, the older record's values winning.
 */
async function mergeInto(db: GroundworkDB, into: Person, from: Person): Promise<void> {
  unionPersonFields(into, from);
  await db.touches.where('personId').equals(from.id).modify({ personId: into.id });
  await db.followUps.where('personId').equals(from.id).modify({ personId: into.id });
  // Referrals are rare and merges rarer still: a scan here is cheaper than another index.
  await db.people.filter((p) => p.referredById === from.id).modify({ referredById: into.id });
  // Delete first: the unique linkedinUrl index would reject `into` while `from` still holds it.
  await db.people.delete(from.id);
  await db.fits.delete(from.id);
}

/**
 * Records a person seen on a page, in an email or in an import. Finds them by canonical LinkedIn
 * URL and by every email address; when those identities belong to two records (first seen in
 * Gmail, later on LinkedIn), merges them into the older one, touches and follow-ups included.
 * Never overwrites stored fields: differences come back as `changes` for the rep to apply.
 */
export async function upsertSeenPerson(
  db: GroundworkDB,
  seen: SeenPerson,
  now: number = Date.now(),
): Promise<UpsertResult> {
  const linkedinUrl = seen.linkedinUrl ? canonicalProfileUrlOrUndefined(seen.linkedinUrl) : undefined;
  if (seen.linkedinUrl && !linkedinUrl) throw new Error(`Not a LinkedIn profile URL: ${seen.linkedinUrl}`);
  const emails = [...new Set((seen.emails ?? []).map(normaliseEmail))];
  if (!linkedinUrl && emails.length === 0) {
    throw new Error('A person needs a LinkedIn profile URL or an email address');
  }

  return db.transaction('rw', [db.people, db.touches, db.followUps, db.fits], async () => {
    const byUrl = linkedinUrl
      ? await db.people.where('linkedinUrl').equals(linkedinUrl).first()
      : undefined;
    let byEmail = emails.length ? await db.people.where('emails').anyOf(emails).first() : undefined;
    if (byEmail && linkedinUrl && byEmail.linkedinUrl && byEmail.linkedinUrl !== linkedinUrl) {
      // The address already belongs to another LinkedIn member: two people, not one. Leave the
      // address where it is rather than guess.
      const taken = byEmail.emails;
      emails.splice(0, emails.length, ...emails.filter((e) => !taken.includes(e)));
      byEmail = undefined;
    }

    if (!byUrl && !byEmail) {
      const person = Person.parse({
        id: newId(),
        name: seen.name,
        headline: seen.headline?.trim() || undefined,
        companyName: seen.companyName?.trim() || undefined,
        location: seen.location?.trim() || undefined,
        linkedinUrl,
        emails,
        source: seen.source,
        ...newPersonDefaults(now),
      });
      await db.people.add(person);
      return { person, outcome: 'created', changes: [] };
    }

    let outcome: UpsertResult['outcome'] = 'unchanged';
    let person: Person;
    if (byUrl && byEmail && byUrl.id !== byEmail.id) {
      // First met by email, later on LinkedIn (or the reverse): one human, so one record.
      const [older, newer] = byUrl.createdAt <= byEmail.createdAt ? [byUrl, byEmail] : [byEmail, byUrl];
      person = structuredClone(older);
      await mergeInto(db, person, newer);
      outcome = 'merged';
    } else {
      person = structuredClone((byUrl ?? byEmail)!);
    }

    if (fillFrom(person, seen, linkedinUrl, emails) && outcome === 'unchanged') outcome = 'linked';
    if (outcome !== 'unchanged') {
      person.updatedAt = now;
      await db.people.put(Person.parse(person));
    }
    return { person, outcome, changes: pageChanges(person, seen) };
  });
}

/**
 * Adds `email` to a person's addresses ("Add address" in the side panel, "Link this address" in
 * the toast). Refused when the address is someone else's: two people are merged, never joined by
 * an address.
 */
export async function addEmailAddress(db: GroundworkDB, personId: string, email: string, now: number = Date.now()): Promise<Person> {
  const address = normaliseEmail(email);
  return db.transaction('rw', db.people, async () => {
    const person = await db.people.get(personId);
    if (!person) throw new Error(`No person with id ${personId}`);
    if (person.emails.includes(address)) return person;
    const owner = await findPersonByEmail(db, address);
    if (owner) throw new Error(`${address} is already ${owner.name}'s address: merge them instead`);
    const updated = Person.parse({ ...person, emails: [...person.emails, address], updatedAt: now });
    await db.people.put(updated);
    return updated;
  });
}

/** Removes `email` from a person's addresses, unless it is the only way Groundwork knows them. */
export async function removeEmailAddress(db: GroundworkDB, personId: string, email: string, now: number = Date.now()): Promise<Person> {
  const address = normaliseEmail(email);
  return db.transaction('rw', db.people, async () => {
    const person = await db.people.get(personId);
    if (!person) throw new Error(`No person with id ${personId}`);
    const emails = person.emails.filter((e) => e !== address);
    if (emails.length === person.emails.length) return person;
    if (emails.length === 0 && !person.linkedinUrl) throw new Error(`${address} is the only way Groundwork knows ${person.name}: add another address or their LinkedIn profile first`);
    const updated = Person.parse({ ...person, emails, updatedAt: now });
    await db.people.put(updated);
    return updated;
  });
}

/** Applies fields the rep accepted from "Update from page". */
export async function applyPageChanges(
  db: GroundworkDB,
  personId: string,
  changes: readonly PageChange[],
  now: number = Date.now(),
): Promise<Person> {
  return db.transaction('rw', db.people, async () => {
    const stored = await db.people.get(personId);
    if (!stored) throw new Error(`No person with id ${personId}`);
    const updated: Person = { ...stored, updatedAt: now };
    for (const { field, seen } of changes) updated[field] = seen;
    const valid = Person.parse(updated);
    await db.people.put(valid);
    return valid;
  });
}
