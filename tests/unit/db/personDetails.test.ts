import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordTouch } from '../../../lib/cadence/followUps';
import type { GroundworkDB } from '../../../lib/db/db';
import { addFollowUp } from '../../../lib/db/followUps';
import { upsertSeenPerson } from '../../../lib/db/people';
import { tagsInUse, updatePersonDetails } from '../../../lib/db/personDetails';
import { blankProfile, saveProfile } from '../../../lib/db/profiles';
import { saveSettings } from '../../../lib/db/settings';
import { Settings, type Person } from '../../../lib/model';
import { rescoreAll } from '../../../lib/scoring/rescore';
import { DAY, MONDAY } from '../cadence/support';
import { freshDb } from '../../support/db';
import { dump } from '../io/support';

/** What the rep sets by hand, and what each setting changes (issue 16). */

let db: GroundworkDB;
let rosa: Person;
beforeEach(async () => {
  db = freshDb();
  await saveSettings(db, Settings.parse({ workWeek: { days: [1, 2, 3, 4, 5], timeZone: 'UTC' } }));
  ({ person: rosa } = await upsertSeenPerson(db, { name: 'Rosa Delgado', emails: ['rosa@lumen.example'], source: 'email' }, MONDAY - 30 * DAY));
  await recordTouch(db, { personId: rosa.id, type: 'email', loggedBy: 'one-click', at: MONDAY }, MONDAY);
});
afterEach(async () => {
  await db.delete();
});

const pending = async () => (await db.followUps.where('personId').equals(rosa.id).toArray()).filter((f) => f.status === 'open' || f.status === 'snoozed');

describe('the stage, set by hand', () => {
  it('not a fit: every pending follow-up is cancelled, a hand-set one too, and nothing more is proposed', async () => {
    await addFollowUp(db, { personId: rosa.id, dueAt: MONDAY + 20 * DAY, reason: 'Call about the audit', suggestedType: 'call', origin: 'manual' }, MONDAY);
    await updatePersonDetails(db, rosa.id, { stage: 'not-a-fit' }, MONDAY + DAY);
    expect(await pending()).toEqual([]);
    await recordTouch(db, { personId: rosa.id, type: 'inbound-message', loggedBy: 'automatic', at: MONDAY + 2 * DAY }, MONDAY + 2 * DAY);
    expect(await pending()).toEqual([]);
  });

  it('do not contact: the same; taken back, the cadence proposes again', async () => {
    await updatePersonDetails(db, rosa.id, { doNotContact: true }, MONDAY + DAY);
    expect(await pending()).toEqual([]);
    expect((await db.people.get(rosa.id))?.flags).toEqual(['do-not-contact']);
    await updatePersonDetails(db, rosa.id, { doNotContact: false }, MONDAY + DAY);
    expect((await pending()).map((f) => f.reason)).toEqual([expect.stringMatching(/^Attempt 2 with Rosa/)]);
  });

  it('client: the referral rhythm starts', async () => {
    await updatePersonDetails(db, rosa.id, { stage: 'client' }, MONDAY + DAY);
    expect((await pending()).map((f) => f.reason)).toEqual([expect.stringMatching(/^(Ask Rosa for a referral|Client check-in with Rosa)$/)]);
  });

  it('a competitor the profile excludes gets no proposals, unless the rep sets one', async () => {
    await saveProfile(db, { ...blankProfile('No competitors', MONDAY), exclusions: { students: true, recruiters: true, companies: ['Lumen Labs'] } });
    await updatePersonDetails(db, rosa.id, { tags: ['competitor'] }, MONDAY);
    await db.people.update(rosa.id, { companyName: 'Lumen Labs' });
    await rescoreAll(db, { force: true });
    await recordTouch(db, { personId: rosa.id, type: 'call', loggedBy: 'one-click', at: MONDAY + DAY }, MONDAY + DAY);
    expect(await pending()).toEqual([]);
    await addFollowUp(db, { personId: rosa.id, dueAt: MONDAY + 5 * DAY, reason: 'Their renewal date', suggestedType: 'call', origin: 'manual' }, MONDAY + DAY);
    expect((await pending()).map((f) => f.reason)).toEqual(['Their renewal date']);
  });
  it('a title that makes them a recruiter stops the proposals at once; corrected back, the cadence resumes', async () => {
    await saveProfile(db, { ...blankProfile('No recruiters', MONDAY), exclusions: { students: true, recruiters: true, companies: [] } });
    expect(await pending()).toHaveLength(1);
    await updatePersonDetails(db, rosa.id, { title: 'Technical Recruiter' }, MONDAY + DAY);
    expect(await pending()).toEqual([]);
    await updatePersonDetails(db, rosa.id, { title: 'Head of Operations' }, MONDAY + DAY);
    expect((await pending()).map((f) => f.reason)).toEqual([expect.stringMatching(/^Attempt 2 with Rosa/)]);
  });
});

describe('the rest of their record', () => {
  it('tags (each once), phones, notes, title and a seniority set by hand; the tags in use are suggested', async () => {
    const updated = await updatePersonDetails(db, rosa.id, {
      tags: ['ohio', ' Ohio ', 'plant  visit', ''],
      phones: ['+1 (614) 555-0134 ext. 12', ' +1 (614) 555-0134 ext. 12 '],
      notes: 'Prefers calls before 10.',
      title: ' VP Operations ',
      seniority: 'vp',
    }, MONDAY);
    expect(updated).toMatchObject({ tags: ['ohio', 'plant visit'], phones: ['+1 (614) 555-0134 ext. 12'], notes: 'Prefers calls before 10.', title: 'VP Operations', seniority: 'vp' });
    await upsertSeenPerson(db, { name: 'Ana Lima', emails: ['ana@x.example'], source: 'email' }, MONDAY).then(({ person }) => updatePersonDetails(db, person.id, { tags: ['Chicago', 'ohio'] }, MONDAY));
    expect(await tagsInUse(db)).toEqual(['Chicago', 'ohio', 'plant visit']);
    const cleared = await updatePersonDetails(db, rosa.id, { notes: ' ', phones: [], title: '', seniority: null }, MONDAY);
    expect(cleared).not.toHaveProperty('notes');
    expect(cleared).not.toHaveProperty('phones');
    expect(cleared).not.toHaveProperty('title');
    expect(cleared).not.toHaveProperty('seniority');
  });

  it('refuses what is not a phone number, or a person no longer saved, changing nothing', async () => {
    const before = await dump(db);
    await expect(updatePersonDetails(db, rosa.id, { phones: ['call me maybe'] }, MONDAY)).rejects.toThrow(/not a phone number/);
    await expect(updatePersonDetails(db, 'gone', { notes: 'x' }, MONDAY)).rejects.toThrow(/no longer saved/);
    expect(await dump(db)).toEqual(before);
  });
});
