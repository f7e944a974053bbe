import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import type { GroundworkDB } from './db';
import type { Touch } from '../model';
import { freeAdviceMinutes } from '../relationships/ledger';

/**
 * Running totals of the touches, so the rep's week (side-panel home) and the popup's weekly goal
 * read a few hundred small rows instead of every touch of eight weeks: with years of data that
 * was 100k touches and 9 s in the side panel (bench/README.md).
 *
 * - `tallies`: per quarter hour, how many touches, gives, asks and free-advice minutes. Every
 *   time zone's offset is a multiple of 15 minutes, so a local day or week in any zone is a whole
 *   number of quarter hours and the figures need no time zone when written.
 * - `firstTouches`: per person, the first touch ever and the first outbound one, indexed by the
 *   first: "new prospects this week" is a range read. Also the last touch and the first give and
 *   first ask (schema v8), so the workspace's "last touch" and "asked before giving" need no touch.
 *
 * Both are derived and kept by a DBCore middleware on every write to `touches`, in the same
 * transaction, whichever code writes (logging, mail, undo, import, restore, delete all) — so
 * they can never drift from the touches. A schema upgrade, and the benchmark after seeding with
 * raw IndexedDB, rebuild them from scratch (`rebuildTouchFigures`).
 */

export const TALLY_SPAN = 15 * 60_000;

export interface TouchTally {
  /** Start of the quarter hour, epoch ms. */
  at: number;
  touches: number;
  gives: number;
  asks: number;
  adviceMinutes: number;
}

export interface FirstTouch {
  personId: string;
  firstAt: number;
  /** Absent while the rep has never reached out to the person. */
  firstOutboundAt?: number;
  /** The latest touch, either way (v8; rebuilt by its upgrade). */
  lastAt?: number;
  /** The rep's first give and first ask to the person, absent until there is one (v8). */
  firstGiveAt?: number;
  firstAskAt?: number;
}

export const TOUCH_FIGURE_TABLES = ['tallies', 'firstTouches'] as const;

type Figures = Pick<Touch, 'personId' | 'at' | 'direction' | 'intent' | 'freeAdvice' | 'minutes'>;
type PersonFigures = Pick<Figures, 'at' | 'direction' | 'intent'>;

export const quarterOf = (at: number) => at - (((at % TALLY_SPAN) + TALLY_SPAN) % TALLY_SPAN);

/** Whether replacing `before` by `after` changes any figure (most updates mark `answered`). */
const sameFigures = (a: Figures, b: Figures) =>
  a.personId === b.personId && a.at === b.at && a.direction === b.direction && a.intent === b.intent && a.freeAdvice === b.freeAdvice && a.minutes === b.minutes;

function tallyDeltas(removed: readonly Figures[], added: readonly Figures[]): Map<number, TouchTally> {
  const deltas = new Map<number, TouchTally>();
  const apply = (touch: Figures, sign: 1 | -1) => {
    const at = quarterOf(touch.at);
    const delta = deltas.get(at) ?? { at, touches: 0, gives: 0, asks: 0, adviceMinutes: 0 };
    delta.touches += sign;
    if (touch.direction === 'outbound' && touch.intent === 'give') delta.gives += sign;
    if (touch.direction === 'outbound' && touch.intent === 'ask') delta.asks += sign;
    delta.adviceMinutes += sign * freeAdviceMinutes([touch]);
    deltas.set(at, delta);
  };
  for (const touch of removed) apply(touch, -1);
  for (const touch of added) apply(touch, 1);
  return deltas;
}

const earliest = (a: number | undefined, b: number) => Math.min(a ?? Infinity, b);

/** `row` with one more of the person's touches taken into account. */
function withTouch(row: FirstTouch | undefined, personId: string, touch: PersonFigures): FirstTouch {
  const next: FirstTouch = row ? { ...row } : { personId, firstAt: touch.at };
  next.firstAt = Math.min(next.firstAt, touch.at);
  next.lastAt = Math.max(next.lastAt ?? -Infinity, touch.at);
  if (touch.direction === 'outbound') {
    next.firstOutboundAt = earliest(next.firstOutboundAt, touch.at);
    if (touch.intent === 'give') next.firstGiveAt = earliest(next.firstGiveAt, touch.at);
    if (touch.intent === 'ask') next.firstAskAt = earliest(next.firstAskAt, touch.at);
  }
  return next;
}

/** The first touch and first outbound touch among one person's touches (any order). */
export const firstTouchOf = (personId: string, touches: readonly PersonFigures[], start?: FirstTouch): FirstTouch | undefined =>
  touches.reduce<FirstTouch | undefined>((row, touch) => withTouch(row, personId, touch), start);

/** Whether removing `touch` can move one of the row's extremes (then the history is read again). */
function movesAnExtreme(row: FirstTouch | undefined, touch: PersonFigures): boolean {
  if (!row || row.lastAt === undefined) return true;
  if (touch.at <= row.firstAt || touch.at >= row.lastAt) return true;
  if (touch.direction !== 'outbound') return false;
  const atOrBefore = (first: number | undefined) => first !== undefined && touch.at <= first;
  return atOrBefore(row.firstOutboundAt) || (touch.intent === 'give' && atOrBefore(row.firstGiveAt)) || (touch.intent === 'ask' && atOrBefore(row.firstAskAt));
}

const sameRow = (a: FirstTouch, b: FirstTouch) =>
  a.firstAt === b.firstAt && a.firstOutboundAt === b.firstOutboundAt && a.lastAt === b.lastAt && a.firstGiveAt === b.firstGiveAt && a.firstAskAt === b.firstAskAt;

// DBCoreRangeType is a const enum, which isolated modules cannot import.
const RANGE = 2;
const ANY = 3;

/**
 * The figure rows one transaction has read or written, kept for the length of the transaction.
 * Only this middleware writes the figures, so what it last wrote is what the table holds: a
 * change needs no read for rows it already knows, and a caller that knows which rows a write will
 * change can have them read with its own reads (`prefetchTouchFigures`), so that the figures are
 * written in the same round as the touch. A write to the figure tables from above (a rebuild)
 * forgets them all (`generation`), and a read that was under way then is not remembered.
 */
class FigureRows {
  generation = 0;
  /** Null: known to have no row. */
  readonly tallies = new Map<number, TouchTally | null>();
  readonly firsts = new Map<string, FirstTouch | null>();

  forget(): void {
    // Stryker disable next-line AssignmentOperator: any new generation will do
    this.generation += 1;
    this.tallies.clear();
    this.firsts.clear();
  }

  /** Rows read under `generation`, for keys nothing has written since the read was asked for. */
  remember(generation: number, quarters: readonly number[], tallies: readonly (TouchTally | undefined)[], people: readonly string[], firsts: readonly (FirstTouch | undefined)[]): void {
    if (generation !== this.generation) return;
    quarters.forEach((at, i) => this.tallies.has(at) || this.tallies.set(at, tallies[i] ?? null));
    people.forEach((id, i) => this.firsts.has(id) || this.firsts.set(id, firsts[i] ?? null));
  }
}

const rowsByTransaction = new WeakMap<object, FigureRows>();

function figureRowsOf(trans: object): FigureRows {
  let rows = rowsByTransaction.get(trans);
  if (!rows) rowsByTransaction.set(trans, (rows = new FigureRows()));
  return rows;
}

const quartersOf = (touches: readonly Pick<Figures, 'at'>[]) => [...new Set(touches.map((t) => quarterOf(t.at)))];
const peopleOf = (touches: readonly Pick<Figures, 'personId'>[]) => [...new Set(touches.map((t) => t.personId))];

/**
 * The transaction's figure rows, once it knows those of `touches` (reading, both tables at once,
 * only the ones it does not). Returned at once when nothing is to be read: an `await` on nothing
 * would resume outside the transaction's zone, which Dexie's layers below read.
 */
function knowFigures(core: DBCore, trans: DBCoreTransaction, touches: readonly Pick<Figures, 'personId' | 'at'>[]): FigureRows | Promise<FigureRows> {
  const rows = figureRowsOf(trans);
  const quarters = quartersOf(touches).filter((at) => !rows.tallies.has(at));
  const people = peopleOf(touches).filter((id) => !rows.firsts.has(id));
  if (quarters.length === 0 && people.length === 0) return rows;
  const generation = rows.generation;
  return Promise.all([
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArrayDeclaration: asking for no keys reads nothing
    quarters.length > 0 ? (core.table('tallies').getMany({ trans, keys: quarters }) as Promise<(TouchTally | undefined)[]>) : [],
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArrayDeclaration: asking for no keys reads nothing
    people.length > 0 ? (core.table('firstTouches').getMany({ trans, keys: people }) as Promise<(FirstTouch | undefined)[]>) : [],
  ]).then(([tallies, firsts]) => {
    rows.remember(generation, quarters, tallies, people, firsts);
    // Forgotten meanwhile (a rebuild): read again.
    return knowFigures(core, trans, touches);
  });
}

/**
 * Reads, with the caller's own reads, the figure rows that writing `touches` will change, so that
 * the write itself waits on no read (logging a touch: one round of reads, one of writes). Call it
 * in the read-write transaction that will write them; outside one it reads nothing.
 */
// Stryker disable all: reading ahead only saves a round trip (without it, the write reads the same rows itself); its tests pin that what it reads is never used stale
export async function prefetchTouchFigures(db: Dexie, touches: readonly Pick<Touch, 'personId' | 'at'>[]): Promise<void> {
  const trans = Dexie.currentTransaction?.idbtrans;
  // The figures' tables are in every read-write transaction over touches (see the middleware).
  if (!trans || trans.mode !== 'readwrite' || !trans.objectStoreNames.contains('firstTouches')) return;
  // Dexie's own tables' cores (made once when the database opened): `db.core.table()` would build
  // every layer's table anew.
  const core: DBCore = { ...db.core, table: (name) => db.table(name).core };
  await knowFigures(core, trans as unknown as DBCoreTransaction, touches);
}
// Stryker restore all

/**
 * Applies a change of touches to the figures, in the transaction that writes the touches. The
 * rows of every touch in the change must be known (`knowFigures`). The tallies and the firsts
 * that only move outwards are worked out and written at once; a person who lost a first or their
 * last touch has what is left of their history read, which must therefore be asked for after the
 * touches' own write.
 */
async function applyChange(core: DBCore, trans: DBCoreTransaction, rows: FigureRows, removed: readonly Figures[], added: readonly Figures[]): Promise<void> {
  const touches = core.table('touches');
  const writes: Promise<unknown>[] = [];

  const tallyPuts: TouchTally[] = [];
  const tallyDeletes: number[] = [];
  for (const delta of tallyDeltas(removed, added).values()) {
    const was = rows.tallies.get(delta.at) ?? undefined;
    const old = was ?? { at: delta.at, touches: 0, gives: 0, asks: 0, adviceMinutes: 0 };
    const row = { at: delta.at, touches: old.touches + delta.touches, gives: old.gives + delta.gives, asks: old.asks + delta.asks, adviceMinutes: old.adviceMinutes + delta.adviceMinutes };
    if (row.touches > 0) tallyPuts.push(row);
    else if (was) tallyDeletes.push(delta.at);
    rows.tallies.set(delta.at, row.touches > 0 ? row : null);
  }
  if (tallyPuts.length > 0) writes.push(core.table('tallies').mutate({ type: 'put', trans, values: tallyPuts }));
  if (tallyDeletes.length > 0) writes.push(core.table('tallies').mutate({ type: 'delete', trans, keys: tallyDeletes }));

  const puts: FirstTouch[] = [];
  const deletes: string[] = [];
  const setFirst = (personId: string, old: FirstTouch | undefined, row: FirstTouch | undefined) => {
    if (row) {
      if (!old || !sameRow(old, row)) puts.push(row);
    } else if (old) deletes.push(personId);
    rows.firsts.set(personId, row ?? null);
  };
  // Removing a touch at one of a person's extremes (a first, the last) means reading what is left
  // of their history (undo, a retyped or deleted touch, deleting a person); adding touches only
  // ever moves the firsts earlier and the last later.
  const rereads: Promise<unknown>[] = [];
  for (const personId of peopleOf([...removed, ...added])) {
    const old = rows.firsts.get(personId) ?? undefined;
    if (!removed.some((t) => t.personId === personId && movesAnExtreme(old, t))) {
      setFirst(personId, old, firstTouchOf(personId, added.filter((t) => t.personId === personId), old));
      continue;
    }
    const range = { type: RANGE, lower: [personId, core.MIN_KEY], upper: [personId, core.MAX_KEY], lowerOpen: false, upperOpen: false };
    const history = touches.query({ trans, values: true, query: { index: touches.schema.getIndexByKeyPath(['personId', 'at'])!, range } });
    rereads.push(history.then(({ result }) => setFirst(personId, old, firstTouchOf(personId, result as Figures[]))));
  }
  await Promise.all(rereads);
  if (puts.length > 0) writes.push(core.table('firstTouches').mutate({ type: 'put', trans, values: puts }));
  if (deletes.length > 0) writes.push(core.table('firstTouches').mutate({ type: 'delete', trans, keys: deletes }));
  await Promise.all(writes);
}

/**
 * Writes of touches in one transaction, each with its figures, one at a time: each reads the
 * figure rows the one before it wrote.
 */
const queues = new WeakMap<object, Promise<void>>();

function oneAtATime<T>(trans: DBCoreTransaction, work: () => Promise<T>): Promise<T> {
  const before = queues.get(trans);
  // Dexie's promise runs the work in the caller's transaction zone, which Dexie's own layers below read.
  const result = before ? Promise.resolve(Dexie.Promise.resolve(before).then(work)) : work();
  queues.set(
    trans,
    result.then(
      () => undefined,
      () => undefined,
    ),
  );
  return result;
}

/** The figures' side of rows going from `from` to `to` (by request index), for the requests `picked`. */
function changeBetween(from: readonly (Touch | undefined)[], to: readonly (Touch | undefined)[], picked: readonly number[]) {
  const removed: Touch[] = [];
  const added: Touch[] = [];
  for (const i of picked) {
    const [old, value] = [from[i], to[i]];
    if (old && value && sameFigures(old, value)) continue;
    if (old) removed.push(old);
    if (value) added.push(value);
  }
  return { removed, added };
}

/**
 * The requests whose outcome stands, one per key: a key's last put or delete, its first add (a
 * second add of the same key fails).
 */
function standing(type: DBCoreMutateRequest['type'], keys: readonly unknown[]): number[] {
  const stands = new Map<unknown, number>();
  keys.forEach((key, i) => {
    if (type !== 'add' || !stands.has(key)) stands.set(key, i);
  });
  return [...stands.values()];
}

/** A request's rows as they are now (a key that is not one reads as no row). */
function storedNow(touches: DBCoreTable, trans: DBCoreTransaction, keys: readonly unknown[]): Promise<(Touch | undefined)[]> {
  // The executor runs at once, in the transaction's zone; a key IndexedDB refuses only rejects.
  return Promise.all(keys.map((key) => new Promise<Touch | undefined>((resolve) => resolve(touches.get({ trans, key }) as Promise<Touch | undefined>)).catch(() => undefined)));
}

const isUpgrade = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).mode === 'versionchange';

/**
 * A write of touches with its figures. The figures are written with the touches, as if every
 * request succeeds (the rows they change are known first). Requests that fail — a source key
 * logged twice in a bulk add the caller lets through — are then taken back out; a write refused
 * outright (some of a bulk write's requests may have been made before it was) is set right from
 * what is stored once it has settled. A figure write that fails fails the write, and the figure
 * rows this transaction knew are forgotten.
 */
async function mutateWithFigures(core: DBCore, touches: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  if (req.type === 'deleteRange' && req.range.type === ANY) {
    // Table.clear(): no touch, no figure.
    const response = await touches.mutate(req);
    figureRowsOf(trans).forget();
    await Promise.all(TOUCH_FIGURE_TABLES.map((name) => core.table(name).mutate({ type: 'deleteRange', trans, range: req.range })));
    return response;
  }
  let keys: unknown[];
  let before: (Touch | undefined)[];
  if (req.type === 'deleteRange') {
    const inRange = (await touches.query({ trans, values: true, query: { index: touches.schema.primaryKey, range: req.range } })).result as Touch[];
    [keys, before] = [inRange.map((t) => t.id), inRange];
  } else {
    keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v) => (v as Touch).id));
    before = req.type === 'add' ? keys.map(() => undefined) : ((await touches.getMany({ trans, keys })) as (Touch | undefined)[]);
  }
  // What each request leaves, if it succeeds.
  const after = keys.map((_, i) => (req.type === 'add' || req.type === 'put' ? (req.values[i] as Touch) : undefined));
  const picked = standing(req.type, keys);
  const change = changeBetween(before, after, picked);
  const pending = knowFigures(core, trans, [...change.removed, ...change.added]);
  const rows = pending instanceof FigureRows ? pending : await pending;
  const written = touches.mutate(req);
  const applied = change.removed.length > 0 || change.added.length > 0 ? applyChange(core, trans, rows, change.removed, change.added) : undefined;
  // Both settled before anything is set right: a person's history may still be being read.
  const [outcome, figures] = await Promise.allSettled([written, applied]);
  if (figures.status === 'rejected') {
    figureRowsOf(trans).forget();
    throw figures.reason;
  }
  if (outcome.status === 'rejected') {
    const stored = await storedNow(touches, trans, keys);
    const wrong = changeBetween(after, stored, picked);
    await applyChange(core, trans, rows, wrong.removed, wrong.added).catch(() => figureRowsOf(trans).forget());
    throw outcome.reason;
  }
  const response = outcome.value;
  if (response.numFailures > 0) {
    const wrong = changeBetween(
      after,
      before,
      picked.filter((i) => response.failures[i] !== undefined),
    );
    await applyChange(core, trans, rows, wrong.removed, wrong.added);
  }
  return response;
}

function figuresTable(core: DBCore, touches: DBCoreTable): DBCoreTable {
  return {
    ...touches,
    mutate(req: DBCoreMutateRequest) {
      // An upgrade rebuilds the figures itself, and older versions' upgrades run before the
      // figures' tables exist.
      if (isUpgrade(req.trans)) return touches.mutate(req);
      return oneAtATime(req.trans, () => mutateWithFigures(core, touches, req));
    },
  };
}

/** A figure table written from above (a rebuild): what the transaction knew of the figures no longer holds. */
function rebuiltTable(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(req: DBCoreMutateRequest) {
      figureRowsOf(req.trans).forget();
      return table.mutate(req);
    },
  };
}

/**
 * The middleware (Dexie's DBCore, above its observability layer so that live queries of the
 * figures see their changes). Every read-write transaction over `touches` is widened to the
 * figures' tables, as IndexedDB fixes a transaction's tables when it starts.
 */
export const touchFiguresMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'TouchFigures',
  create(down) {
    // Each layer below builds a new table object on every `table()` (Dexie's virtual indexes
    // rework the schema): the figures ask for theirs once per database open, not once per write.
    const tables = new Map<string, DBCoreTable>();
    const below: DBCore = {
      ...down,
      table(name) {
        let table = tables.get(name);
        if (!table) tables.set(name, (table = down.table(name)));
        return table;
      },
    };
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened = mode === 'readwrite' && stores.includes('touches') ? [...new Set([...stores, ...TOUCH_FIGURE_TABLES])] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = below.table(name);
        if (name === 'touches') return figuresTable(below, table);
        return (TOUCH_FIGURE_TABLES as readonly string[]).includes(name) ? rebuiltTable(table) : table;
      },
    };
  },
};

/**
 * Recomputes both tables from every touch, in chunks of the primary key so memory stays flat.
 * Used by the v6 upgrade (with its transaction's tables) and after raw writes.
 */
export async function rebuildTouchFigures(tables: Pick<GroundworkDB, 'touches' | 'tallies' | 'firstTouches'>): Promise<void> {
  const tallies = new Map<number, TouchTally>();
  const firsts = new Map<string, FirstTouch>();
  let after: string | undefined;
  for (;;) {
    const chunk = await (after === undefined ? tables.touches.orderBy('id') : tables.touches.where('id').above(after)).limit(20_000).toArray();
    if (chunk.length === 0) break;
    after = chunk[chunk.length - 1]!.id;
    for (const delta of tallyDeltas([], chunk).values()) {
      const row = tallies.get(delta.at);
      if (!row) tallies.set(delta.at, delta);
      else {
        row.touches += delta.touches;
        row.gives += delta.gives;
        row.asks += delta.asks;
        row.adviceMinutes += delta.adviceMinutes;
      }
    }
    for (const touch of chunk) firsts.set(touch.personId, withTouch(firsts.get(touch.personId), touch.personId, touch));
  }
  await Promise.all([tables.tallies.clear(), tables.firstTouches.clear()]);
  await Promise.all([tables.tallies.bulkPut([...tallies.values()]), tables.firstTouches.bulkPut([...firsts.values()])]);
}
