import type { GroundworkDB } from '../db/db';
import { CHANGE_MARK_KEY, SNAPSHOT_KEY } from '../popup/snapshot';
import { popupSnapshot } from '../popup/today';

export interface SessionArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** How long the keeper lets a burst of writes (an import, a bulk action) settle before reading. */
export const SETTLE_MS = 100;
/** …but never longer than this after the first of them. */
export const MAX_SETTLE_MS = 1_000;
/** A keeper that keeps losing the race to writers stops trying until the next change. */
const MAX_ATTEMPTS = 5;

/**
 * The worker keeps the popup's snapshot (lib/popup/snapshot.ts) current: after each change mark
 * settles, at start-up and at the rep's midnight, it reads what the popup would show and stores it
 * with the mark it read under — kept only if no write marked a change while it was reading (a
 * snapshot made during a write is made again). Whatever it stores, the popup checks the mark
 * again before painting.
 */
export function createPopupSnapshotKeeper({ db, session, now, timers = globalThis }: {
  db: GroundworkDB;
  session: SessionArea;
  now: () => number;
  timers?: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;
}) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPendingAt: number | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const markNow = async () => (await session.get(CHANGE_MARK_KEY))[CHANGE_MARK_KEY] as string | undefined;

  async function refreshOnce(): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const basis = await markNow();
      const snapshot = await popupSnapshot(db, now(), basis);
      if ((await markNow()) !== basis) continue;
      await session.set({ [SNAPSHOT_KEY]: snapshot });
      return;
    }
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
          await refreshOnce();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  /** A change was marked: refresh once writes have settled. */
  function changed(): void {
    const at = now();
    firstPendingAt ??= at;
    if (timer !== undefined) timers.clearTimeout(timer);
    const wait = Math.max(0, Math.min(SETTLE_MS, firstPendingAt + MAX_SETTLE_MS - at));
    timer = timers.setTimeout(() => {
      timer = undefined;
      firstPendingAt = undefined;
      void refresh().catch(() => undefined);
    }, wait);
  }

  return { refresh, changed };
}
