import type { GroundworkDB } from '../db/db';
import { activeProfile } from '../db/profiles';
import type { Account, FitRow, IdealCustomerProfile, Person } from '../model';
import { profileIsSet, profileKey, scoreFit } from './fit';
import { fitSummary, subjectForPerson } from './subjects';

/**
 * Keeps every saved person's stored fit (table `fits`) current with the active profile. Runs in
 * the background worker in chunks, each its own short transaction: between them the worker's
 * event loop runs (every IndexedDB answer is a task), so messages are answered while it works. Only fits that changed are written. Resumable: the finished profile key is
 * recorded, so a restarted worker knows whether there is anything to do.
 */

const SCORING_KEY = 'scoring';

/** The fit to store for `person`; undefined without a profile that asks anything (scoreFit says so). */
function fitRowFor(person: Person, account: Account | undefined, profile: IdealCustomerProfile | undefined): FitRow | undefined {
  // Only the summary is kept: no evidence to write.
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: the evidence is not stored (only the summary), so writing it changes nothing but time
  const result = scoreFit(profile, subjectForPerson(person, account), { explain: false });
  return result ? { personId: person.id, ...fitSummary(result) } : undefined;
}

/** Same score, band, confidence and exclusion (a row's old `profileKey` is not part of a fit). */
function sameFit(a: FitRow | undefined, b: FitRow | undefined): boolean {
  if (!a || !b) {
    // Stryker disable next-line ConditionalExpression: both missing happens only without a profile, where a mutant deletes a fit that is not there
    return a === b;
  }
  return (
    a.score === b.score &&
    // Stryker disable next-line ConditionalExpression: the band follows from the score (same score, same band)
    a.band === b.band &&
    a.confidence === b.confidence &&
    a.excluded === b.excluded
  );
}

/** The fits of `people` that differ from the `stored` ones: rows to put, and fits to delete. */
function fitsOf(people: readonly Person[], profile: IdealCustomerProfile | undefined, accounts: Map<string, Account>, stored: readonly (FitRow | undefined)[]) {
  const put: FitRow[] = [];
  const removed: string[] = [];
  people.forEach((person, i) => {
    const fit = fitRowFor(person, person.accountId ? accounts.get(person.accountId) : undefined, profile);
    if (sameFit(fit, stored[i])) return;
    if (fit) put.push(fit);
    else removed.push(person.id);
  });
  return { put, removed };
}

/** The stored fits of `people` (ascending ids), read as one range: both tables are keyed by person id. */
async function storedFits(db: GroundworkDB, people: readonly Person[]): Promise<(FitRow | undefined)[]> {
  // Stryker disable next-line ArrayDeclaration: with no people nobody's stored fit is looked up, whatever the list holds
  if (people.length === 0) return [];
  // Stryker disable next-line StringLiteral: Dexie reads an empty index name as the primary key, as ':id'
  const fits = await db.fits.where(':id').between(people[0]!.id, people[people.length - 1]!.id, true, true).toArray();
  const byPerson = new Map(fits.map((f) => [f.personId, f]));
  return people.map((p) => byPerson.get(p.id));
}

/** Writes fits in one transaction (the caller's, if any); resolves with how many rows changed. */
async function writeFits(db: GroundworkDB, put: FitRow[], removed: string[]): Promise<number> {
  // Stryker disable next-line ConditionalExpression,ArithmeticOperator: an empty write transaction writes nothing; fits are removed only without a profile, when none is put, so the difference is zero exactly when the sum is
  if (put.length + removed.length === 0) return 0;
  await db.transaction('rw', db.fits, () => Promise.all([put.length ? db.fits.bulkPut(put) : undefined, removed.length ? db.fits.bulkDelete(removed) : undefined]));
  // Stryker disable next-line ArithmeticOperator: one of the two is always empty (fits are removed only without a profile, when none is put); only re-scoring everyone counts, and it never removes
  return put.length + removed.length;
}

/** The profile key the stored fits were last completed for ('' when none). */
export async function completedScoringKey(db: GroundworkDB): Promise<string> {
  const row = await db.settings.get(SCORING_KEY);
  return typeof row?.value === 'string' ? row.value : '';
}

export interface RescoreProgress {
  done: number;
  changed: number;
}

const currentKey = (profile: IdealCustomerProfile | undefined) => (profileIsSet(profile) ? profileKey(profile) : undefined);

/**
 * Re-scores every person against the active profile unless that was already completed. Returns
 * how many were looked at and how many fits changed.
 */
export async function rescoreAll(
  db: GroundworkDB,
  {
    chunkSize = 5000,
    force = false,
    onProgress,
    yieldBetweenChunks,
  }: { chunkSize?: number; force?: boolean; onProgress?: (p: RescoreProgress) => void; yieldBetweenChunks?: () => Promise<void> } = {},
): Promise<RescoreProgress> {
  const profile = await activeProfile(db);
  const key = currentKey(profile);
  if (!force && (await completedScoringKey(db)) === (key ?? 'none')) return { done: 0, changed: 0 };

  const progress: RescoreProgress = { done: 0, changed: 0 };
  if (!key) {
    // No profile (or one that asks nothing): nobody has a fit.
    progress.changed = await db.fits.count();
    await db.fits.clear();
    progress.done = await db.people.count();
    await db.settings.put({ key: SCORING_KEY, value: 'none' });
    return progress;
  }
  // Accounts are far fewer than people: read them once rather than per chunk.
  const accounts = new Map((await db.accounts.toArray()).map((a) => [a.id, a]));
  // Only fits that changed are written — writing is what costs (50k rows took 7–10 s here), and
  // a profile change moves a fraction of them. The reads are asked for ahead so that IndexedDB
  // works while JavaScript scores: the next chunk's people while this one is scored, and its
  // stored fits before this chunk's changes are written (a read asked for after a write to the
  // same table waits for it). At most one write is in flight.
  const readPeople = (from: string | undefined) =>
    // Stryker disable next-line StringLiteral: Dexie reads an empty index name as the primary key, as ':id'
    db.transaction('r', db.people, () => (from === undefined ? db.people.orderBy(':id') : db.people.where(':id').above(from)).limit(chunkSize).toArray());
  let people = await readPeople(undefined);
  let stored = storedFits(db, people);
  let writing: Promise<number> | undefined;
  for (;;) {
    // Stryker disable next-line ConditionalExpression: reading on after a short chunk finds nobody and ends the run the same way, one read later
    const last = people.length === chunkSize ? people[people.length - 1]!.id : undefined;
    const following = last === undefined ? Promise.resolve([]) : readPeople(last);
    // Until awaited below, a failure must not count as unhandled.
    following.catch(() => undefined);
    const { put, removed } = fitsOf(people, profile, accounts, await stored);
    progress.done += people.length;
    const next = await following;
    stored = storedFits(db, next);
    stored.catch(() => undefined);
    progress.changed += (await writing) ?? 0;
    writing = writeFits(db, put, removed);
    writing.catch(() => undefined);
    onProgress?.({ ...progress });
    if (next.length === 0) break;
    people = next;
    await yieldBetweenChunks?.();
  }
  progress.changed += (await writing) ?? 0;
  // If the profile changed while we ran, the run that change triggered starts over.
  if (currentKey(await activeProfile(db)) === key) await db.settings.put({ key: SCORING_KEY, value: key });
  return progress;
}

/** Re-scores a few people now (after a save or an edit), inside the caller's transaction if any. */
export async function refreshFits(db: GroundworkDB, personIds: readonly string[]): Promise<void> {
  // Stryker disable next-line ConditionalExpression: with nobody asked the transaction reads and writes nothing
  if (personIds.length === 0) return;
  await db.transaction('rw', [db.people, db.accounts, db.fits, db.profiles, db.settings], async () => {
    const profile = await activeProfile(db);
    const people = (await db.people.bulkGet([...personIds])).filter((p): p is Person => p !== undefined);
    // Stryker disable next-line MethodExpression,ConditionalExpression: asking Dexie's bulkGet for no key answers undefined, the same as a gone account
    const ids = [...new Set(people.map((p) => p.accountId).filter((id): id is string => id !== undefined))];
    const accounts = new Map((await db.accounts.bulkGet(ids)).filter((a): a is Account => a !== undefined).map((a) => [a.id, a]));
    // A handful of people: read the stored fits and write only the ones that changed.
    const stored = await db.fits.bulkGet(people.map((p) => p.id));
    const { put, removed } = fitsOf(people, profile, accounts, stored);
    await writeFits(db, put, removed);
  });
}
