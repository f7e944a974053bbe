import { useEffect, useState } from 'react';
import { db } from '../../lib/db';
import { watchPeople } from '../../lib/workspace/changes';
import { loadFirstRows, loadPeopleRows, loadRowsOf, type PersonRow } from '../../lib/workspace/rows';

export interface LiveRows {
  rows: readonly PersonRow[];
  /** Changes whenever a row changed: a search re-runs on it, as the index changed too. */
  version: number;
  /** False while only the first screen of people (by name) is read: counts and filters wait. */
  complete: boolean;
}

/** Enough rows for a tall screen, read before everyone else. */
const FIRST_SCREEN = 60;

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
    let complete = false;
    const publish = () => {
      if (!stopped) setState({ rows: [...byId.values()], version: ++version, complete });
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
          complete = true;
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
    // The first screen first; everyone right after (a change meanwhile is read by the full pass).
    flushing = loadFirstRows(db, FIRST_SCREEN).then((first) => {
      if (!complete) {
        byId = new Map(first.map((row) => [row.id, row]));
        publish();
      }
      return flush();
    });
    return () => {
      stopped = true;
      stop();
    };
  }, []);
  return state;
}
