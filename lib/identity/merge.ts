import { afterTouchesChanged } from '../cadence/followUps';
import type { GroundworkDB } from '../db/db';
import { unionPersonFields } from '../db/people';
import { PERSON_CHANGE_TABLES } from '../db/personDetails';
import { recomputeAnswered, touchesOfPerson } from '../db/touches';
import { Person, type FitRow, type FollowUp, type Touch } from '../model';
import { refreshFits } from '../scoring/rescore';

/**
 * "Merge with…" (issue 16): two records that are one human become one. Everything the other
 * record had moves to the one the rep keeps, in one transaction — touches, follow-ups, who they
 * referred, the brain-picker memory — and the cadence, the crisis rule and the fit are worked out
 * again on the whole history. The touches' running totals follow by themselves (the touch
 * figures middleware sees every touch that moves). Undo puts back exactly the rows there were.
 */

/** What merging would do, for the rep to read before confirming. */
export interface MergeSummary {
  keep: Person;
  gone: Person;
  touches: number;
  followUps: number;
  referrals: number;
  /** Addresses, phones and the LinkedIn profile the kept record gains. */
  gains: string[];
  /** What should make the rep look twice before merging. */
  warnings: string[];
}

/** Every row a merge changes, as it was: what Undo puts back. */
export interface MergeUndo {
  keep: Person;
  gone: Person;
  touches: Touch[];
  followUps: FollowUp[];
  referred: Person[];
  fits: FitRow[];
  /** The kept and the gone person's ids. */
  personIds: [string, string];
}


async function both(db: GroundworkDB, keepId: string, goneId: string): Promise<{ keep: Person; gone: Person }> {
  if (keepId === goneId) throw new Error('A person cannot be merged with themselves');
  const [keep, gone] = await db.people.bulkGet([keepId, goneId]);
  if (!keep || !gone) throw new Error('One of these people is no longer saved');
  return { keep, gone };
}

export async function mergeSummary(db: GroundworkDB, keepId: string, goneId: string): Promise<MergeSummary> {
  return db.transaction('r', [db.people, db.touches, db.followUps], async () => {
    const { keep, gone } = await both(db, keepId, goneId);
    const [touches, followUps, referrals] = await Promise.all([
      touchesOfPerson(db, gone.id).count(),
      db.followUps.where('personId').equals(gone.id).filter((f) => f.status === 'open' || f.status === 'snoozed').count(),
      db.people.where('referredById').equals(gone.id).count(),
    ]);
    const gains = [
      ...gone.emails.filter((e) => !keep.emails.includes(e)),
      ...(gone.phones ?? []).filter((p) => !keep.phones?.includes(p)),
      ...(gone.linkedinUrl && !keep.linkedinUrl ? [gone.linkedinUrl] : []),
    ];
    const warnings: string[] = [];
    if (
      keep.linkedinUrl &&
      gone.linkedinUrl &&
      // Stryker disable next-line ConditionalExpression: linkedinUrl is a unique index, so two saved people never share one
      keep.linkedinUrl !== gone.linkedinUrl
    ) {
      warnings.push(`They have two LinkedIn profiles (${keep.linkedinUrl} and ${gone.linkedinUrl}): are they one person? The second goes into the notes.`);
    }
    if (keep.flags.includes('brain-picker') !== gone.flags.includes('brain-picker')) {
      const flagged = keep.flags.includes('brain-picker') ? keep : gone;
      warnings.push(`${flagged.name} is flagged as a crisis-mode brain-picker: the merged record will be too, on the back burner.`);
    }
    return { keep, gone, touches, followUps, referrals, gains, warnings };
  });
}

export async function mergePeople(db: GroundworkDB, keepId: string, goneId: string, now: number = Date.now()): Promise<MergeUndo> {
  return db.transaction('rw', PERSON_CHANGE_TABLES(db), async () => {
    const { keep, gone } = await both(db, keepId, goneId);
    const [touches, followUps, referred, fits] = await Promise.all([
      db.touches.where('personId').anyOf([keep.id, gone.id]).toArray(),
      db.followUps.where('personId').anyOf([keep.id, gone.id]).toArray(),
      db.people.where('referredById').equals(gone.id).toArray(),
      db.fits.bulkGet([keep.id, gone.id]),
    ]);
    const undo: MergeUndo = {
      keep: structuredClone(keep),
      gone: structuredClone(gone),
      touches: structuredClone(touches),
      followUps: structuredClone(followUps),
      // Stryker disable next-line MethodExpression,ConditionalExpression: the kept one, if the other referred them, was read in this transaction as `keep` too: putting it back twice writes the same row
      referred: structuredClone(referred.filter((p) => p.id !== keep.id)),
      fits: fits.filter((f): f is FitRow => f !== undefined),
      personIds: [keep.id, gone.id],
    };

    const merged = structuredClone(keep);
    unionPersonFields(merged, gone);
    // A flag on either record holds for the one human: their memory, and the back burner with it.
    const flagged = [keep, gone].find((p) => p.flags.includes('brain-picker'));
    merged.brainPicker = flagged?.brainPicker ?? merged.brainPicker ?? gone.brainPicker;
    if (flagged && merged.stage !== 'back-burner') {
      if (merged.brainPicker) merged.brainPicker = { ...merged.brainPicker, previousStage: merged.stage };
      merged.stage = 'back-burner';
    }
    if (merged.referredById === gone.id) delete merged.referredById;
    merged.updatedAt = now;

    // The gone record first: its LinkedIn profile is unique, and the kept record may now carry it.
    await db.people.delete(gone.id);
    await db.fits.delete(gone.id);
    await db.people.put(Person.parse(merged));
    await db.touches.bulkPut(touches.map((t) => ({ ...t, personId: keep.id, ...(t.accountId || !merged.accountId ? {} : { accountId: merged.accountId }) })));
    // Their messages in either record answer the attempts before them in the merged history.
    await recomputeAnswered(db, keep.id);
    await db.followUps.where('personId').equals(gone.id).modify({ personId: keep.id, updatedAt: now });
    await db.people.where('referredById').equals(gone.id).modify({ referredById: keep.id, updatedAt: now });
    // The fit first: the cadence reads it (a not-a-fit record gets no proposals).
    await refreshFits(db, [keep.id]);
    await afterTouchesChanged(db, keep.id, now);
    return undo;
  });
}

/** Undoes `mergePeople`: both records, their touches, follow-ups, referrals and fits as they were. */
export async function undoMerge(db: GroundworkDB, undo: MergeUndo): Promise<void> {
  await db.transaction('rw', PERSON_CHANGE_TABLES(db), async () => {
    const [keepId, goneId] = undo.personIds;
    const gone = await db.people.get(goneId);
    if (gone) throw new Error(`${gone.name} is saved again: the merge can no longer be undone`);
    // Follow-ups proposed since the merge go; the ones there were come back.
    await db.followUps.where('personId').equals(keepId).delete();
    // The kept record as it was first: it gives back the gone record's unique LinkedIn profile.
    await db.people.put(undo.keep);
    await db.people.put(undo.gone);
    await db.touches.bulkPut(undo.touches);
    await db.followUps.bulkPut(undo.followUps);
    await db.people.bulkPut(undo.referred);
    await db.fits.bulkDelete([keepId, goneId]);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: putting no rows writes nothing; the guard only skips the call
    if (undo.fits.length > 0) await db.fits.bulkPut(undo.fits);
  });
}
