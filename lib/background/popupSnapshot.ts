import type { GroundworkDB } from '../db/db';
import { CHANGE_MARK_KEY, SNAPSHOT_KEY, usableSnapshot } from '../popup/snapshot';
import { popupSnapshot } from '../popup/today';
import type { SessionArea } from '../tabContext';

/**
 * How long the keeper lets writes settle before reading. During a burst (an import, re-scoring,
 * a bulk action: chunks well under half a second apart) it waits for its end: a snapshot made
 * mid-burst would be refused at the next chunk, and its reads would only slow the writes (the
 * worker's own re-scoring most of all). Meanwhile the popup shows its list as it did before
 * snapshots, once read.
 */
export const SETTLE_MS = 500;

/**
 * The worker keeps the popup's snapshot (lib/popup/snapshot.ts) current: after each change mark
 * settles, at start-up and on every alarm (the rep's midnight makes tomorrow's list today's), it
 * reads what the popup would show and stores it with the mark it read under — unless the stored
 * one is still current. A snapshot whose mark changed while it was read is not stored: the new
 * mark has already asked for another. Whatever it stores, the popup checks the mark again.
 */
export function createPopupSnapshotKeeper({ db, session, now, timers = globalThis }: {
  db: GroundworkDB;
  session: SessionArea;
  now: () => number;
  timers?: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;
}) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  async function refreshOnce(): Promise<void> {
    const stored = await session.get([SNAPSHOT_KEY, CHANGE_MARK_KEY]);
    const at = now();
    if (usableSnapshot(stored, at)) return;
    const basis = stored[CHANGE_MARK_KEY] as string | undefined;
    const snapshot = await popupSnapshot(db, at, basis);
    if ((await session.get(CHANGE_MARK_KEY))[CHANGE_MARK_KEY] !== basis) return;
    if (snapshot.view.rows.some((row) => row.problem)) {
      // A row that cannot be shown: React shows its error card; nothing is painted.
      await session.remove(SNAPSHOT_KEY);
      return;
    }
    await session.set({ [SNAPSHOT_KEY]: snapshot });
  }

  /** Makes the snapshot now (one run at a time; a request during a run runs once more after it). */
  function refresh(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await refreshOnce().catch((error: unknown) => console.warn('Groundwork: the popup’s snapshot could not be made', error));
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  /** A change was marked: refresh once writes have settled. */
  function changed(): void {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = undefined;
      void refresh();
    }, SETTLE_MS);
  }

  return { refresh, changed };
}
