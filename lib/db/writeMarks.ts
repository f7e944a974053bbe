import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import type { GroundworkDB } from './db';
import { nextMark } from './changeMark';

/**
 * Which transaction last saved an email address on a person, in the database itself: every
 * read-write transaction over `people` is widened to `writeMarks`, and the first add or put of a
 * person with an address puts a new mark there, in the same transaction. IndexedDB runs read-write
 * transactions over a table one after another and commits each whole or not at all, so a
 * transaction that finds the mark it read earlier (or left itself) knows no address was saved in
 * between, by any page or the worker.
 *
 * The CSV import reads every saved address once and, for each chunk, checks that none of the
 * chunk's new addresses was saved meanwhile (lib/io/csvImport.ts): with this mark the check is one
 * read instead of one per address. The mark says nothing of what was saved: a person put with the
 * address they already had moves it too, which only costs that check its shortcut.
 *
 * Deletes and clears leave no mark: they save no address. The upgrades up to v8 ran before
 * `writeMarks` existed and mark nothing (a later one that saves addresses will): no page can be
 * importing while the database is upgraded, as an upgrade closes every other connection. Writes
 * that do not go through Dexie (tests' and benchmarks' raw seeding) leave no mark either, and must
 * not run during an import.
 */

export interface WriteMark {
  /** What the mark is about: 'addresses', people's email addresses. */
  name: 'addresses';
  /** A value never left before (`nextMark`). */
  mark: string;
}

export const WRITE_MARKS_TABLE = 'writeMarks';

/**
 * No mark: a new database, one upgraded from v8 (its addresses saved before marks existed), or
 * one whose data was all deleted. As much a mark as any, which the next address saved replaces.
 */
const NONE = 'none';

const savesAnAddress = (req: DBCoreMutateRequest) =>
  (req.type === 'add' || req.type === 'put') && req.values.some((person: { emails?: unknown }) => Array.isArray(person?.emails) && person.emails.length > 0);

/** Transactions that have marked, so each marks once whatever it writes. */
const marked = new WeakSet<DBCoreTransaction>();

function markingPeople(people: DBCoreTable, marks: () => DBCoreTable): DBCoreTable {
  return {
    ...people,
    mutate(req) {
      const trans = req.trans as DBCoreTransaction & Partial<IDBTransaction>;
      if (marked.has(trans) || !savesAnAddress(req)) return people.mutate(req);
      if (!trans.objectStoreNames?.contains(WRITE_MARKS_TABLE)) {
        // Only an upgrade's own transaction lacks it (see above); any other would save an
        // address no import could see coming.
        if (trans.mode === 'versionchange') return people.mutate(req);
        return Promise.reject(new Error('Groundwork: people written outside the address mark’s transaction'));
      }
      const written = people.mutate(req);
      marked.add(trans);
      const mark: WriteMark = { name: 'addresses', mark: nextMark() };
      const leftMark = marks()
        .mutate({ type: 'put', trans, values: [mark] })
        .then((response) => {
          if (response.numFailures === 0) return;
          // Dexie reports a refused request without failing the transaction: abort it, so that no
          // address is saved under an old mark, even by a caller that catches this error.
          trans.abort?.();
          throw response.failures[0] ?? new Error('The address mark was refused');
        });
      // The write answers once its mark is written too.
      return Promise.all([written, leftMark]).then(([response]) => response);
    },
  };
}

export const writeMarksMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'WriteMarks',
  create(down) {
    let marks: DBCoreTable | undefined;
    return {
      ...down,
      transaction(stores, mode, options) {
        // IndexedDB fixes a transaction's tables when it starts: the mark's table must be in it.
        const widened = mode === 'readwrite' && stores.includes('people') && !stores.includes(WRITE_MARKS_TABLE) ? [...stores, WRITE_MARKS_TABLE] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return name === 'people' ? markingPeople(table, () => (marks ??= down.table(WRITE_MARKS_TABLE))) : table;
      },
    };
  },
};

/**
 * The mark of the last transaction that saved an address, as the current transaction sees it
 * (which must include `writeMarks`); `NONE` while no address was ever saved through Dexie.
 */
export async function addressMark(db: GroundworkDB): Promise<string> {
  if (!Dexie.currentTransaction) throw new Error('addressMark reads inside the transaction it vouches for');
  return (await db.writeMarks.get('addresses'))?.mark ?? NONE;
}
