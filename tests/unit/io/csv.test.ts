import Dexie from 'dexie';
import Papa from 'papaparse';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import { upsertSeenPerson } from '../../../lib/db/people';
import { BOM, neutraliseFormula, peopleCsv, touchesCsv } from '../../../lib/io/csvExport';
import { decodeCsv, importPeople, isMostlyUtf8, utf8Census, peopleFromRows, peopleFromRowsInSlices, readCsvTable, readCsvTableInSlices, type ImportRow } from '../../../lib/io/csvImport';
import { freshDb, T0 } from '../../support/db';
import { dump, seedFixture } from './support';

let db: GroundworkDB;
beforeEach(() => {
  db = freshDb();
});

const bytes = (text: string) => new TextEncoder().encode(text);

/** LinkedIn's Connections.csv as its data export writes it (2024–25): notes, a blank line, then the table. */
const CONNECTIONS = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Adaeze,Okonkwo-Reyes,https://www.linkedin.com/in/adaeze-okonkwo-reyes,,Sable Ridge Foods,Head of Plant Engineering,12 Mar 2024',
  'Jürgen,Müller,https://de.linkedin.com/in/j%C3%BCrgen-m%C3%BCller,jurgen@nordvik-antrieb.example,Nordvik Antrieb GmbH,Geschäftsführer,03 Jan 2025',
  '"Priya ""PJ""",Raman-Castillo,https://www.linkedin.com/in/priya-raman-castillo,,"Tidewater Logistics, Inc.",Director of Operations,28 Feb 2023',
  'Adaeze,Okonkwo-Reyes,https://www.linkedin.com/in/Adaeze-Okonkwo-Reyes/,adaeze@sableridge.example,Sable Ridge Foods,Head of Plant Engineering,12 Mar 2024',
  '',
].join('\n');

describe("LinkedIn's Connections.csv", () => {
  it('mapped in slices, yielding between them, gives the same people and skipped rows as in one go', async () => {
    const rows = Array.from({ length: 25 }, (_, i) =>
      i % 7 === 3 ? ['=HYPERLINK("x")', 'Evil', `https://www.linkedin.com/in/evil-${i}`, '', '', '', ''] : ['Ana', `Lima ${i}`, `https://www.linkedin.com/in/ana-${i}`, '', 'Sable Ridge Foods', 'Plant Manager', ''],
    );
    const mapping = readCsvTable(CONNECTIONS).mapping;
    let yields = 0;
    const sliced = await peopleFromRowsInSlices(rows, mapping, { sliceRows: 4, yieldBetween: async () => void yields++ });
    expect(sliced).toEqual(peopleFromRows(rows, mapping));
    expect(sliced.skipped.map((s) => s.row)).toEqual([4, 11, 18, 25]);
    expect(yields).toBe(6);
    await expect(peopleFromRowsInSlices([], {})).rejects.toThrow(/LinkedIn URL/);
  });

  it('read in slices, yielding to the page between them, gives the same table as in one go', async () => {
    // Quoted commas, doubled quotes and a line break inside a quoted value cross slice boundaries.
    const rows = Array.from({ length: 300 }, (_, i) => `Ana,"Lima ""${i}""",https://www.linkedin.com/in/ana-${i},,"Sable Ridge Foods, Inc.","Plant Manager\nLine ${i}",12 Mar 2024`);
    const text = [...CONNECTIONS.split('\n').slice(0, 4), ...rows].join('\r\n');
    let yields = 0;
    const sliced = await readCsvTableInSlices(text, { sliceBytes: 97, yieldBetween: async () => void yields++ });
    expect(sliced).toEqual(readCsvTable(text));
    expect(sliced.rows).toHaveLength(300);
    expect(sliced.rows[299]).toEqual(['Ana', 'Lima "299"', 'https://www.linkedin.com/in/ana-299', '', 'Sable Ridge Foods, Inc.', 'Plant Manager\nLine 299', '12 Mar 2024']);
    expect(yields).toBeGreaterThan(100);
  });

  it('finds the header under the notes, recognises the export and maps every column', () => {
    const table = readCsvTable(decodeCsv(bytes(CONNECTIONS)).text);
    expect(table.kind).toBe('linkedin-connections');
    expect(table.skippedLines).toBe(3);
    expect(table.header).toEqual(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On']);
    expect(table.mapping).toEqual({ firstName: 0, lastName: 1, linkedinUrl: 2, email: 3, company: 4, title: 5 });
    expect(table.rows).toHaveLength(4);
  });

  it('imports people with canonical URLs, merging the duplicate row', async () => {
    const table = readCsvTable(decodeCsv(bytes(CONNECTIONS)).text);
    const { people, skipped } = peopleFromRows(table.rows, table.mapping);
    expect(skipped).toEqual([]);
    expect(people[1]).toEqual({
      name: 'Jürgen Müller',
      linkedinUrl: 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/',
      emails: ['jurgen@nordvik-antrieb.example'],
      title: 'Geschäftsführer',
      headline: 'Geschäftsführer at Nordvik Antrieb GmbH',
      companyName: 'Nordvik Antrieb GmbH',
      location: undefined,
    });
    const summary = await importPeople(db, people, { now: T0 });
    expect(summary).toEqual({ added: 3, merged: 1, unchanged: 0, imported: 4, total: 4, cancelled: false });
    const adaeze = await db.people.where('linkedinUrl').equals('https://www.linkedin.com/in/adaeze-okonkwo-reyes/').first();
    expect(adaeze).toMatchObject({ name: 'Adaeze Okonkwo-Reyes', emails: ['adaeze@sableridge.example'], source: 'import', stage: 'target', companyName: 'Sable Ridge Foods' });
    expect((await db.people.where('name').equals('Priya "PJ" Raman-Castillo').first())?.companyName).toBe('Tidewater Logistics, Inc.');

    // The same file again: everyone is already there.
    const again = await importPeople(db, people, { now: T0 + 1 });
    expect(again).toMatchObject({ added: 0, merged: 0, unchanged: 4 });
  });

  it('merges into people already saved, filling gaps and never overwriting', async () => {
    const { person } = await upsertSeenPerson(db, { name: 'Adaeze O.', linkedinUrl: 'https://uk.linkedin.com/in/adaeze-okonkwo-reyes/detail/', headline: 'Head of Plant Engineering | Food safety', source: 'linkedin' }, T0);
    const { person: byMail } = await upsertSeenPerson(db, { name: 'Jürgen', emails: ['jurgen@nordvik-antrieb.example'], source: 'email' }, T0);
    const table = readCsvTable(decodeCsv(bytes(CONNECTIONS)).text);
    const summary = await importPeople(db, peopleFromRows(table.rows, table.mapping).people, { now: T0 + 1 });
    expect(summary).toMatchObject({ added: 1, merged: 3 });
    expect(await db.people.get(person.id)).toMatchObject({
      name: 'Adaeze O.',
      headline: 'Head of Plant Engineering | Food safety',
      title: 'Head of Plant Engineering',
      companyName: 'Sable Ridge Foods',
      emails: ['adaeze@sableridge.example'],
    });
    expect(await db.people.get(byMail.id)).toMatchObject({ name: 'Jürgen', linkedinUrl: 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/' });
    expect(await db.people.count()).toBe(3);
  });
});

describe('any CSV, through a column mapping', () => {
  const SEMICOLONS = ['Full name;E-mail;Organisation;Job title;City;Notes', 'Ana Lima;ana@acme.example;Acme;COO;Lyon;met at trade fair', 'Bo Chen;BO@Kestrel.example, bo.chen@kestrel.example;Kestrel;CTO;Aarhus;'].join('\r\n');

  it('guesses the delimiter and the mapping from common header names', () => {
    const table = readCsvTable(decodeCsv(bytes(SEMICOLONS)).text);
    expect(table).toMatchObject({ delimiter: ';', kind: 'other', skippedLines: 0, mapping: { name: 0, email: 1, company: 2, title: 3, location: 4 } });
    const { people } = peopleFromRows(table.rows, table.mapping);
    expect(people.map((p) => [p.name, p.emails, p.companyName, p.title, p.location])).toEqual([
      ['Ana Lima', ['ana@acme.example'], 'Acme', 'COO', 'Lyon'],
      ['Bo Chen', ['bo@kestrel.example', 'bo.chen@kestrel.example'], 'Kestrel', 'CTO', 'Aarhus'],
    ]);
  });

  it('uses the mapping the rep chose', () => {
    const text = 'col1\tcol2\tcol3\nana@acme.example\tAna Lima\tnot this\n';
    const table = readCsvTable(decodeCsv(bytes(text)).text);
    expect(table.mapping).toEqual({});
    expect(table.delimiter).toBe('\t');
    expect(() => peopleFromRows(table.rows, table.mapping)).toThrow(/Map a column/);
    const { people } = peopleFromRows(table.rows, { email: 0, name: 1 });
    expect(people).toEqual([expect.objectContaining({ name: 'Ana Lima', emails: ['ana@acme.example'] })]);
  });

  it('reads Windows-1252 and UTF-16 files, and UTF-8 with a byte-order mark', () => {
    const latin1 = new Uint8Array([...bytes('Name,Email\nJ'), 0xfc, ...bytes('rgen M'), 0xfc, ...bytes('ller,j@x.example\n')]);
    const decoded = decodeCsv(latin1);
    expect(decoded.encoding).toBe('windows-1252');
    expect(readCsvTable(decoded.text).rows[0]![0]).toBe('Jürgen Müller');

    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...'Name\tEmail\nZoë\tz@x.example\n'].map((c) => c.charCodeAt(0))).buffer)]);
    expect(decodeCsv(utf16)).toMatchObject({ encoding: 'utf-16le' });
    expect(readCsvTable(decodeCsv(utf16).text).rows[0]).toEqual(['Zoë', 'z@x.example']);

    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Name,Email\nAna,a@x.example\n')]);
    expect(readCsvTable(decodeCsv(withBom).text).header).toEqual(['Name', 'Email']);
  });

  describe('a UTF-8 file with a few stray bytes (issue 15)', () => {
    // Forty accented names as UTF-8 and one Windows-1252 "é" pasted in by hand.
    const names = Array.from({ length: 40 }, (_, i) => `Zoë Müller-Ströhm ${i},z${i}@x.example`).join('\n');
    const file = new Uint8Array([...bytes(`Name,Email\n${names}\nRen`), 0xe9, ...bytes(' Dubois,rene@x.example\n')]);

    it('is read as UTF-8, every good name kept, the stray byte replaced and counted', () => {
      const decoded = decodeCsv(file);
      expect(decoded).toMatchObject({ encoding: 'utf-8', replaced: 1, choices: ['utf-8', 'windows-1252'] });
      const rows = readCsvTable(decoded.text).rows;
      expect(rows[0]![0]).toBe('Zoë Müller-Ströhm 0');
      expect(rows.at(-1)![0]).toBe('Ren\uFFFD Dubois');
    });

    it('can be read as Windows-1252 if the rep chooses, garbling the UTF-8 names as the preview shows', () => {
      const decoded = decodeCsv(file, 'windows-1252');
      expect(decoded).toMatchObject({ encoding: 'windows-1252', replaced: 0 });
      const rows = readCsvTable(decoded.text).rows;
      expect(rows[0]![0]).toBe('ZoÃ« MÃ¼ller-StrÃ¶hm 0');
      expect(rows.at(-1)![0]).toBe('René Dubois');
    });

    it('a Windows-1252 file can be read as UTF-8 if the rep chooses, each accented letter replaced and counted', () => {
      const latin1 = new Uint8Array([...bytes('Name,Email\nJ'), 0xfc, ...bytes('rgen M'), 0xfc, ...bytes('ller,j@x.example\n')]);
      expect(decodeCsv(latin1, 'utf-8')).toMatchObject({ encoding: 'utf-8', replaced: 2, text: 'Name,Email\nJ\uFFFDrgen M\uFFFDller,j@x.example\n' });
    });
  });

  it.each<[string, number[], { multiByte: number; stray: number }]>([
    ['ASCII', [...bytes('plain')], { multiByte: 0, stray: 0 }],
    ['two-, three- and four-byte characters', [...bytes('é€😀')], { multiByte: 3, stray: 0 }],
    ['a lone Windows-1252 letter', [0x41, 0xe9, 0x42], { multiByte: 0, stray: 1 }],
    ['a lone continuation byte', [0x80], { multiByte: 0, stray: 1 }],
    ['a sequence cut short at the end', [0xe2, 0x82], { multiByte: 0, stray: 1 }],
    ['an overlong form', [0xc0, 0xaf], { multiByte: 0, stray: 2 }],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], { multiByte: 0, stray: 3 }],
  ])('counts %s as UTF-8 the way the decoder replaces it', (_label, input, census) => {
    const data = new Uint8Array(input);
    expect(utf8Census(data)).toEqual(census);
    expect(new TextDecoder('utf-8').decode(data).split('\uFFFD').length - 1).toBe(census.stray);
  });

  it.each<[string, { multiByte: number; stray: number }, boolean]>([
    ['no multi-byte characters at all', { multiByte: 0, stray: 1 }, false],
    ['three stray bytes among a few characters', { multiByte: 2, stray: 3 }, true],
    ['four stray bytes among a few characters', { multiByte: 5, stray: 4 }, false],
    ['a tenth as many stray bytes', { multiByte: 100, stray: 10 }, true],
    ['more than a tenth', { multiByte: 100, stray: 11 }, false],
  ])('%s: UTF-8 = %s', (_label, census, utf8) => {
    expect(isMostlyUtf8(census)).toBe(utf8);
  });

  it('skips rows it cannot use, saying why, and imports the rest', () => {
    const text = ['Name,Email,LinkedIn', 'No Identity,,', 'Wrong URL,,https://example.com/in/x', ',,https://www.linkedin.com/in/nameless/', 'Ok,ok@x.example,'].join('\n');
    const table = readCsvTable(text);
    const { people, skipped } = peopleFromRows(table.rows, table.mapping);
    expect(skipped).toEqual([
      { row: 1, reason: 'no LinkedIn URL and no email address' },
      { row: 2, reason: 'the URL is not a LinkedIn profile and there is no valid email address' },
    ]);
    // No name: the profile's slug stands in until the rep visits the page.
    expect(people.map((p) => p.name)).toEqual(['nameless', 'Ok']);
  });
});

describe('import in chunks', () => {
  const rows = (n: number): ImportRow[] =>
    Array.from({ length: n }, (_, i) => ({ name: `Person ${i}`, linkedinUrl: `https://www.linkedin.com/in/person-${i}/`, emails: [] }));

  it('reports progress per chunk and yields between chunks', async () => {
    const progress: number[] = [];
    let yields = 0;
    const summary = await importPeople(db, rows(25), {
      chunkSize: 10,
      onProgress: (p) => progress.push(p.done),
      yieldBetweenChunks: async () => {
        yields += 1;
      },
    });
    expect(progress).toEqual([10, 20, 25]);
    expect(yields).toBe(2);
    expect(summary.added).toBe(25);
  });

  it.each([
    ['the rest of the third slice', 'bulkPut'],
    ['the first record of the third slice', 'put'],
  ] as const)('a chunk of more people than are queued for writing at once is written whole, or not at all (%s refused)', async (_, refused) => {
    // 2,000 rows: four slices of puts, in the chunk's one transaction.
    expect(await importPeople(db, rows(2000))).toMatchObject({ imported: 2000, added: 2000 });
    expect(await db.people.count()).toBe(2000);
    await db.people.clear();
    // Part of the third slice refused: the first two slices go with it, and the rep is told.
    const write = (db.people[refused] as (...args: unknown[]) => Promise<unknown>).bind(db.people);
    let calls = 0;
    vi.spyOn(db.people, refused).mockImplementation(((...args: unknown[]) => ((calls += 1) === 3 ? Dexie.Promise.reject(new Error('QuotaExceededError')) : write(...args))) as never);
    await expect(importPeople(db, rows(2000))).rejects.toThrow('QuotaExceededError');
    expect(await db.people.count()).toBe(0);
  });

  it('a cancel stops between chunks: whole chunks written, the count said', async () => {
    const controller = new AbortController();
    const summary = await importPeople(db, rows(25), {
      chunkSize: 10,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 10) controller.abort();
      },
    });
    expect(summary).toMatchObject({ cancelled: true, imported: 10, added: 10, total: 25 });
    expect(await db.people.count()).toBe(10);
  });

  it('someone saved elsewhere during the import (the side panel, another tab) is merged, not duplicated', async () => {
    const incoming = rows(20);
    const later = incoming[15]!;
    const summary = await importPeople(db, incoming, {
      chunkSize: 10,
      // Between the chunks, the rep saves one of the next chunk's people from LinkedIn.
      yieldBetweenChunks: async () => {
        await upsertSeenPerson(db, { name: 'Saved meanwhile', linkedinUrl: later.linkedinUrl!, source: 'linkedin' }, T0);
      },
    });
    expect(summary).toMatchObject({ imported: 20, added: 19, unchanged: 1 });
    expect(await db.people.where('linkedinUrl').equals(later.linkedinUrl!).count()).toBe(1);
    expect(await db.people.count()).toBe(20);
  });

  // A spreadsheet of addresses only, as from a CRM: no LinkedIn URL to collide on. After the first
  // chunk, the rep saves one of the file's people from a Gmail thread: one of the next chunk's, or
  // one of a later chunk's (the chunk between finds none of its own addresses taken).
  it.each([
    { rows: 20, saved: 15, when: 'the next chunk' },
    { rows: 30, saved: 25, when: 'a later chunk' },
  ])('someone saved by email from Gmail during the import, for $when, is merged too (no unique index guards an address)', async ({ rows, saved }) => {
    const incoming: ImportRow[] = Array.from({ length: rows }, (_, i) => ({ name: `Person ${i}`, emails: [`person.${i}@kestrel.example`], companyName: 'Kestrel' }));
    const address = `person.${saved}@kestrel.example`;
    let yields = 0;
    const summary = await importPeople(db, incoming, {
      chunkSize: 10,
      yieldBetweenChunks: async () => {
        if ((yields += 1) === 1) await upsertSeenPerson(db, { name: `Person ${saved}`, emails: [address], source: 'email' }, T0);
      },
    });
    expect(summary).toMatchObject({ imported: rows, added: rows - 1, merged: 1 });
    expect(await db.people.where('emails').equals(address).toArray()).toEqual([expect.objectContaining({ source: 'email', companyName: 'Kestrel' })]);
    expect(await db.people.count()).toBe(rows);
  });

  it('with nobody saving an address beside it, no chunk looks its new addresses up one by one', async () => {
    const where = vi.spyOn(db.people, 'where');
    const incoming: ImportRow[] = Array.from({ length: 30 }, (_, i) => ({ name: `Person ${i}`, emails: [`person.${i}@kestrel.example`] }));
    expect(await importPeople(db, incoming, { chunkSize: 10 })).toMatchObject({ added: 30 });
    expect(where.mock.calls.filter(([index]) => (index as unknown) === 'emails')).toEqual([]);
  });

  it('an address saved elsewhere before a chunk with no new address to check is still found by a later chunk', async () => {
    // The second chunk's rows are all people the first chunk saved: it has no address to check.
    const first: ImportRow[] = Array.from({ length: 10 }, (_, i) => ({ name: `Person ${i}`, emails: [`person.${i}@kestrel.example`] }));
    const incoming = [...first, ...first.map((row) => ({ ...row, title: 'Buyer' })), { name: 'Person 99', emails: ['person.99@kestrel.example'] }];
    let yields = 0;
    await importPeople(db, incoming, {
      chunkSize: 10,
      yieldBetweenChunks: async () => {
        yields += 1;
        if (yields === 1) await upsertSeenPerson(db, { name: 'Person 99', emails: ['person.99@kestrel.example'], source: 'email' }, T0);
      },
    });
    expect(await db.people.where('emails').equals('person.99@kestrel.example').count()).toBe(1);
    expect(await db.people.count()).toBe(11);
  });
});

describe('CSV export', () => {
  const parse = (csv: string) => Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;

  it('people: BOM, CRLF, quoting, one row per person with fit and account', async () => {
    await seedFixture(db, 4);
    const { csv, count } = await peopleCsv(db);
    expect(count).toBe(4);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toContain('\r\n');
    const [header, ...rows] = parse(csv);
    expect(header).toEqual(expect.arrayContaining(['Name', 'LinkedIn URL', 'Emails', 'Fit score', 'Groundwork ID']));
    const ines = rows.find((r) => r[0] === 'Inès Marchetti-Hale')!;
    expect(ines[header!.indexOf('Fit score')]).toBe('83');
    expect(ines[header!.indexOf('Company')]).toBe('Corvid Packaging');
    expect(ines[header!.indexOf('Location')]).toBe('Lyon, Auvergne-Rhône-Alpes, France');
    expect(csv).toContain('"Lyon, Auvergne-Rhône-Alpes, France"');
  });

  it.each([
    ['leading spaces', '   =1+1'],
    ['a leading no-break space', '\u00A0=HYPERLINK("http://evil.example")'],
    ['a leading ideographic space', '\u3000+1'],
    ['a leading line break', '\n=1+1'],
    ['a zero-width space', '\u200B=1+1'],
    ['a zero-width joiner and a byte-order mark', '\u200D\uFEFF@SUM(A1)'],
    ['a word joiner', '\u2060-2+3'],
    ['a full-width equals sign', '\uFF1D1+1'],
    ['a full-width plus sign', '\uFF0B1'],
    ['a full-width hyphen-minus', '\uFF0D1'],
    ['a full-width commercial at', '\uFF20SUM(A1)'],
    ['a small equals sign', '\uFE66cmd'],
    ['a minus sign', '\u22122+3'],
    ['space then full-width equals', ' \uFF1D1'],
  ])('neutralises a formula behind %s (OWASP)', (_label, value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it.each([['Jane Doe'], ['a=b'], ['  Jane'], ['\u200BJane'], ['Ｊａｎｅ'], ['O’Neil-Smith'], ['1990-01-01']])('leaves %j as it is', (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });

  it('neutralises formulas: =, +, -, @, tab and carriage return get an apostrophe', async () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'plain', 'a=b'].map(neutraliseFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'plain',
      'a=b',
    ]);
    await db.people.add({
      id: 'evil',
      name: '=HYPERLINK("http://evil.example","Click")',
      headline: '+cmd|\' /C calc\'!A0',
      companyName: '@SUM(1+1)',
      location: '-2+3',
      notes: '=1+1\n=2+2',
      emails: [],
      linkedinUrl: 'https://www.linkedin.com/in/evil/',
      source: 'import',
      stage: 'target',
      flags: [],
      tags: ['<script>alert(1)</script>'],
      owner: 'rep',
      createdAt: T0,
      updatedAt: T0,
    });
    const { csv } = await peopleCsv(db);
    const [header, row] = parse(csv);
    const at = (column: string) => row![header!.indexOf(column)];
    expect(at('Name')).toBe('\'=HYPERLINK("http://evil.example","Click")');
    expect(at('Headline')).toBe("'+cmd|' /C calc'!A0");
    expect(at('Company')).toBe("'@SUM(1+1)");
    expect(at('Location')).toBe("'-2+3");
    expect(at('Notes')).toBe("'=1+1\n=2+2");
    expect(at('Tags')).toBe('<script>alert(1)</script>');
    expect(csv).toContain('"\'=HYPERLINK(""http://evil.example"",""Click"")"');
  });

  it('touches: oldest first, with the person beside each', async () => {
    await seedFixture(db, 4);
    const { csv, count } = await touchesCsv(db);
    expect(count).toBe(3);
    const [header, ...rows] = parse(csv);
    expect(header!.slice(0, 4)).toEqual(['Date', 'Person', 'Company', 'Type']);
    expect(rows[0]![1]).toBe('Inès Marchetti-Hale');
    expect(rows[0]![3]).toBe('Article forwarded');
    const dates = rows.map((r) => r[0]!);
    expect([...dates].sort()).toEqual(dates);
  });

  it('an export is read, never written', async () => {
    await seedFixture(db, 4);
    const before = await dump(db);
    await peopleCsv(db);
    await touchesCsv(db);
    expect(await dump(db)).toEqual(before);
  });
});
