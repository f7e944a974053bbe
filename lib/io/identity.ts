import { unionPersonFields } from '../db/people';
import type { GroundworkDB } from '../db/db';
import { addressMark } from '../db/writeMarks';
import { Person } from '../model';

/**
 * Bulk identity resolution for imports and restores: the rules of `upsertSeenPerson`
 * (lib/db/people.ts) applied to many rows with three index reads per batch instead of two per
 * row. A person is the same human when the canonical LinkedIn URL or any email address matches;
 * an address that belongs to another LinkedIn member is left with them rather than guessed at;
 * when a row's identities belong to two saved records they become one, the older record's values
 * winning (`unionPersonFields`) and its touches, follow-ups and referrals moved over.
 *
 * Runs inside the caller's transaction, which must cover people, touches, followUps and fits.
 */

export interface IncomingIdentity {
  /** A backup's record id: the same record, seen again. Imports from CSV have none. */
  id?: string;
  /** Canonical `https://www.linkedin.com/in/<slug>/`. */
  linkedinUrl?: string;
  /** Normalised (trimmed, lower-cased) addresses. */
  emails: readonly string[];
}

export interface IdentityRules<T> {
  /** A new person for a row nobody matched; `emails` are the row's, less any taken by another member. */
  create(row: T, emails: readonly string[]): Person;
  /** The stored person updated from the row, or undefined when the row adds nothing. Must keep the id. */
  combine(stored: Person, row: T, emails: readonly string[]): Person | undefined;
}

/** created: the row made a new person. merged: it matched someone and changed them. unchanged. */
export type RowOutcome = 'created' | 'merged' | 'unchanged';

export interface ResolvedBatch {
  /** The person each row now is, in row order. */
  personIds: string[];
  outcomes: RowOutcome[];
  /** Records merged away (saved before or created earlier in the batch) → the record they joined. */
  redirects: Map<string, string>;
  /** The records that others joined, as they are at the end of the batch. */
  joined: string[];
}

/** People queued for writing at once (see the end of `resolvePeople`). */
const PUT_SLICE = 500;

/**
 * Queues `people` for writing a slice at a time, in the caller's transaction: queuing a put clones
 * its record on the page's thread, so a large batch is queued in pieces that each hold the page
 * briefly. Each slice is queued as soon as IndexedDB has stored the first record of the one before
 * it — not once it has stored them all — so that it always has records queued while the page
 * clones the next slice (waiting for whole slices left it idle a clone's time at each one). Any
 * refused put fails the whole write.
 */
async function putInSlices(db: GroundworkDB, people: readonly Person[]): Promise<void> {
  const queued: Promise<unknown>[] = [];
  const queue = (write: Promise<unknown>) => {
    // Settled at the end; handled now, so that a refusal while the next slice is queued is not
    // reported as unhandled before then.
    write.catch(() => undefined);
    queued.push(write);
    return write;
  };
  for (let from = 0; from < people.length; from += PUT_SLICE) {
    const [head, ...rest] = people.slice(from, from + PUT_SLICE);
    const started = queue(db.people.put(head!));
    if (rest.length > 0) queue(db.people.bulkPut(rest));
    await started;
  }
  await Promise.all(queued);
}

const unique = <T>(values: Iterable<T | undefined>): T[] => [...new Set([...values].filter((v): v is T => v !== undefined))];

/**
 * Every LinkedIn URL and email address saved, read once (two key-only index scans) so a large
 * import looks up only the rows that can match: for a new person, no IndexedDB request at all.
 * The importer adds each chunk's keys as it writes them.
 */
export interface KnownKeys {
  urls: Set<string>;
  emails: Set<string>;
  /**
   * The address mark (lib/db/writeMarks.ts) under which `emails` holds every saved address;
   * absent once an address may have been saved that they lack.
   */
  addressMark?: string;
}

export async function knownKeys(db: GroundworkDB): Promise<KnownKeys> {
  // One transaction: the addresses and the mark they were read under.
  return db.transaction('r', db.people, db.writeMarks, async () => {
    const [urls, emails, mark] = await Promise.all([db.people.orderBy('linkedinUrl').uniqueKeys(), db.people.orderBy('emails').uniqueKeys(), addressMark(db)]);
    return { urls: new Set(urls as string[]), emails: new Set(emails as string[]), addressMark: mark };
  });
}

export async function resolvePeople<T extends IncomingIdentity>(
  db: GroundworkDB,
  rows: readonly T[],
  rules: IdentityRules<T>,
  now: number = Date.now(),
  known?: KnownKeys,
): Promise<ResolvedBatch> {
  const ids = unique(rows.map((r) => r.id));
  const urls = unique(rows.map((r) => r.linkedinUrl)).filter((url) => !known || known.urls.has(url));
  const emails = unique(rows.flatMap((r) => r.emails)).filter((email) => !known || known.emails.has(email));
  // One request per key, all issued at once: IndexedDB pipelines them. `anyOf` would walk a cursor
  // key by key, one round trip each, which made a 50k-row import three times slower in Chromium.
  const [byId, byUrl, byEmail] = await Promise.all([
    ids.length ? db.people.bulkGet(ids) : [],
    Promise.all(urls.map((url) => db.people.where('linkedinUrl').equals(url).first())),
    Promise.all(emails.map((email) => db.people.where('emails').equals(email).toArray())).then((found) => found.flat()),
  ]);

  // Working copies of every record the batch can touch, and the two identity indexes over them.
  const people = new Map<string, Person>();
  const urlIndex = new Map<string, string>();
  const emailIndex = new Map<string, string>();
  const index = (person: Person) => {
    people.set(person.id, person);
    if (person.linkedinUrl) urlIndex.set(person.linkedinUrl, person.id);
    for (const email of person.emails) {
      // IndexedDB orders equal index keys by primary key; `.first()` finds the lowest id.
      const holder = emailIndex.get(email);
      if (holder === undefined || person.id < holder) emailIndex.set(email, person.id);
    }
  };
  const unindex = (person: Person) => {
    people.delete(person.id);
    if (person.linkedinUrl && urlIndex.get(person.linkedinUrl) === person.id) urlIndex.delete(person.linkedinUrl);
    for (const email of person.emails) if (emailIndex.get(email) === person.id) emailIndex.delete(email);
  };
  for (const person of [...byId, ...byUrl, ...byEmail]) {
    if (person && !people.has(person.id)) index(structuredClone(person));
  }
  const storedBefore = new Set(people.keys());

  const created = new Set<string>();
  const dirty = new Set<string>();
  const redirects = new Map<string, string>();
  const follow = (id: string): string => {
    let current = id;
    for (let next = redirects.get(current); next !== undefined; next = redirects.get(current)) current = next;
    return current;
  };
  const personIds: string[] = [];
  const outcomes: RowOutcome[] = [];

  for (const row of rows) {
    let rowEmails = [...row.emails];
    const idMatch = row.id !== undefined && (people.has(row.id) || redirects.has(row.id)) ? follow(row.id) : undefined;
    const urlMatch = row.linkedinUrl ? urlIndex.get(row.linkedinUrl) : undefined;
    // As `where('emails').anyOf(emails).first()`: the holder of the row's smallest known address.
    let emailMatch = [...rowEmails].sort().map((e) => emailIndex.get(e)).find((id) => id !== undefined);
    const emailHolder = emailMatch === undefined ? undefined : people.get(emailMatch);
    if (emailHolder && row.linkedinUrl && emailHolder.linkedinUrl && emailHolder.linkedinUrl !== row.linkedinUrl) {
      // The address already belongs to another LinkedIn member: two people, not one.
      rowEmails = rowEmails.filter((e) => !emailHolder.emails.includes(e));
      emailMatch = undefined;
    }

    const matches = unique([idMatch, urlMatch, emailMatch]).map((id) => people.get(id)!);
    if (matches.length === 0) {
      const person = rules.create(row, rowEmails);
      index(person);
      created.add(person.id);
      dirty.add(person.id);
      personIds.push(person.id);
      outcomes.push('created');
      continue;
    }

    // One human in several records: the oldest keeps its id and values.
    matches.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    let target = matches[0]!;
    const merged = matches.length > 1;
    for (const from of matches.slice(1)) {
      unindex(from);
      unionPersonFields(target, from);
      dirty.delete(from.id);
      created.delete(from.id);
      redirects.set(from.id, target.id);
    }
    if (merged) target.updatedAt = Math.max(target.updatedAt, now);
    const combined = rules.combine(target, row, rowEmails);
    if (combined) target = combined;
    if (merged || combined) {
      index(target);
      dirty.add(target.id);
      personIds.push(target.id);
      outcomes.push('merged');
    } else {
      personIds.push(target.id);
      outcomes.push('unchanged');
    }
  }

  // Records saved before the batch and merged away (those created in it were never written).
  const goneInDb = [...redirects.keys()].filter((id) => storedBefore.has(id));
  if (goneInDb.length) {
    // Delete first: the unique linkedinUrl index would reject a survivor while a merged record holds it.
    await db.people.bulkDelete(goneInDb);
    await db.fits.bulkDelete(goneInDb);
    await db.touches.where('personId').anyOf(goneInDb).modify((t) => {
      t.personId = follow(t.personId);
    });
    await db.followUps.where('personId').anyOf(goneInDb).modify((f) => {
      f.personId = follow(f.personId);
    });
    await db.people
      .where('referredById')
      .anyOf(goneInDb)
      .modify((p) => {
        p.referredById = follow(p.referredById!);
      });
  }
  const writes = [...dirty].map((id) => {
    const person = people.get(id)!;
    if (person.referredById !== undefined && redirects.has(person.referredById)) person.referredById = follow(person.referredById);
    // Two records of one human, one referred by the other: nobody refers themselves.
    if (person.referredById === person.id) delete person.referredById;
    return Person.parse(person);
  });
  await putInSlices(db, writes);
  return { personIds: personIds.map(follow), outcomes, redirects, joined: unique([...redirects.values()].map(follow)) };
}
