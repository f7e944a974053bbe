import Papa from 'papaparse';
import type { GroundworkDB } from '../db/db';
import { newPersonDefaults, normaliseEmail } from '../db/people';
import { newId } from '../db/ids';
import type { Person } from '../model';
import { EmailAddress } from '../model/email';
import { canonicalProfileUrlOrUndefined, displaySlug } from '../sites/linkedin/url';
import { addressMark } from '../db/writeMarks';
import { knownKeys, resolvePeople, type IdentityRules, type IncomingIdentity, type KnownKeys } from './identity';
import { invalidateFits } from './restore';

/**
 * People from CSV: LinkedIn's own connections export (Connections.csv, a few lines of notes
 * before its header) and any other CSV through a column mapping. Three steps, each testable
 * alone: decode the file's bytes (`decodeCsv`), find its table and guess the mapping
 * (`readCsvTable`), turn rows into people (`peopleFromRows`), then write them in chunks
 * (`importPeople`). Nothing is written before the last step; each chunk is one transaction.
 */

/**
 * Lets the page paint and handle input between slices of long work: a message to itself, an
 * ordinary task among the page's others (its timers, React's renders). Not `setTimeout(0)`,
 * which a chain holds 4 ms a link after the fifth (about 0.2 s over a 50k-row file's slices); not
 * `scheduler.yield()`, whose continuation runs before those tasks and starved them for the whole
 * mapping of 50k rows (0.9 s).
 */
const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });

export class CsvError extends Error {
  override name = 'CsvError';
}

export const MAX_CSV_BYTES = 50 * 1024 * 1024;

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const CSV_ENCODING_LABELS: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows Western European (1252)',
};

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** Characters that could not be read in that encoding, now shown as U+FFFD (�). */
  replaced: number;
  /** The encodings the rep may choose instead, for this file (the one used first). */
  choices: CsvEncoding[];
}

/**
 * How a file's bytes read as UTF-8: whole multi-byte characters, and stray bytes that start or
 * break one (each maximal broken sequence counted once, as the UTF-8 decoder replaces it).
 */
export function utf8Census(bytes: Uint8Array): { multiByte: number; stray: number } {
  let multiByte = 0;
  let stray = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const need = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (need === 0) {
      stray++;
      i++;
      continue;
    }
    // The second byte's range is narrower after some leads (no overlong forms, no surrogates).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    let j = 1;
    while (j <= need) {
      const next = bytes[i + j];
      if (next === undefined || next < (j === 1 ? low : 0x80) || next > (j === 1 ? high : 0xbf)) break;
      j++;
    }
    if (j > need) multiByte++;
    else stray++;
    i += j;
  }
  return { multiByte, stray };
}

/**
 * Whether bytes that are not valid UTF-8 are still UTF-8 with a few stray bytes (a file edited by
 * hand, a name pasted from elsewhere) rather than another encoding: its whole multi-byte
 * characters outnumber its stray bytes tenfold, or there are at most three stray bytes among them.
 * A Windows-1252 file has accented letters as single high bytes, all stray in UTF-8.
 */
export function isMostlyUtf8({ multiByte, stray }: { multiByte: number; stray: number }): boolean {
  return multiByte > 0 && (stray <= 3 || stray * 10 <= multiByte);
}

/**
 * The file's bytes as text: UTF-16 when it starts with its byte-order mark; otherwise UTF-8 (with
 * or without one) when it is UTF-8, even with a few stray bytes (each shown as �, and counted for
 * the preview); Windows-1252 only when it is clearly not UTF-8. `encoding` reads it as the rep
 * chose in the preview instead.
 */
export function decodeCsv(bytes: Uint8Array, encoding?: CsvEncoding): DecodedCsv {
  if (bytes.length === 0) throw new CsvError('This file is empty. Nothing was imported.');
  if (bytes.length > MAX_CSV_BYTES) {
    throw new CsvError(`This file is ${Math.round(bytes.length / 1048576)} MB; Groundwork imports CSV files up to 50 MB. Split it and import the parts.`);
  }
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0x50 && b1 === 0x4b && b2 === 0x03 && b3 === 0x04) {
    throw new CsvError('This is an Excel workbook or another zipped file, not CSV. In your spreadsheet, save it as “CSV UTF-8” and import that.');
  }
  const utf16 = b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : undefined;
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) {
    throw new CsvError('This is not a text file (it holds binary data), so it is not CSV. Nothing was imported.');
  }
  const choices: CsvEncoding[] = utf16 ? [utf16] : ['utf-8', 'windows-1252'];
  const decode = (chosen: CsvEncoding, replaced: number): DecodedCsv => {
    const text = new TextDecoder(chosen, { ignoreBOM: false }).decode(utf16 ? bytes.subarray(2) : bytes);
    if (text.trim() === '') throw new CsvError('This file is empty. Nothing was imported.');
    return { text, encoding: chosen, replaced, choices };
  };

  if (utf16) return decode(utf16, 0);
  if (encoding === 'windows-1252') return decode('windows-1252', 0);
  let census: { multiByte: number; stray: number } | undefined;
  if (encoding !== 'utf-8') {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return decode('utf-8', 0);
    } catch {
      // Not valid UTF-8 throughout: which encoding is it?
    }
    census = utf8Census(bytes);
    // Excel's plain "CSV" on Windows is the legacy Western code page; shown in the preview to check.
    if (!isMostlyUtf8(census)) return decode('windows-1252', 0);
  }
  // UTF-8, with its stray bytes each replaced by one U+FFFD (as the decoder does).
  return decode('utf-8', (census ?? utf8Census(bytes)).stray);
}

/** What a column can be mapped to. */
export const PERSON_FIELDS = ['name', 'firstName', 'lastName', 'email', 'linkedinUrl', 'company', 'title', 'location'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export const PERSON_FIELD_LABELS: Record<PersonField, string> = {
  name: 'Full name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  linkedinUrl: 'LinkedIn URL',
  company: 'Company',
  title: 'Title',
  location: 'Location',
};

/** Header names seen in LinkedIn, Sales Navigator, CRM and spreadsheet exports, folded (lower case, letters and digits only). */
const HEADER_NAMES: Record<PersonField, readonly string[]> = {
  name: ['name', 'fullname', 'contact', 'contactname', 'displayname', 'person'],
  firstName: ['firstname', 'givenname', 'first', 'forename', 'vorname', 'prenom'],
  lastName: ['lastname', 'surname', 'familyname', 'last', 'nachname', 'nom'],
  email: ['email', 'emailaddress', 'email1', 'emailaddress1', 'mail', 'workemail', 'primaryemail', 'businessemail', 'emails'],
  linkedinUrl: ['url', 'linkedin', 'linkedinurl', 'linkedinprofile', 'linkedinprofileurl', 'profileurl', 'personlinkedinurl', 'publicprofileurl'],
  company: ['company', 'companyname', 'organization', 'organisation', 'account', 'accountname', 'employer', 'firma'],
  title: ['position', 'title', 'jobtitle', 'role', 'headline'],
  location: ['location', 'city', 'country', 'region'],
};

const fold = (header: string) => header.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');

export function fieldForHeader(header: string): PersonField | undefined {
  const folded = fold(header);
  return PERSON_FIELDS.find((field) => HEADER_NAMES[field].includes(folded));
}

/** LinkedIn's own connections export, as of 2024–25. */
export const LINKEDIN_CONNECTIONS_HEADER = ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'];

/** A column index per field; a field may be unmapped. */
export type ColumnMapping = Partial<Record<PersonField, number>>;

export interface CsvTable {
  header: string[];
  rows: string[][];
  delimiter: string;
  /** Lines of notes skipped before the header (LinkedIn puts some there). */
  skippedLines: number;
  kind: 'linkedin-connections' | 'other';
  mapping: ColumnMapping;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
/** How far down a header row may be found (LinkedIn's notes take three lines). */
const HEADER_SEARCH_ROWS = 20;

interface HeaderGuess {
  delimiter: string;
  row: number;
  known: number;
}

function guessHeader(text: string): HeaderGuess | undefined {
  let best: HeaderGuess | undefined;
  for (const delimiter of DELIMITERS) {
    const { data } = Papa.parse<string[]>(text, { delimiter, preview: HEADER_SEARCH_ROWS, skipEmptyLines: false });
    data.forEach((cells, row) => {
      const known = new Set(cells.map(fieldForHeader).filter((f) => f !== undefined)).size;
      if (known >= 2 && (!best || known > best.known)) best = { delimiter, row, known };
    });
  }
  return best;
}

export function mappingFor(header: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  header.forEach((cell, index) => {
    const field = fieldForHeader(cell);
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  // A full name beside first and last names would be read twice.
  if (mapping.firstName !== undefined && mapping.name !== undefined) delete mapping.name;
  return mapping;
}

/** The text without its byte-order mark; JSON refused with a pointer to restore. */
function csvBody(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/^\s*[[{]/.test(body)) {
    throw new CsvError('This is a JSON file, not CSV. A Groundwork backup is restored under “Backup and restore”.');
  }
  return body;
}

interface ParsedCsv {
  data: string[][];
  errors: Papa.ParseError[];
  delimiter: string;
}

/** The table in parsed rows: header (after any notes), rows, mapping; clear errors when there is none. */
function tableOf(guess: HeaderGuess | undefined, parsed: ParsedCsv): CsvTable {
  const damaged = parsed.errors.find((e) => e.type === 'Quotes');
  if (damaged) {
    throw new CsvError(`This CSV is damaged: a quoted value never ends (near row ${(damaged.row ?? 0) + 1}). Nothing was imported.`);
  }
  const isEmpty = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
  // Without a recognised header, the first line that has anything in it.
  const headerIndex = guess?.row ?? Math.max(0, parsed.data.findIndex((cells) => !isEmpty(cells)));
  const header = (parsed.data[headerIndex] ?? []).map((h) => h.trim());
  const rows = parsed.data.slice(headerIndex + 1).filter((cells) => !isEmpty(cells));
  if (header.length <= 1 && (!guess || /[,;\t|]/.test(header[0] ?? ''))) {
    throw new CsvError(
      'Groundwork could not find columns in this file (it found one column). Save it from your spreadsheet as “CSV UTF-8 (comma delimited)” and try again.',
    );
  }
  if (rows.length === 0) throw new CsvError('This CSV has a header but no rows. Nothing was imported.');
  const isLinkedIn = LINKEDIN_CONNECTIONS_HEADER.every((h, i) => header[i] === h);
  return {
    header,
    rows,
    delimiter: guess?.delimiter ?? parsed.delimiter,
    skippedLines: headerIndex,
    kind: isLinkedIn ? 'linkedin-connections' : 'other',
    mapping: mappingFor(header),
  };
}

/** Finds the table in the text: its delimiter, its header row (after any notes) and a first mapping. Writes nothing. */
export function readCsvTable(text: string): CsvTable {
  const body = csvBody(text);
  const guess = guessHeader(body);
  const parsed = Papa.parse<string[]>(body, { delimiter: guess?.delimiter ?? '', skipEmptyLines: false });
  return tableOf(guess, { data: parsed.data, errors: parsed.errors, delimiter: parsed.meta.delimiter });
}

/**
 * `readCsvTable` for the options page: the same table, parsed in slices of about `sliceBytes`
 * (papaparse's chunked mode, paused between slices) so that a 50k-row file never holds the page
 * for the second or more one parse takes.
 */
export async function readCsvTableInSlices(
  text: string,
  { sliceBytes = 256 * 1024, yieldBetween = nextTask }: { sliceBytes?: number; yieldBetween?: () => Promise<void> } = {},
): Promise<CsvTable> {
  const body = csvBody(text);
  const guess = guessHeader(body);
  const parsed = await new Promise<ParsedCsv>((resolve) => {
    const result: ParsedCsv = { data: [], errors: [], delimiter: '' };
    Papa.parse<string[]>(body, {
      delimiter: guess?.delimiter ?? '',
      skipEmptyLines: false,
      chunkSize: sliceBytes,
      chunk(slice: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        // Error rows count from the slice's first row.
        const offset = result.data.length;
        for (const row of slice.data) result.data.push(row);
        for (const error of slice.errors) result.errors.push({ ...error, row: error.row === undefined ? undefined : error.row + offset });
        result.delimiter ||= slice.meta.delimiter;
        parser.pause();
        void yieldBetween().then(() => parser.resume());
      },
      complete: () => resolve(result),
    });
  });
  return tableOf(guess, parsed);
}

// ——— Rows → people ———

export interface ImportRow extends IncomingIdentity {
  name: string;
  title?: string;
  headline?: string;
  companyName?: string;
  location?: string;
}

export interface SkippedRow {
  /** 1-based, counting data rows after the header. */
  row: number;
  reason: string;
}

/**
 * A name that would run as a spreadsheet formula, or that is markup, is an attack or a broken
 * export, never a prospect: rows carrying one are refused and listed.
 */
const FORMULA = /^[=+\-@\t\r]/;
const MARKUP = /<\s*[a-z!/?]/i;
/** Spreadsheet placeholders for "nothing". */
const PLACEHOLDERS = new Set(['-', '--', '—', 'n/a', 'N/A', 'null', 'NULL']);
/** Control characters other than tab and line breaks. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function cell(row: readonly string[], index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  const value = (row[index] ?? '').replace(CONTROLS, '').replace(/\s+/g, ' ').trim();
  return value === '' || PLACEHOLDERS.has(value) ? undefined : value;
}

const clip = (value: string | undefined, max: number) => (value === undefined ? undefined : value.slice(0, max).trim() || undefined);

function unsafeName(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (FORMULA.test(value)) return `the ${field} looks like a spreadsheet formula`;
  if (MARKUP.test(value)) return `the ${field} contains HTML or script`;
  return undefined;
}

/** Turns mapped CSV rows into people to import, refusing (and listing) rows that cannot be one. Writes nothing. */
export function peopleFromRows(rows: readonly string[][], mapping: ColumnMapping): { people: ImportRow[]; skipped: SkippedRow[] } {
  if (mapping.linkedinUrl === undefined && mapping.email === undefined) {
    throw new CsvError('Map a column to “LinkedIn URL” or “Email”: Groundwork knows people by one or the other.');
  }
  if (mapping.name === undefined && mapping.firstName === undefined && mapping.lastName === undefined) {
    throw new CsvError('Map a column to “Full name”, or to “First name” and “Last name”.');
  }
  const people: ImportRow[] = [];
  const skipped: SkippedRow[] = [];
  rows.forEach((row, i) => {
    const skip = (reason: string) => skipped.push({ row: i + 1, reason });
    if (row.every((c) => c.trim() === '')) return;
    const first = cell(row, mapping.firstName);
    const last = cell(row, mapping.lastName);
    const fullName = cell(row, mapping.name) ?? ([first, last].filter(Boolean).join(' ') || undefined);
    const company = cell(row, mapping.company);
    const title = cell(row, mapping.title);
    const location = cell(row, mapping.location);
    const rawUrl = cell(row, mapping.linkedinUrl);
    const rawEmails = (cell(row, mapping.email) ?? '').split(/[;,\s]+/).filter(Boolean);

    // Names are refused when they could run in a spreadsheet or a page. Other text ("@Home
    // Realty", "-") is kept as the inert text it is; the CSV export neutralises it on the way out.
    const unsafe =
      unsafeName('name', fullName) ??
      unsafeName('first name', first) ??
      unsafeName('last name', last) ??
      (MARKUP.test([company, title, location].join(' ')) ? 'the company, title or location contains HTML or script' : undefined);
    if (unsafe) return skip(unsafe);

    const linkedinUrl = rawUrl ? canonicalProfileUrlOrUndefined(rawUrl) : undefined;
    const emails = [...new Set(rawEmails.map(normaliseEmail).filter((e) => EmailAddress.safeParse(e).success))];
    if (!linkedinUrl && emails.length === 0) {
      if (rawUrl) return skip('the URL is not a LinkedIn profile and there is no valid email address');
      if (rawEmails.length) return skip(`“${rawEmails[0]!.slice(0, 80)}” is not an email address and there is no LinkedIn URL`);
      return skip('no LinkedIn URL and no email address');
    }
    const name = clip(fullName, 200) ?? (linkedinUrl ? displaySlug(linkedinUrl) : emails[0]!);
    const companyName = clip(company, 500);
    const titleText = clip(title, 500);
    people.push({
      name,
      linkedinUrl,
      emails,
      title: titleText,
      // LinkedIn's own default headline when a member writes none: "Position at Company".
      headline: titleText ? clip(companyName ? `${titleText} at ${companyName}` : titleText, 500) : undefined,
      companyName,
      location: clip(location, 500),
    });
  });
  return { people, skipped };
}

/**
 * `peopleFromRows` for the options page: the same people and skipped rows, mapped `sliceRows` at a
 * time with a pause between slices (50k rows take the best part of a second to check and map).
 */
export async function peopleFromRowsInSlices(
  rows: readonly string[][],
  mapping: ColumnMapping,
  { sliceRows = 2000, yieldBetween = nextTask }: { sliceRows?: number; yieldBetween?: () => Promise<void> } = {},
): Promise<{ people: ImportRow[]; skipped: SkippedRow[] }> {
  const people: ImportRow[] = [];
  const skipped: SkippedRow[] = [];
  // The first slice also checks the mapping (even for no rows).
  for (let start = 0; start === 0 || start < rows.length; start += sliceRows) {
    if (start > 0) await yieldBetween();
    const slice = peopleFromRows(rows.slice(start, start + sliceRows), mapping);
    for (const person of slice.people) people.push(person);
    for (const row of slice.skipped) skipped.push({ ...row, row: row.row + start });
  }
  return { people, skipped };
}

// ——— Writing ———

export interface ImportProgress {
  done: number;
  total: number;
}

export interface ImportSummary {
  /** New people. */
  added: number;
  /** Rows that matched someone already saved (or an earlier row) and added details. */
  merged: number;
  /** Rows that matched someone and added nothing. */
  unchanged: number;
  /** Rows written before a cancel, or all of them. */
  imported: number;
  total: number;
  cancelled: boolean;
}

/** Fills what the stored person lacks; never overwrites (as `upsertSeenPerson`). */
function importRules(now: number): IdentityRules<ImportRow> {
  return {
    create: (row, emails): Person => ({
      id: newId(),
      name: row.name,
      ...(row.title ? { title: row.title } : {}),
      ...(row.headline ? { headline: row.headline } : {}),
      ...(row.companyName ? { companyName: row.companyName } : {}),
      ...(row.location ? { location: row.location } : {}),
      ...(row.linkedinUrl ? { linkedinUrl: row.linkedinUrl } : {}),
      emails: [...emails],
      source: 'import',
      ...newPersonDefaults(now),
    }),
    combine: (stored, row, emails) => {
      const person = structuredClone(stored);
      let added = false;
      if (row.linkedinUrl && !person.linkedinUrl) {
        person.linkedinUrl = row.linkedinUrl;
        added = true;
      }
      for (const email of emails) {
        if (!person.emails.includes(email)) {
          person.emails.push(email);
          added = true;
        }
      }
      for (const field of ['title', 'headline', 'companyName', 'location'] as const) {
        const value = row[field];
        if (value && !person[field]) {
          person[field] = value;
          added = true;
        }
      }
      if (!added) return undefined;
      person.updatedAt = Math.max(now, person.updatedAt);
      return person;
    },
  };
}

/**
 * Rows per transaction. Each commit costs IndexedDB a flush: 50k people written raw took 8–10%
 * longer in transactions of 1,000 than of 2,000 (5,000 gained nothing more). What holds the page
 * is queuing the writes, which `resolvePeople` does a slice at a time whatever the chunk.
 */
export const IMPORT_CHUNK_SIZE = 2000;

/**
 * The known keys, if they still hold for a chunk whose transaction found the address mark changed
 * (or the keys without one): someone saved by email elsewhere while the import runs (the side
 * panel, a Gmail tab) is not in them, and no unique index would refuse a second person with that
 * address. So, inside the chunk's own transaction, its addresses the keys call new are looked up,
 * and if any was saved meanwhile every row of the chunk is looked up instead (`undefined`).
 */
async function stillKnown(db: GroundworkDB, chunk: readonly ImportRow[], keys: KnownKeys): Promise<KnownKeys | undefined> {
  const fresh = [...new Set(chunk.flatMap((row) => row.emails.filter((email) => !keys.emails.has(email))))];
  if (fresh.length === 0) return keys;
  // One `equals` per address: Dexie walks `anyOf` key by key (lib/io/identity.ts).
  const taken = await Promise.all(fresh.map((email) => db.people.where('emails').equals(email).count()));
  return taken.every((n) => n === 0) ? keys : undefined;
}

/**
 * Writes people in chunks, each one transaction: a chunk is all or nothing, so a cancel (checked
 * between chunks) or a failure leaves consistent data and the summary says how many rows were
 * imported. Yields to the page between chunks so it stays responsive. Duplicates within the file
 * and with people already saved are merged by identity.
 */
export async function importPeople(
  db: GroundworkDB,
  rows: readonly ImportRow[],
  {
    chunkSize = IMPORT_CHUNK_SIZE,
    signal,
    onProgress,
    yieldBetweenChunks = nextTask,
    now = Date.now(),
  }: {
    chunkSize?: number;
    signal?: AbortSignal;
    onProgress?: (progress: ImportProgress) => void;
    yieldBetweenChunks?: () => Promise<void>;
    now?: number;
  } = {},
): Promise<ImportSummary> {
  const summary: ImportSummary = { added: 0, merged: 0, unchanged: 0, imported: 0, total: rows.length, cancelled: false };
  const rules = importRules(now);
  const known = await knownKeys(db);
  const write = (chunk: readonly ImportRow[], keys: KnownKeys | undefined) =>
    db.transaction('rw', [db.people, db.touches, db.followUps, db.fits, db.settings, db.writeMarks], async () => {
      // The mark the keys were read or last written under, unchanged: nobody saved an address since.
      const unchanged = keys?.addressMark !== undefined && (await addressMark(db)) === keys.addressMark;
      const resolved = await resolvePeople(db, chunk, rules, now, keys && (unchanged ? keys : await stillKnown(db, chunk, keys)));
      // New people need fits: the background re-scores once the stored fits are marked stale.
      if (resolved.outcomes.some((o) => o !== 'unchanged')) await invalidateFits(db);
      // The mark this chunk's addresses were saved under (or, saving none, the one it found). After
      // a changed mark, none: the keys may lack an address saved for a later chunk, so every later
      // chunk looks its new addresses up.
      return { ...resolved, mark: unchanged ? await addressMark(db) : undefined };
    });
  for (let start = 0; start < rows.length; start += chunkSize) {
    if (signal?.aborted) {
      summary.cancelled = true;
      break;
    }
    const chunk = rows.slice(start, start + chunkSize);
    // Someone saved elsewhere meanwhile (the side panel, another tab) is not in the known keys; the
    // unique URL index then refuses the chunk, which is redone with a lookup for every row.
    const { outcomes, mark } = await write(chunk, known).catch((error: unknown) => {
      if (error instanceof Error && /ConstraintError/.test(`${error.name} ${error.message}`)) return write(chunk, undefined);
      throw error;
    });
    // Keys that held for the chunk hold, with its own, under the mark it leaves.
    known.addressMark = mark;
    for (const row of chunk) {
      if (row.linkedinUrl) known.urls.add(row.linkedinUrl);
      for (const email of row.emails) known.emails.add(email);
    }
    for (const outcome of outcomes) {
      if (outcome === 'created') summary.added += 1;
      else if (outcome === 'merged') summary.merged += 1;
      else summary.unchanged += 1;
    }
    summary.imported += chunk.length;
    onProgress?.({ done: summary.imported, total: rows.length });
    if (start + chunkSize < rows.length) await yieldBetweenChunks();
  }
  return summary;
}
