import type { GroundworkDB } from '../db/db';
import type { FollowUp, Person } from '../model';

/**
 * What one change of the rep's did to a person's record and follow-ups, beyond the change itself
 * (a Done, a touch edited or deleted): the cadence's proposals, the crisis rule's flag. Undo puts
 * back only that, and only where nothing has touched it since — a follow-up the rep snoozed after
 * Done keeps its snooze; a stage they set by hand stays set.
 */
export interface SideEffects {
  personId: string;
  /** Follow-ups the change added. */
  added: string[];
  /** Follow-ups the change altered, as they were before, with when the change left them. */
  altered: { before: FollowUp; leftAt: number }[];
  /** The person's fields the change altered: their value before, and the value it left. */
  person: { field: keyof Person; before: unknown; after: unknown }[];
}

interface Snapshot {
  person?: Person;
  followUps: FollowUp[];
}

async function snapshot(db: GroundworkDB, personId: string): Promise<Snapshot> {
  const [person, followUps] = await Promise.all([db.people.get(personId), db.followUps.where('personId').equals(personId).toArray()]);
  return { person, followUps };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Fields whose change is bookkeeping, not something Undo gives back. */
const BOOKKEEPING = new Set<keyof Person>(['updatedAt']);

function personFields(before?: Person, after?: Person): SideEffects['person'] {
  if (!before || !after) return [];
  const fields = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof Person)[]);
  return [...fields].filter((field) => !BOOKKEEPING.has(field) && !same(before[field], after[field])).map((field) => ({ field, before: before[field], after: after[field] }));
}

/**
 * Runs `change` (inside the caller's transaction) and records what it did to the person and
 * their follow-ups.
 */
export async function recordingSideEffects<T>(db: GroundworkDB, personId: string, change: () => Promise<T>): Promise<{ result: T; effects: SideEffects }> {
  const before = await snapshot(db, personId);
  const result = await change();
  const after = await snapshot(db, personId);
  const earlier = new Map(before.followUps.map((f) => [f.id, f]));
  const effects: SideEffects = {
    personId,
    added: after.followUps.filter((f) => !earlier.has(f.id)).map((f) => f.id),
    altered: after.followUps.flatMap((f) => {
      const was = earlier.get(f.id);
      return was && !same(was, f) ? [{ before: was, leftAt: f.updatedAt }] : [];
    }),
    person: personFields(before.person, after.person),
  };
  return { result, effects };
}

/**
 * Gives back what `effects` recorded (inside the caller's transaction): follow-ups the change
 * added go; those it altered return, unless changed since; the person's fields return where
 * they still hold what the change left.
 */
export async function undoSideEffects(db: GroundworkDB, effects: SideEffects, now: number): Promise<void> {
  await db.followUps.bulkDelete(effects.added);
  for (const { before, leftAt } of effects.altered) {
    const current = await db.followUps.get(before.id);
    if (current && current.updatedAt === leftAt) await db.followUps.put(before);
  }
  const person = await db.people.get(effects.personId);
  if (!person) return;
  const restored: Record<string, unknown> = { ...person };
  let changed = false;
  for (const { field, before, after } of effects.person) {
    if (!same(person[field], after)) continue;
    changed = true;
    if (before === undefined) delete restored[field];
    else restored[field] = before;
  }
  if (changed) await db.people.put({ ...(restored as Person), updatedAt: now });
}
