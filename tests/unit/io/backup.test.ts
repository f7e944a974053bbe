import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GroundworkDB } from '../../../lib/db/db';
import { findPersonByEmail, findPersonByLinkedInUrl } from '../../../lib/db/people';
import { SCHEMA_VERSIONS } from '../../../lib/db/schema';
import { loadSettings, saveSettings } from '../../../lib/db/settings';
import {
  Backup,
  BACKUP_VERSION,
  backupFileName,
  backupToJson,
  createBackup,
  parseBackup,
  parseBackupText,
  type BackupUpgrade,
} from '../../../lib/io/backup';
import { deleteAllData, restoreReplace } from '../../../lib/io/restore';
import { createDatabaseAtVersion, freshDb, T0 } from '../../support/db';
import { dump, loadDbFixture, seedFixture } from './support';

/** The tables a backup carries; fits are derived and re-scored after a restore. */
const withoutDerived = ({ fits: _fits, ...rest }: Record<string, unknown[]>) => rest;

describe('backup → delete all → restore', () => {
  it('gives back identical rows', async () => {
    const db = freshDb();
    await seedFixture(db, 4);
    await saveSettings(db, { ...(await loadSettings(db)), weeklyGoal: 9 });
    const before = await dump(db);

    const text = backupToJson(await createBackup(db, T0));
    await deleteAllData(db);
    expect(Object.values(await dump(db)).every((rows) => rows.length === 0)).toBe(true);

    const summary = await restoreReplace(db, parseBackupText(text));
    expect(summary.people).toEqual({ added: 4, merged: 0, skipped: 0 });
    expect(summary.settings).toBe('restored');
    expect(withoutDerived(await dump(db))).toEqual(withoutDerived(before));
    expect(await db.fits.count()).toBe(0);
  });

  it('a backup edited by hand: identities in other spellings are stored as lookups expect, so the people are found again', async () => {
    const db = freshDb();
    await seedFixture(db, 4);
    const file = JSON.parse(backupToJson(await createBackup(db, T0))) as { data: { people: Record<string, unknown>[]; accounts: Record<string, unknown>[] } };
    const marcus = file.data.people.find((p) => p.name === 'Marcus Lindqvist')!;
    marcus.linkedinUrl = 'https://www.linkedin.com/in/Marcus-Lindqvist/details/experience/?trk=x';
    marcus.emails = ['Marcus.Lindqvist@Sable-Ridge-Foods.example', 'marcus.lindqvist@sable-ridge-foods.example'];
    const account = file.data.accounts.find((a) => a.linkedinUrl)!;
    const companyPage = String(account.linkedinUrl);
    account.linkedinUrl = `${String(account.linkedinUrl).toUpperCase().replace('HTTPS://WWW.LINKEDIN.COM/COMPANY/', 'https://www.linkedin.com/company/')}about/?trk=x`;
    await deleteAllData(db);

    await restoreReplace(db, parseBackup(file));
    expect(await findPersonByLinkedInUrl(db, 'https://www.linkedin.com/in/marcus-lindqvist/')).toMatchObject({ name: 'Marcus Lindqvist', emails: ['marcus.lindqvist@sable-ridge-foods.example'] });
    expect(await findPersonByEmail(db, 'marcus.lindqvist@sable-ridge-foods.example')).toMatchObject({ name: 'Marcus Lindqvist' });
    expect((await db.accounts.get(String(account.id)))?.linkedinUrl).toBe(companyPage);
  });

  it('is one JSON document with format, version, time, schema version and the data', async () => {
    const db = freshDb();
    await seedFixture(db, 4);
    const backup = JSON.parse(backupToJson(await createBackup(db, T0))) as Record<string, unknown>;
    expect(Object.keys(backup)).toEqual(['format', 'version', 'exportedAt', 'schemaVersion', 'data']);
    expect(backup).toMatchObject({
      format: 'groundwork-backup',
      version: 1,
      exportedAt: '2026-11-02T09:00:00.000Z',
      schemaVersion: SCHEMA_VERSIONS.at(-1)!.version,
    });
    expect(Object.keys(backup.data as object)).toEqual(['people', 'accounts', 'touches', 'followUps', 'profiles', 'settings']);
  });

  it('names the file by the local date', () => {
    expect(backupFileName(new Date(2026, 10, 23, 23, 30).getTime())).toBe('groundwork-backup-2026-11-23.json');
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))('data from a database of schema version %i backs up and restores whole', async (version) => {
    const fixture = loadDbFixture(version);
    const name = `backup-v${version}-${Math.random()}`;
    await createDatabaseAtVersion(name, version, fixture.tables);

    const current = new GroundworkDB(name);
    const before = await dump(current);
    const backup = parseBackupText(backupToJson(await createBackup(current)));
    const target = freshDb();
    await restoreReplace(target, backup);
    const after = await dump(target);
    expect(withoutDerived(after)).toEqual(withoutDerived(before));
    await current.delete();
  });
});

describe('backup versions', () => {
  const v1 = async () => {
    const db = freshDb();
    await seedFixture(db, 4);
    return JSON.parse(backupToJson(await createBackup(db, T0))) as Record<string, unknown>;
  };

  it('refuses a backup from a newer Groundwork, saying so', async () => {
    const file = { ...(await v1()), version: BACKUP_VERSION + 1 };
    expect(() => parseBackup(file)).toThrow(/made by a newer Groundwork \(backup format 2; this one reads up to 1\)\. Update Groundwork/);
  });

  it('upgrades an older version step by step before checking it', async () => {
    // A pretend format 2 that renamed follow-ups' `reason`: the upgrade from 1 does the rename.
    const calls: number[] = [];
    const upgrades: Record<number, BackupUpgrade> = {
      1: (older) => {
        calls.push(1);
        return { ...older, version: 2 };
      },
    };
    const schema = Backup.extend({ version: z.literal(2) }) as unknown as z.ZodType<Backup>;
    const upgraded = parseBackup(await v1(), { upgrades, currentVersion: 2, schema });
    expect(calls).toEqual([1]);
    expect(upgraded.version).toBe(2);
    expect(upgraded.data.people).toHaveLength(4);
  });

  it('says so when no upgrade path exists from an old version', async () => {
    const file = await v1();
    expect(() => parseBackup(file, { upgrades: {}, currentVersion: 2 })).toThrow(/cannot read backup format 1 any more/);
  });
});
