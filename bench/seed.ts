import type { Page } from 'playwright-core';
import { generateDataset, type DatasetSize } from './dataset';

/**
 * Fills the extension's database from one of its pages: the generator runs in the page (its
 * source is shipped, not the data), and rows go in with raw IndexedDB in large transactions.
 */
export async function seedExtensionDatabase(page: Page, seed: number, size: DatasetSize, now: number): Promise<Record<string, number>> {
  await page.evaluate(async () => {
    while (!(await indexedDB.databases()).some((d) => d.name === 'groundwork')) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  });
  const script = `(async () => {
    const data = (${generateDataset.toString()})(${seed}, ${JSON.stringify(size)}, ${now});
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('groundwork');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const counts = {};
    for (const [table, rows] of Object.entries(data)) {
      for (let i = 0; i < rows.length; i += 20000) {
        await new Promise((resolve, reject) => {
          const tx = db.transaction(table, 'readwrite');
          const store = tx.objectStore(table);
          for (const row of rows.slice(i, i + 20000)) store.put(JSON.parse(JSON.stringify(row)));
          tx.oncomplete = () => resolve();
          tx.onerror = (e) => reject(new Error(table + ': ' + (e.target.error && e.target.error.message)));
        });
      }
      counts[table] = rows.length;
    }
    db.close();
    return counts;
  })()`;
  return page.evaluate(script) as Promise<Record<string, number>>;
}

/** Writes a row into a store of the extension's database (raw IndexedDB). */
export async function putRow(page: Page, table: string, row: object): Promise<void> {
  await page.evaluate(
    ({ store, value }) =>
      new Promise<void>((resolve, reject) => {
        const r = indexedDB.open('groundwork');
        r.onsuccess = () => {
          const tx = r.result.transaction(store, 'readwrite');
          tx.objectStore(store).put(value);
          tx.oncomplete = () => {
            r.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { store: table, value: row },
  );
}
