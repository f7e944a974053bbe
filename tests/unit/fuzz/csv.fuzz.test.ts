import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import { CsvError, decodeCsv, importPeople, peopleFromRows, readCsvTable } from '../../../lib/io/csvImport';
import { Person } from '../../../lib/model';
import { freshDb, T0 } from '../../support/db';
import { dump, seedFixture } from '../io/support';
import { RUNS } from './arbitraries';

/**
 * The CSV reader, fuzzed (issue 15): arbitrary bytes, and tables of hostile cells under the
 * headers a rep's file has. Reading either gives a table or a CsvError the rep can read; rows it
 * cannot use are skipped with a reason; what it imports is only valid people; a refused file
 * changes nothing.
 */

let db: GroundworkDB;
let before: string;
beforeAll(async () => {
  db = freshDb();
  await seedFixture(db, 4);
  before = JSON.stringify(await dump(db));
});
afterAll(async () => {
  await db.delete();
});

/** Runs `read`; a CsvError is a refusal, anything else thrown fails the test. */
function readOrRefuse<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    expect(error).toBeInstanceOf(CsvError);
    expect((error as Error).message.length).toBeGreaterThan(10);
    return undefined;
  }
}

const cell = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '"', '""', '"a,b"', '\n', '\r\n', ',', ';', '\t', '=1+1', 'Zoë', 'jane@acme.example', 'JANE@ACME.EXAMPLE', 'https://www.linkedin.com/in/jane/', 'https://de.linkedin.com/in/J%C3%BCrgen/', '--', 'N/A', '\uFEFF', 'x'.repeat(5000)),
);
const HEADERS = [['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'], ['Name', 'Email', 'LinkedIn', 'Title'], ['a', 'b']];
const quote = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const table = fc
  .constantFrom(...HEADERS)
  .chain((header) => fc.tuple(fc.constant(header), fc.array(fc.array(cell, { minLength: 0, maxLength: header.length + 1 }), { maxLength: 12 }), fc.constantFrom('\n', '\r\n')))
  .map(([header, rows, newline]) => [header, ...rows].map((row) => row.map(quote).join(',')).join(newline));

describe('CSV files, fuzzed', () => {
  it(`arbitrary bytes are read as a table or refused readably, never thrown past (${RUNS.many} cases)`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 600 }), fc.string({ unit: 'binary', maxLength: 600 }).map((s) => new TextEncoder().encode(s))), (bytes) => {
        const decoded = readOrRefuse(() => decodeCsv(bytes));
        if (!decoded) return;
        const parsed = readOrRefuse(() => readCsvTable(decoded.text));
        if (!parsed) return;
        readOrRefuse(() => peopleFromRows(parsed.rows, parsed.mapping));
      }),
      { numRuns: RUNS.many },
    );
  });

  it(`hostile cells import as valid people or are skipped with a reason; a refused file changes nothing (${RUNS.few} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(table, async (text) => {
        const parsed = readOrRefuse(() => readCsvTable(decodeCsv(new TextEncoder().encode(text)).text));
        const people = parsed && readOrRefuse(() => peopleFromRows(parsed.rows, parsed.mapping));
        if (!people) {
          expect(JSON.stringify(await dump(db))).toBe(before);
          return;
        }
        for (const skipped of people.skipped) expect(skipped.reason.length).toBeGreaterThan(5);
        const summary = await importPeople(db, people.people, { now: T0 });
        expect(summary.imported).toBe(people.people.length);
        for (const person of await db.people.toArray()) expect(Person.safeParse(person).success).toBe(true);
        before = JSON.stringify(await dump(db));
      }),
      { numRuns: RUNS.few },
    );
  });
});
