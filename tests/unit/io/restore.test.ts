import { beforeEach, describe, expect, it } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import { blankProfile } from '../../../lib/db/profiles';
import { loadSettings, saveSettings } from '../../../lib/db/settings';
import { restoreMerge, restoreReplace } from '../../../lib/io/restore';
import { pendingOf } from '../../../lib/cadence/followUps';
import type { Account, IdealCustomerProfile } from '../../../lib/model';
import { DAY, freshDb, T0 } from '../../support/db';
import { backup, followUp, person } from './support';

/**
 * Restore, guard by guard: what a rep sees after Replace or Merge (tests/unit/io/merge.test.ts
 * walks the main stories; these pin each rule alone).
 */

let db: GroundworkDB;
beforeEach(() => {
  db = freshDb();
});

const icp = (fields: Partial<IdealCustomerProfile> = {}): IdealCustomerProfile => ({ ...blankProfile('Manufacturers', T0), id: 'icp', ...fields });

const acme = (fields: Partial<Account> = {}): Account => ({ id: 'a-here', name: 'Acme', domains: [], createdAt: T0, updatedAt: T0, ...fields });

describe('restore by replacing', () => {
  it('a backup without settings leaves the rep on the defaults, and says so', async () => {
    await saveSettings(db, { ...(await loadSettings(db)), weeklyGoal: 3 });
    const summary = await restoreReplace(db, backup({}));
    expect(summary.settings).toBe('defaults');
    expect((await loadSettings(db)).weeklyGoal).toBe((await loadSettings(freshDb())).weeklyGoal);
  });

  it('a backup without settings leaves none saved: a later merge of a backup with settings takes them', async () => {
    await restoreReplace(db, backup({}));
    expect((await restoreMerge(db, backup({ settings: { weeklyGoal: 20 } }))).settings).toBe('restored');
    expect((await loadSettings(db)).weeklyGoal).toBe(20);
  });

  it('a backup with settings gives the rep its settings', async () => {
    await saveSettings(db, { ...(await loadSettings(db)), weeklyGoal: 3 });
    const summary = await restoreReplace(db, backup({ settings: { weeklyGoal: 20 } }));
    expect(summary.settings).toBe('restored');
    expect((await loadSettings(db)).weeklyGoal).toBe(20);
  });

  it('marks stored fits stale, so the background re-scores everyone', async () => {
    await db.settings.put({ key: 'scoring', value: 'icp@1' });
    await restoreReplace(db, backup({ settings: { weeklyGoal: 20 } }));
    expect(await db.settings.get('scoring')).toBeUndefined();
  });

  it('keeps this browser’s own bookkeeping (the digest, the daily pass)', async () => {
    await db.settings.put({ key: 'digest', value: { sentOn: '2026-11-01' } });
    await restoreReplace(db, backup({ settings: { weeklyGoal: 20 } }));
    expect(await db.settings.get('digest')).toEqual({ key: 'digest', value: { sentOn: '2026-11-01' } });
  });
});

describe('restore by merging: newer edits win', () => {
  it('a tie in edit time keeps what this browser has', async () => {
    await db.people.add(person({ id: 'p', name: 'Ana' }));
    await db.followUps.add(followUp({ id: 'f', personId: 'p', reason: 'Call about the quote', updatedAt: T0 + DAY }));
    const summary = await restoreMerge(db, backup({ people: [person({ id: 'p', name: 'Ana' })], followUps: [followUp({ id: 'f', personId: 'p', reason: 'Send the brochure', updatedAt: T0 + DAY })] }));
    expect(summary.followUps).toEqual({ added: 0, merged: 0, skipped: 1 });
    expect((await db.followUps.get('f'))?.reason).toBe('Call about the quote');
  });

  it('a field the newer record holds empty is filled from the older one', async () => {
    // A record saved here with a field left empty (stored as undefined) is newer than the backup's.
    await db.people.add({ ...person({ id: 'p', name: 'Ana', updatedAt: T0 + DAY }), headline: undefined });
    await restoreMerge(db, backup({ people: [person({ id: 'p', name: 'Ana', headline: 'COO at Acme' })] }));
    expect((await db.people.get('p'))?.headline).toBe('COO at Acme');
  });

  it('a profile the database has, newer, is skipped and stays as it is', async () => {
    await db.profiles.add(icp({ name: 'Manufacturers (edited here)', updatedAt: T0 + DAY }));
    const summary = await restoreMerge(db, backup({ profiles: [icp({ name: 'Manufacturers' })] }));
    expect(summary.profiles).toEqual({ added: 0, merged: 0, skipped: 1 });
    expect((await db.profiles.get('icp'))?.name).toBe('Manufacturers (edited here)');
  });

  it('a profile the backup has newer is merged into the one here', async () => {
    await db.profiles.add(icp({ name: 'Manufacturers' }));
    const summary = await restoreMerge(db, backup({ profiles: [icp({ name: 'Manufacturers (edited there)', updatedAt: T0 + DAY })] }));
    expect(summary.profiles).toEqual({ added: 0, merged: 1, skipped: 0 });
    expect(await db.profiles.count()).toBe(1);
    expect((await db.profiles.get('icp'))?.name).toBe('Manufacturers (edited there)');
  });
});

describe('restore by merging: accounts', () => {
  it('an account matches by any of its web domains, not only the first', async () => {
    await db.accounts.add(acme({ domains: ['acme.example'] }));
    const summary = await restoreMerge(db, backup({ accounts: [acme({ id: 'a-there', domains: ['acme.eu', 'acme.example'], updatedAt: T0 + DAY })] }));
    expect(summary.accounts).toEqual({ added: 0, merged: 1, skipped: 0 });
    expect(await db.accounts.toArray()).toEqual([acme({ domains: ['acme.example', 'acme.eu'], updatedAt: T0 + DAY })]);
  });

  it('a domain two accounts here share stays with the account that had it first', async () => {
    // "a-web" has acme.example; the backup gives it to "a-page" too, then brings a third account with it.
    await db.accounts.bulkAdd([acme({ id: 'a-web', domains: ['acme.example'] }), acme({ id: 'a-page', name: 'Acme Robotics' })]);
    await restoreMerge(
      db,
      backup({
        accounts: [acme({ id: 'a-page', name: 'Acme Robotics', domains: ['acme.example'], updatedAt: T0 + DAY }), acme({ id: 'a-there', name: 'Acme Group', domains: ['acme.example'], updatedAt: T0 + 2 * DAY })],
      }),
    );
    expect((await db.accounts.get('a-web'))?.name).toBe('Acme Group');
    expect((await db.accounts.get('a-page'))?.name).toBe('Acme Robotics');
  });

  it('a merged account without a company page is stored without one (no empty page field)', async () => {
    await db.accounts.add(acme({ domains: ['acme.example'] }));
    await restoreMerge(db, backup({ accounts: [acme({ id: 'a-there', name: 'Acme Corp', domains: ['acme.example'], updatedAt: T0 + DAY })] }));
    const account = await db.accounts.get('a-here');
    expect(account).toMatchObject({ name: 'Acme Corp' });
    expect(Object.keys(account!)).not.toContain('linkedinUrl');
  });

  it('a person of no account is stored without one (no empty account field)', async () => {
    await restoreMerge(db, backup({ people: [person({ id: 'p', name: 'Ana', emails: ['ana@acme.example'] })] }));
    expect(Object.keys((await db.people.get('p'))!)).not.toContain('accountId');
  });

  it('a merged person without a LinkedIn profile is stored without one (no empty profile field)', async () => {
    await db.people.add(person({ id: 'p', name: 'Ana', emails: ['ana@acme.example'] }));
    await restoreMerge(db, backup({ people: [person({ id: 'p', name: 'Ana Lima', emails: ['ana@acme.example'], updatedAt: T0 + DAY })] }));
    const ana = await db.people.get('p');
    expect(ana).toMatchObject({ name: 'Ana Lima' });
    expect(Object.keys(ana!)).not.toContain('linkedinUrl');
  });
});

describe('restore by merging: fits are marked stale only when something changed', () => {
  beforeEach(async () => {
    await db.settings.put({ key: 'scoring', value: 'icp@1' });
  });

  it('settings alone, taken by a browser that had none', async () => {
    expect((await restoreMerge(db, backup({ settings: { weeklyGoal: 20 } }))).settings).toBe('restored');
    expect(await db.settings.get('scoring')).toBeUndefined();
  });

  it('a record merged alone (nothing added)', async () => {
    await db.people.add(person({ id: 'p', name: 'Ana', emails: ['ana@acme.example'] }));
    const summary = await restoreMerge(db, backup({ people: [person({ id: 'p', name: 'Ana Lima', emails: ['ana@acme.example'], updatedAt: T0 + DAY })] }));
    expect(summary.people).toEqual({ added: 0, merged: 1, skipped: 0 });
    expect(await db.settings.get('scoring')).toBeUndefined();
  });

  it('not when settings were kept and every record skipped', async () => {
    await saveSettings(db, { ...(await loadSettings(db)), weeklyGoal: 3 });
    await db.people.add(person({ id: 'p', name: 'Ana', emails: ['ana@acme.example'] }));
    await restoreMerge(db, backup({ people: [person({ id: 'p', name: 'Ana', emails: ['ana@acme.example'] })], settings: { weeklyGoal: 20 } }));
    expect(await db.settings.get('scoring')).toEqual({ key: 'scoring', value: 'icp@1' });
  });
});

describe('restore by merging: next steps', () => {
  it('two people here who each gain a step from the backup keep their own', async () => {
    await db.people.bulkAdd([person({ id: 'p1', name: 'Ana', emails: ['ana@acme.example'] }), person({ id: 'p2', name: 'Bo', emails: ['bo@acme.example'] })]);
    await restoreMerge(
      db,
      backup({
        people: [person({ id: 'p1', name: 'Ana', emails: ['ana@acme.example'] }), person({ id: 'p2', name: 'Bo', emails: ['bo@acme.example'] })],
        followUps: [followUp({ id: 'f1', personId: 'p1' }), followUp({ id: 'f2', personId: 'p2' })],
      }),
      T0 + DAY,
    );
    expect((await pendingOf(db, 'p1')).map((f) => f.id)).toEqual(['f1']);
    expect((await pendingOf(db, 'p2')).map((f) => f.id)).toEqual(['f2']);
  });

  it('a person new here keeps the backup’s follow-ups as the backup has them', async () => {
    await restoreMerge(
      db,
      backup({
        people: [person({ id: 'p', name: 'Ana', emails: ['ana@acme.example'] })],
        followUps: [followUp({ id: 'f-call', personId: 'p', origin: 'manual', reason: 'Call back' }), followUp({ id: 'f-cadence', personId: 'p' })],
      }),
      T0 + DAY,
    );
    expect((await db.followUps.orderBy('id').toArray()).map((f) => [f.id, f.status])).toEqual([
      ['f-cadence', 'open'],
      ['f-call', 'open'],
    ]);
  });
});
