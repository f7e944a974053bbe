import type { GroundworkDB } from '../db/db';
import { activeProfile } from '../db/profiles';
import type { Account, FitRow, IdealCustomerProfile, Person } from '../model';
import { profileIsSet, profileKey, scoreFit } from './fit';
import { fitSummary, subjectForPerson } from './subjects';

/**
 * Keeps every saved person's stored fit (table `fits`) current with the active profile. Runs in
 * the background worker in chunks, each its own short transaction, yielding between chunks so no
 * page waits on it. Only fits that changed are written. Resumable: the finished profile key is
 * recorded, so a restarted worker knows whether there is anything to do.
 */

const SCORING_KEY = 'scoring';

function fitRowFor(person: Person, account: Account | undefined, profile: IdealCustomerProfile | undefined, key: string | undefined): FitRow | undefined {
  if (!profile || !key) return undefined;
  const result = scoreFit(profile, subjectForPerson(person, account));
  return result ? { personId: person.id, ...fitSummary(result, key) } : undefined;
}

function sameFit(a: FitRow | undefined, b: FitRow | undefined): boolean {
  if (!a || !b) return a === b;
  return a.score === b.score && a.band === b.band && a.confidence === b.confidence && a.excluded === b.excluded && a.profileKey === b.profileKey;
}

/**
 * Scores a chunk and writes the fits. `compare` reads the stored fits first and writes only the
 * ones that changed: worth it for a handful of people, not for a whole re-score, where every row
 * carries the new profile key anyway and the read would only add cost.
 */
async function scoreChunk(
  db: GroundworkDB,
  people: Person[],
  profile: IdealCustomerProfile | undefined,
  key: string | undefined,
  { compare, accounts }: { compare: boolean; accounts?: Map<string, Account> },
): Promise<number> {
  if (!accounts) {
    const ids = [...new Set(people.map((p) => p.accountId).filter((id): id is string => id !== undefined))];
    accounts = new Map((await db.accounts.bulkGet(ids)).filter((a): a is Account => a !== undefined).map((a) => [a.id, a]));
  }
  const stored = compare ? await db.fits.bulkGet(people.map((p) => p.id)) : [];
  const put: FitRow[] = [];
  const removed: string[] = [];
  people.forEach((person, i) => {
    const fit = fitRowFor(person, person.accountId ? accounts!.get(person.accountId) : undefined, profile, key);
    if (compare && sameFit(fit, stored[i])) return;
    if (fit) put.push(fit);
    else removed.push(person.id);
  });
  await Promise.all([put.length ? db.fits.bulkPut(put) : undefined, removed.length ? db.fits.bulkDelete(removed) : undefined]);
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
    yieldBetweenChunks = () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
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
  let after: string | undefined;
  for (;;) {
    const chunk = await db.transaction('rw', db.people, db.fits, async () => {
      const people = await (after === undefined ? db.people.orderBy(':id') : db.people.where(':id').above(after)).limit(chunkSize).toArray();
      progress.changed += await scoreChunk(db, people, profile, key, { compare: false, accounts });
      return people;
    });
    progress.done += chunk.length;
    onProgress?.({ ...progress });
    if (chunk.length < chunkSize) break;
    after = chunk[chunk.length - 1]!.id;
    await yieldBetweenChunks();
  }
  // If the profile changed while we ran, the run that change triggered starts over.
  if (currentKey(await activeProfile(db)) === key) await db.settings.put({ key: SCORING_KEY, value: key });
  return progress;
}

/** Re-scores a few people now (after a save or an edit), inside the caller's transaction if any. */
export async function refreshFits(db: GroundworkDB, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await db.transaction('rw', [db.people, db.accounts, db.fits, db.profiles, db.settings], async () => {
    const profile = await activeProfile(db);
    const people = (await db.people.bulkGet([...personIds])).filter((p): p is Person => p !== undefined);
    await scoreChunk(db, people, profile, currentKey(profile), { compare: true });
  });
}
