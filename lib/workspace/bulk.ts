import type { GroundworkDB } from '../db/db';
import { PERSON_CHANGE_TABLES, updatePersonDetails } from '../db/personDetails';
import { peopleRows, PEOPLE_COLUMNS, toCsv } from '../io/csvExport';
import { isPending, type FitRow, type FollowUp, type OwnerRole, type Person, type Stage, type Touch } from '../model';
import { setOwner } from '../relationships/queries';
import { refreshFits } from '../scoring/rescore';

/**
 * The workspace's bulk actions on a selection of people (issue 18). Each runs in chunks of one
 * transaction each (a selection can be every one of 50k people), through the same functions a
 * change to one person uses, so their effects are the same (a stage that stops the cadence cancels
 * the follow-ups; one that resumes it proposes the next). Each returns how many it changed and an
 * Undo that takes back only what this action wrote: a record changed again since is left as it is
 * and counted.
 */

export type BulkAction =
  | { kind: 'stage'; stage: Stage }
  | { kind: 'tag'; tag: string }
  | { kind: 'untag'; tag: string }
  | { kind: 'owner'; owner: OwnerRole }
  | { kind: 'cancel-follow-ups' }
  | { kind: 'delete' };

/** What the action found and wrote, enough to put it back. */
export interface BulkUndo {
  action: BulkAction;
  at: number;
  people: Person[];
  followUps: FollowUp[];
  touches: Touch[];
}

export interface BulkResult {
  /** People the action changed (one whose record it would not change is not counted). */
  changed: number;
  undo: BulkUndo;
  /** Set when a chunk failed: the people before it were changed (and `undo` takes them back), the rest not. */
  error?: string;
}

export interface UndoResult {
  restored: number;
  /** People changed again since the action, left as they are now. */
  skipped: number;
}

const CHUNK = 250;

const chunks = <T>(list: readonly T[]): T[][] => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

/** `list` grouped by `keyOf`, in one pass. */
function groupBy<T>(list: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}


const sameTag = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether the action would change this person at all. */
function changes(action: BulkAction, person: Person, pending: readonly FollowUp[]): boolean {
  switch (action.kind) {
    case 'stage':
      return person.stage !== action.stage;
    case 'tag':
      return !person.tags.some((t) => sameTag(t, action.tag));
    case 'untag':
      return person.tags.some((t) => sameTag(t, action.tag));
    case 'owner':
      return person.owner !== action.owner;
    case 'cancel-follow-ups':
      return pending.length > 0;
    case 'delete':
      return true;
  }
}

async function applyTo(db: GroundworkDB, action: BulkAction, person: Person, pending: readonly FollowUp[], now: number): Promise<void> {
  switch (action.kind) {
    case 'stage':
      await updatePersonDetails(db, person.id, { stage: action.stage }, now);
      return;
    case 'tag':
      await updatePersonDetails(db, person.id, { tags: [...person.tags, action.tag] }, now);
      return;
    case 'untag':
      await updatePersonDetails(db, person.id, { tags: person.tags.filter((t) => !sameTag(t, action.tag)) }, now);
      return;
    case 'owner':
      await setOwner(db, person.id, action.owner, now);
      return;
    case 'cancel-follow-ups':
      await db.followUps.bulkPut(pending.map((f) => ({ ...f, status: 'cancelled' as const, updatedAt: now })));
      return;
    case 'delete':
      await Promise.all([
        db.touches.where('[personId+at]').between([person.id, -Infinity], [person.id, Infinity]).delete(),
        db.followUps.where('personId').equals(person.id).delete(),
        db.fits.delete(person.id),
      ]);
      await db.people.delete(person.id);
  }
}

/**
 * Runs `action` on the people `ids`, a chunk per transaction. Should a chunk fail (a record an
 * older version left invalid), the chunks before it stay done and are in the returned Undo, the
 * rest are not touched, and `error` says why: nothing is left half-done and nothing done is lost.
 */
export async function runBulkAction(db: GroundworkDB, ids: readonly string[], action: BulkAction, now: number = Date.now()): Promise<BulkResult> {
  if ((action.kind === 'tag' || action.kind === 'untag') && !action.tag.trim()) throw new Error('Type a tag first');
  const undo: BulkUndo = { action, at: now, people: [], followUps: [], touches: [] };
  let changed = 0;
  for (const chunk of chunks([...new Set(ids)])) {
    try {
      const done = await db.transaction('rw', PERSON_CHANGE_TABLES(db), async () => {
        const record: BulkUndo = { action, at: now, people: [], followUps: [], touches: [] };
        const [people, followUps] = await Promise.all([db.people.bulkGet(chunk), db.followUps.where('personId').anyOf(chunk).toArray()]);
        const byPerson = groupBy(followUps, (f) => f.personId);
        for (const person of people) {
          if (!person) continue;
          const theirs = byPerson.get(person.id) ?? [];
          const pending = theirs.filter((f) => isPending(f.status));
          if (!changes(action, person, pending)) continue;
          record.people.push(person);
          record.followUps.push(...theirs);
          if (action.kind === 'delete') record.touches.push(...(await db.touches.where('[personId+at]').between([person.id, -Infinity], [person.id, Infinity]).toArray()));
          await applyTo(db, action, person, pending, now);
        }
        return record;
      });
      // Kept only once its transaction committed.
      undo.people.push(...done.people);
      undo.followUps.push(...done.followUps);
      undo.touches.push(...done.touches);
      changed += done.people.length;
    } catch (error) {
      return { changed, undo, error: error instanceof Error ? error.message : String(error) };
    }
  }
  return { changed, undo };
}

/**
 * The person as they were before the action, in what the action changed, if that is still what the
 * action left (the rep, a page or the worker may have changed it since: then it stays, and counts
 * as skipped). Other fields keep their current values: a link to an account made meanwhile stays.
 */
function revertedPerson(action: BulkAction, before: Person, now: Person): Person | undefined {
  switch (action.kind) {
    case 'stage':
      return now.stage === action.stage ? { ...now, stage: before.stage } : undefined;
    case 'owner':
      return now.owner === action.owner ? { ...now, owner: before.owner } : undefined;
    case 'tag': {
      const added = now.tags.find((t) => sameTag(t, action.tag));
      return added !== undefined ? { ...now, tags: now.tags.filter((t) => t !== added) } : undefined;
    }
    case 'untag': {
      const removed = before.tags.filter((t) => sameTag(t, action.tag));
      if (now.tags.some((t) => sameTag(t, action.tag))) return undefined;
      return { ...now, tags: before.tags.filter((t) => now.tags.includes(t) || removed.includes(t)) };
    }
    case 'cancel-follow-ups':
    case 'delete':
      return now;
  }
}

/** Puts back what `runBulkAction` wrote, for every person not changed again since in what it changed. */
export async function undoBulkAction(db: GroundworkDB, undo: BulkUndo, now: number = Date.now()): Promise<UndoResult> {
  let restored = 0;
  let skipped = 0;
  const followUpsOf = groupBy(undo.followUps, (f) => f.personId);
  const touchesOf = groupBy(undo.touches, (t) => t.personId);

  for (const chunk of chunks(undo.people)) {
    await db.transaction('rw', PERSON_CHANGE_TABLES(db), async () => {
      const current = await db.people.bulkGet(chunk.map((p) => p.id));
      const back: string[] = [];
      for (const [i, before] of chunk.entries()) {
        const stored = current[i];
        const theirs = followUpsOf.get(before.id) ?? [];
        if (undo.action.kind === 'delete') {
          // Saved again since (their LinkedIn page, an email): what is there now stays.
          const clash = stored ?? (before.linkedinUrl ? await db.people.where('linkedinUrl').equals(before.linkedinUrl).first() : undefined);
          if (clash) {
            skipped++;
            continue;
          }
          await db.people.add(before);
          // An email logged again since under someone else keeps its one record (unique source key).
          const touches = touchesOf.get(before.id) ?? [];
          const keys = touches.map((t) => t.sourceKey).filter((k): k is string => k !== undefined);
          const taken = new Set(keys.length ? ((await db.touches.where('sourceKey').anyOf(keys).keys()) as string[]) : []);
          await db.touches.bulkPut(touches.filter((t) => t.sourceKey === undefined || !taken.has(t.sourceKey)));
          await db.followUps.bulkPut(theirs);
          back.push(before.id);
          restored++;
          continue;
        }
        const reverted = stored && revertedPerson(undo.action, before, stored);
        if (!stored || !reverted) {
          skipped++;
          continue;
        }
        if (reverted !== stored) await db.people.put({ ...reverted, updatedAt: now });
        // The follow-ups the action wrote (cancelled, or proposed or stopped by a stage) go back as
        // they were; any written since stays.
        const written = (await db.followUps.where('personId').equals(before.id).toArray()).filter((f) => f.updatedAt === undo.at && f.createdAt <= undo.at);
        await db.followUps.bulkDelete(written.filter((f) => !theirs.some((b) => b.id === f.id)).map((f) => f.id));
        await db.followUps.bulkPut(theirs.filter((b) => written.some((f) => f.id === b.id)));
        restored++;
      }
      // Fits are worked out afresh: the profile may have changed while they were gone.
      if (back.length > 0) await refreshFits(db, back);
    });
  }
  return { restored, skipped };
}

/** The selected people as the CSV the options page exports for everyone (same columns). */
export async function selectionCsv(db: GroundworkDB, ids: readonly string[]): Promise<{ csv: string; count: number }> {
  const [people, fits] = await db.transaction('r', db.people, db.fits, () => Promise.all([db.people.bulkGet([...ids]), db.fits.bulkGet([...ids])]));
  const saved = people.filter((p): p is Person => p !== undefined).sort((a, b) => a.name.localeCompare(b.name));
  const accountIds = [...new Set(saved.map((p) => p.accountId).filter((id): id is string => id !== undefined))];
  const accounts = await db.accounts.bulkGet(accountIds);
  const rows = peopleRows(
    saved,
    new Map(accounts.filter((a) => a !== undefined).map((a) => [a.id, a])),
    new Map(fits.filter((f): f is FitRow => f !== undefined).map((f) => [f.personId, f])),
  );
  return { csv: toCsv(PEOPLE_COLUMNS, rows), count: saved.length };
}
