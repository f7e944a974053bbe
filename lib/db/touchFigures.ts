import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
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

/** The figure rows a change of touches reads and rewrites: its quarter hours' tallies and its people's firsts. */
interface StoredFigures {
  tallies: Map<number, TouchTally>;
  firsts: Map<string, FirstTouch>;
}

/**
 * The stored figure rows for `touches` (both tables read at once). Asked for before the touches
 * are written when that is known up front: a touch logged waits on one round trip, not three.
 */
async function readFigures(core: DBCore, trans: DBCoreTransaction, touches: readonly Figures[]): Promise<StoredFigures> {
  const quarters = [...new Set(touches.map((t) => quarterOf(t.at)))];
  const people = [...new Set(touches.map((t) => t.personId))];
  const [tallies, firsts] = await Promise.all([
    core.table('tallies').getMany({ trans, keys: quarters }) as Promise<(TouchTally | undefined)[]>,
    core.table('firstTouches').getMany({ trans, keys: people }) as Promise<(FirstTouch | undefined)[]>,
  ]);
  return {
    tallies: new Map(quarters.flatMap((at, i) => (tallies[i] ? [[at, tallies[i]] as const] : []))),
    firsts: new Map(people.flatMap((id, i) => (firsts[i] ? [[id, firsts[i]] as const] : []))),
  };
}

/**
 * Applies a change of touches (already written in `trans`) to the figures in the same transaction.
 * `stored` holds the figure rows of every touch in the change (read before or after the touches
 * were written: only this middleware writes them).
 */
async function applyChange(core: DBCore, trans: DBCoreTransaction, removed: readonly Figures[], added: readonly Figures[], stored: StoredFigures): Promise<void> {
  const touches = core.table('touches');
  const tallies = core.table('tallies');
  const firsts = core.table('firstTouches');
  const writes: Promise<unknown>[] = [];

  const tallyPuts: TouchTally[] = [];
  const tallyDeletes: number[] = [];
  for (const delta of tallyDeltas(removed, added).values()) {
    const was = stored.tallies.get(delta.at);
    const old = was ?? { at: delta.at, touches: 0, gives: 0, asks: 0, adviceMinutes: 0 };
    const row = { at: delta.at, touches: old.touches + delta.touches, gives: old.gives + delta.gives, asks: old.asks + delta.asks, adviceMinutes: old.adviceMinutes + delta.adviceMinutes };
    if (row.touches > 0) tallyPuts.push(row);
    else if (was) tallyDeletes.push(delta.at);
  }
  if (tallyPuts.length > 0) writes.push(tallies.mutate({ type: 'put', trans, values: tallyPuts }));
  if (tallyDeletes.length > 0) writes.push(tallies.mutate({ type: 'delete', trans, keys: tallyDeletes }));

  const people = [...new Set([...removed, ...added].map((t) => t.personId))];
  const puts: FirstTouch[] = [];
  const deletes: string[] = [];
  await Promise.all(
    people.map(async (personId) => {
      const old = stored.firsts.get(personId);
      // Removing a touch at one of a person's extremes (a first, the last) means reading what is
      // left of their history (undo, a retyped or deleted touch, deleting a person); adding touches
      // only ever moves the firsts earlier and the last later.
      const lostAFirst = removed.some((t) => t.personId === personId && movesAnExtreme(old, t));
      let row: FirstTouch | undefined;
      if (lostAFirst) {
        const range = { type: RANGE, lower: [personId, core.MIN_KEY], upper: [personId, core.MAX_KEY], lowerOpen: false, upperOpen: false };
        const history = await touches.query({ trans, values: true, query: { index: touches.schema.getIndexByKeyPath(['personId', 'at'])!, range } });
        row = firstTouchOf(personId, history.result as Figures[]);
      } else {
        row = firstTouchOf(personId, added.filter((t) => t.personId === personId), old);
      }
      if (row) {
        if (!old || !sameRow(old, row)) puts.push(row);
      } else if (old) deletes.push(personId);
    }),
  );
  if (puts.length > 0) writes.push(firsts.mutate({ type: 'put', trans, values: puts }));
  if (deletes.length > 0) writes.push(firsts.mutate({ type: 'delete', trans, keys: deletes }));
  await Promise.all(writes);
}

const isUpgrade = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).mode === 'versionchange';

function figuresTable(core: DBCore, touches: DBCoreTable): DBCoreTable {
  const keyOf = (value: Touch) => value.id;
  return {
    ...touches,
    async mutate(req: DBCoreMutateRequest) {
      const { trans } = req;
      // An upgrade rebuilds the figures itself, and older versions' upgrades run before the
      // figures' tables exist.
      if (isUpgrade(trans)) return touches.mutate(req);
      if (req.type === 'deleteRange') {
        const whole = req.range.type === ANY; // Table.clear()
        const before = whole ? [] : ((await touches.query({ trans, values: true, query: { index: touches.schema.primaryKey, range: req.range } })).result as Touch[]);
        const response = await touches.mutate(req);
        if (whole) {
          await Promise.all(TOUCH_FIGURE_TABLES.map((name) => core.table(name).mutate({ type: 'deleteRange', trans, range: req.range })));
        } else await applyChange(core, trans, before, [], await readFigures(core, trans, before));
        return response;
      }
      const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v) => keyOf(v as Touch)));
      const before = req.type === 'add' ? [] : ((await touches.getMany({ trans, keys })) as (Touch | undefined)[]);
      // The figure rows of every touch the change may remove or add, read while the touches are
      // written (a failed write only leaves some of them unused).
      const values = req.type === 'delete' ? [] : (req.values as Touch[]);
      const figures = readFigures(core, trans, [...before.filter((t): t is Touch => t !== undefined), ...values]);
      const [response, stored] = await Promise.all([touches.mutate(req), figures]);
      const removed: Touch[] = [];
      const added: Touch[] = [];
      keys.forEach((_, i) => {
        if (response.failures[i]) return;
        const old = before[i];
        const value = req.type === 'delete' ? undefined : (req.values[i] as Touch);
        if (old && value && sameFigures(old, value)) return;
        if (old) removed.push(old);
        if (value) added.push(value);
      });
      if (removed.length > 0 || added.length > 0) await applyChange(core, trans, removed, added, stored);
      return response;
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
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened = mode === 'readwrite' && stores.includes('touches') ? [...new Set([...stores, ...TOUCH_FIGURE_TABLES])] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return name === 'touches' ? figuresTable(down, table) : table;
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
