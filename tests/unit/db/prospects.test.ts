import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAccountByDomain, upsertSeenAccount } from '../../../lib/db/accounts';
import type { GroundworkDB } from '../../../lib/db/db';
import { pageChanges, upsertSeenPerson } from '../../../lib/db/people';
import { applyPersonUpdateFromLinkedIn, saveAccountFromLinkedIn, saveProspectFromLinkedIn } from '../../../lib/db/prospects';
import { DAY, freshDb, T0 } from '../../support/db';

let db: GroundworkDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const ADAEZE = {
  linkedinUrl: 'https://www.linkedin.com/in/adaeze-okonkwo-reyes/',
  name: 'Adaeze Okonkwo-Reyes',
  headline: 'Head of Plant Engineering at Sable Ridge Foods',
  companyName: 'Sable Ridge Foods',
  companyLinkedInUrl: 'https://www.linkedin.com/company/sable-ridge-foods/',
};

describe('saveProspectFromLinkedIn', () => {
  it('saves the person and files them under their company’s account, created once', async () => {
    const first = await saveProspectFromLinkedIn(db, ADAEZE, T0);
    const colleague = await saveProspectFromLinkedIn(
      db,
      { ...ADAEZE, linkedinUrl: 'https://www.linkedin.com/in/marcus-lindqvist/', name: 'Marcus Lindqvist' },
      T0,
    );
    const accounts = await db.accounts.toArray();
    expect(accounts).toEqual([expect.objectContaining({ name: 'Sable Ridge Foods', linkedinUrl: ADAEZE.companyLinkedInUrl })]);
    expect(first.person.accountId).toBe(accounts[0]!.id);
    expect(colleague.person.accountId).toBe(accounts[0]!.id);
    expect((await db.people.get(first.person.id))?.accountId).toBe(accounts[0]!.id);
  });

  it('names a person with no visible name after their profile slug', async () => {
    const { person } = await saveProspectFromLinkedIn(db, { linkedinUrl: 'https://www.linkedin.com/in/j%C3%BCrgen-m/' }, T0);
    expect(person.name).toBe('jürgen-m');
  });
});

describe('update from page', () => {
  it('lists what LinkedIn shows differently and applies only what the rep accepts, moving accounts on a job change', async () => {
    const { person } = await saveProspectFromLinkedIn(db, ADAEZE, T0);
    const moved = { ...ADAEZE, headline: 'VP Engineering at Kestrel Dairy', companyName: 'Kestrel Dairy', companyLinkedInUrl: 'https://www.linkedin.com/company/kestrel-dairy/' };
    const changes = pageChanges(person, moved);
    expect(changes).toEqual([
      { field: 'headline', stored: ADAEZE.headline, seen: moved.headline },
      { field: 'companyName', stored: 'Sable Ridge Foods', seen: 'Kestrel Dairy' },
    ]);
    const updated = await applyPersonUpdateFromLinkedIn(db, person.id, changes, moved, T0 + DAY);
    const kestrel = await db.accounts.where('linkedinUrl').equals(moved.companyLinkedInUrl).first();
    expect(updated).toMatchObject({ headline: moved.headline, companyName: 'Kestrel Dairy', accountId: kestrel!.id, updatedAt: T0 + DAY });
  });
});

describe('accounts', () => {
  it('saving an account from its page links people already saved under that company name', async () => {
    const { person } = await upsertSeenPerson(db, { name: 'Bo Chen', emails: ['bo@tidewater-logistics.example'], companyName: 'Tidewater Logistics', source: 'email' }, T0);
    const account = await saveAccountFromLinkedIn(
      db,
      { linkedinUrl: 'https://www.linkedin.com/company/tidewater-logistics/', name: 'Tidewater Logistics', website: 'https://tidewater-logistics.example', sizeBand: '201-500' },
      'fallback',
      T0,
    );
    expect((await db.people.get(person.id))?.accountId).toBe(account.id);
    expect(account.domains).toEqual(['tidewater-logistics.example']);
    expect((await findAccountByDomain(db, 'someone@tidewater-logistics.example'))?.id).toBe(account.id);
    expect((await findAccountByDomain(db, 'https://www.tidewater-logistics.example/about'))?.id).toBe(account.id);
  });

  it('finds an account by LinkedIn URL or by domain, fills gaps and reports differences without overwriting', async () => {
    const { account } = await upsertSeenAccount(db, { name: 'Tidewater', website: 'https://tidewater-logistics.example' }, T0);
    const again = await upsertSeenAccount(
      db,
      { name: 'Tidewater Logistics', linkedinUrl: 'https://de.linkedin.com/company/tidewater-logistics/about/', website: 'tidewater-logistics.example', industry: 'Logistics' },
      T0 + DAY,
    );
    expect(again.created).toBe(false);
    expect(again.account).toMatchObject({ id: account.id, name: 'Tidewater', industry: 'Logistics', linkedinUrl: 'https://www.linkedin.com/company/tidewater-logistics/' });
    expect(again.changes).toEqual([{ field: 'name', stored: 'Tidewater', seen: 'Tidewater Logistics' }]);
    expect(await db.accounts.count()).toBe(1);
  });
});
