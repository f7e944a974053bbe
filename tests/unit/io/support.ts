import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GroundworkDB } from '../../../lib/db/db';
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup, type Backup, type BackupData } from '../../../lib/io/backup';
import type { FollowUp, Person } from '../../../lib/model';
import { DAY, T0 } from '../../support/db';

/** Every row of every table, ordered by primary key: "the database exactly as it was". */
export async function dump(db: GroundworkDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    // Which transaction last saved an address: this browser's bookkeeping, new after any save.
    if (table.name === 'writeMarks') continue;
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

/** A saved person as a backup holds one: only what a test sets differs. */
export function person(fields: Partial<Person> & Pick<Person, 'id' | 'name'>): Person {
  return { emails: [], source: 'linkedin', stage: 'target', flags: [], tags: [], owner: 'rep', createdAt: T0, updatedAt: T0, ...fields };
}

/** An open cadence follow-up due a day after T0. */
export function followUp(fields: Partial<FollowUp> & Pick<FollowUp, 'id' | 'personId'>): FollowUp {
  return { dueAt: T0 + DAY, reason: 'Check in', suggestedType: 'email', status: 'open', origin: 'cadence', createdAt: T0, updatedAt: T0, ...fields };
}

/** A backup file holding `data`, through the real checks, as a file would go. */
export function backup(data: Partial<BackupData>): Backup {
  return parseBackup({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(T0).toISOString(),
    schemaVersion: 4,
    data: { people: [], accounts: [], touches: [], followUps: [], profiles: [], ...data },
  });
}
