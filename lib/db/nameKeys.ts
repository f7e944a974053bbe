import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { nameKeysOf } from '../identity/names';
import { searchKeysOf, type Searchable } from '../search/keys';

/**
 * Each person row carries `nameKeys`, the folded words of their name ("Inès Marchetti-Hale" →
 * ines, marchetti, hale), indexed multi-entry (schema v7): an address Groundwork does not know is
 * matched to the saved person it most likely belongs to without reading every person (issue 16).
 * Likewise `searchKeys` (schema v8, lib/search/keys.ts): the other words the workspace's search
 * finds them by (issue 18).
 * Derived, never written by hand: this middleware sets both on every add and put to `people`, so
 * saves, imports, restores, merges and edits all keep them current.
 */

export interface NameKeyed {
  nameKeys?: string[];
  searchKeys?: string[];
}

function withNameKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || typeof (value as { name?: unknown }).name !== 'string') return value;
  return { ...value, nameKeys: nameKeysOf((value as { name: string }).name), searchKeys: searchKeysOf(value as Searchable) };
}

function keyedPeople(people: DBCoreTable): DBCoreTable {
  return {
    ...people,
    mutate(req: DBCoreMutateRequest) {
      if (req.type === 'add' || req.type === 'put') return people.mutate({ ...req, values: req.values.map(withNameKeys) });
      return people.mutate(req);
    },
  };
}

export const nameKeysMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'NameKeys',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        return name === 'people' ? keyedPeople(table) : table;
      },
    };
  },
};

/** A person row without its derived keys: what backups and exports carry. */
export function withoutNameKeys<T extends object>(row: T): Omit<T, 'nameKeys' | 'searchKeys'> {
  if (!('nameKeys' in row) && !('searchKeys' in row)) return row;
  const { nameKeys: _, searchKeys: __, ...rest } = row as T & NameKeyed;
  return rest;
}
