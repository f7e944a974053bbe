import { beforeEach, describe, expect, it } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import { upsertSeenPerson } from '../../../lib/db/people';
import { loadSettings, saveSettings } from '../../../lib/db/settings';
import { logTouch } from '../../../lib/db/touches';
import { createBackup, parseBackup } from '../../../lib/io/backup';
import { restoreMerge } from '../../../lib/io/restore';
import { pendingOf, recordTouch } from '../../../lib/cadence/followUps';
import type { Account, FollowUp, Touch } from '../../../lib/model';
import { DAY, freshDb, T0 } from '../../support/db';
import { backup, dump, followUp, person, seedFixture } from './support';

/** Merge: identity by canonical LinkedIn URL and email, touches by source key, newer edits win. */

let db: GroundworkDB;
beforeEach(() => {
  db = freshDb();
});

function touch(fields: Partial<Touch> & Pick<Touch, 'id' | 'personId'>): Touch {
  return { at: T0, type: 'email', direction: 'outbound', intent: 'neutral', answered: false, freeAdvice: false, loggedBy: 'automatic', createdAt: T0, ...fields };
}

describe('restore by merging', () => {
  it('into an empty database adds everything', async () => {
    const source = freshDb();
    await seedFixture(source, 4);
    const file = parseBackup(JSON.parse(JSON.stringify(await createBackup(source))));
    const summary = await restoreMerge(db, file);
    expect(summary).toEqual({
      people: { added: 4, merged: 0, skipped: 0 },
      accounts: { added: 1, merged: 0, skipped: 0 },
      touches: { added: 3, merged: 0, skipped: 0 },
      followUps: { added: 2, merged: 0, skipped: 0 },
      profiles: { added: 1, merged: 0, skipped: 0 },
      settings: 'restored',
    });
    const { fits: _a, ...got } = await dump(db);
    const { fits: _b, ...want } = await dump(source);
    expect(got).toEqual(want);
  });

  it('the same backup twice changes nothing the second time', async () => {
    await seedFixture(db, 4);
    const file = parseBackup(JSON.parse(JSON.stringify(await createBackup(db))));
    const before = await dump(db);
    const summary = await restoreMerge(db, file);
    expect(summary.people).toEqual({ added: 0, merged: 0, skipped: 4 });
    expect(summary.touches).toEqual({ added: 0, merged: 0, skipped: 3 });
    expect(summary.settings).toBe('kept');
    expect(await dump(db)).toEqual(before);
  });

  it('one human in two browsers becomes one person: by LinkedIn URL, with touches and follow-ups moved', async () => {
    const { person: here } = await upsertSeenPerson(db, { name: 'Ana Lima', linkedinUrl: 'https://uk.linkedin.com/in/ana-lima', source: 'linkedin' }, T0);
    const summary = await restoreMerge(
      db,
      backup({
        people: [person({ id: 'elsewhere', name: 'Ana Lima', linkedinUrl: 'https://www.linkedin.com/in/ana-lima/', emails: ['ana@acme.example'], headline: 'COO at Acme', createdAt: T0 + DAY, updatedAt: T0 + DAY })],
        touches: [touch({ id: 't-elsewhere', personId: 'elsewhere', sourceKey: 'gmail:msg:1' })],
        followUps: [followUp({ id: 'f-elsewhere', personId: 'elsewhere' })],
      }),
      T0 + 2 * DAY,
    );
    expect(summary.people).toEqual({ added: 0, merged: 1, skipped: 0 });
    const people = await db.people.toArray();
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ id: here.id, emails: ['ana@acme.example'], headline: 'COO at Acme', createdAt: T0, updatedAt: T0 + DAY });
    expect((await db.touches.get('t-elsewhere'))?.personId).toBe(here.id);
    expect((await db.followUps.get('f-elsewhere'))?.personId).toBe(here.id);
  });

  it('an email identity and a LinkedIn identity saved apart are joined by a backup person who has both', async () => {
    const { person: byMail } = await upsertSeenPerson(db, { name: 'Bo Chen', emails: ['bo@kestrel.example'], source: 'email' }, T0);
    const { person: byUrl } = await upsertSeenPerson(db, { name: 'Bo Chen', linkedinUrl: 'https://www.linkedin.com/in/bo-chen/', source: 'linkedin' }, T0 + DAY);
    await logTouch(db, { personId: byUrl.id, type: 'linkedin-message', loggedBy: 'manual', at: T0 + DAY }, T0 + DAY);
    await restoreMerge(
      db,
      backup({ people: [person({ id: 'x', name: 'Bo Chen', linkedinUrl: 'https://www.linkedin.com/in/bo-chen/', emails: ['BO@kestrel.example'] })] }),
      T0 + 3 * DAY,
    );
    const people = await db.people.toArray();
    expect(people).toHaveLength(1);
    // The older record (first met by email) keeps its id; the LinkedIn identity joins it.
    expect(people[0]).toMatchObject({ id: byMail.id, linkedinUrl: 'https://www.linkedin.com/in/bo-chen/', emails: ['bo@kestrel.example'] });
    expect((await db.touches.toArray()).map((t) => t.personId)).toEqual([byMail.id]);
  });

  it('an address held by another LinkedIn member stays theirs: two people, not one', async () => {
    await upsertSeenPerson(db, { name: 'Cy Dube', linkedinUrl: 'https://www.linkedin.com/in/cy-dube/', emails: ['shared@acme.example'], source: 'linkedin' }, T0);
    const summary = await restoreMerge(db, backup({ people: [person({ id: 'other', name: 'Di Eze', linkedinUrl: 'https://www.linkedin.com/in/di-eze/', emails: ['shared@acme.example'] })] }));
    expect(summary.people.added).toBe(1);
    expect((await db.people.get('other'))?.emails).toEqual([]);
  });

  it('newer edits win field by field; nothing the older record knew is dropped', async () => {
    await db.people.add(person({ id: 'p', name: 'Ana Lima', headline: 'Old headline', location: 'Lyon', tags: ['warm'], updatedAt: T0 + 5 * DAY }));
    // Older backup: its headline loses, its company fills a gap, its tags join.
    let summary = await restoreMerge(db, backup({ people: [person({ id: 'p', name: 'Ana Lima', headline: 'Stale', companyName: 'Acme', tags: ['fair'], updatedAt: T0 + DAY })] }));
    expect(summary.people.merged).toBe(1);
    expect(await db.people.get('p')).toMatchObject({ headline: 'Old headline', location: 'Lyon', companyName: 'Acme', tags: ['warm', 'fair'], updatedAt: T0 + 5 * DAY });
    // Newer backup: its edits win.
    summary = await restoreMerge(db, backup({ people: [person({ id: 'p', name: 'Ana Lima-Brandt', headline: 'CEO at Acme', stage: 'client', updatedAt: T0 + 9 * DAY })] }));
    expect(summary.people.merged).toBe(1);
    expect(await db.people.get('p')).toMatchObject({ name: 'Ana Lima-Brandt', headline: 'CEO at Acme', stage: 'client', location: 'Lyon', companyName: 'Acme', updatedAt: T0 + 9 * DAY });
  });

  it('touches are deduplicated by source key; an answer learned elsewhere is kept', async () => {
    const { person: ana } = await upsertSeenPerson(db, { name: 'Ana Lima', linkedinUrl: 'https://www.linkedin.com/in/ana-lima/', source: 'linkedin' }, T0);
    await logTouch(db, { personId: ana.id, type: 'email', loggedBy: 'automatic', sourceKey: 'gmail:msg:A', at: T0 }, T0);
    await logTouch(db, { personId: ana.id, type: 'email', loggedBy: 'automatic', sourceKey: 'gmail:msg:B', at: T0 + 1 }, T0);
    const summary = await restoreMerge(
      db,
      backup({
        people: [person({ id: 'ana-elsewhere', name: 'Ana Lima', linkedinUrl: 'https://www.linkedin.com/in/ana-lima/' })],
        touches: [
          touch({ id: 'other-id-A', personId: 'ana-elsewhere', sourceKey: 'gmail:msg:A' }),
          touch({ id: 'other-id-B', personId: 'ana-elsewhere', sourceKey: 'gmail:msg:B', answered: true }),
          touch({ id: 'new-C', personId: 'ana-elsewhere', sourceKey: 'gmail:msg:C', at: T0 + 2 }),
        ],
      }),
    );
    expect(summary.touches).toEqual({ added: 1, merged: 1, skipped: 1 });
    const touches = await db.touches.orderBy('at').toArray();
    expect(touches.map((t) => [t.sourceKey, t.answered, t.personId])).toEqual([
      ['gmail:msg:A', false, ana.id],
      ['gmail:msg:B', true, ana.id],
      ['gmail:msg:C', false, ana.id],
    ]);
  });

  it('follow-ups: the one updated last wins', async () => {
    await db.people.add(person({ id: 'p', name: 'Ana Lima', linkedinUrl: 'https://www.linkedin.com/in/ana-lima/' }));
    await db.followUps.bulkAdd([followUp({ id: 'f1', personId: 'p' }), followUp({ id: 'f2', personId: 'p', status: 'done', updatedAt: T0 + 2 * DAY })]);
    const summary = await restoreMerge(
      db,
      backup({
        people: [person({ id: 'p', name: 'Ana Lima', linkedinUrl: 'https://www.linkedin.com/in/ana-lima/' })],
        followUps: [followUp({ id: 'f1', personId: 'p', status: 'done', completedAt: T0 + DAY, updatedAt: T0 + DAY }), followUp({ id: 'f2', personId: 'p', status: 'open', updatedAt: T0 + DAY })],
      }),
    );
    expect(summary.followUps).toEqual({ added: 0, merged: 1, skipped: 1 });
    expect((await db.followUps.get('f1'))?.status).toBe('done');
    expect((await db.followUps.get('f2'))?.status).toBe('done');
  });

  it('their reply logged in the other browser answers the attempts here, and the next step becomes a reply', async () => {
    const { person: ana } = await upsertSeenPerson(db, { name: 'Ana Lima', linkedinUrl: 'https://www.linkedin.com/in/ana-lima/', source: 'linkedin' }, T0);
    await recordTouch(db, { personId: ana.id, type: 'email', loggedBy: 'manual', at: T0 }, T0);
    await recordTouch(db, { personId: ana.id, type: 'email', loggedBy: 'manual', at: T0 + 2 * DAY }, T0 + 2 * DAY);
    const [attempt] = await pendingOf(db, ana.id);
    expect(attempt?.reason).toMatch(/^Attempt 3 with Ana/);

    await restoreMerge(
      db,
      backup({
        people: [person({ id: 'ana-laptop', name: 'Ana Lima', linkedinUrl: 'https://www.linkedin.com/in/ana-lima/' })],
        touches: [touch({ id: 't-reply', personId: 'ana-laptop', type: 'inbound-message', direction: 'inbound', at: T0 + 3 * DAY, sourceKey: 'gmail:msg:reply' })],
      }),
      T0 + 4 * DAY,
    );
    const touches = await db.touches.where('personId').equals(ana.id).sortBy('at');
    expect(touches.map((t) => [t.direction, t.answered])).toEqual([
      ['outbound', true],
      ['outbound', true],
      ['inbound', false],
    ]);
    expect((await pendingOf(db, ana.id)).map((f) => [f.reason, f.status, f.origin])).toEqual([['Reply to Ana', 'open', 'cadence']]);
    expect((await db.followUps.get(attempt!.id))?.status).toBe('cancelled');
  });

  /** Ana's open cadence step here (updated a day in); the other browser's step for her, merged in at day 3. */
  async function mergeTheirStep(theirs: Partial<FollowUp>) {
    await db.people.add(person({ id: 'p', name: 'Ana Lima', linkedinUrl: 'https://www.linkedin.com/in/ana-lima/' }));
    await db.followUps.add(followUp({ id: 'f-here', personId: 'p', updatedAt: T0 + DAY }));
    await restoreMerge(
      db,
      backup({
        people: [person({ id: 'p-there', name: 'Ana Lima', linkedinUrl: 'https://www.linkedin.com/in/ana-lima/' })],
        followUps: [followUp({ id: 'f-there', personId: 'p-there', updatedAt: T0 + 2 * DAY, ...theirs })],
      }),
      T0 + 3 * DAY,
    );
  }

  it('two browsers that each proposed a next step for the same history keep the one updated last (a snooze stays)', async () => {
    await mergeTheirStep({ status: 'snoozed', dueAt: T0 + 5 * DAY });
    expect((await pendingOf(db, 'p')).map((f) => [f.id, f.status])).toEqual([['f-there', 'snoozed']]);
    expect(await db.followUps.get('f-here')).toMatchObject({ status: 'cancelled', updatedAt: T0 + 3 * DAY });
  });

  it('a step the rep set by hand in the other browser (a reschedule) is the next step: the cadence here steps aside', async () => {
    await mergeTheirStep({ origin: 'manual', dueAt: T0 + 6 * DAY });
    expect((await pendingOf(db, 'p')).map((f) => [f.id, f.origin])).toEqual([['f-there', 'manual']]);
    expect((await db.followUps.get('f-here'))?.status).toBe('cancelled');
  });

  it('two saved records the backup shows to be one human get one next step for their joined history', async () => {
    const { person: byMail } = await upsertSeenPerson(db, { name: 'Bo Chen', emails: ['bo@kestrel.example'], source: 'email' }, T0);
    const { person: byUrl } = await upsertSeenPerson(db, { name: 'Bo Chen', linkedinUrl: 'https://www.linkedin.com/in/bo-chen/', source: 'linkedin' }, T0);
    await recordTouch(db, { personId: byMail.id, type: 'email', loggedBy: 'manual', at: T0 }, T0);
    await recordTouch(db, { personId: byUrl.id, type: 'linkedin-message', loggedBy: 'manual', at: T0 + DAY }, T0 + DAY);
    expect((await db.followUps.toArray()).map((f) => f.reason)).toEqual([expect.stringMatching(/^Attempt 2/), expect.stringMatching(/^Attempt 2/)]);

    await restoreMerge(db, backup({ people: [person({ id: 'x', name: 'Bo Chen', linkedinUrl: 'https://www.linkedin.com/in/bo-chen/', emails: ['bo@kestrel.example'] })] }), T0 + 2 * DAY);
    const [bo] = await db.people.toArray();
    expect(await db.people.count()).toBe(1);
    expect((await pendingOf(db, bo!.id)).map((f) => f.reason)).toEqual([expect.stringMatching(/^Attempt 3 with Bo/)]);
  });

  it('accounts match by LinkedIn page or web domain; people follow their account', async () => {
    const account: Account = { id: 'a-here', name: 'Acme', domains: ['acme.example'], createdAt: T0, updatedAt: T0 };
    await db.accounts.add(account);
    const summary = await restoreMerge(
      db,
      backup({
        accounts: [{ id: 'a-there', name: 'Acme Corp', domains: ['acme.example', 'acme-group.example'], industry: 'Machinery Manufacturing', createdAt: T0, updatedAt: T0 + DAY }],
        people: [person({ id: 'p', name: 'Ana Lima', emails: ['ana@acme.example'], accountId: 'a-there' })],
        touches: [touch({ id: 't', personId: 'p', accountId: 'a-there' })],
      }),
    );
    expect(summary.accounts).toEqual({ added: 0, merged: 1, skipped: 0 });
    expect(await db.accounts.toArray()).toEqual([
      { id: 'a-here', name: 'Acme Corp', domains: ['acme.example', 'acme-group.example'], industry: 'Machinery Manufacturing', createdAt: T0, updatedAt: T0 + DAY },
    ]);
    expect((await db.people.get('p'))?.accountId).toBe('a-here');
    expect((await db.touches.get('t'))?.accountId).toBe('a-here');
  });

  it('referrals point at whoever the referrer became here', async () => {
    await db.people.add(person({ id: 'ines-here', name: 'Inès', linkedinUrl: 'https://www.linkedin.com/in/ines/' }));
    await restoreMerge(
      db,
      backup({
        people: [
          person({ id: 'tamsin', name: 'Tamsin', emails: ['tamsin@corvid.example'], source: 'referral', referredById: 'ines-there' }),
          person({ id: 'ines-there', name: 'Inès', linkedinUrl: 'https://www.linkedin.com/in/ines/' }),
        ],
      }),
    );
    expect((await db.people.get('tamsin'))?.referredById).toBe('ines-here');
  });

  it('keeps this browser’s settings; a browser without any takes the backup’s', async () => {
    await saveSettings(db, { ...(await loadSettings(db)), weeklyGoal: 3 });
    expect((await restoreMerge(db, backup({ settings: { weeklyGoal: 20 } }))).settings).toBe('kept');
    expect((await loadSettings(db)).weeklyGoal).toBe(3);
    const fresh = freshDb();
    expect((await restoreMerge(fresh, backup({ settings: { weeklyGoal: 20 } }))).settings).toBe('restored');
    expect((await loadSettings(fresh)).weeklyGoal).toBe(20);
  });

  it('marks stored fits stale when it changed anything, so the background re-scores', async () => {
    await db.settings.put({ key: 'scoring', value: 'icp@1' });
    await restoreMerge(db, backup({ people: [person({ id: 'p', name: 'Ana', emails: ['ana@x.example'] })] }));
    expect(await db.settings.get('scoring')).toBeUndefined();
  });
});

describe('restore by merging: accounts', () => {
  const acme = (fields: Partial<Account> = {}): Account => ({ id: 'a-here', name: 'Acme', domains: [], createdAt: T0, updatedAt: T0, ...fields });

  it('an account matched by its LinkedIn page alone is one account; its people follow it', async () => {
    await db.accounts.add(acme({ linkedinUrl: 'https://www.linkedin.com/company/acme/' }));
    const summary = await restoreMerge(
      db,
      backup({
        accounts: [acme({ id: 'a-there', name: 'Acme Robotics', linkedinUrl: 'https://www.linkedin.com/company/acme/', updatedAt: T0 + DAY })],
        people: [person({ id: 'p', name: 'Ana Lima', emails: ['ana@acme.example'], accountId: 'a-there' })],
      }),
    );
    expect(summary.accounts).toEqual({ added: 0, merged: 1, skipped: 0 });
    expect(await db.accounts.toArray()).toEqual([acme({ name: 'Acme Robotics', linkedinUrl: 'https://www.linkedin.com/company/acme/', updatedAt: T0 + DAY })]);
    expect((await db.people.get('p'))?.accountId).toBe('a-here');
  });

  it('an account the backup has as it is here is skipped, and its people still follow it', async () => {
    await db.accounts.add(acme({ domains: ['acme.example'], updatedAt: T0 + DAY }));
    const summary = await restoreMerge(
      db,
      backup({
        accounts: [acme({ id: 'a-there', domains: ['acme.example'] })],
        people: [person({ id: 'p', name: 'Ana Lima', emails: ['ana@acme.example'], accountId: 'a-there' })],
      }),
    );
    expect(summary.accounts).toEqual({ added: 0, merged: 0, skipped: 1 });
    expect(await db.accounts.toArray()).toEqual([acme({ domains: ['acme.example'], updatedAt: T0 + DAY })]);
    expect((await db.people.get('p'))?.accountId).toBe('a-here');
  });

  it('a company page another account already holds stays with that account', async () => {
    await db.accounts.bulkAdd([
      acme({ id: 'a-page', linkedinUrl: 'https://www.linkedin.com/company/acme/' }),
      acme({ id: 'a-web', domains: ['acme.example'] }),
    ]);
    await restoreMerge(db, backup({ accounts: [acme({ id: 'a-web', domains: ['acme.example'], linkedinUrl: 'https://www.linkedin.com/company/acme/', updatedAt: T0 + DAY })] }));
    expect((await db.accounts.get('a-web'))?.linkedinUrl).toBeUndefined();
    expect((await db.accounts.get('a-page'))?.linkedinUrl).toBe('https://www.linkedin.com/company/acme/');
  });

  it('an account here without a page gains the backup’s', async () => {
    await db.accounts.add(acme({ domains: ['acme.example'] }));
    await restoreMerge(db, backup({ accounts: [acme({ id: 'a-there', domains: ['acme.example'], linkedinUrl: 'https://www.linkedin.com/company/acme/' })] }));
    expect(await db.accounts.toArray()).toEqual([acme({ domains: ['acme.example'], linkedinUrl: 'https://www.linkedin.com/company/acme/' })]);
  });

  it('two accounts of the backup sharing a domain become one here', async () => {
    const summary = await restoreMerge(
      db,
      backup({
        accounts: [acme({ id: 'a1', domains: ['acme.example'] }), acme({ id: 'a2', name: 'Acme Corp', domains: ['acme.example', 'acme.eu'], updatedAt: T0 + DAY })],
        people: [person({ id: 'p', name: 'Ana Lima', emails: ['ana@acme.example'], accountId: 'a2' })],
      }),
    );
    expect(summary.accounts).toEqual({ added: 1, merged: 1, skipped: 0 });
    expect(await db.accounts.toArray()).toEqual([acme({ id: 'a1', name: 'Acme Corp', domains: ['acme.example', 'acme.eu'], updatedAt: T0 + DAY })]);
    expect((await db.people.get('p'))?.accountId).toBe('a1');
  });
});

describe('restore by merging: people and what is unioned', () => {
  it('tags, flags and addresses of both are kept; the LinkedIn profile here stays', async () => {
    await db.people.add(person({ id: 'here', name: 'Ana', linkedinUrl: 'https://www.linkedin.com/in/ana/', emails: ['ana@acme.example'], tags: ['ohio'], flags: ['do-not-contact'], updatedAt: T0 + DAY }));
    const summary = await restoreMerge(
      db,
      backup({ people: [person({ id: 'there', name: 'Ana Lima', emails: ['ana@acme.example', 'ana.lima@acme.example'], tags: ['fair-2026'], flags: ['brain-picker'] })] }),
    );
    expect(summary.people).toEqual({ added: 0, merged: 1, skipped: 0 });
    expect(await db.people.get('here')).toMatchObject({
      name: 'Ana',
      linkedinUrl: 'https://www.linkedin.com/in/ana/',
      emails: ['ana@acme.example', 'ana.lima@acme.example'],
      tags: ['ohio', 'fair-2026'],
      flags: ['do-not-contact', 'brain-picker'],
    });
  });

  it('a person here without a LinkedIn profile gains the backup’s', async () => {
    await db.people.add(person({ id: 'here', name: 'Ana', emails: ['ana@acme.example'] }));
    await restoreMerge(db, backup({ people: [person({ id: 'here', name: 'Ana', emails: ['ana@acme.example'], linkedinUrl: 'https://www.linkedin.com/in/ana/' })] }));
    expect((await db.people.get('here'))?.linkedinUrl).toBe('https://www.linkedin.com/in/ana/');
  });

  it('someone referred by themselves after the match is left as they were', async () => {
    await db.people.add(person({ id: 'ines-here', name: 'Inès', linkedinUrl: 'https://www.linkedin.com/in/ines/' }));
    await restoreMerge(db, backup({ people: [person({ id: 'ines-there', name: 'Inès', linkedinUrl: 'https://www.linkedin.com/in/ines/', referredById: 'ines-there', source: 'referral' })] }));
    expect((await db.people.get('ines-here'))?.referredById).not.toBe('ines-here');
  });
});

describe('restore by merging: touches and follow-ups', () => {
  it('a touch known here by id stays as it is, learning only that it was answered', async () => {
    await db.people.add(person({ id: 'p', name: 'Ana', emails: ['ana@acme.example'] }));
    await db.touches.add(touch({ id: 't', personId: 'p', subject: 'here' }));
    const summary = await restoreMerge(db, backup({ people: [person({ id: 'p', name: 'Ana', emails: ['ana@acme.example'] })], touches: [touch({ id: 't', personId: 'p', subject: 'there', answered: true })] }));
    expect(summary.touches).toEqual({ added: 0, merged: 1, skipped: 0 });
    expect(await db.touches.get('t')).toMatchObject({ subject: 'here', answered: true });
  });

  it('an unanswered touch from the backup does not un-answer one here', async () => {
    await db.people.add(person({ id: 'p', name: 'Ana', emails: ['ana@acme.example'] }));
    await db.touches.add(touch({ id: 't', personId: 'p', answered: true }));
    const summary = await restoreMerge(db, backup({ people: [person({ id: 'p', name: 'Ana', emails: ['ana@acme.example'] })], touches: [touch({ id: 't', personId: 'p' })] }));
    expect(summary.touches).toEqual({ added: 0, merged: 0, skipped: 1 });
    expect((await db.touches.get('t'))?.answered).toBe(true);
  });

  it('a follow-up the same here and there is skipped; fits are left current when nothing changed', async () => {
    await db.people.add(person({ id: 'p', name: 'Ana', emails: ['ana@acme.example'] }));
    await db.followUps.add(followUp({ id: 'f', personId: 'p' }));
    await db.settings.put({ key: 'scoring', value: 'icp@1' });
    const summary = await restoreMerge(db, backup({ people: [person({ id: 'p', name: 'Ana', emails: ['ana@acme.example'] })], followUps: [followUp({ id: 'f', personId: 'p' })] }));
    expect(summary.followUps).toEqual({ added: 0, merged: 0, skipped: 1 });
    expect(await db.settings.get('scoring')).toEqual({ key: 'scoring', value: 'icp@1' });
  });
});
