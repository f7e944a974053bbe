import Dexie, { type DBCore, type DBCoreTransaction, type Middleware } from 'dexie';
import { browser } from 'wxt/browser';
import { CHANGE_MARK_KEY, SNAPSHOT_KEY } from '../popup/snapshot';

/**
 * Every write to the database, from any of the extension's pages or its worker, leaves a new
 * change mark in storage.session: once when its transaction first writes and again when it has
 * committed. The popup's snapshot (lib/popup/snapshot.ts) is shown only while the mark it was
 * made under is still the latest, so a change made anywhere — Done in the side panel, an import
 * in the workspace, the worker's daily pass — is never followed by a popup painting what was
 * there before.
 *
 * Why both: the first mark is sent in the same task as the write's first request, so a page that
 * closes before its commit has still marked; and IndexedDB runs a read transaction created after
 * it behind the write, so whatever the worker reads under that mark includes the write. The
 * second covers anything read under an earlier mark while the write ran. A mark that cannot be
 * stored takes the snapshot away instead. Upgrades run in Dexie's own transaction, past
 * middleware: they mark when the database is ready (an extension update also empties
 * storage.session). Writes that do not go through Dexie (tests' and benchmarks' raw seeding) must
 * mark by hand.
 */

let sequence = 0;
const context = Math.random().toString(36).slice(2, 10);

/** Leaves a new change mark (not awaited: a write never waits on it). */
export function markDataChanged(): void {
  const session = browser?.storage?.session;
  if (!session) return;
  sequence += 1;
  void session.set({ [CHANGE_MARK_KEY]: `${context}:${sequence}:${Date.now()}` }).catch((error: unknown) => {
    // Full, or the page is going: without a new mark the old snapshot would still look current.
    console.warn('Groundwork: could not mark a change; the popup’s snapshot is dropped', error);
    void session.remove(SNAPSHOT_KEY).catch(() => undefined);
  });
}

/** Transactions that have written, so each marks once before and once after. */
const marked = new WeakSet<DBCoreTransaction>();

function markWrites(transaction: DBCoreTransaction): void {
  if (marked.has(transaction)) return;
  marked.add(transaction);
  // Outside the transaction's zone: an async call made inside it (storage's promise chain) would
  // count as work the transaction waits on, and Dexie could let it commit early.
  Dexie.ignoreTransaction(markDataChanged);
  // IndexedDB's own transaction: 'complete' fires once the write is visible to readers.
  (transaction as unknown as Partial<EventTarget>).addEventListener?.('complete', markDataChanged);
}

export const changeMarkMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ChangeMark',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(req) {
            // The write's requests are made first, in this same task: IndexedDB works on them
            // while storage takes the mark (a call that costs the page about half a millisecond).
            const written = table.mutate(req);
            markWrites(req.trans);
            return written;
          },
        };
      },
    };
  },
};
