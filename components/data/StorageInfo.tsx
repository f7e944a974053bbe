import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db } from '../../lib/db';
import { megabytes } from '../../lib/io/files';
import { onDataReplaced } from './changed';

/**
 * Touches are counted when the page opens, after this page's restores, imports and deletes, and
 * when the rep comes back to the page — not live: IndexedDB counts by walking the table, which
 * with 500k touches took 500 ms after every touch logged anywhere (bench/README.md).
 */
function useTouchCount(): number | undefined {
  const [count, setCount] = useState<number>();
  useEffect(() => {
    let mounted = true;
    const recount = () => void db.touches.count().then((n) => mounted && setCount(n), () => undefined);
    const whenVisible = () => document.visibilityState === 'visible' && recount();
    recount();
    const unsubscribe = onDataReplaced(recount);
    document.addEventListener('visibilitychange', whenVisible);
    return () => {
      mounted = false;
      unsubscribe();
      document.removeEventListener('visibilitychange', whenVisible);
    };
  }, []);
  return count;
}

type Persistence = 'unknown' | 'persistent' | 'best-effort';

/**
 * What is stored, how much room it takes, and whether the browser may evict it. Chrome keeps an
 * extension's data until the extension is uninstalled; "persistent" also protects it from being
 * cleared under storage pressure.
 */
export function StorageInfo() {
  // One live query per table: an import that writes people does not recount the touches per chunk.
  const people = useLiveQuery(() => db.people.count(), []);
  const accounts = useLiveQuery(() => db.accounts.count(), []);
  const followUps = useLiveQuery(() => db.followUps.count(), []);
  const touches = useTouchCount();
  const counts = people === undefined || accounts === undefined || touches === undefined || followUps === undefined ? undefined : ([people, accounts, touches, followUps] as const);
  const [usage, setUsage] = useState<{ usage?: number; quota?: number }>();
  const [persistence, setPersistence] = useState<Persistence>('unknown');
  const [asked, setAsked] = useState<string>();

  useEffect(() => {
    const storage = navigator.storage as StorageManager | undefined;
    void storage?.estimate?.().then(setUsage, () => undefined);
    void storage?.persisted?.().then((p) => setPersistence(p ? 'persistent' : 'best-effort'), () => undefined);
    // Re-estimated whenever a table's size changes.
  }, [people, accounts, touches, followUps]);

  const askForPersistence = async () => {
    const granted = await navigator.storage.persist();
    setPersistence(granted ? 'persistent' : 'best-effort');
    setAsked(
      granted
        ? 'Granted: the browser will not clear Groundwork’s data to free space.'
        : 'Not granted: the browser decides for itself (Chrome grants it to sites and extensions you use often). Back up regularly.',
    );
  };

  return (
    <div className="card stack" aria-label="Storage">
      <h3>Storage</h3>
      {counts && (
        <p data-testid="data-counts">
          {counts[0].toLocaleString()} people · {counts[1].toLocaleString()} accounts · {counts[2].toLocaleString()} touches ·{' '}
          {counts[3].toLocaleString()} follow-ups
        </p>
      )}
      <p data-testid="storage-usage">
        {usage?.usage !== undefined
          ? `Using ${megabytes(usage.usage)} in this browser${usage.quota ? ` (of ${megabytes(usage.quota)} available)` : ''}.`
          : 'This browser does not say how much space is used.'}
      </p>
      <div className="row">
        <span data-testid="persistence">
          {persistence === 'persistent'
            ? 'Storage is persistent: the browser will not clear it to free space.'
            : persistence === 'best-effort'
              ? 'Storage is best-effort: under storage pressure the browser may clear it.'
              : ''}
        </span>
        {persistence !== 'persistent' && typeof navigator.storage?.persist === 'function' && (
          <button type="button" onClick={() => void askForPersistence()}>
            Ask the browser to keep it
          </button>
        )}
      </div>
      {asked && <p role="status">{asked}</p>}
      <p className="warning small">
        Uninstalling Groundwork deletes all of this from the browser, and nothing is kept anywhere else. Back up first.
      </p>
    </div>
  );
}
