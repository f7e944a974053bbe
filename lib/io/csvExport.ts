import { format } from 'date-fns';
import Papa from 'papaparse';
import type { GroundworkDB } from '../db/db';
import { touchTypeInfo, type Account, type FitRow, type Person } from '../model';

/**
 * People and touches as CSV for spreadsheets. UTF-8 with a byte-order mark (Excel otherwise reads
 * it as the machine's legacy code page and mangles "Müller"), CRLF rows, quoting by papaparse, and
 * formulas neutralised: a cell that begins with =, +, -, @ (FORMULA_START: also behind white
 * space and in full-width forms), a tab or a carriage return gets a leading apostrophe, so a name scraped from a page ("=HYPERLINK(…)") is shown, never run
 * (OWASP, "CSV injection").
 */

export const BOM = '\uFEFF';

/**
 * A cell a spreadsheet could run: it starts with a tab or a carriage return, or with = + - @ —
 * also behind leading white space or zero-width characters (spreadsheets trim both), and in their
 * full-width and small forms (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫, which some convert) and the minus sign (OWASP's
 * CSV-injection guidance; issue 15). Papaparse's own `escapeFormulae: true` pattern ends in `.*$`
 * without the s flag, so it misses a formula followed by a line break ("=1+1\nx"); this one looks
 * at the start only.
 */
export const FORMULA_START = /^(?:[\t\r]|[\s\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212])/u;

/** The same rule as the export, for one value (used by tests and by anything that writes cells). */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsv(fields: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  const data = rows.map((row) => row.map((cell) => (cell === undefined ? '' : cell)));
  return BOM + Papa.unparse({ fields: [...fields], data }, { escapeFormulae: FORMULA_START, newline: '\r\n' }) + '\r\n';
}

const when = (ms: number | undefined) => (ms === undefined ? undefined : format(ms, 'yyyy-MM-dd HH:mm'));

export const PEOPLE_COLUMNS = [
  'Name',
  'Title',
  'Headline',
  'Company',
  'Location',
  'LinkedIn URL',
  'Emails',
  'Stage',
  'Fit score',
  'Fit band',
  'Source',
  'Owner',
  'Tags',
  'Flags',
  'Notes',
  'Created',
  'Updated',
  'Groundwork ID',
] as const;

export function peopleRows(people: readonly Person[], accounts: ReadonlyMap<string, Account>, fits: ReadonlyMap<string, FitRow>): (string | number | undefined)[][] {
  return people.map((p) => {
    const fit = fits.get(p.id);
    return [
      p.name,
      p.title,
      p.headline,
      p.companyName ?? (p.accountId ? accounts.get(p.accountId)?.name : undefined),
      p.location,
      p.linkedinUrl,
      p.emails.join('; '),
      p.stage,
      fit?.score,
      fit?.band,
      p.source,
      p.owner,
      p.tags.join('; '),
      p.flags.join('; '),
      p.notes,
      when(p.createdAt),
      when(p.updatedAt),
      p.id,
    ];
  });
}

/** Every saved person, by name. */
export async function peopleCsv(db: GroundworkDB): Promise<{ csv: string; count: number }> {
  const [people, accounts, fits] = await db.transaction('r', db.people, db.accounts, db.fits, () =>
    Promise.all([db.people.orderBy('name').toArray(), db.accounts.toArray(), db.fits.toArray()]),
  );
  const rows = peopleRows(people, new Map(accounts.map((a) => [a.id, a])), new Map(fits.map((f) => [f.personId, f])));
  return { csv: toCsv(PEOPLE_COLUMNS, rows), count: people.length };
}

export const TOUCH_COLUMNS = [
  'Date',
  'Person',
  'Company',
  'Type',
  'Direction',
  'Give or ask',
  'Subject',
  'Note',
  'Answered',
  'Minutes',
  'Free advice',
  'Logged',
  'Person LinkedIn URL',
  'Person email',
  'Source key',
  'Touch ID',
  'Person ID',
] as const;

/** Every touch, oldest first, with the person's name beside it. */
export async function touchesCsv(db: GroundworkDB): Promise<{ csv: string; count: number }> {
  const [touches, people, accounts] = await db.transaction('r', db.touches, db.people, db.accounts, () =>
    Promise.all([db.touches.orderBy('at').toArray(), db.people.toArray(), db.accounts.toArray()]),
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const rows = touches.map((t) => {
    const person = byId.get(t.personId);
    return [
      when(t.at),
      person?.name,
      person?.companyName ?? (t.accountId ? accountById.get(t.accountId)?.name : undefined),
      touchTypeInfo(t.type).label,
      t.direction,
      t.intent,
      t.subject,
      t.note,
      t.direction === 'outbound' ? (t.answered ? 'yes' : 'no') : undefined,
      t.minutes,
      t.freeAdvice ? 'yes' : 'no',
      t.loggedBy,
      person?.linkedinUrl,
      person?.emails[0],
      t.sourceKey,
      t.id,
      t.personId,
    ];
  });
  return { csv: toCsv(TOUCH_COLUMNS, rows), count: touches.length };
}
