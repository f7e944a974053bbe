import type { GroundworkDB } from '../db/db';
import { updatePersonDetails } from '../db/personDetails';
import { peopleRows, PEOPLE_COLUMNS, toCsv } from '../io/csvExport';
import { isPending, type FitRow, type FollowUp, type OwnerRole, type Person, type Stage, type Touch } from '../model';
import { setOwner } from '../relationships/queries';

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
  at: number;
  deleted: boolean;
  people: Person[];
  followUps: FollowUp[];
  touches: Touch[];
  fits: FitRow[];
}

export interface BulkResult {
  /** People the action changed (one whose record it would not change is not counted). */
  changed: number;
  undo: BulkUndo;
}

export interface UndoResult {
  restored: number;
  /** People changed again since the action, left as they are now. */
  skipped: number;
}

const CHUNK = 250;

const chunks = <T>(list: readonly T[]): T[][] => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

const TABLES = (db: GroundworkDB) => [db.people, db.touches, db.followUps, db.settings, db.fits, db.accounts, db.profiles];

/** Whether the action would change this person at all. */
function changes(action: BulkAction, person: Person, pending: readonly FollowUp[]): boolean {
  switch (action.kind) {
    case 'stage':
      return person.stage !== action.stage;
    case 'tag':
      return !person.tags.some((t) => t.toLowerCase() === action.tag.trim().toLowerCase());
    case 'untag':
      return person.tags.some((t) => t.toLowerCase() === action.tag.trim().toLowerCase());
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
      await updatePersonDetails(db, person.id, { tags: person.tags.filter((t) => t.toLowerCase() !== action.tag.trim().toLowerCase()) }, now);
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

export async function runBulkAction(db: GroundworkDB, ids: readonly string[], action: BulkAction, now: number = Date.now()): Promise<BulkResult> {
  if ((action.kind === 'tag' || action.kind === 'untag') && !action.tag.trim()) throw new Error('Type a tag first');
  const undo: BulkUndo = { at: now, deleted: action.kind === 'delete', people: [], followUps: [], touches: [], fits: [] };
  let changed = 0;
  for (const chunk of chunks([...new Set(ids)])) {
    await db.transaction('rw', TABLES(db), async () => {
      const [people, followUps] = await Promise.all([db.people.bulkGet(chunk), db.followUps.where('personId').anyOf(chunk).toArray()]);
      const byPerson = new Map<string, FollowUp[]>();
      for (const f of followUps) byPerson.set(f.personId, [...(byPerson.get(f.personId) ?? []), f]);
      for (const person of people) {
        if (!person) continue;
        const theirs = byPerson.get(person.id) ?? [];
        const pending = theirs.filter((f) => isPending(f.status));
        if (!changes(action, person, pending)) continue;
        undo.people.push(person);
        undo.followUps.push(...theirs);
        if (undo.deleted) {
          const [touches, fit] = await Promise.all([db.touches.where('[personId+at]').between([person.id, -Infinity], [person.id, Infinity]).toArray(), db.fits.get(person.id)]);
          undo.touches.push(...touches);
          if (fit) undo.fits.push(fit);
        }
        await applyTo(db, action, person, pending, now);
        changed++;
      }
    });
  }
  return { changed, undo };
}

/** Puts back what `runBulkAction` wrote, for every person not changed again since. */
export async function undoBulkAction(db: GroundworkDB, undo: BulkUndo): Promise<UndoResult> {
  let restored = 0;
  let skipped = 0;
  const followUpsOf = new Map<string, FollowUp[]>();
  for (const f of undo.followUps) followUpsOf.set(f.personId, [...(followUpsOf.get(f.personId) ?? []), f]);
  const touchesOf = new Map<string, Touch[]>();
  for (const t of undo.touches) touchesOf.set(t.personId, [...(touchesOf.get(t.personId) ?? []), t]);
  const fitOf = new Map(undo.fits.map((f) => [f.personId, f]));

  for (const chunk of chunks(undo.people)) {
    await db.transaction('rw', TABLES(db), async () => {
      const current = await db.people.bulkGet(chunk.map((p) => p.id));
      for (const [i, before] of chunk.entries()) {
        const now = current[i];
        const theirs = followUpsOf.get(before.id) ?? [];
        if (undo.deleted) {
          // Saved again since (their LinkedIn page, an email): what is there now stays.
          const clash = now ?? (before.linkedinUrl ? await db.people.where('linkedinUrl').equals(before.linkedinUrl).first() : undefined);
          if (clash) {
            skipped++;
            continue;
          }
          await db.people.add(before);
          await db.touches.bulkPut(touchesOf.get(before.id) ?? []);
          await db.followUps.bulkPut(theirs);
          const fit = fitOf.get(before.id);
          if (fit) await db.fits.put(fit);
          restored++;
          continue;
        }
        if (!now) {
          skipped++;
          continue;
        }
        // Their record: put back if what is there is what the action wrote (or left).
        const personOurs = now.updatedAt === undo.at || now.updatedAt === before.updatedAt;
        const followUpsNow = await db.followUps.where('personId').equals(before.id).toArray();
        const followUpsOurs = followUpsNow.every((f) => f.updatedAt === undo.at || theirs.some((b) => b.id === f.id && b.updatedAt === f.updatedAt));
        if (!personOurs || !followUpsOurs) {
          skipped++;
          continue;
        }
        await db.people.put(before);
        const written = followUpsNow.filter((f) => f.updatedAt === undo.at);
        const gone = written.filter((f) => !theirs.some((b) => b.id === f.id)).map((f) => f.id);
        await db.followUps.bulkDelete(gone);
        await db.followUps.bulkPut(theirs.filter((b) => written.some((f) => f.id === b.id)));
        restored++;
      }
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
