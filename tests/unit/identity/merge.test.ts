import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordTouch } from '../../../lib/cadence/followUps';
import { GroundworkDB } from '../../../lib/db/db';
import { upsertSeenPerson } from '../../../lib/db/people';
import { blankProfile, saveProfile } from '../../../lib/db/profiles';
import { mergePeople, mergeSummary, undoMerge } from '../../../lib/identity/merge';
import { setReferrer } from '../../../lib/relationships/queries';
import { refreshFits } from '../../../lib/scoring/rescore';
import type { FollowUpStatus, Person } from '../../../lib/model';
import { DAY, freshDb, T0 } from '../../support/db';
import { dump } from '../io/support';

/**
 * "Merge with…" (issue 16): the LinkedIn Adaeze and the Gmail Adaeze, saved twice, become one —
 * every table moved in one transaction, the running totals as a rebuild would have them, and
 * Undo gives back the exact rows.
 */

let db: GroundworkDB;
let linkedin: Person;
let gmail: Person;
beforeEach(async () => {
  db = freshDb();
  ({ person: linkedin } = await upsertSeenPerson(db, { name: 'Adaeze Okonkwo-Reyes', linkedinUrl: 'https://www.linkedin.com/in/adaeze-okonkwo-reyes/', companyName: 'Sable Ridge Foods', source: 'linkedin' }, T0 - 20 * DAY));
  ({ person: gmail } = await upsertSeenPerson(db, { name: 'Adaeze', emails: ['adaeze@sable-ridge-foods.example'], source: 'email' }, T0 - 10 * DAY));
  // Two attempts on LinkedIn's record; her reply and one more email on Gmail's.
  await recordTouch(db, { personId: linkedin.id, type: 'article-forwarded', loggedBy: 'one-click', at: T0 - 15 * DAY }, T0 - 15 * DAY);
  await recordTouch(db, { personId: linkedin.id, type: 'personal-note', loggedBy: 'one-click', at: T0 - 12 * DAY }, T0 - 12 * DAY);
  await recordTouch(db, { personId: gmail.id, type: 'email', loggedBy: 'automatic', at: T0 - 9 * DAY, sourceKey: 'mail:sent:gmail:k1:adaeze@sable-ridge-foods.example' }, T0 - 9 * DAY);
  await recordTouch(db, { personId: gmail.id, type: 'inbound-message', direction: 'inbound', loggedBy: 'automatic', at: T0 - 8 * DAY }, T0 - 8 * DAY);
  const { person: marcus } = await upsertSeenPerson(db, { name: 'Marcus Lindqvist', linkedinUrl: 'https://www.linkedin.com/in/marcus/', source: 'linkedin' }, T0);
  await setReferrer(db, marcus.id, gmail.id, T0);
});
afterEach(async () => {
  await db.delete();
});

describe('merging two records of one human', () => {
  it('says what will move before anything does', async () => {
    const before = await dump(db);
    expect(await mergeSummary(db, linkedin.id, gmail.id)).toMatchObject({ touches: 2, referrals: 1, gains: ['adaeze@sable-ridge-foods.example'] });
    expect(await dump(db)).toEqual(before);
  });

  it('moves every touch, follow-up and referral to the one kept, answers the earlier attempts, and proposes one next step', async () => {
    await mergePeople(db, linkedin.id, gmail.id, T0);
    expect(await db.people.get(gmail.id)).toBeUndefined();
    const kept = await db.people.get(linkedin.id);
    expect(kept).toMatchObject({ name: 'Adaeze Okonkwo-Reyes', linkedinUrl: 'https://www.linkedin.com/in/adaeze-okonkwo-reyes/', emails: ['adaeze@sable-ridge-foods.example'], companyName: 'Sable Ridge Foods' });
    const touches = await db.touches.toArray();
    expect(touches.every((t) => t.personId === linkedin.id)).toBe(true);
    // Her reply answers all three attempts before it, the LinkedIn ones too.
    expect(touches.filter((t) => t.direction === 'outbound').map((t) => t.answered)).toEqual([true, true, true]);
    const open = (await db.followUps.toArray()).filter((f) => f.status === 'open');
    expect(open).toEqual([expect.objectContaining({ personId: linkedin.id, reason: 'Reply to Adaeze' })]);
    expect((await db.people.where('referredById').equals(linkedin.id).toArray()).map((p) => p.name)).toEqual(['Marcus Lindqvist']);
    expect(await db.fits.get(gmail.id)).toBeUndefined();
  });

  it('keeps both phones; a second LinkedIn profile is warned about and kept in the notes, not dropped', async () => {
    await db.people.update(linkedin.id, { phones: ['+44 20 7946 0958'] });
    await db.people.update(gmail.id, { phones: ['(614) 555-0134'], linkedinUrl: 'https://www.linkedin.com/in/adaeze-or/' });
    const summary = await mergeSummary(db, linkedin.id, gmail.id);
    expect(summary.gains).toContain('(614) 555-0134');
    expect(summary.warnings).toEqual([expect.stringMatching(/two LinkedIn profiles .*adaeze-or/)]);
    await mergePeople(db, linkedin.id, gmail.id, T0);
    const kept = (await db.people.get(linkedin.id))!;
    expect(kept.phones).toEqual(['+44 20 7946 0958', '(614) 555-0134']);
    expect(kept.linkedinUrl).toBe('https://www.linkedin.com/in/adaeze-okonkwo-reyes/');
    expect(kept.notes).toContain('Also on LinkedIn: https://www.linkedin.com/in/adaeze-or/');
  });

  it('a brain-picker flag on the record that goes holds for the merged one: flagged, on the back burner', async () => {
    const record = { episodes: 1, flaggedAt: T0 - 2 * DAY, reachedOutAt: T0 - 9 * DAY, attempts: 6, adviceMinutes: 30, researchMinutes: 0, previousStage: 'target' as const };
    await db.people.update(gmail.id, { flags: ['brain-picker'], stage: 'back-burner', brainPicker: record });
    expect((await mergeSummary(db, linkedin.id, gmail.id)).warnings).toEqual([expect.stringMatching(/Adaeze is flagged as a crisis-mode brain-picker/)]);
    await mergePeople(db, linkedin.id, gmail.id, T0);
    const kept = (await db.people.get(linkedin.id))!;
    expect(kept.flags).toContain('brain-picker');
    expect(kept.stage).toBe('back-burner');
    expect(kept.brainPicker).toMatchObject({ flaggedAt: record.flaggedAt, previousStage: linkedin.stage });
  });

  it('keeps the running totals exactly as rebuilding them from the touches would', async () => {
    await mergePeople(db, linkedin.id, gmail.id, T0);
    const rebuilt = new GroundworkDB(`rebuild-${Math.random()}`);
    await rebuilt.touches.bulkAdd(await db.touches.toArray());
    const byKey = <T,>(rows: T[], key: (row: T) => string | number) => [...rows].sort((a, b) => String(key(a)).localeCompare(String(key(b))));
    expect(byKey(await db.firstTouches.toArray(), (r) => r.personId)).toEqual(byKey(await rebuilt.firstTouches.toArray(), (r) => r.personId));
    expect(byKey(await db.tallies.toArray(), (r) => r.at)).toEqual(byKey(await rebuilt.tallies.toArray(), (r) => r.at));
    await rebuilt.delete();
  });

  it('Undo gives back exactly the rows there were, in every table', async () => {
    const before = await dump(db);
    const undo = await mergePeople(db, linkedin.id, gmail.id, T0);
    await undoMerge(db, undo);
    expect(await dump(db)).toEqual(before);
  });

  it('refuses to merge someone with themselves, or someone no longer saved, changing nothing', async () => {
    const before = await dump(db);
    await expect(mergePeople(db, linkedin.id, linkedin.id, T0)).rejects.toThrow(/themselves/);
    await expect(mergePeople(db, linkedin.id, 'nobody', T0)).rejects.toThrow(/no longer saved/);
    expect(await dump(db)).toEqual(before);
  });
});

describe('merging: what the summary counts and warns about', () => {
  it('counts only open and snoozed follow-ups, and gains only what the kept record lacks', async () => {
    await db.people.update(linkedin.id, { emails: ['adaeze@sable-ridge-foods.example'], phones: ['+44 20 7946 0958'] });
    await db.people.update(gmail.id, { emails: ['adaeze@sable-ridge-foods.example', 'adaeze@gmail.com'], phones: ['+44 20 7946 0958'] });
    const followUps = await db.followUps.where('personId').equals(gmail.id).toArray();
    await db.followUps.bulkPut([
      ...followUps.map((f) => ({ ...f, status: 'done' as const })),
      { ...followUps[0]!, id: 'snoozed', status: 'snoozed' as const },
      { ...followUps[0]!, id: 'cancelled', status: 'cancelled' as const },
    ]);
    expect(await mergeSummary(db, linkedin.id, gmail.id)).toMatchObject({ followUps: 1, gains: ['adaeze@gmail.com'], warnings: [] });
  });

  it('the LinkedIn profile of the one that goes is a gain only when the kept one has none', async () => {
    expect((await mergeSummary(db, gmail.id, linkedin.id)).gains).toEqual(['https://www.linkedin.com/in/adaeze-okonkwo-reyes/']);
    await db.people.update(gmail.id, { linkedinUrl: 'https://www.linkedin.com/in/adaeze-or/' });
    const both = await mergeSummary(db, gmail.id, linkedin.id);
    expect(both.gains).toEqual([]);
    expect(both.warnings).toEqual([expect.stringMatching(/two LinkedIn profiles/)]);
  });

  it('the kept record flagged, the other not: warned by the flagged one’s name; both flagged: no warning', async () => {
    const record = { episodes: 1, flaggedAt: T0 - 2 * DAY, attempts: 6, adviceMinutes: 0, previousStage: 'target' as const };
    await db.people.update(linkedin.id, { flags: ['brain-picker'], stage: 'back-burner', brainPicker: record });
    expect((await mergeSummary(db, linkedin.id, gmail.id)).warnings).toEqual([
      'Adaeze Okonkwo-Reyes is flagged as a crisis-mode brain-picker: the merged record will be too, on the back burner.',
    ]);
    await db.people.update(gmail.id, { flags: ['brain-picker'], stage: 'back-burner', brainPicker: record });
    expect((await mergeSummary(db, linkedin.id, gmail.id)).warnings).toEqual([]);
  });

  it('refuses a summary for someone with themselves, or no longer saved', async () => {
    await expect(mergeSummary(db, linkedin.id, linkedin.id)).rejects.toThrow('A person cannot be merged with themselves');
    await expect(mergeSummary(db, 'nobody', linkedin.id)).rejects.toThrow('One of these people is no longer saved');
  });
});

describe('merging: what the kept record becomes', () => {
  it('a kept record already on the back burner keeps the stage it had before the flag', async () => {
    const record = { episodes: 1, flaggedAt: T0 - 2 * DAY, attempts: 6, adviceMinutes: 0, previousStage: 'engaged' as const };
    await db.people.update(linkedin.id, { flags: ['brain-picker'], stage: 'back-burner', brainPicker: record });
    await mergePeople(db, linkedin.id, gmail.id, T0);
    expect((await db.people.get(linkedin.id))!).toMatchObject({ stage: 'back-burner', brainPicker: { previousStage: 'engaged' } });
  });

  it('a memory of an earlier, cleared episode on the one that goes is kept', async () => {
    const record = { episodes: 1, flaggedAt: T0 - 200 * DAY, attempts: 6, adviceMinutes: 45, previousStage: 'target' as const, decision: 'cleared' as const };
    await db.people.update(gmail.id, { brainPicker: record });
    await mergePeople(db, linkedin.id, gmail.id, T0);
    const kept = (await db.people.get(linkedin.id))!;
    expect(kept.brainPicker).toMatchObject({ adviceMinutes: 45, decision: 'cleared' });
    expect(kept.flags).not.toContain('brain-picker');
  });

  it('one referred by the other is no longer referred by themselves', async () => {
    await db.people.update(linkedin.id, { referredById: gmail.id });
    await mergePeople(db, linkedin.id, gmail.id, T0);
    expect((await db.people.get(linkedin.id))!.referredById).toBeUndefined();
  });

  it('touches without a company take the kept record’s account; those with one keep theirs', async () => {
    await db.people.update(linkedin.id, { accountId: 'acc-sable' });
    const [first, second] = await db.touches.where('personId').equals(gmail.id).toArray();
    await db.touches.update(second!.id, { accountId: 'acc-other' });
    await mergePeople(db, linkedin.id, gmail.id, T0);
    expect((await db.touches.get(first!.id))!.accountId).toBe('acc-sable');
    expect((await db.touches.get(second!.id))!.accountId).toBe('acc-other');
  });

  it('Undo is refused once the record that went is saved again', async () => {
    const undo = await mergePeople(db, linkedin.id, gmail.id, T0);
    await db.people.add({ ...undo.gone });
    await expect(undoMerge(db, undo)).rejects.toThrow('Adaeze is saved again: the merge can no longer be undone');
  });

  it('Undo of a merge between people with no fits leaves no fits', async () => {
    await db.fits.clear();
    const undo = await mergePeople(db, linkedin.id, gmail.id, T0);
    expect(undo.fits).toEqual([]);
    await undoMerge(db, undo);
    expect(await db.fits.count()).toBe(0);
  });
});

describe('merging: the summary, each count and gain alone', () => {
  it.each<[FollowUpStatus, number]>([
    ['open', 1],
    ['snoozed', 1],
    ['done', 0],
    ['cancelled', 0],
  ])('a %s follow-up of the one that goes counts %i', async (status, count) => {
    const [followUp] = await db.followUps.where('personId').equals(gmail.id).toArray();
    await db.followUps.where('personId').equals(gmail.id).delete();
    await db.followUps.put({ ...followUp!, status });
    expect((await mergeSummary(db, linkedin.id, gmail.id)).followUps).toBe(count);
  });

  it('counts the people the one that goes referred: none, or each of them', async () => {
    expect((await mergeSummary(db, gmail.id, linkedin.id)).referrals).toBe(0);
    const { person: ines } = await upsertSeenPerson(db, { name: 'Inès Marchetti-Hale', linkedinUrl: 'https://www.linkedin.com/in/ines/', source: 'linkedin' }, T0);
    await setReferrer(db, ines.id, gmail.id, T0);
    expect((await mergeSummary(db, linkedin.id, gmail.id)).referrals).toBe(2);
  });

  it('phones gained when the kept record has none', async () => {
    await db.people.update(gmail.id, { phones: ['(614) 555-0134'] });
    expect((await mergeSummary(db, linkedin.id, gmail.id)).gains).toEqual(['adaeze@sable-ridge-foods.example', '(614) 555-0134']);
  });

  it('only one of them on LinkedIn: no warning, whichever is kept', async () => {
    expect((await mergeSummary(db, gmail.id, linkedin.id)).warnings).toEqual([]);
    expect((await mergeSummary(db, linkedin.id, gmail.id)).warnings).toEqual([]);
  });
});

describe('merging: the brain-picker memory and the referrer, each case alone', () => {
  const current = { episodes: 2, flaggedAt: T0 - 2 * DAY, attempts: 6, adviceMinutes: 30, previousStage: 'target' as const };
  const cleared = { episodes: 1, flaggedAt: T0 - 200 * DAY, attempts: 4, adviceMinutes: 45, previousStage: 'target' as const, decision: 'cleared' as const };

  it('the flagged one’s memory wins over an earlier, cleared memory on the kept one', async () => {
    await db.people.update(linkedin.id, { brainPicker: cleared });
    await db.people.update(gmail.id, { flags: ['brain-picker'], stage: 'back-burner', brainPicker: current });
    await mergePeople(db, linkedin.id, gmail.id, T0);
    expect((await db.people.get(linkedin.id))!.brainPicker).toMatchObject({ episodes: 2, flaggedAt: current.flaggedAt });
  });

  it('the merged memory remembers the stage the kept record leaves for the back burner (where clearing the flag returns it)', async () => {
    await db.people.update(linkedin.id, { stage: 'engaged' });
    await db.people.update(gmail.id, { flags: ['brain-picker'], stage: 'back-burner', brainPicker: current });
    await mergePeople(db, linkedin.id, gmail.id, T0);
    expect((await db.people.get(linkedin.id))!).toMatchObject({ stage: 'back-burner', brainPicker: { previousStage: 'engaged' } });
  });

  it('the kept one’s own cleared memory stays when the other has none', async () => {
    await db.people.update(linkedin.id, { brainPicker: cleared });
    await mergePeople(db, linkedin.id, gmail.id, T0);
    expect((await db.people.get(linkedin.id))!.brainPicker).toEqual(cleared);
  });

  it('flagged without a memory: on the back burner, still without one', async () => {
    await db.people.update(gmail.id, { flags: ['brain-picker'] });
    await mergePeople(db, linkedin.id, gmail.id, T0);
    const kept = (await db.people.get(linkedin.id))!;
    expect(kept).toMatchObject({ stage: 'back-burner', flags: ['brain-picker'] });
    expect(kept.brainPicker).toBeUndefined();
  });

  it('the kept one referred by someone else still is', async () => {
    const { person: marcus } = await upsertSeenPerson(db, { name: 'Tomasz Nowak', linkedinUrl: 'https://www.linkedin.com/in/tomasz/', source: 'linkedin' }, T0);
    await db.people.update(linkedin.id, { referredById: marcus.id });
    await mergePeople(db, linkedin.id, gmail.id, T0);
    expect((await db.people.get(linkedin.id))!.referredById).toBe(marcus.id);
  });
});

describe('merging: the fit', () => {
  beforeEach(async () => {
    await saveProfile(db, { ...blankProfile('VPs', T0), seniorities: ['vp'] }, T0);
    await db.people.update(gmail.id, { headline: 'VP Operations' });
    await refreshFits(db, [linkedin.id, gmail.id]);
  });

  it('is worked out again on the merged record: what the one that went said counts', async () => {
    expect(await db.fits.get(linkedin.id)).toEqual({ personId: linkedin.id, confidence: 'low', excluded: false });
    await mergePeople(db, linkedin.id, gmail.id, T0);
    expect(await db.fits.get(linkedin.id)).toMatchObject({ band: 'A' });
  });

  it('Undo gives back both fits as they were', async () => {
    const fits = await db.fits.bulkGet([linkedin.id, gmail.id]);
    expect(fits.every((f) => f !== undefined)).toBe(true);
    const undo = await mergePeople(db, linkedin.id, gmail.id, T0);
    await undoMerge(db, undo);
    expect(await db.fits.bulkGet([linkedin.id, gmail.id])).toEqual(fits);
  });

  it('Undo takes away a fit the kept record had only since the merge', async () => {
    await db.fits.delete(linkedin.id);
    const undo = await mergePeople(db, linkedin.id, gmail.id, T0);
    expect(await db.fits.get(linkedin.id)).toBeDefined();
    await undoMerge(db, undo);
    expect(await db.fits.get(linkedin.id)).toBeUndefined();
    expect(await db.fits.get(gmail.id)).toMatchObject({ band: 'A' });
  });
});
