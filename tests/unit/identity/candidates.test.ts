import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertSeenAccount } from '../../../lib/db/accounts';
import type { GroundworkDB } from '../../../lib/db/db';
import { upsertSeenPerson } from '../../../lib/db/people';
import { domainEvidence, isConfident, isPlausible, likelyPeople, nameFromAddress } from '../../../lib/identity/candidates';
import { soleConfidentCandidate } from '../../../lib/identity/describe';
import type { Account, Person } from '../../../lib/model';
import { freshDb, T0 } from '../../support/db';

/** Who an unknown address most likely is (issue 16), read through the indexes. */

let db: GroundworkDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const saveFromLinkedIn = (name: string, slug: string, companyName?: string) =>
  upsertSeenPerson(db, { name, linkedinUrl: `https://www.linkedin.com/in/${slug}/`, source: 'linkedin', ...(companyName ? { companyName } : {}) }, T0).then((r) => r.person);

const names = async (email: string, shown?: string) => (await likelyPeople(db, email, shown)).map((c) => [c.person.name, c.confident]);

describe('likely people for an address Groundwork does not know', () => {
  it('the prospect saved from LinkedIn, by her name on the chip and her company in the domain: one, confident', async () => {
    const adaeze = await saveFromLinkedIn('Adaeze Okonkwo-Reyes', 'adaeze-okonkwo-reyes', 'Sable Ridge Foods');
    await saveFromLinkedIn('Marcus Lindqvist', 'marcus-lindqvist', 'Sable Ridge Foods');
    const candidates = await likelyPeople(db, 'adaeze@sable-ridge-foods.example', 'Adaeze Okonkwo-Reyes');
    expect(candidates).toEqual([expect.objectContaining({ person: expect.objectContaining({ id: adaeze.id }), company: 'Sable Ridge Foods', name: 3, domain: 1, confident: true })]);
    expect(soleConfidentCandidate(candidates)?.person.id).toBe(adaeze.id);
  });

  it.each([
    ['accents dropped', 'ines@corvid-packaging.example', 'Ines Marchetti-Hale'],
    ['"Last, First"', 'ines@corvid-packaging.example', 'Marchetti-Hale, Inès'],
    ['an initial', 'i.marchetti@corvid-packaging.example', 'I. Marchetti-Hale'],
    ['no name on the chip: the address’s own words', 'ines.marchetti-hale@corvid-packaging.example', undefined],
    ['upper case', 'INES@CORVID-PACKAGING.EXAMPLE', 'INÈS MARCHETTI-HALE'],
  ])('%s: still her, confidently', async (_how, email, shown) => {
    const ines = await saveFromLinkedIn('Inès Marchetti-Hale', 'ines-marchetti-hale', 'Corvid Packaging');
    expect(soleConfidentCandidate(await likelyPeople(db, email, shown))?.person.id).toBe(ines.id);
  });

  it('a nickname with the company’s own domain (its account knows it) is her', async () => {
    const robert = await saveFromLinkedIn('Robert Lindqvist', 'robert-lindqvist', 'Northwind Foods');
    await upsertSeenAccount(db, { name: 'Northwind Foods', website: 'https://www.northwind-foods.example/' }, T0);
    await db.people.update(robert.id, { accountId: (await db.accounts.toArray())[0]!.id });
    expect(await names('bob@northwind-foods.example', 'Bob Lindqvist')).toEqual([['Robert Lindqvist', true]]);
  });

  it('two people with a common name: both offered, neither in one click', async () => {
    await saveFromLinkedIn('Chris Miller', 'chris-miller-1', 'Northwind Foods');
    await saveFromLinkedIn('Chris Miller', 'chris-miller-2', 'Lumen Labs');
    const candidates = await likelyPeople(db, 'chrismiller1980@gmail.com', 'Chris Miller');
    expect(candidates).toHaveLength(2);
    expect(soleConfidentCandidate(candidates)).toBeUndefined();
  });

  it('the company domain picks the right namesake first', async () => {
    await saveFromLinkedIn('Chris Miller', 'chris-miller-1', 'Northwind Foods');
    await saveFromLinkedIn('Chris Miller', 'chris-miller-2', 'Lumen Labs');
    const [first] = await likelyPeople(db, 'chris@lumen-labs.example', 'Chris Miller');
    expect(first).toMatchObject({ company: 'Lumen Labs', confident: true });
  });

  it('only the first name, and the company domain: asked, not assumed', async () => {
    await saveFromLinkedIn('Adaeze Okonkwo-Reyes', 'adaeze-okonkwo-reyes', 'Sable Ridge Foods');
    expect(await names('adaeze@sable-ridge-foods.example', 'Adaeze')).toEqual([['Adaeze Okonkwo-Reyes', false]]);
  });

  it('someone else at the prospect’s company is not her', async () => {
    await saveFromLinkedIn('Adaeze Okonkwo-Reyes', 'adaeze-okonkwo-reyes', 'Sable Ridge Foods');
    expect(await names('marcus.lindqvist@sable-ridge-foods.example', 'Marcus Lindqvist')).toEqual([]);
  });

  it('her namesake whose company lives at another domain is offered, never in one click', async () => {
    const other = await upsertSeenPerson(db, { name: 'Adaeze Okonkwo-Reyes', emails: ['adaeze@lumen-labs.example'], source: 'email' }, T0);
    const candidates = await likelyPeople(db, 'adaeze@sable-ridge-foods.example', 'Adaeze Okonkwo-Reyes');
    expect(candidates).toEqual([expect.objectContaining({ person: expect.objectContaining({ id: other.person.id }), domain: -1, confident: false })]);
  });

  it('nobody like them: no candidates (a new person)', async () => {
    await saveFromLinkedIn('Adaeze Okonkwo-Reyes', 'adaeze-okonkwo-reyes', 'Sable Ridge Foods');
    expect(await likelyPeople(db, 'ottilie@havel-metalworks.example', 'Ottilie Brandt')).toEqual([]);
    expect(await likelyPeople(db, 'info@havel-metalworks.example')).toEqual([]);
  });
});

describe('what an address’s domain says about a person', () => {
  const person = (fields: Partial<Person> = {}): Person => ({
    id: 'p1', name: 'Adaeze Okonkwo-Reyes', emails: [], source: 'linkedin', stage: 'target', flags: [], tags: [], owner: 'rep', createdAt: T0, updatedAt: T0, ...fields,
  });
  const account = (fields: Partial<Account> = {}): Account => ({ id: 'a1', name: 'Sable Ridge Foods', domains: [], createdAt: T0, updatedAt: T0, ...fields } as Account);

  it.each<[string, string, Partial<Person>, Partial<Account> | undefined, number]>([
    ['a public mailbox, even with her company known', 'adaeze@yahoo.com', { companyName: 'Yahoo' }, undefined, 0],
    ['the domain of another address of hers', 'a.okonkwo@sable-ridge-foods.example', { emails: ['adaeze@sable-ridge-foods.example'] }, undefined, 2],
    ['a subdomain of hers', 'adaeze@eu.sable-ridge-foods.example', { emails: ['adaeze@sable-ridge-foods.example'] }, undefined, 2],
    ['the parent of a subdomain of hers', 'adaeze@sable-ridge-foods.example', { emails: ['adaeze@eu.sable-ridge-foods.example'] }, undefined, 2],
    ['her company’s web domain', 'adaeze@srf.example', {}, { domains: ['srf.example'] }, 2],
    ['her company’s website', 'adaeze@srf.example', {}, { website: 'https://www.srf.example/about' }, 2],
    ['her company’s name as the domain', 'adaeze@sable-ridge-foods.example', { companyName: 'Sable Ridge Foods' }, undefined, 1],
    ['her account’s name as the domain', 'adaeze@sable-ridge-foods.example', { accountId: 'a1' }, {}, 1],
    ['the name without its legal form', 'adaeze@havel.example', { companyName: 'Havel GmbH' }, undefined, 1],
    ['a domain that holds the name', 'adaeze@havel-metalworks-group.example', { companyName: 'Havel Metalworks' }, undefined, 1],
    ['a name that holds the domain', 'adaeze@northwind.example', { companyName: 'Northwind Foods' }, undefined, 1],
    ['a country domain under a short second level', 'adaeze@mail.northwind.co.uk', { companyName: 'Northwind' }, undefined, 1],
    ['a domain too short to say', 'adaeze@ab.example', { companyName: 'AB' }, undefined, 0],
    ['a name too short to be held', 'adaeze@abcde.example', { companyName: 'ABC Co' }, undefined, 0],
    ['another company’s domain, hers known elsewhere', 'adaeze@lumen-labs.example', { emails: ['adaeze@sable-ridge-foods.example'] }, undefined, -1],
    ['another company’s domain, hers unknown', 'adaeze@lumen-labs.example', { companyName: 'Sable Ridge Foods' }, undefined, 0],
    ['an address of hers at a public mailbox says nothing of her company', 'adaeze@lumen-labs.example', { emails: ['adaeze@gmail.com'] }, undefined, 0],
  ])('%s', (_label, email, fields, accountFields, evidence) => {
    expect(domainEvidence(email, person(fields), accountFields ? account(accountFields) : undefined)).toBe(evidence);
  });
});

describe('the name an address’s own words give', () => {
  it.each([
    ['a.okonkwo-reyes@sable-ridge-foods.example', 'a okonkwo reyes'],
    ['ines+newsletters@corvid-packaging.example', 'ines'],
    ['chris.miller1980@gmail.com', 'chris miller'],
    ['j_doe@acme.example', 'j doe'],
    ['"o@brandt"@havel.example', '"o@brandt"'],
  ])('%s → %s', (email, name) => {
    expect(nameFromAddress(email)).toBe(name);
  });
});

describe('when a candidate is offered in one click', () => {
  it.each<[0 | 1 | 2 | 3, -1 | 0 | 1 | 2, boolean]>([
    [3, 0, true],
    [3, -1, false],
    [2, 1, true],
    [2, 2, true],
    [2, 0, false],
    [1, 2, false],
  ])('name %i, domain %i: %s', (name, domain, confident) => {
    expect(isConfident(name, domain)).toBe(confident);
  });
});

describe('likely people: which are offered, in which order', () => {
  it('someone who already has exactly this address is no candidate (found directly)', async () => {
    await upsertSeenPerson(db, { name: 'Adaeze Okonkwo-Reyes', emails: ['adaeze@sable-ridge-foods.example'], source: 'email' }, T0);
    expect(await likelyPeople(db, 'Adaeze@Sable-Ridge-Foods.example', 'Adaeze Okonkwo-Reyes')).toEqual([]);
  });

  it('at most three, the confident first, then the closer name, then the newer', async () => {
    await saveFromLinkedIn('Chris Miller', 'chris-miller-1', 'Northwind Foods');
    await upsertSeenPerson(db, { name: 'Chris Miller', linkedinUrl: 'https://www.linkedin.com/in/chris-miller-2/', companyName: 'Kestrel', source: 'linkedin' }, T0 + 1000);
    await saveFromLinkedIn('Christopher Miller', 'christopher-miller', 'Kestrel');
    await saveFromLinkedIn('Chris Miller', 'chris-miller-3', 'Lumen Labs');
    await saveFromLinkedIn('Chris Miller', 'chris-miller-4', 'Acme');
    const candidates = await likelyPeople(db, 'chris@lumen-labs.example', 'Chris Miller');
    expect(candidates.map((c) => [c.company, c.name, c.confident])).toEqual([
      ['Lumen Labs', 3, true],
      ['Kestrel', 3, true],
      [expect.any(String), 3, true],
    ]);
  });

  it('a first name and a company domain alone are offered, but not a first name alone', async () => {
    await saveFromLinkedIn('Adaeze Okonkwo-Reyes', 'adaeze-okonkwo-reyes', 'Sable Ridge Foods');
    expect(await names('adaeze@havel.example', 'Adaeze')).toEqual([]);
  });

  it('a chip showing the address itself is read as no name: the address’s words count', async () => {
    await saveFromLinkedIn('Ines Marchetti-Hale', 'ines-marchetti-hale', 'Corvid Packaging');
    expect(await names('ines.marchetti-hale@corvid-packaging.example', 'ines.marchetti-hale@corvid-packaging.example')).toEqual([['Ines Marchetti-Hale', true]]);
    expect(await names('ines.marchetti-hale@corvid-packaging.example', '<ines.marchetti-hale@corvid-packaging.example>')).toEqual([['Ines Marchetti-Hale', true]]);
  });

  it('people at the account whose domain it is are found even under another name’s spelling', async () => {
    const { account } = await upsertSeenAccount(db, { name: 'Northwind Foods', website: 'https://northwind-foods.example' }, T0);
    const { person } = await upsertSeenPerson(db, { name: 'Bobby Lindqvist', linkedinUrl: 'https://www.linkedin.com/in/bl/', source: 'linkedin' }, T0);
    await db.people.update(person.id, { accountId: account.id });
    expect(await names('lindqvist@eu.northwind-foods.example', 'R. Lindqvist')).toEqual([['Bobby Lindqvist', false]]);
  });
});

describe('when a candidate is offered at all, and when in one click (every name and domain strength)', () => {
  // name: 3 the same, 2 first and family agree, 1 only one of them, 0 not them.
  // domain: 2 theirs, 1 their company's name in it, 0 says nothing, -1 another company's.
  it.each<[0 | 1 | 2 | 3, -1 | 0 | 1 | 2, boolean, boolean]>([
    [0, -1, false, false],
    [0, 0, false, false],
    [0, 1, false, false],
    [0, 2, false, false],
    [1, -1, false, false],
    [1, 0, false, false],
    [1, 1, true, false],
    [1, 2, true, false],
    [2, -1, false, false],
    [2, 0, true, false],
    [2, 1, true, true],
    [2, 2, true, true],
    [3, -1, true, false],
    [3, 0, true, true],
    [3, 1, true, true],
    [3, 2, true, true],
  ])('name %i, domain %i: offered %s, in one click %s', (name, domain, offered, confident) => {
    expect(isPlausible(name, domain)).toBe(offered);
    expect(isConfident(name, domain)).toBe(confident);
  });
});

describe('what an address’s domain says: the company name read from the domain', () => {
  const person = (companyName: string): Person => ({
    id: 'p1', name: 'Adaeze Okonkwo-Reyes', companyName, emails: [], source: 'linkedin', stage: 'target', flags: [], tags: [], owner: 'rep', createdAt: T0, updatedAt: T0,
  });

  it.each<[string, string, string, number]>([
    ['a short name as a two-part domain', 'adaeze@abc.example', 'ABC', 1],
    ['a three-letter domain label is long enough', 'adaeze@ori.example', 'Ori GmbH', 1],
    ['the name with its legal form as the domain (too short without it to be held)', 'adaeze@origmbh.example', 'Ori GmbH', 1],
    ['a domain that holds the name without its legal form', 'adaeze@havel-metalworks.example', 'Havel AG', 1],
    ['a four-letter name without its legal form is long enough to be held', 'adaeze@kiwi-fruit.example', 'Kiwi Ltd', 1],
    ['the company under a three-letter second level', 'adaeze@northwind.com.au', 'Northwind', 1],
    ['the company under a two-letter second level, deep in subdomains', 'adaeze@eu.mail.northwind.co.uk', 'Northwind', 1],
    ['the company, not the mail host before it', 'adaeze@mail.northwind.example', 'Northwind', 1],
    ['the mail host before the company is not the company', 'adaeze@mail.lumen-labs.example', 'Mail', 0],
    ['a domain without a dot (an intranet)', 'adaeze@northwind', 'Northwind', 1],
    ['a legal form written with dots', 'adaeze@lumen.example', 'Lumen S.A.', 1],
    ['a legal form after a comma', 'adaeze@kestrel.example', 'Kestrel, Inc.', 1],
    ['a name that ends like a legal form keeps its letters: Disco is held in a longer domain (not “Dis”)', 'adaeze@disco-lights.example', 'Disco', 1],
    ['a name that ends like a legal form keeps its letters: Mesa (not “Me”)', 'adaeze@mesa-tools.example', 'Mesa', 1],
    ['a legal form as a word of its own still goes: Fres Co. is held as “fres”', 'adaeze@fres-kitchens.example', 'Fres Co.', 1],
  ])('%s', (_label, email, companyName, evidence) => {
    expect(domainEvidence(email, person(companyName), undefined)).toBe(evidence);
  });

  // Every legal form, as written on a letterhead: "Ori" alone is the domain, so the form must go.
  it.each([
    'Incorporated', 'Inc', 'Inc.', 'LLC', 'L.L.C.', 'Ltd', 'Ltd.', 'Limited', 'GmbH', 'AG', 'A.G.', 'SA', 'S.A.', 'SAS', 'S.A.S.', 'SRL', 'S.r.l.',
    'SpA', 'S.p.A.', 'BV', 'B.V.', 'NV', 'N.V.', 'PLC', 'Corp', 'Corp.', 'Corporation', 'Company', 'Co', 'Co.', 'Group', 'Holding', 'Holdings',
  ])('“Ori %s” is held at ori.example', (form) => {
    expect(domainEvidence('adaeze@ori.example', person(`Ori ${form}`), undefined)).toBe(1);
    expect(domainEvidence('adaeze@ori.example', person(`Ori, ${form}`), undefined)).toBe(1);
  });

  it('a website that is no address says nothing: another domain is not another company’s', () => {
    const account = { id: 'a1', name: 'Sable Ridge Foods', domains: [], website: 'not a website', createdAt: T0, updatedAt: T0 } as Account;
    expect(domainEvidence('adaeze@lumen-labs.example', { ...person('Sable Ridge Foods'), accountId: 'a1' }, account)).toBe(0);
  });
});

describe('the name an address’s own words give: runs of separators', () => {
  it.each([
    ['ines__marchetti--hale@corvid-packaging.example', 'ines marchetti hale'],
    ['ines.m+a.b@corvid-packaging.example', 'ines m'],
    ['ines2024marchetti@corvid-packaging.example', 'ines marchetti'],
  ])('%s → %s', (email, name) => {
    expect(nameFromAddress(email)).toBe(name);
  });
});

describe('likely people found through the account whose domain it is', () => {
  /** "R. Lindqvist", saved from an email chip: no word of "Robert" is among his name's words. */
  const savedByInitial = async (accountDomain: string) => {
    const { account } = await upsertSeenAccount(db, { name: 'Northwind Foods', website: `https://${accountDomain}/` }, T0);
    const { person } = await upsertSeenPerson(db, { name: 'R. Lindqvist', linkedinUrl: 'https://www.linkedin.com/in/rl/', source: 'linkedin' }, T0);
    await db.people.update(person.id, { accountId: account.id });
  };

  it('the account’s own domain: offered, not in one click', async () => {
    await savedByInitial('northwind-foods.example');
    expect(await names('robert@northwind-foods.example', 'Robert')).toEqual([['R. Lindqvist', false]]);
  });

  it('a subdomain of the account’s domain', async () => {
    await savedByInitial('northwind-foods.example');
    expect(await names('robert@eu.northwind-foods.example', 'Robert')).toEqual([['R. Lindqvist', false]]);
  });

  it('another company’s domain: not offered', async () => {
    await savedByInitial('northwind-foods.example');
    expect(await names('robert@lumen-labs.example', 'Robert')).toEqual([]);
  });
});

describe('likely people whose account is gone', () => {
  it('are still offered, with the company they were saved with', async () => {
    const { person } = await upsertSeenPerson(db, { name: 'Adaeze Okonkwo-Reyes', linkedinUrl: 'https://www.linkedin.com/in/adaeze/', companyName: 'Sable Ridge Foods', source: 'linkedin' }, T0);
    await db.people.update(person.id, { accountId: 'deleted-account' });
    const candidates = await likelyPeople(db, 'adaeze@sable-ridge-foods.example', 'Adaeze Okonkwo-Reyes');
    expect(candidates.map((c) => [c.person.name, c.company, c.confident])).toEqual([['Adaeze Okonkwo-Reyes', 'Sable Ridge Foods', true]]);
  });
});

describe('likely people: the order they are offered in, each rule alone', () => {
  const row = (id: string, name: string, fields: Partial<Person> = {}): Person => ({
    id, name, emails: [], source: 'email', stage: 'target', flags: [], tags: [], owner: 'rep', createdAt: T0, updatedAt: T0, ...fields,
  });
  // Each pair is saved both ways round (the index reads by id), so the order shown is the rule's, not the read's.
  it.each<[string, string, string, Partial<Person>, string, Partial<Person>]>([
    ['in one click before the same name among choices', 'Chris Miller', 'Chris Miller', { emails: ['c.miller@lumen-labs.example'] }, 'Chris Miller', { emails: ['chris@kestrel.example'] }],
    ['in one click before a closer name (first and family name agree, with the domain)', 'Chris Miller', 'Christopher Miller', { companyName: 'Lumen Labs' }, 'Chris Miller', { emails: ['c@kestrel.example'] }],
    ['among choices: the closer name first, whatever the domain', 'Chris Miller', 'Chris Miller', { emails: ['c@kestrel.example'] }, 'Dana Miller', { companyName: 'Lumen Labs' }],
    ['the same name: their own domain before their company’s name in it', 'Chris Miller', 'Chris Miller', { emails: ['c.miller@lumen-labs.example'] }, 'Chris Miller', { companyName: 'Lumen Labs' }],
    ['the same name and domain: the newer first', 'Chris Miller', 'Chris Miller', { companyName: 'Lumen Labs', updatedAt: T0 + 1000 }, 'Chris Miller', { companyName: 'Lumen Labs' }],
  ])('%s', async (_rule, shown, firstName, firstFields, secondName, secondFields) => {
    for (const [firstId, secondId] of [['a', 'b'], ['b', 'a']]) {
      await db.people.clear();
      await db.people.bulkAdd([row(firstId!, firstName, firstFields), row(secondId!, secondName, secondFields)]);
      const candidates = await likelyPeople(db, 'chris@lumen-labs.example', shown);
      expect(candidates.map((c) => c.person.id)).toEqual([firstId, secondId]);
    }
  });
});
