/**
 * Raw IndexedDB for the benchmarks' floors: the same database as Groundwork's, no Dexie. Bundled
 * into the page API (bench/pageApi.ts) as `groundworkBench.raw`, so every floor opens, reads and
 * writes the same way.
 */

/** The extension's database, opened without Dexie. Close it when done. */
export function openRaw(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('groundwork');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A request's result. */
export function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves when the transaction commits. */
export function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/** Puts `rows` into `store`, `perTransaction` rows per read-write transaction, one after another. */
export async function putInChunks(raw: IDBDatabase, store: string, rows: readonly unknown[], perTransaction = 2000): Promise<void> {
  for (let from = 0; from < rows.length; from += perTransaction) {
    const tx = raw.transaction(store, 'readwrite');
    for (const row of rows.slice(from, from + perTransaction)) tx.objectStore(store).put(row);
    await committed(tx);
  }
}
