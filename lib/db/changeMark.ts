import Dexie, { type DBCore, type DBCoreTransaction, type Middleware } from 'dexie';
import { browser } from 'wxt/browser';
import { CHANGE_MARK_KEY, COPY_KEY, PAGE_MARK_KEY, popupAddress, SNAPSHOT_KEY, workerMarkOf } from '../popup/snapshot';

/**
 * Every write to the database, from any of the extension's pages or its worker, leaves a new
 * change mark in storage.session: once when its transaction first writes and again when it has
 * committed. The popup's snapshot (lib/popup/snapshot.ts) is shown only while the mark it was made
 * under is still the latest, so a change made anywhere — Done in the side panel, an import in the
 * workspace, the worker's daily pass — is never followed by a popup painting what was there
 * before. The marks also go where the popup reads them without waiting, for its own copy of the
 * snapshot: localStorage in a page, the toolbar popup's address in the worker.
 *
 * Why both: the first mark is sent in the same task as the write's first request, so a page that
 * closes before its commit has still marked; and IndexedDB runs a read transaction created after
 * it behind the write, so whatever the worker reads under that mark includes the write. The
 * second covers anything read under an earlier mark while the write ran. A mark that cannot be
 * stored takes the snapshot away instead. Upgrades run in Dexie's own transaction, past
 * middleware: they mark when the database is ready (an extension update also empties
 * storage.session; localStorage's copy is judged by the worker's mark, which a start of the
 * extension takes back to none). Writes that do not go through Dexie (tests' and benchmarks' raw
 * seeding) must mark by hand.
 */

let sequence = 0;
const context = Math.random().toString(36).slice(2, 10);

/** A mark never left before: this page's or worker's, its count, the time. */
export const nextMark = () => `${context}:${(sequence += 1)}:${Date.now()}`;

type PopupAction = { getPopup(details: object): Promise<string>; setPopup(details: { popup: string }): Promise<void> };
const popupAction = () => browser?.action as unknown as Partial<PopupAction> | undefined;

/** This page's localStorage; none in the worker (or where reading it is refused). */
function pageStorage(): Storage | undefined {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The mark where the popup reads it without waiting (lib/popup/snapshot.ts, "the popup's own
 * copy"): in a page, localStorage, at once; in the worker, which has none, the address the
 * toolbar button opens — for the write's first mark only, sent before the write can have
 * committed (the one after commit would redraw the button again and change nothing for the copy:
 * a snapshot storage vouches for under it was read behind the write).
 */
function markForThePopup(mark: string, committed: boolean): void {
  const storage = pageStorage();
  if (storage) {
    try {
      // The copy goes too: no longer current, and what it names must not outlive the change
      // (a person deleted, "Delete all data") in a store the browser keeps on disk.
      storage.removeItem(COPY_KEY);
      storage.setItem(PAGE_MARK_KEY, mark);
    } catch (error) {
      // The popup checks its copy against storage's mark after painting it, and drops it.
      console.warn('Groundwork: could not mark a change for the popup', error);
    }
    return;
  }
  const action = popupAction();
  if (committed || typeof action?.setPopup !== 'function') return;
  const setPopup = () => action.setPopup!({ popup: popupAddress(mark) });
  // Once more if refused; after that, the popup's check against storage's mark drops its copy.
  void Promise.resolve()
    .then(setPopup)
    .catch(setPopup)
    .catch((error: unknown) => console.warn('Groundwork: could not mark a change for the popup', error));
}

/**
 * Leaves a new change mark (not awaited: a write never waits on it): when a write starts, and
 * again once it has `committed`.
 */
export function markDataChanged({ committed = false }: { committed?: boolean } = {}): void {
  const session = browser?.storage?.session;
  if (!session) return;
  const mark = nextMark();
  void session.set({ [CHANGE_MARK_KEY]: mark }).catch((error: unknown) => {
    // Full, or the page is going: without a new mark the old snapshot would still look current.
    console.warn('Groundwork: could not mark a change; the popup’s snapshot is dropped', error);
    void session.remove(SNAPSHOT_KEY).catch(() => undefined);
  });
  markForThePopup(mark, committed);
}

/** Transactions that have written, so each marks once before and once after. */
const marked = new WeakSet<DBCoreTransaction>();

function markWrites(transaction: DBCoreTransaction): void {
  if (marked.has(transaction)) return;
  marked.add(transaction);
  // Outside the transaction's zone: an async call made inside it (storage's promise chain) would
  // count as work the transaction waits on, and Dexie could let it commit early.
  Dexie.ignoreTransaction(() => markDataChanged());
  // IndexedDB's own transaction: 'complete' fires once the write is visible to readers.
  (transaction as unknown as Partial<EventTarget>).addEventListener?.('complete', () => markDataChanged({ committed: true }));
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

/**
 * In the worker, at each start. After the browser or the extension starts, the toolbar's popup
 * address is the manifest's, with no worker mark, and the popup neither keeps nor uses a copy of
 * its snapshot until the worker's first write; so one of this start's marks is put there, unless
 * a mark of this browser session is there already (the worker stopped and woke again).
 */
export async function markWorkerStart(action: Partial<PopupAction> | undefined = popupAction()): Promise<void> {
  if (typeof action?.getPopup !== 'function' || typeof action.setPopup !== 'function') return;
  const address = await action.getPopup({});
  // No popup at all is not this code's to change; one with a mark already keeps it.
  if (!address || workerMarkOf(new URL(address).hash) !== undefined) return;
  await action.setPopup({ popup: popupAddress(nextMark()) });
}
