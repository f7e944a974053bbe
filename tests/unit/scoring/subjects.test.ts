import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import type { Account, Person } from '../../../lib/model';
import { clientFromAccount, clientFromPerson } from '../../../lib/scoring/clientFacts';
import { fitSummary, subjectForAccount, subjectForPerson, subjectForSeenCompany, subjectForSeenPerson } from '../../../lib/scoring/subjects';
import { freshDb, T0 } from '../../support/db';

/** What the fit is worked out from: a saved person with their account, a page, a company. */

const person = (fields: Partial<Person> = {}): Person => ({
  id: 'p1', name: 'Adaeze Okonkwo-Reyes', emails: [], source: 'linkedin', stage: 'target', flags: [], tags: [], owner: 'rep', createdAt: T0, updatedAt: T0, ...fields,
});
const sableRidge: Account = {
  id: 'a1', name: 'Sable Ridge Foods', domains: ['sable-ridge-foods.example'], industry: 'Food and Beverage Manufacturing', sizeBand: '1001-5000', location: 'Columbus, Ohio', createdAt: T0, updatedAt: T0,
};

describe('what the fit reads about a saved person', () => {
  it('their own title, headline, seniority and place, with the account’s company facts', () => {
    const adaeze = person({ title: 'Head of Plant Engineering', headline: 'Food safety & automation', seniority: 'vp', companyName: 'SRF', location: 'Dublin, Ohio' });
    expect(subjectForPerson(adaeze, sableRidge)).toEqual({
      kind: 'person',
      title: 'Head of Plant Engineering',
      headline: 'Food safety & automation',
      seniority: 'vp',
      companyName: 'SRF',
      industry: 'Food and Beverage Manufacturing',
      sizeBand: '1001-5000',
      location: 'Dublin, Ohio',
      companyLocation: 'Columbus, Ohio',
    });
  });

  it('the account’s name when they have no company of their own; nothing of a company without an account', () => {
    expect(subjectForPerson(person(), sableRidge).companyName).toBe('Sable Ridge Foods');
    expect(subjectForPerson(person(), undefined)).toEqual({ kind: 'person' });
  });
});

describe('what the fit reads about a LinkedIn page', () => {
  it('a person’s page, with their company’s saved account', () => {
    expect(subjectForSeenPerson({ linkedinUrl: 'https://www.linkedin.com/in/adaeze/', headline: 'Head of Plant', location: 'Ohio' }, sableRidge)).toEqual({
      kind: 'person',
      headline: 'Head of Plant',
      companyName: 'Sable Ridge Foods',
      industry: 'Food and Beverage Manufacturing',
      sizeBand: '1001-5000',
      location: 'Ohio',
      companyLocation: 'Columbus, Ohio',
    });
    expect(subjectForSeenPerson({ linkedinUrl: 'https://www.linkedin.com/in/adaeze/', companyName: 'SRF' }, sableRidge).companyName).toBe('SRF');
    expect(subjectForSeenPerson({ linkedinUrl: 'https://www.linkedin.com/in/adaeze/' }, undefined)).toEqual({ kind: 'person' });
  });

  it('a company page: what the page shows first, the saved account for the rest', () => {
    expect(subjectForSeenCompany({ name: 'Sable Ridge', industry: 'Food Production', sizeBand: '501-1000', headquarters: 'Dayton, Ohio' }, sableRidge)).toEqual({
      kind: 'company',
      companyName: 'Sable Ridge',
      industry: 'Food Production',
      sizeBand: '501-1000',
      companyLocation: 'Dayton, Ohio',
    });
    expect(subjectForSeenCompany({}, sableRidge)).toEqual({
      kind: 'company',
      companyName: 'Sable Ridge Foods',
      industry: 'Food and Beverage Manufacturing',
      sizeBand: '1001-5000',
      companyLocation: 'Columbus, Ohio',
    });
    expect(subjectForSeenCompany({}, undefined)).toEqual({ kind: 'company' });
  });

  it('a saved account', () => {
    expect(subjectForAccount(sableRidge)).toEqual({ kind: 'company', companyName: 'Sable Ridge Foods', industry: 'Food and Beverage Manufacturing', sizeBand: '1001-5000', companyLocation: 'Columbus, Ohio' });
  });
});

describe('the fit as stored', () => {
  it('keeps the score, band and confidence, and whether they were excluded', () => {
    expect(fitSummary({ score: 83, band: 'A', confidence: 'medium', criteria: [] })).toEqual({ score: 83, band: 'A', confidence: 'medium', excluded: false });
    expect(fitSummary({ score: 0, band: 'D', confidence: 'high', excluded: 'Excluded: a recruiter', criteria: [] })).toEqual({ score: 0, band: 'D', confidence: 'high', excluded: true });
  });

  it('nothing known: no score nor band, not even empty ones', () => {
    expect(fitSummary({ confidence: 'low', criteria: [] })).toEqual({ confidence: 'low', excluded: false });
  });
});

describe('a best client from what is saved (issue 19)', () => {
  let db: GroundworkDB;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('an account: its facts and the title of the most senior person known there', async () => {
    await db.accounts.add(sableRidge);
    await db.people.bulkAdd([
      person({ id: 'p1', accountId: 'a1', title: 'Maintenance Manager' }),
      person({ id: 'p2', accountId: 'a1', headline: 'VP Operations at Sable Ridge' }),
      person({ id: 'p3', accountId: 'a1' }),
      person({ id: 'p4', accountId: 'a1', title: 'Buyer' }),
    ]);
    expect(await clientFromAccount(db, 'a1')).toEqual({
      name: 'Sable Ridge Foods',
      industry: 'Food and Beverage Manufacturing',
      sizeBand: '1001-5000',
      location: 'Columbus, Ohio',
      contactTitle: 'VP Operations at Sable Ridge',
    });
  });

  it('a title no level can be read from ranks below every level', async () => {
    await db.accounts.add(sableRidge);
    await db.people.bulkAdd([person({ id: 'p1', accountId: 'a1', title: ' · ' }), person({ id: 'p2', accountId: 'a1', title: 'Engineer' })]);
    expect((await clientFromAccount(db, 'a1'))?.contactTitle).toBe('Engineer');
  });

  it('an account with only a name, and nobody there: just the name', async () => {
    await db.accounts.add({ id: 'a2', name: 'Kestrel', domains: [], createdAt: T0, updatedAt: T0 });
    expect(await clientFromAccount(db, 'a2')).toEqual({ name: 'Kestrel' });
    expect(await clientFromAccount(db, 'no-such-account')).toBeUndefined();
  });

  it('a person: their account’s facts and their own title', async () => {
    await db.accounts.add(sableRidge);
    await db.people.add(person({ accountId: 'a1', title: 'Plant Manager', headline: 'Making food safe', location: 'Dublin, Ohio' }));
    expect(await clientFromPerson(db, 'p1')).toEqual({
      name: 'Sable Ridge Foods',
      industry: 'Food and Beverage Manufacturing',
      sizeBand: '1001-5000',
      location: 'Columbus, Ohio',
      contactTitle: 'Plant Manager',
    });
  });

  it('a person without an account: their company, place and headline; a sole trader by their own name', async () => {
    await db.people.bulkAdd([
      person({ id: 'p1', companyName: 'Kestrel', headline: 'Owner', location: 'Toledo, Ohio' }),
      person({ id: 'p2', name: 'Gus Halvorsen' }),
    ]);
    expect(await clientFromPerson(db, 'p1')).toEqual({ name: 'Kestrel', location: 'Toledo, Ohio', contactTitle: 'Owner' });
    expect(await clientFromPerson(db, 'p2')).toEqual({ name: 'Gus Halvorsen' });
    expect(await clientFromPerson(db, 'nobody')).toBeUndefined();
  });
});
