import Dexie, { RangeSet, cmp, type IntervalTree, type ObservabilitySet } from 'dexie';

/**
 * Which people a database change touched, from Dexie's `storagemutated` notice (fired for writes
 * in this page and, through Dexie's broadcast, in the worker and every other extension page). The
 * workspace patches those people's rows instead of reading 50k again; a change it cannot place
 * (a table cleared, a restore) asks for everything.
 */

export interface PeopleChange {
  /** Everyone may have changed: read all again. */
  all: boolean;
  people: Set<string>;
  accounts: boolean;
}

/** The keys a changed part names; undefined when it names a range (a clear, a range delete). */
function keysOf(tree: IntervalTree): string[] | undefined {
  const keys: string[] = [];
  for (const node of RangeSet(tree)) {
    if (cmp(node.from, node.to) !== 0 || typeof node.from !== 'string') return undefined;
    keys.push(node.from);
  }
  return keys;
}

/** Parts whose keys are person ids: people's, fits' and touch figures' primary keys, follow-ups by person. */
const PERSON_KEYED = ['people/', 'fits/', 'firstTouches/', 'followUps/personId'];

export function peopleChange(parts: ObservabilitySet, databaseName: string): PeopleChange {
  const change: PeopleChange = { all: false, people: new Set(), accounts: false };
  const prefix = `idb://${databaseName}/`;
  for (const [part, tree] of Object.entries(parts)) {
    if (!part.startsWith(prefix)) continue;
    const name = part.slice(prefix.length);
    if (name.startsWith('accounts/')) change.accounts = true;
    if (!PERSON_KEYED.includes(name)) continue;
    const keys = keysOf(tree);
    if (!keys) change.all = true;
    else for (const key of keys) change.people.add(key);
  }
  return change;
}

/** Calls `onChange` with each change to the database named `databaseName`; returns the unsubscribe. */
export function watchPeople(databaseName: string, onChange: (change: PeopleChange) => void): () => void {
  const listener = (parts: ObservabilitySet) => {
    const change = peopleChange(parts, databaseName);
    if (change.all || change.accounts || change.people.size > 0) onChange(change);
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}
