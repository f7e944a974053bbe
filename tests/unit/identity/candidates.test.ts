import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertSeenAccount } from '../../../lib/db/accounts';
import type { GroundworkDB } from '../../../lib/db/db';
import { upsertSeenPerson } from '../../../lib/db/people';
import { likelyPeople } from '../../../lib/identity/candidates';
import { soleConfidentCandidate } from '../../../lib/identity/describe';
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
