import Dexie from 'dexie';
import { declareSchema, GroundworkDB } from '../../lib/db/db';
import { SCHEMA_VERSIONS } from '../../lib/db/schema';

let counter = 0;

/** A fresh, empty database per test (fake-indexeddb in unit tests). */
export function freshDb(): GroundworkDB {
  counter += 1;
  return new GroundworkDB(`groundwork-test-${counter}-${Math.random().toString(36).slice(2)}`);
}

export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0); // Monday 2 Nov 2026, 09:00 UTC
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * Creates database `name` exactly as schema version `version` declared it (no middleware, no
 * later upgrade), with `tables`' rows, and closes it: what an older Groundwork left behind.
 */
export async function createDatabaseAtVersion(name: string, version: number, tables: Record<string, readonly object[]>): Promise<void> {
  const old = new Dexie(name);
  declareSchema(old, SCHEMA_VERSIONS.filter((v) => v.version <= version));
  await old.open();
  for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd([...rows]);
  old.close();
}
