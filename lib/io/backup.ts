import { z } from 'zod';
import type { GroundworkDB } from '../db/db';
import { withoutNameKeys } from '../db/nameKeys';
import { normaliseEmail } from '../db/people';
import { SCHEMA_VERSIONS } from '../db/schema';
import { Account, FollowUp, IdealCustomerProfile, Person, Settings, Touch } from '../model';
import { canonicalCompanyUrlOrUndefined, canonicalProfileUrlOrUndefined } from '../sites/linkedin/url';

/**
 * The backup file: everything the rep made, as one versioned JSON document (docs/backup-format.md).
 * Until teams sync, this is Groundwork's interchange format (DESIGN.md §5), so it is defined here,
 * once, by a Zod schema, and old versions are upgraded on the way in.
 *
 * Left out on purpose: fits (derived from people and the active profile; the background re-scores
 * after a restore), the touches' running totals (kept by the database as touches are restored:
 * lib/db/touchFigures.ts) and this browser's bookkeeping rows (the day the digest was last shown, the
 * last daily pass, which profile the fits were computed against).
 */

export const BACKUP_FORMAT = 'groundwork-backup';
export const BACKUP_VERSION = 1;
/** The largest backup Groundwork reads: far beyond years of one rep's data, below what a page can parse. */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;

/**
 * The settings row as stored: checked against Settings, but kept as it is (an older Groundwork
 * stored only what the rep changed; defaults fill the rest on read), so a restore gives back the
 * identical row.
 */
export const StoredSettings = z.looseObject({}).superRefine((value, ctx) => {
  const parsed = Settings.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  }
});

export const BackupData = z.object({
  people: z.array(Person),
  accounts: z.array(Account),
  touches: z.array(Touch),
  followUps: z.array(FollowUp),
  profiles: z.array(IdealCustomerProfile),
  /** The rep's settings; absent when they never changed a default. */
  settings: StoredSettings.optional(),
});
export type BackupData = z.infer<typeof BackupData>;

export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  /** When the backup was made, ISO 8601. */
  exportedAt: z.iso.datetime(),
  /** The database schema version it was read from (lib/db/schema.ts); informative. */
  schemaVersion: z.number().int().positive(),
  data: BackupData,
});
export type Backup = z.infer<typeof Backup>;

export type BackupTable = Exclude<keyof BackupData, 'settings'>;
export const BACKUP_TABLES: readonly BackupTable[] = ['people', 'accounts', 'touches', 'followUps', 'profiles'];

/**
 * Upgrades from each older file version to the next, applied in order on the way in. Version 1
 * is the first, so the list is empty; version 2 adds `1: (v1) => v2` here and nothing else
 * changes. An upgrade receives the parsed JSON of its version (not yet validated) and returns
 * the next version's shape, with `version` set.
 */
export type BackupUpgrade = (older: Record<string, unknown>) => Record<string, unknown>;
export const BACKUP_UPGRADES: Readonly<Record<number, BackupUpgrade>> = {};

/** Reads every table the backup holds in one read transaction, so the file is one consistent moment. */
export async function createBackup(db: GroundworkDB, now: number = Date.now()): Promise<Backup> {
  return db.transaction('r', [db.people, db.accounts, db.touches, db.followUps, db.profiles, db.settings], async () => {
    const [people, accounts, touches, followUps, profiles, settingsRow] = await Promise.all([
      db.people.toArray(),
      db.accounts.toArray(),
      db.touches.toArray(),
      db.followUps.toArray(),
      db.profiles.toArray(),
      db.settings.get('settings'),
    ]);
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      schemaVersion: SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version,
      data: {
        people: people.map(withoutNameKeys),
        accounts,
        touches,
        followUps,
        profiles,
        ...(settingsRow ? { settings: settingsRow.value as Record<string, unknown> } : {}),
      },
    };
  });
}

/**
 * The file's text: compact JSON (a year of touches is tens of megabytes; indentation would add a
 * third), with a newline at the end.
 */
export function backupToJson(backup: Backup): string {
  return `${JSON.stringify(backup)}\n`;
}

/** `groundwork-backup-2026-11-23.json`, by the rep's local date. */
export function backupFileName(now: number = Date.now()): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `groundwork-backup-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`;
}

/** An error whose message is fit to show the rep, as it is. */
export class BackupError extends Error {
  override name = 'BackupError';
}

const TABLE_NOUNS: Record<BackupTable, string> = {
  people: 'person',
  accounts: 'account',
  touches: 'touch',
  followUps: 'follow-up',
  profiles: 'profile',
};

/** "people › 12 › emails › 0", with the person's name when the row has one. */
function describePath(data: unknown, path: readonly PropertyKey[]): string {
  const readable = (path[0] === 'data' ? path.slice(1) : path).map(String).join(' › ');
  if (path[0] !== 'data' || typeof path[2] !== 'number') return readable || 'the top level';
  const table = (data as { data?: Record<string, unknown> }).data?.[String(path[1])];
  const row = Array.isArray(table) ? (table[path[2]] as { name?: unknown } | undefined) : undefined;
  const named = typeof row?.name === 'string' ? ` (${row.name.slice(0, 60)})` : '';
  return `${readable}${named}`;
}

/**
 * Identities in the forms every lookup uses: profile and company pages as their canonical
 * addresses, email addresses lower-cased and once each. A file edited by hand can spell them
 * otherwise ("https://www.linkedin.com/in/Jane-Doe/details/?trk=x", "Jane@Acme.example"; the
 * schema has already asked for the https://www.linkedin.com prefix), and a record stored so would
 * never be found again by its identity. One that is no profile or company page is refused.
 */
function withCanonicalIdentities(backup: Backup): Backup {
  const canonical = (table: 'people' | 'accounts', i: number, url: string, canonicalise: (url: string) => string | undefined, noun: string) => {
    const result = canonicalise(url);
    if (result !== undefined) return result;
    throw new BackupError(
      `The backup has a problem at ${describePath(backup, ['data', table, i, 'linkedinUrl'])}: “${url.slice(0, 80)}” is not a LinkedIn ${noun} address. Nothing was changed.`,
    );
  };
  const people = backup.data.people.map((person, i) => ({
    ...person,
    ...(person.linkedinUrl !== undefined ? { linkedinUrl: canonical('people', i, person.linkedinUrl, canonicalProfileUrlOrUndefined, 'profile') } : {}),
    emails: [...new Set(person.emails.map(normaliseEmail))],
  }));
  const accounts = backup.data.accounts.map((account, i) =>
    account.linkedinUrl === undefined ? account : { ...account, linkedinUrl: canonical('accounts', i, account.linkedinUrl, canonicalCompanyUrlOrUndefined, 'company page') },
  );
  return { ...backup, data: { ...backup.data, people, accounts } };
}

/** Ids and unique keys must be unique, as the database's indexes will insist. */
function checkUnique(backup: Backup): void {
  const once = (table: BackupTable, label: string, values: (string | undefined)[]) => {
    const seen = new Map<string, number>();
    values.forEach((value, i) => {
      if (value === undefined) return;
      const first = seen.get(value);
      if (first !== undefined) {
        throw new BackupError(
          `The backup lists the ${label} “${value.slice(0, 80)}” twice (${table} › ${first} and ${table} › ${i}). ` +
            'It may have been edited by hand. Nothing was changed.',
        );
      }
      seen.set(value, i);
    });
  };
  for (const table of BACKUP_TABLES) once(table, `${TABLE_NOUNS[table]} id`, backup.data[table].map((r) => r.id));
  once('people', 'LinkedIn profile', backup.data.people.map((p) => p.linkedinUrl));
  once('accounts', 'LinkedIn company page', backup.data.accounts.map((a) => a.linkedinUrl));
  once('touches', 'touch source key', backup.data.touches.map((t) => t.sourceKey));
}

/**
 * Checks an already-parsed JSON value and brings it to the current version. Throws a BackupError
 * whose message says what is wrong, in the rep's terms. Writes nothing.
 */
export function parseBackup(
  data: unknown,
  { upgrades = BACKUP_UPGRADES, currentVersion = BACKUP_VERSION, schema = Backup }: {
    upgrades?: Readonly<Record<number, BackupUpgrade>>;
    currentVersion?: number;
    schema?: z.ZodType<Backup>;
  } = {},
): Backup {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new BackupError('This is JSON from another program, not a Groundwork backup. Nothing was changed.');
  }
  let file = data as Record<string, unknown>;
  if (file.format === 'groundwork-ideal-customer-profile') {
    throw new BackupError('This is an ideal customer profile, not a backup: import it under “Ideal customer profile”. Nothing was changed.');
  }
  if (file.format !== BACKUP_FORMAT) {
    throw new BackupError('This is JSON from another program, not a Groundwork backup. Nothing was changed.');
  }
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new BackupError('This backup has no readable version number, so Groundwork cannot tell how to read it. Nothing was changed.');
  }
  if (version > currentVersion) {
    throw new BackupError(
      `This backup was made by a newer Groundwork (backup format ${version}; this one reads up to ${currentVersion}). ` +
        'Update Groundwork, then restore it. Nothing was changed.',
    );
  }
  for (let v = version; v < currentVersion; v += 1) {
    const upgrade = upgrades[v];
    if (!upgrade) throw new BackupError(`Groundwork cannot read backup format ${version} any more. Nothing was changed.`);
    file = upgrade(file);
  }
  const parsed = schema.safeParse(file);
  if (!parsed.success) {
    const [issue, ...more] = parsed.error.issues;
    const others = more.length ? ` (and ${more.length} more problem${more.length === 1 ? '' : 's'})` : '';
    throw new BackupError(
      `The backup has a problem at ${describePath(file, issue?.path ?? [])}: ${issue?.message ?? 'not valid'}${others}. Nothing was changed.`,
    );
  }
  const backup = withCanonicalIdentities(parsed.data);
  checkUnique(backup);
  return backup;
}

/** Parses the file's text: JSON first, then `parseBackup`. Writes nothing. */
export function parseBackupText(text: string): Backup {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new BackupError('This file is empty. Nothing was changed.');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    const looksOurs = /^\s*\{\s*"format"\s*:\s*"groundwork-backup"/.test(body.slice(0, 200));
    throw new BackupError(
      looksOurs
        ? 'This backup is cut short or damaged (it is not complete JSON): it may not have finished downloading or copying. Nothing was changed.'
        : 'This is not a Groundwork backup: it is not JSON. Nothing was changed.',
    );
  }
  return parseBackup(data);
}

/** Row counts per table, for summaries. */
export function backupCounts(backup: Backup): Record<BackupTable, number> {
  return Object.fromEntries(BACKUP_TABLES.map((t) => [t, backup.data[t].length])) as Record<BackupTable, number>;
}
