import Dexie from 'dexie';
import { reachesThem, Touch, touchTypeInfo, type LoggedBy, type TouchDirection, type TouchIntent, type TouchType } from '../model';
import type { GroundworkDB } from './db';
import { newId } from './ids';

/** What a caller supplies to log a touch; the rest is derived from the catalogue. */
export interface NewTouch {
  personId: string;
  type: TouchType;
  at?: number;
  direction?: TouchDirection;
  intent?: TouchIntent;
  subject?: string;
  note?: string;
  minutes?: number;
  freeAdvice?: boolean;
  loggedBy: LoggedBy;
  sourceKey?: string;
}

export interface LogTouchResult {
  touch: Touch;
  /** False when a touch with the same source key was already logged (nothing was written). */
  created: boolean;
}

/** The touch `input` describes, for `person` (validated, not yet written). */
export function touchFor(person: { id: string; accountId?: string }, input: NewTouch, now: number): Touch {
  const info = touchTypeInfo(input.type);
  return Touch.parse({
    id: newId(),
    personId: person.id,
    accountId: person.accountId,
    at: input.at ?? now,
    type: input.type,
    direction: input.direction ?? info.usualDirection,
    intent: input.intent ?? info.intent,
    subject: input.subject?.trim() || undefined,
    note: input.note?.trim() || undefined,
    answered: false,
    minutes: input.minutes,
    freeAdvice: input.freeAdvice ?? false,
    loggedBy: input.loggedBy,
    sourceKey: input.sourceKey,
    createdAt: now,
  });
}

/** The touch already logged under `sourceKey`, if any. */
export function loggedBySourceKey(db: GroundworkDB, sourceKey: string | undefined): Promise<Touch | undefined> {
  return sourceKey === undefined ? Promise.resolve(undefined) : db.touches.where('sourceKey').equals(sourceKey).first();
}

/** Writes a new touch; an inbound one answers the person's earlier unanswered attempts. */
export async function writeTouch(db: GroundworkDB, touch: Touch): Promise<void> {
  await Promise.all([db.touches.add(touch), touch.direction === 'inbound' ? markAnsweredUntil(db, touch.personId, touch.at) : undefined]);
}

/**
 * `history` (one person's touches, oldest first, as `touchesOfPerson` reads them) as it is once
 * `touch` is written: in its place, and, when it is inbound, the attempts it answers answered.
 */
export function historyWith(history: readonly Touch[], touch: Touch): Touch[] {
  const after = touch.direction === 'inbound' ? history.map((t) => (t.at <= touch.at && awaitsAnswer(t) ? { ...t, answered: true } : t)) : [...history];
  // The index orders by time, then by id.
  const at = after.findIndex((t) => t.at > touch.at || (t.at === touch.at && t.id > touch.id));
  after.splice(at < 0 ? after.length : at, 0, touch);
  return after;
}

/**
 * Logs a touch once. A touch with a source key (an email's message id, say) that was logged
 * before is returned as it is, so automatic logging can be retried safely. An inbound touch marks
 * the person's earlier unanswered outbound touches as answered.
 */
export async function logTouch(
  db: GroundworkDB,
  input: NewTouch,
  now: number = Date.now(),
): Promise<LogTouchResult> {
  return db.transaction('rw', db.people, db.touches, async () => {
    // Both asked for at once: one round trip before the touch is written.
    const [existing, person] = await Promise.all([loggedBySourceKey(db, input.sourceKey), db.people.get(input.personId)]);
    if (existing) return { touch: existing, created: false };
    if (!person) throw new Error(`No person with id ${input.personId}`);
    const touch = touchFor(person, input, now);
    await writeTouch(db, touch);
    return { touch, created: true };
  });
}

/** An attempt still waiting for an answer: their next message, up to its time, answers it. */
export const awaitsAnswer = (touch: Pick<Touch, 'direction' | 'answered'>): boolean => touch.direction === 'outbound' && !touch.answered;

/** Their message answers the person's outbound touches up to its time that were unanswered. */
async function markAnsweredUntil(db: GroundworkDB, personId: string, at: number): Promise<void> {
  await db.touches
    .where('[personId+at]')
    .between([personId, Dexie.minKey], [personId, at], true, true)
    .filter(awaitsAnswer)
    .modify({ answered: true });
}

/**
 * Their messages answer the attempts before them: each outbound touch is answered exactly when
 * one of their messages comes at or after it. Writes only the touches whose mark changes.
 */
export async function recomputeAnswered(db: GroundworkDB, personId: string): Promise<number> {
  const touches = await touchesOfPerson(db, personId).toArray();
  const lastTheirs = Math.max(...touches.filter((t) => t.direction === 'inbound' && reachesThem(t)).map((t) => t.at), Number.NEGATIVE_INFINITY);
  const changed = touches.filter((t) => t.direction === 'outbound' && t.answered !== t.at <= lastTheirs).map((t) => ({ ...t, answered: t.at <= lastTheirs }));
  if (changed.length > 0) await db.touches.bulkPut(changed);
  return changed.length;
}

/** Where the next timeline page starts: just after this touch, in newest-first order. */
export interface TimelineCursor {
  at: number;
  id: string;
}

export interface TimelinePage {
  touches: Touch[];
  /** Present when older touches remain. */
  next?: TimelineCursor;
}

/**
 * A person's touches, newest first, a page at a time. Keyset paging on [personId+at] costs the
 * same on page 50 as on page 1. Ties on `at` are ordered by id (IndexedDB orders equal index keys
 * by primary key), which the cursor carries.
 */
export async function timeline(
  db: GroundworkDB,
  personId: string,
  { limit = 50, after }: { limit?: number; after?: TimelineCursor } = {},
): Promise<TimelinePage> {
  const upper = after ? after.at : Dexie.maxKey;
  const rows = await db.touches
    .where('[personId+at]')
    .between([personId, Dexie.minKey], [personId, upper], true, true)
    .reverse()
    .filter((t) => !after || t.at < after.at || t.id < after.id)
    .limit(limit + 1)
    .toArray();
  const touches = rows.slice(0, limit);
  const last = touches[touches.length - 1];
  return rows.length > limit && last ? { touches, next: { at: last.at, id: last.id } } : { touches };
}

/** All of a person's touches, oldest first, as an index range ([personId+at]): `.toArray()`, `.first()`… */
export function touchesOfPerson(db: GroundworkDB, personId: string) {
  return db.touches.where('[personId+at]').between([personId, Dexie.minKey], [personId, Dexie.maxKey]);
}
