import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { GroundworkDB } from '../../../lib/db/db';
import { SCHEMA_VERSIONS } from '../../../lib/db/schema';
import { Account, FitRow, FollowUp, IdealCustomerProfile, Person, Settings, Touch } from '../../../lib/model';
import { createDatabaseAtVersion } from '../../support/db';

/**
 * Durable schema: every schema version that has shipped keeps a fixture database. Each is created
 * with exactly the schema of its version, then opened with the current code: every row must
 * still be there, with every field it had, and read as a valid current record.
 */

const FIXTURES = join(__dirname, '../../fixtures/db');

interface Fixture {
  version: number;
  tables: Record<string, Record<string, unknown>[]>;
}

const CURRENT_SCHEMAS: Record<string, ZodType> = {
  people: Person,
  accounts: Account,
  touches: Touch,
  followUps: FollowUp,
  profiles: IdealCustomerProfile,
  fits: FitRow,
};

function loadFixture(version: number): Fixture {
  return JSON.parse(readFileSync(join(FIXTURES, `v${version}.json`), 'utf8')) as Fixture;
}

describe('schema migrations', () => {
  it('every shipped schema version has a fixture database, and no fixture is orphaned', () => {
    const fixtures = readdirSync(FIXTURES).filter((f) => /^v\d+\.json$/.test(f)).sort();
    expect(fixtures).toEqual(SCHEMA_VERSIONS.map((v) => `v${v.version}.json`).sort());
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))('the fixture of version %i has rows in every table that version declares', (version) => {
    const declared = new Set<string>();
    for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= version)) {
      for (const [table, spec] of Object.entries(v.stores)) {
        if (spec === null) declared.delete(table);
        else declared.add(table);
      }
    }
    const tables = loadFixture(version).tables;
    expect(Object.keys(tables).sort()).toEqual([...declared].sort());
    for (const [table, rows] of Object.entries(tables)) expect(rows.length, table).toBeGreaterThan(0);
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))('a database created by version %i opens with the current code and keeps every row', async (version) => {
    const fixture = loadFixture(version);
    const name = `migration-v${version}-${Math.random()}`;

    await createDatabaseAtVersion(name, version, fixture.tables);

    const current = new GroundworkDB(name);
    await current.open();
    try {
      for (const [table, rows] of Object.entries(fixture.tables)) {
        const primaryKey = current.table(table).schema.primKey.keyPath as string;
        expect(await current.table(table).count(), `${table} row count`).toBe(rows.length);
        for (const row of rows) {
          const stored = (await current.table(table).get(row[primaryKey] as string)) as unknown;
          expect(stored, `${table} ${String(row[primaryKey])}`).toMatchObject(row);
          const schema = CURRENT_SCHEMAS[table];
          if (schema) expect(schema.safeParse(stored).success, `${table} ${String(row[primaryKey])} is valid now`).toBe(true);
        }
      }
      const settingsRow = await current.settings.get('settings');
      expect(Settings.safeParse(settingsRow?.value).success).toBe(true);
      // Every person, however old the database, is found by the words of their name (v7).
      for (const person of fixture.tables.people ?? []) {
        const family = String(person.name).split(/\s+/).at(-1)!.split('-')[0]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
        const found = await current.people.where('nameKeys').equals(family).primaryKeys();
        expect(found, `${String(person.name)} by "${family}"`).toContain(person.id);
      }
      // … and by the words of their company, in the workspace's search (v8).
      for (const person of (fixture.tables.people ?? []).filter((p) => typeof p.companyName === 'string')) {
        const word = String(person.companyName).split(/\s+/)[0]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
        const found = await current.people.where('searchKeys').equals(`c:${word}`).primaryKeys();
        expect(found, `${String(person.name)} by company "${word}"`).toContain(person.id);
      }
      // Every touched person's last touch is known (v8).
      for (const personId of new Set((fixture.tables.touches ?? []).map((t) => String(t.personId)))) {
        const last = Math.max(...(fixture.tables.touches ?? []).filter((t) => t.personId === personId).map((t) => Number(t.at)));
        expect((await current.firstTouches.get(personId))?.lastAt, personId).toBe(last);
      }
    } finally {
      await current.delete();
    }
  });
});
