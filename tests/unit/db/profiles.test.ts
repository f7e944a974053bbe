import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import {
  activeProfile,
  blankProfile,
  deleteProfile,
  listProfiles,
  profileFromFile,
  profileToFile,
  saveProfile,
  setActiveProfile,
} from '../../../lib/db/profiles';
import { newPersonDefaults } from '../../../lib/db/people';
import { saveAccountFromLinkedIn, saveProspectFromLinkedIn } from '../../../lib/db/prospects';
import { completedScoringKey, rescoreAll } from '../../../lib/scoring/rescore';
import { freshDb, T0 } from '../../support/db';

let db: GroundworkDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

describe('profiles', () => {
  it('the first profile saved becomes active; the rep can switch; the last one cannot be deleted', async () => {
    expect(await activeProfile(db)).toBeUndefined();
    const ops = await saveProfile(db, blankProfile('Ops leaders', T0), T0);
    const it2 = await saveProfile(db, blankProfile('IT buyers', T0 + 1), T0 + 1);
    expect((await activeProfile(db))?.id).toBe(ops.id);
    await setActiveProfile(db, it2.id);
    expect((await activeProfile(db))?.id).toBe(it2.id);
    await deleteProfile(db, it2.id);
    expect((await activeProfile(db))?.id).toBe(ops.id);
    await expect(deleteProfile(db, ops.id)).rejects.toThrow('Keep at least one ideal customer profile');
    expect(await listProfiles(db)).toHaveLength(1);
  });

  it('rejects an invalid edit with a clear error and keeps what was stored', async () => {
    const saved = await saveProfile(db, blankProfile('Ops', T0), T0);
    await expect(saveProfile(db, { ...saved, weights: { ...saved.weights, industry: 99 } })).rejects.toThrow();
    await expect(saveProfile(db, { ...saved, name: '' })).rejects.toThrow();
    expect(await db.profiles.get(saved.id)).toEqual(saved);
  });
});

describe('profile files', () => {
  it('round-trips through export and import as a new profile', async () => {
    const original = { ...blankProfile('Midwest plants', T0), locations: ['Ohio', 'Michigan'], sizeBands: ['201-500' as const] };
    const text = profileToFile(original);
    expect(JSON.parse(text)).toMatchObject({ format: 'groundwork-ideal-customer-profile', version: 1, profile: { name: 'Midwest plants' } });
    const imported = profileFromFile(text, T0 + 5);
    expect(imported).toEqual({ ...original, id: imported.id, createdAt: T0 + 5, updatedAt: T0 + 5 });
    expect(imported.id).not.toBe(original.id);
  });

  it.each([
    ['truncated JSON', '{"format":"groundwork-ideal-customer-profile","ver', /not valid JSON/],
    ['an empty file', '', /not valid JSON/],
    ['another program’s file', JSON.stringify({ name: 'x', criteria: [] }), /not a Groundwork ideal customer profile file/],
    ['a backup instead of a profile', JSON.stringify({ format: 'groundwork-backup', version: 1 }), /not a Groundwork ideal customer profile file/],
    ['a future version', JSON.stringify({ format: 'groundwork-ideal-customer-profile', version: 9, profile: {} }), /newer Groundwork \(file version 9\)/],
    [
      'wrong types',
      profileToFile(blankProfile('x')).replace('"sizeBands": []', '"sizeBands": ["huge"]'),
      /problem at profile › sizeBands › 0/,
    ],
    ['a huge file', `{"x":"${'a'.repeat(1_100_000)}"}`, /too large/],
  ])('refuses %s with a clear message', (_label, text, message) => {
    expect(() => profileFromFile(text)).toThrow(message);
  });
});

describe('re-scoring saved prospects', () => {
  it('stores each person’s fit, skips work already done, and follows a changed profile', async () => {
    const { person } = await saveProspectFromLinkedIn(
      db,
      { linkedinUrl: 'https://www.linkedin.com/in/ana/', name: 'Ana Lima', headline: 'VP Operations', location: 'Columbus, Ohio' },
      T0,
    );
    expect(await db.fits.get(person.id)).toBeUndefined(); // no profile yet: no score

    const profile = await saveProfile(db, { ...blankProfile('Ops', T0), seniorities: ['vp'], locations: ['Michigan'] }, T0);
    const first = await rescoreAll(db);
    expect(first).toEqual({ done: 1, changed: 1 });
    expect(await db.fits.get(person.id)).toMatchObject({ score: 75, band: 'A', excluded: false });
    expect(await completedScoringKey(db)).toBe(`${profile.id}@${profile.updatedAt}`);

    expect(await rescoreAll(db)).toEqual({ done: 0, changed: 0 });

    await saveProfile(db, { ...profile, locations: ['Ohio'] });
    expect(await rescoreAll(db)).toEqual({ done: 1, changed: 1 });
    expect(await db.fits.get(person.id)).toMatchObject({ score: 100 });
  });

  it('saving an account re-scores its people with the company facts', async () => {
    await saveProfile(db, { ...blankProfile('Food', T0), industries: { include: ['Food'], exclude: [] } }, T0);
    const kestrel = 'https://www.linkedin.com/company/kestrel-dairy/';
    const { person } = await saveProspectFromLinkedIn(db, { linkedinUrl: 'https://www.linkedin.com/in/bo/', name: 'Bo', companyName: 'Kestrel Dairy', companyLinkedInUrl: kestrel }, T0);
    expect((await db.fits.get(person.id))?.score).toBeUndefined(); // industry not known yet
    await saveAccountFromLinkedIn(db, { linkedinUrl: kestrel, name: 'Kestrel Dairy', industry: 'Food Production' }, 'Kestrel');
    expect(await db.fits.get(person.id)).toMatchObject({ score: 100, band: 'A' });
    expect(await db.accounts.count()).toBe(1);
  });

  /** `count` imported people with ids in order (p00000, p00001, …) and the given headlines. */
  const addPeople = (count: number, headline: (i: number) => string) =>
    db.people.bulkAdd(Array.from({ length: count }, (_, i) => ({ id: `p${String(i).padStart(5, '0')}`, name: `Person ${i}`, headline: headline(i), emails: [], source: 'import' as const, ...newPersonDefaults(T0) })));

  it('works through many people in chunks', async () => {
    await saveProfile(db, { ...blankProfile('VPs', T0), seniorities: ['vp'] }, T0);
    await addPeople(2500, (i) => (i % 2 ? 'VP Sales' : 'Engineer'));
    const progress: number[] = [];
    expect(await rescoreAll(db, { chunkSize: 1000, onProgress: (p) => progress.push(p.done) })).toEqual({ done: 2500, changed: 2500 });
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(await db.fits.filter((f) => f.band === 'A').count()).toBe(1250);
  });

  it('after a profile change writes only the fits that changed', async () => {
    const profile = await saveProfile(db, { ...blankProfile('VPs', T0), seniorities: ['vp'] }, T0);
    const titles = ['VP Sales', 'Engineer', 'Director of Operations'];
    await addPeople(30, (i) => titles[i % 3]!);
    await rescoreAll(db, { chunkSize: 7 });
    const before = await db.fits.orderBy(':id').toArray();
    // Directors now count too: their ten fits change; the VPs' and engineers' stay as they were.
    await saveProfile(db, { ...profile, seniorities: ['vp', 'director'] }, T0 + 1);
    const bulkPut = vi.spyOn(db.fits, 'bulkPut');
    expect(await rescoreAll(db, { chunkSize: 7 })).toEqual({ done: 30, changed: 10 });
    const written = bulkPut.mock.calls.flatMap(([rows]) => rows.map((r) => r.personId)).sort();
    expect(written).toEqual(before.filter((_, i) => i % 3 === 2).map((f) => f.personId));
    const after = await db.fits.orderBy(':id').toArray();
    expect(after.filter((f, i) => f.band !== before[i]!.band).map((f) => f.personId)).toEqual(written);
  });
});
