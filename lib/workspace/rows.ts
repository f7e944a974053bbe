import Dexie from 'dexie';
import type { GroundworkDB } from '../db/db';
import type { FirstTouch } from '../db/touchFigures';
import { isPending, PENDING_STATUSES, type FitBand, type FitRow, type FollowUp, type OwnerRole, type Person, type SeniorityLevel, type Stage } from '../model';
import { foldText } from '../identity/names';
import { levelOf } from '../relationships/levels';

/**
 * One line of the workspace's people list (issue 18): what its columns and filters need and
 * nothing more, so 50k people fit in a few megabytes (notes, phones, the crisis record stay in
 * IndexedDB and are read for the person opened). Built from four reads — people, fits, the touch
 * figures (first/last touch, first give and ask: lib/db/touchFigures.ts) and pending follow-ups —
 * and patched, person by person, as they change.
 */
export interface PersonRow {
  id: string;
  name: string;
  /** The name folded (no accents, lower case): sorted by with plain comparisons, 50k in a blink. */
  sortKey: string;
  companyName?: string;
  accountId?: string;
  title?: string;
  location?: string;
  /** Seniority, set by hand or read from their title. */
  level?: SeniorityLevel;
  stage: Stage;
  owner: OwnerRole;
  tags: readonly string[];
  flagged: boolean;
  doNotContact: boolean;
  fitScore?: number;
  fitBand?: FitBand;
  excluded: boolean;
  lastTouchAt?: number;
  firstGiveAt?: number;
  firstAskAt?: number;
  /** Their next pending follow-up. */
  nextDueAt?: number;
}

export function personRow(person: Person, fit: FitRow | undefined, figures: FirstTouch | undefined, next: FollowUp | undefined): PersonRow {
  const row: PersonRow = {
    id: person.id,
    name: person.name,
    sortKey: foldText(person.name),
    stage: person.stage,
    owner: person.owner,
    tags: person.tags,
    flagged: person.flags.includes('brain-picker'),
    doNotContact: person.flags.includes('do-not-contact'),
    excluded: fit?.excluded ?? false,
  };
  if (person.companyName !== undefined) row.companyName = person.companyName;
  if (person.accountId !== undefined) row.accountId = person.accountId;
  const title = person.title ?? person.headline;
  if (title !== undefined) row.title = title;
  if (person.location !== undefined) row.location = person.location;
  const level = levelOf(person);
  if (level !== undefined) row.level = level;
  if (fit?.score !== undefined) row.fitScore = fit.score;
  if (fit?.band !== undefined) row.fitBand = fit.band;
  if (figures?.lastAt !== undefined) row.lastTouchAt = figures.lastAt;
  if (figures?.firstGiveAt !== undefined) row.firstGiveAt = figures.firstGiveAt;
  if (figures?.firstAskAt !== undefined) row.firstAskAt = figures.firstAskAt;
  if (next) row.nextDueAt = next.dueAt;
  return row;
}

/** Each person's earliest pending follow-up. */
function earliestPending(followUps: readonly FollowUp[]): Map<string, FollowUp> {
  const next = new Map<string, FollowUp>();
  for (const f of followUps) {
    if (!isPending(f.status)) continue;
    const known = next.get(f.personId);
    if (!known || f.dueAt < known.dueAt) next.set(f.personId, f);
  }
  return next;
}

/** Every saved person's row. */
export async function loadPeopleRows(db: GroundworkDB): Promise<PersonRow[]> {
  return db.transaction('r', [db.people, db.fits, db.firstTouches, db.followUps], async () => {
    const [people, fits, figures, pending] = await Promise.all([
      db.people.toArray(),
      db.fits.toArray(),
      db.firstTouches.toArray(),
      Promise.all(PENDING_STATUSES.map((status) => db.followUps.where('[status+dueAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]).toArray())).then((lists) => lists.flat()),
    ]);
    const fitOf = new Map(fits.map((f) => [f.personId, f]));
    const figuresOf = new Map(figures.map((f) => [f.personId, f]));
    const next = earliestPending(pending);
    return people.map((p) => personRow(p, fitOf.get(p.id), figuresOf.get(p.id), next.get(p.id)));
  });
}

/**
 * The first `count` people by name (the `name` index), so the page can draw its first screen before
 * reading everyone: a rep opening the workspace sees the list at once.
 */
export async function loadFirstRows(db: GroundworkDB, count: number): Promise<PersonRow[]> {
  const ids = (await db.people.orderBy('name').limit(count).primaryKeys()) as string[];
  return (await loadRowsOf(db, ids)).filter((row): row is PersonRow => row !== undefined);
}

/** The rows of `ids` as stored now; undefined for one no longer saved. */
export async function loadRowsOf(db: GroundworkDB, ids: readonly string[]): Promise<(PersonRow | undefined)[]> {
  return db.transaction('r', [db.people, db.fits, db.firstTouches, db.followUps], async () => {
    const [people, fits, figures, followUps] = await Promise.all([
      db.people.bulkGet([...ids]),
      db.fits.bulkGet([...ids]),
      db.firstTouches.bulkGet([...ids]),
      db.followUps.where('personId').anyOf([...ids]).toArray(),
    ]);
    const next = earliestPending(followUps);
    return people.map((p, i) => (p ? personRow(p, fits[i], figures[i], next.get(p.id)) : undefined));
  });
}
