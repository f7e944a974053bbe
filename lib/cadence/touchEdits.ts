import type { GroundworkDB } from '../db/db';
import { recomputeAnswered } from '../db/touches';
import { Touch, TOUCH_CATALOGUE, type TouchDirection, type TouchIntent, type TouchType } from '../model';
import { afterTouchesChanged, type DoneUndo } from './followUps';
import { recordingSideEffects, undoSideEffects, type SideEffects } from './sideEffects';

/**
 * Touches the rep corrects (issue 16): "I left that voicemail yesterday", "that email was a give",
 * "that was not a call". An edit or a delete is one transaction after which everything that reads
 * touches agrees with them again: which attempts their messages answered, the cadence's next
 * step and the crisis rule (here), the running totals (the touch figures middleware), the week
 * and the badge (they read those). Each returns what Undo needs.
 */

export interface TouchChanges {
  type?: TouchType;
  at?: number;
  direction?: TouchDirection;
  intent?: TouchIntent;
  /** `null` clears it. */
  minutes?: number | null;
  freeAdvice?: boolean;
  subject?: string;
  note?: string;
  /** Their message was them reaching out with a problem (true), was not (false); `null`: Groundwork judges. */
  reachedOut?: boolean | null;
}

/** A touch logged this far ahead of the clock is a mistake, not a plan: follow-ups are for plans. */
const FUTURE_SLACK_MS = 60_000;

/** Refuses a touch dated ahead of `now`, or at no date at all (the log form's "When", any edit of a touch's time). */
export function assertNotFuture(at: number, now: number = Date.now()): void {
  if (!(at <= now + FUTURE_SLACK_MS)) throw new Error('A touch cannot be in the future: set a follow-up for what is planned');
}

const TABLES = (db: GroundworkDB) => [db.people, db.touches, db.followUps, db.settings, db.fits];

function applied(touch: Touch, changes: TouchChanges, now: number): Touch {
  const { minutes, subject, note, reachedOut, ...rest } = changes;
  const next: Touch = { ...touch, ...rest };
  if (reachedOut === null) delete next.reachedOut;
  else if (reachedOut !== undefined) next.reachedOut = reachedOut;
  if (minutes === null) delete next.minutes;
  else if (minutes !== undefined) next.minutes = minutes;
  if (subject !== undefined) next.subject = subject.trim() || undefined;
  if (note !== undefined) next.note = note.trim() || undefined;
  if (!next.subject) delete next.subject;
  if (!next.note) delete next.note;
  assertNotFuture(next.at, now);
  return Touch.parse(next);
}

/** What Undo of an edit or a delete needs: the touch as it was, and what the change did in turn. */
export interface TouchUndo {
  touch: Touch;
  effects: SideEffects;
}

/** Edits a touch; returns it as it was (for Undo, `restoreTouch`) and as it is. */
export async function editTouch(db: GroundworkDB, id: string, changes: TouchChanges, now: number = Date.now()): Promise<{ before: Touch; after: Touch; undo: TouchUndo }> {
  return db.transaction('rw', TABLES(db), async () => {
    const before = await db.touches.get(id);
    if (!before) throw new Error('This touch is no longer there');
    const after = applied(before, changes, now);
    const { effects } = await recordingSideEffects(db, before.personId, async () => {
      await db.touches.put(after);
      await recomputeAnswered(db, before.personId);
      await afterTouchesChanged(db, before.personId, now);
    });
    return { before, after, undo: { touch: before, effects } };
  });
}

/** Deletes a touch; returns what Undo (`restoreTouch`) needs. */
export async function deleteTouch(db: GroundworkDB, id: string, now: number = Date.now()): Promise<TouchUndo> {
  return db.transaction('rw', TABLES(db), async () => {
    const touch = await db.touches.get(id);
    if (!touch) throw new Error('This touch is no longer there');
    const { effects } = await recordingSideEffects(db, touch.personId, async () => {
      await db.touches.delete(id);
      await recomputeAnswered(db, touch.personId);
      await afterTouchesChanged(db, touch.personId, now);
    });
    return { touch, effects };
  });
}

/**
 * Undo of an edit or a delete: the touch as it was, and what the change did in turn taken back —
 * a follow-up the rep had snoozed is snoozed again, not proposed afresh.
 */
export async function restoreTouch(db: GroundworkDB, { touch, effects }: TouchUndo, now: number = Date.now()): Promise<void> {
  await db.transaction('rw', TABLES(db), async () => {
    if (!(await db.people.get(touch.personId))) throw new Error('Their record is gone: the touch cannot come back');
    await db.touches.put(Touch.parse(touch));
    await undoSideEffects(db, effects, now);
    await recomputeAnswered(db, touch.personId);
    await afterTouchesChanged(db, touch.personId, now);
  });
}

/**
 * "Done · Personal note sent" — no, it was a call: the touch Done recorded changes type (and the
 * intent that goes with it). Returns Done's Undo, which now takes this back too.
 */
export async function retypeDone(db: GroundworkDB, undo: DoneUndo, type: TouchType, now: number = Date.now()): Promise<DoneUndo> {
  if (!undo.touchId) throw new Error('Nothing was logged to change');
  const { undo: edit } = await editTouch(db, undo.touchId, { type, intent: TOUCH_CATALOGUE[type].intent }, now);
  return { ...undo, retyped: [...(undo.retyped ?? []), edit.effects] };
}
