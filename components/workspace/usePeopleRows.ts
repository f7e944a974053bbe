import { useEffect, useState } from 'react';
import { db } from '../../lib/db';
import { watchPeople } from '../../lib/workspace/changes';
import { loadFirstRows, loadPeopleRows, loadRowsOf, type PersonRow } from '../../lib/workspace/rows';
import { messageOf } from '../useAction';

export interface LiveRows {
  rows: readonly PersonRow[];
  /** Changes whenever a row changed: a search re-runs on it, as the index changed too. */
  version: number;
  /** False while only the first screen of people (by name) is read: counts and filters wait. */
  complete: boolean;
  /** Why the list could not be read again (it shows what it last read meanwhile). */
  error?: string;
}

/** Enough rows for a tall screen, read before everyone else. */
const FIRST_SCREEN = 60;

/**
 * A write of 50 rows or more is announced as "anything may have changed" (Dexie records ranges,
 * not keys, past 49), and reading 50k people takes a second or two: during an import or a restore
 * such reads come at most this often, each after the one before has finished.
 */
const FULL_READ_GAP_MS = 2_000;

/**
 * Every person's list row, kept current: read once, then each person a write touched (in this page,
 * the worker, any other extension page) is read again alone and patched in; a change that names no
 * people (a table cleared by a restore, a large write) reads everything again.
 */
export function usePeopleRows(): LiveRows | undefined {
  const [state, setState] = useState<LiveRows>();
  useEffect(() => {
    let stopped = false;
    let byId = new Map<string, PersonRow>();
    let version = 0;
    let complete = false;
    let error: string | undefined;
    const publish = () => {
      if (!stopped) setState({ rows: [...byId.values()], version: ++version, complete, ...(error ? { error } : {}) });
    };
    let pendingAll = false;
    let lastFullRead = -Infinity;
    const pendingIds = new Set<string>();
    let flushing: Promise<void> | undefined;
    const flush = async () => {
      try {
        while (!stopped && (pendingAll || pendingIds.size > 0)) {
          if (pendingAll) {
            const wait = lastFullRead + FULL_READ_GAP_MS - performance.now();
            if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
            pendingAll = false;
            pendingIds.clear();
            byId = new Map((await loadPeopleRows(db)).map((row) => [row.id, row]));
            lastFullRead = performance.now();
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
          error = undefined;
          publish();
        }
      } catch (e) {
        // Shown, and the next change tries again (everything, as what was missed is unknown).
        error = messageOf(e);
        pendingAll = true;
        publish();
      } finally {
        flushing = undefined;
      }
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
    flushing = loadFirstRows(db, FIRST_SCREEN)
      .then((first) => {
        if (!complete) {
          byId = new Map(first.map((row) => [row.id, row]));
          publish();
        }
      })
      .catch(() => undefined)
      .then(flush);
    return () => {
      stopped = true;
      stop();
    };
  }, []);
  return state;
}
