import type { Page } from 'playwright-core';

/**
 * Reads and seeds the extension's database from one of its own pages, with the raw IndexedDB
 * API: the test sees exactly what is stored, not what our code thinks it stored. Dexie keeps plain
 * objects, so rows round-trip as they are.
 */

async function waitForDatabase(page: Page): Promise<void> {
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'groundwork'));
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
}

/** The page context the background recorded for a tab, read from storage.session. */
export async function readSessionStorage(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => chrome.storage.session.get(null));
}
