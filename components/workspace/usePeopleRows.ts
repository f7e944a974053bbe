import { useEffect, useState } from 'react';
import { db } from '../../lib/db';
import { watchPeople } from '../../lib/workspace/changes';
import { loadPeopleRows, loadRowsOf, type PersonRow } from '../../lib/workspace/rows';

export interface LiveRows {
  rows: readonly PersonRow[];
  /** Changes whenever a row changed: a search re-runs on it, as the index changed too. */
  version: number;
}

/**
 * Every person's list row, kept current: read once, then each person a write touched (in this page,
 * the worker, any other extension page) is read again alone and patched in; a change that names no
 * people (a table cleared by a restore) reads everything again.
 */
export function usePeopleRows(): LiveRows | undefined {
  const [state, setState] = useState<LiveRows>();
  useEffect(() => {
    let stopped = false;
    let byId = new Map<string, PersonRow>();
    let version = 0;
    const publish = () => {
      if (!stopped) setState({ rows: [...byId.values()], version: ++version });
    };
    let pendingAll = false;
    const pendingIds = new Set<string>();
    let flushing: Promise<void> | undefined;
    const flush = async () => {
      while (pendingAll || pendingIds.size > 0) {
        if (pendingAll) {
          pendingAll = false;
          pendingIds.clear();
          byId = new Map((await loadPeopleRows(db)).map((row) => [row.id, row]));
        } else {
          const ids = [...pendingIds];
          pendingIds.clear();
          const rows = await loadRowsOf(db, ids);
          ids.forEach((id, i) => {
            const row = rows[i];
            if (row) byId.set(id, row);
            else byId.delete(id);
          });
        }
        publish();
      }
      flushing = undefined;
    };
    const schedule = () => {
      flushing ??= Promise.resolve().then(flush);
    };
    const stop = watchPeople(db.name, (change) => {
      if (change.all) pendingAll = true;
      for (const id of change.people) pendingIds.add(id);
      schedule();
    });
    pendingAll = true;
    schedule();
    return () => {
      stopped = true;
      stop();
    };
  }, []);
  return state;
}
