import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import {
  applyPageChanges,
  findPersonByEmail,
  findPersonByLinkedInUrl,
  upsertSeenPerson,
} from '../../../lib/db/people';
import { addFollowUp } from '../../../lib/db/followUps';
import { logTouch } from '../../../lib/db/touches';
import { DAY, freshDb, T0 } from '../../support/db';

let db: GroundworkDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const JANE_URL = 'https://www.linkedin.com/in/jane-doe-4a1b2c/';

describe('findPersonByLinkedInUrl', () => {
  it('finds a person from any form of their profile URL', async () => {
    const { person } = await upsertSeenPerson(db, { name: 'Jane Doe', linkedinUrl: JANE_URL, source: 'linkedin' }, T0);
    for (const url of [
      JANE_URL,
      'https://de.linkedin.com/in/Jane-Doe-4a1b2c/details/experience/',
      'https://www.linkedin.com/in/jane-doe-4a1b2c?trk=public_profile',
    ]) {
      expect((await findPersonByLinkedInUrl(db, url))?.id).toBe(person.id);
    }
  });

  it('finds nobody for another profile or a non-profile URL', async () => {
    await upsertSeenPerson(db, { name: 'Jane Doe', linkedinUrl: JANE_URL, source: 'linkedin' }, T0);
    expect(await findPersonByLinkedInUrl(db, 'https://www.linkedin.com/in/john-roe/')).toBeUndefined();
    expect(await findPersonByLinkedInUrl(db, 'https://www.linkedin.com/feed/')).toBeUndefined();
  });
});

describe('findPersonByEmail', () => {
  it('matches any of a person’s addresses, case-insensitively', async () => {
    const { person } = await upsertSeenPerson(
      db,
      { name: 'Jane Doe', emails: ['Jane@Acme.example', 'jd@home.example'], source: 'email' },
      T0,
    );
    expect((await findPersonByEmail(db, 'jane@acme.example'))?.id).toBe(person.id);
    expect((await findPersonByEmail(db, ' JD@HOME.EXAMPLE '))?.id).toBe(person.id);
    expect(await findPersonByEmail(db, 'other@acme.example')).toBeUndefined();
  });
});

describe('upsertSeenPerson', () => {
  it('creates a target prospect with the canonical URL and what the page showed', async () => {
    const result = await upsertSeenPerson(
      db,
      {
        name: 'Jane Doe',
        linkedinUrl: 'https://uk.linkedin.com/in/Jane-Doe-4a1b2c/recent-activity/',
        headline: 'VP Operations at Acme Robotics',
        companyName: 'Acme Robotics',
        location: 'Leeds, England',
        source: 'linkedin',
      },
      T0,
    );
    expect(result.outcome).toBe('created');
    expect(result.person).toMatchObject({
      name: 'Jane Doe',
      linkedinUrl: JANE_URL,
      headline: 'VP Operations at Acme Robotics',
      stage: 'target',
      source: 'linkedin',
      emails: [],
      createdAt: T0,
    });
    expect(await db.people.count()).toBe(1);
  });

  it('seeing the same person again writes nothing and reports what changed on the page', async () => {
    await upsertSeenPerson(db, { name: 'Jane Doe', linkedinUrl: JANE_URL, headline: 'Director, Ops', source: 'linkedin' }, T0);
    const again = await upsertSeenPerson(
      db,
      { name: 'Jane Doe', linkedinUrl: JANE_URL, headline: 'VP Operations', source: 'linkedin' },
      T0 + DAY,
    );
    expect(again.outcome).toBe('unchanged');
    expect(again.person.headline).toBe('Director, Ops');
    expect(again.changes).toEqual([{ field: 'headline', stored: 'Director, Ops', seen: 'VP Operations' }]);
    expect(await db.people.count()).toBe(1);
    expect((await db.people.toArray())[0]?.updatedAt).toBe(T0);
  });

  it('accepts international addresses', async () => {
    const { person } = await upsertSeenPerson(db, { name: 'Jürgen Müller', emails: ['Jürgen.Müller@Nordvik-Antrieb.example'], source: 'email' }, T0);
    expect(person.emails).toEqual(['jürgen.müller@nordvik-antrieb.example']);
    expect((await findPersonByEmail(db, 'jürgen.müller@nordvik-antrieb.example'))?.id).toBe(person.id);
  });

  it('fills empty fields and adds a new identity without overwriting', async () => {
    await upsertSeenPerson(db, { name: 'Jane Doe', linkedinUrl: JANE_URL, source: 'linkedin' }, T0);
    const linked = await upsertSeenPerson(
      db,
      { name: 'J. Doe', linkedinUrl: JANE_URL, emails: ['jane@acme.example'], location: 'Leeds', source: 'email' },
      T0 + DAY,
    );
    expect(linked.outcome).toBe('linked');
    expect(linked.person).toMatchObject({ name: 'Jane Doe', emails: ['jane@acme.example'], location: 'Leeds', updatedAt: T0 + DAY });
  });

  it('merges a person first met by email with their LinkedIn record, touches and follow-ups included', async () => {
    const fromMail = await upsertSeenPerson(db, { name: 'jane@acme.example', emails: ['jane@acme.example'], source: 'email' }, T0);
    await logTouch(db, { personId: fromMail.person.id, type: 'email', loggedBy: 'automatic', sourceKey: 'gmail:1', at: T0 }, T0);
    await addFollowUp(db, { personId: fromMail.person.id, dueAt: T0 + 3 * DAY, reason: 'Follow up', suggestedType: 'call', origin: 'cadence' }, T0);
    const fromLinkedIn = await upsertSeenPerson(
      db,
      { name: 'Jane Doe', linkedinUrl: JANE_URL, headline: 'VP Operations', source: 'linkedin' },
      T0 + DAY,
    );
    expect(fromLinkedIn.person.id).not.toBe(fromMail.person.id);

    // The rep later sees, on the LinkedIn page, the address the email came from.
    const merged = await upsertSeenPerson(
      db,
      { name: 'Jane Doe', linkedinUrl: JANE_URL, emails: ['jane@acme.example'], source: 'linkedin' },
      T0 + 2 * DAY,
    );
    expect(merged.outcome).toBe('merged');
    expect(await db.people.count()).toBe(1);
    const survivor = (await db.people.toArray())[0]!;
    expect(survivor.id).toBe(fromMail.person.id); // the older record keeps its id
    expect(survivor).toMatchObject({ linkedinUrl: JANE_URL, emails: ['jane@acme.example'], headline: 'VP Operations' });
    expect((await db.touches.toArray()).map((t) => t.personId)).toEqual([survivor.id]);
    expect((await db.followUps.toArray()).map((f) => f.personId)).toEqual([survivor.id]);
    expect((await findPersonByEmail(db, 'jane@acme.example'))?.id).toBe(survivor.id);
    expect((await findPersonByLinkedInUrl(db, JANE_URL))?.id).toBe(survivor.id);
  });

  it('never moves an address that belongs to another LinkedIn member', async () => {
    const john = await upsertSeenPerson(
      db,
      { name: 'John Roe', linkedinUrl: 'https://www.linkedin.com/in/john-roe/', emails: ['shared@acme.example'], source: 'linkedin' },
      T0,
    );
    const jane = await upsertSeenPerson(db, { name: 'Jane Doe', linkedinUrl: JANE_URL, emails: ['shared@acme.example'], source: 'linkedin' }, T0);
    expect(jane.outcome).toBe('created');
    expect(await db.people.count()).toBe(2);
    expect((await findPersonByEmail(db, 'shared@acme.example'))?.id).toBe(john.person.id);
  });

  it.each([
    [{ name: 'Nobody', source: 'manual' as const }, /LinkedIn profile URL or an email/],
    [{ name: 'Jane', linkedinUrl: 'https://evil.example/in/jane', source: 'linkedin' as const }, /Not a LinkedIn profile URL/],
    [{ name: '   ', linkedinUrl: JANE_URL, source: 'linkedin' as const }, /name/i],
    [{ name: 'Jane', emails: ['not-an-address'], source: 'email' as const }, /email/i],
  ])('rejects bad input with a clear error and writes nothing: %o', async (seen, message) => {
    await expect(upsertSeenPerson(db, seen, T0)).rejects.toThrow(message);
    expect(await db.people.count()).toBe(0);
  });
});

describe('applyPageChanges', () => {
  it('writes only the changes the rep accepted', async () => {
    const { person } = await upsertSeenPerson(db, { name: 'Jane Doe', linkedinUrl: JANE_URL, headline: 'Director', companyName: 'Acme', source: 'linkedin' }, T0);
    const { changes } = await upsertSeenPerson(
      db,
      { name: 'Jane Doe', linkedinUrl: JANE_URL, headline: 'VP', companyName: 'Globex', source: 'linkedin' },
      T0 + DAY,
    );
    const updated = await applyPageChanges(db, person.id, changes.filter((c) => c.field === 'companyName'), T0 + DAY);
    expect(updated).toMatchObject({ headline: 'Director', companyName: 'Globex', updatedAt: T0 + DAY });
  });
});
