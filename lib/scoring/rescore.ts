import type { GroundworkDB } from '../db/db';
import { activeProfile } from '../db/profiles';
import type { Account, IdealCustomerProfile, Person } from '../model';
import { profileIsSet, profileKey, scoreFit } from './fit';
import { fitSummary, subjectForPerson } from './subjects';

/**
 * Keeps every saved person's stored fit current with the active profile. Runs in the background
 * worker in chunks, each its own short transaction, yielding between chunks so no page waits on
 * it. Resumable and idempotent: a person whose fit already carries the current profile key is
 * skipped, and the finished profile key is recorded so a restarted worker knows whether to run.
 */

const SCORING_KEY = 'scoring';

function fitFor(person: Person, account: Account | undefined, profile: IdealCustomerProfile | undefined, key: string | undefined) {
  if (!profile || !key) return undefined;
  const result = scoreFit(profile, subjectForPerson(person, account));
  return result ? fitSummary(result, key) : undefined;
}

function sameFit(a: Person['fit'], b: Person['fit']): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

async function scoreChunk(db: GroundworkDB, people: Person[], profile: IdealCustomerProfile | undefined, key: string | undefined): Promise<number> {
  const accountIds = [...new Set(people.map((p) => p.accountId).filter((id): id is string => id !== undefined))];
  const accounts = new Map((await db.accounts.bulkGet(accountIds)).filter((a): a is Account => a !== undefined).map((a) => [a.id, a]));
  const changed: Person[] = [];
  for (const person of people) {
    const fit = fitFor(person, person.accountId ? accounts.get(person.accountId) : undefined, profile, key);
    if (!sameFit(fit, person.fit)) {
      const next = { ...person };
      if (fit) next.fit = fit;
      else delete next.fit;
      changed.push(next);
    }
  }
  if (changed.length) await db.people.bulkPut(changed);
  return changed.length;
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

/**
 * Re-scores every person against the active profile unless that was already completed. Returns
 * how many were looked at and how many changed. `yieldBetweenChunks` lets the caller give the
 * event loop back (the default uses a macrotask).
 */
export async function rescoreAll(
  db: GroundworkDB,
  {
    chunkSize = 2000,
    force = false,
    onProgress,
    yieldBetweenChunks = () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
  }: { chunkSize?: number; force?: boolean; onProgress?: (p: RescoreProgress) => void; yieldBetweenChunks?: () => Promise<void> } = {},
): Promise<RescoreProgress> {
  const profile = await activeProfile(db);
  const key = profileIsSet(profile) ? profileKey(profile) : undefined;
  if (!force && (await completedScoringKey(db)) === (key ?? 'none')) return { done: 0, changed: 0 };

  const progress: RescoreProgress = { done: 0, changed: 0 };
  let after: string | undefined;
  for (;;) {
    const chunk = await db.transaction('rw', db.people, db.accounts, async () => {
      const people = await (after === undefined ? db.people.orderBy(':id') : db.people.where(':id').above(after)).limit(chunkSize).toArray();
      progress.changed += await scoreChunk(db, people, profile, key);
      return people;
    });
    progress.done += chunk.length;
    onProgress?.({ ...progress });
    if (chunk.length < chunkSize) break;
    after = chunk[chunk.length - 1]!.id;
    await yieldBetweenChunks();
  }
  // If the profile changed while we ran, the next run (triggered by that change) starts over.
  const now = await activeProfile(db);
  const finishedKey = profileIsSet(now) ? profileKey(now) : undefined;
  if (finishedKey === key) await db.settings.put({ key: SCORING_KEY, value: key ?? 'none' });
  return progress;
}

/** Re-scores a few people now (after a save or an edit), inside the caller's transaction if any. */
export async function refreshFits(db: GroundworkDB, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await db.transaction('rw', db.people, db.accounts, db.profiles, db.settings, async () => {
    const profile = await activeProfile(db);
    const key = profileIsSet(profile) ? profileKey(profile) : undefined;
    const people = (await db.people.bulkGet([...personIds])).filter((p): p is Person => p !== undefined);
    await scoreChunk(db, people, profile, key);
  });
}
