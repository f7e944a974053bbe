import type { GroundworkDB } from '../db/db';
import { CHANGE_MARK_KEY, SNAPSHOT_KEY, usableSnapshot } from '../popup/snapshot';
import { popupSnapshot } from '../popup/today';
import type { SessionArea } from '../tabContext';

/**
 * How long the keeper lets a write settle before reading: its two change marks (lib/db/changeMark.ts)
 * and whatever the same click wrote next.
 */
export const SETTLE_MS = 500;

/**
 * Changes less than this apart are one burst (an import's chunks — 2,000 rows take about a second —,
 * re-scoring's batches, a bulk action; also one long write, whose two marks are more than
 * `SETTLE_MS` apart). Once a burst has gone on for longer than `SETTLE_MS`, the keeper waits this
 * long after each change, so that it reads once the burst is over, not between its chunks (bar
 * once, after the first, before the keeper can tell a burst): a snapshot made mid-burst would be
 * refused at the next chunk, and its read transaction, over the tables the burst writes, would
 * hold the next chunk back until it ends. Meanwhile the popup shows its list as it did before
 * snapshots, once read.
 */
export const BURST_GAP_MS = 2_000;

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
  /** When the current run of changes (each less than `BURST_GAP_MS` after the one before) began, and its last. */
  let run: { from: number; last: number } | undefined;
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

  /** A change was marked: refresh once writes have settled, or a burst of them has ended. */
  function changed(): void {
    const at = now();
    run = run && at - run.last < BURST_GAP_MS ? { from: run.from, last: at } : { from: at, last: at };
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(
      () => {
        timer = undefined;
        void refresh();
      },
      at - run.from > SETTLE_MS ? BURST_GAP_MS : SETTLE_MS,
    );
  }

  return { refresh, changed };
}
