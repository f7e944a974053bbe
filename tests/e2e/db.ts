import type { Page } from 'playwright-core';
import type { SeenPage } from '../../lib/messaging/protocol';
import { CHANGE_MARK_KEY, PAGE_MARK_KEY, SNAPSHOT_KEY } from '../../lib/popup/snapshot';

/**
 * Reads and seeds the extension's database from one of its own pages, with the raw IndexedDB
 * API: the test sees exactly what is stored, not what our code thinks it stored. Dexie keeps plain
 * objects, so rows round-trip as they are.
 */

/** page.waitForFunction does not await async predicates; this loop does, once per frame. */
async function waitForDatabase(page: Page): Promise<void> {
  await page.evaluate(async () => {
    while (!(await indexedDB.databases()).some((d) => d.name === 'groundwork')) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  });
}

export async function readTable<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  await waitForDatabase(page);
  return page.evaluate(async (store) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('groundwork');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, table) as Promise<T[]>;
}

export async function seedTable(page: Page, table: string, rows: readonly object[]): Promise<void> {
  await waitForDatabase(page);
  await page.evaluate(
    async ({ store, items }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('groundwork');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          for (const item of items) tx.objectStore(store).put(item);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { store: table, items: rows },
  );
  // A write past Dexie leaves its change mark by hand, as every writer must (lib/db/changeMark.ts).
  await markDataChanged(page);
}

/** Resolves once the worker has stored the popup's snapshot made under the latest change mark (lib/popup/snapshot.ts). */
export async function waitForPopupSnapshot(page: Page): Promise<void> {
  await page.evaluate(async ({ snapshotKey, markKey }) => {
    await new Promise<void>((resolve) => {
      const check = async () => {
        const stored = await chrome.storage.session.get(null);
        const snapshot = stored[snapshotKey] as { basis?: string } | undefined;
        if (snapshot && snapshot.basis === stored[markKey]) {
          chrome.storage.onChanged.removeListener(check);
          resolve();
        }
      };
      chrome.storage.onChanged.addListener(check);
      void check();
    });
  }, { snapshotKey: SNAPSHOT_KEY, markKey: CHANGE_MARK_KEY });
}

/** What lib/db/changeMark.ts does after a write, for raw writes made by tests. */
export async function markDataChanged(page: Page): Promise<void> {
  await page.evaluate(
    ([key, pageKey]) => {
      const mark = `test:${Date.now()}:${Math.random()}`;
      // As a page's write marks, in this order in one task: storage, and where the popup's own
      // copy is judged (lib/db/changeMark.ts).
      const stored = chrome.storage.session.set({ [key]: mark });
      localStorage.setItem(pageKey, mark);
      return stored;
    },
    [CHANGE_MARK_KEY, PAGE_MARK_KEY] as const,
  );
}

/** The page context the background recorded for a tab, read from storage.session. */
export async function readSessionStorage(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => chrome.storage.session.get(null));
}

export interface RecordedContext {
  tabId: number;
  reportedAt: number;
  page: SeenPage;
}

/**
 * Resolves with the page context the background recorded for the tab showing `url`, as soon as
 * it is written (storage.onChanged), from an extension page.
 */
export async function waitForReport(extensionPage: Page, url: string): Promise<RecordedContext> {
  return extensionPage.evaluate(
    (wanted) =>
      new Promise<RecordedContext>((resolve) => {
        const look = async () => {
          const all = Object.values(await chrome.storage.session.get(null)) as RecordedContext[];
          const found = all.find((c) => c.page?.url === wanted);
          if (found) {
            chrome.storage.onChanged.removeListener(onChanged);
            resolve(found);
          }
        };
        const onChanged = () => void look();
        chrome.storage.onChanged.addListener(onChanged);
        void look();
      }),
    url,
  );
}

/** Resolves once the tab's toolbar badge reads `text` (checked once per frame: it has no event). */
export async function waitForBadge(extensionPage: Page, tabId: number, text: string): Promise<void> {
  await extensionPage.evaluate(
    async ({ id, wanted }) => {
      while ((await chrome.action.getBadgeText({ tabId: id })) !== wanted) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    },
    { id: tabId, wanted: text },
  );
}

/** Resolves with `read()`'s value once `test` accepts it, checked once per frame in `page` (IndexedDB has no cross-page event). */
export async function readUntil<T>(page: Page, read: () => Promise<T>, test: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (test(value)) return value;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
}

/** A touch row as the tests read it back. */
export interface StoredTouch {
  id: string;
  personId: string;
  at: number;
  type: string;
  direction: string;
  answered: boolean;
  loggedBy: string;
  subject?: string;
  sourceKey?: string;
}

/** A saved person known by email, as a row to seed (created `createdAt`, a target owned by the rep). */
export function emailPersonRow(id: string, name: string, email: string, createdAt: number) {
  return { id, name, emails: [email], source: 'email', stage: 'target', flags: [], tags: [], owner: 'rep', createdAt, updatedAt: createdAt };
}

/** A touch as a row to seed: an outbound email the rep logged by hand at `at`, unless `fields` say otherwise. */
export function touchRow(id: string, personId: string, at: number, fields: object = {}) {
  return { id, personId, at, type: 'email', direction: 'outbound', intent: 'neutral', answered: false, freeAdvice: false, loggedBy: 'manual', createdAt: at, ...fields };
}

/**
 * Holds a read-write transaction on `stores` in `page` (an extension page): every other context's
 * transactions on them — the worker's, a popup's — wait until `release()`. `handOver()` ends this hold and takes the next one at once: the
 * worker's waiting transactions, created before it, run first, and the next ones wait again.
 */
export async function holdTables(page: Page, stores: string[]): Promise<{ release(): Promise<void>; handOver(): Promise<void> }> {
  await page.evaluate(async (names) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('groundwork');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const holdOne = () => {
      const tx = db.transaction(names, 'readwrite');
      const store = tx.objectStore(names[0]!);
      let held = true;
      // A transaction stays open while it has requests: one after another until released.
      const keepOpen = () => {
        if (held) store.get('groundwork-test:none').onsuccess = keepOpen;
      };
      keepOpen();
      return () => (held = false);
    };
    let release = holdOne();
    Object.assign(window, {
      releaseHold: () => {
        release();
        db.close();
      },
      handOverHold: () => {
        const previous = release;
        release = holdOne(); // created now: queued before anything the worker asks for next
        previous();
      },
    });
  }, stores);
  return {
    release: () => page.evaluate(() => (window as unknown as { releaseHold(): void }).releaseHold()),
    handOver: () => page.evaluate(() => (window as unknown as { handOverHold(): void }).handOverHold()),
  };
}
