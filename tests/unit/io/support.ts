import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GroundworkDB } from '../../../lib/db/db';

/** Every row of every table, ordered by primary key: "the database exactly as it was". */
export async function dump(db: GroundworkDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    out[table.name] = await table.toArray();
  }
  return out;
}

export interface FixtureDb {
  version: number;
  tables: Record<string, Record<string, unknown>[]>;
}

export function loadDbFixture(version: number): FixtureDb {
  return JSON.parse(readFileSync(join(__dirname, '../../fixtures/db', `v${version}.json`), 'utf8')) as FixtureDb;
}

/** Seeds `db` with a fixture database's rows (they are valid current records). */
export async function seedFixture(db: GroundworkDB, version = 4): Promise<FixtureDb> {
  const fixture = loadDbFixture(version);
  for (const [table, rows] of Object.entries(fixture.tables)) await db.table(table).bulkAdd(rows);
  return fixture;
}

/** A Blob whose size says what a test needs without allocating it. */
export function blobOfSize(size: number, head = ''): Blob {
  const blob = new Blob([head]);
  Object.defineProperty(blob, 'size', { value: size });
  return blob;
}
