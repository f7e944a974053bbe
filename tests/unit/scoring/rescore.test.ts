import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import { newPersonDefaults } from '../../../lib/db/people';
import { blankProfile, saveProfile } from '../../../lib/db/profiles';
import { completedScoringKey, refreshFits, rescoreAll } from '../../../lib/scoring/rescore';
import { freshDb, T0 } from '../../support/db';

/** Stored fits kept current with the active profile: written only when they change. */

let db: GroundworkDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const addPerson = (id: string, headline: string, extra: Record<string, unknown> = {}) =>
  db.people.add({ id, name: id, headline, emails: [], source: 'import', ...newPersonDefaults(T0), ...extra });

describe('re-scoring everyone', () => {
  it('with no profile, nobody has a fit: stored fits go, and that is remembered', async () => {
    await addPerson('p1', 'VP Sales');
    await addPerson('p2', 'Engineer');
    await db.fits.put({ personId: 'p1', score: 100, band: 'A', confidence: 'high', excluded: false });
    expect(await rescoreAll(db)).toEqual({ done: 2, changed: 1 });
    expect(await db.fits.count()).toBe(0);
    expect(await completedScoringKey(db)).toBe('none');
    expect(await rescoreAll(db)).toEqual({ done: 0, changed: 0 });
  });

  it('forced, it runs again even when nothing changed, and writes nothing', async () => {
    await saveProfile(db, { ...blankProfile('VPs', T0), seniorities: ['vp'] }, T0);
    await addPerson('p1', 'VP Sales');
    await rescoreAll(db);
    expect(await rescoreAll(db, { force: true })).toEqual({ done: 1, changed: 0 });
  });

  it('a fit whose confidence alone changed is written', async () => {
    await saveProfile(db, { ...blankProfile('VPs', T0), seniorities: ['vp'] }, T0);
    await addPerson('p1', 'VP Sales');
    await db.fits.put({ personId: 'p1', score: 100, band: 'A', confidence: 'low', excluded: false });
    expect(await rescoreAll(db)).toEqual({ done: 1, changed: 1 });
    expect(await db.fits.get('p1')).toMatchObject({ confidence: 'high' });
  });

  it('a fit whose exclusion alone changed is written', async () => {
    await saveProfile(db, { ...blankProfile('VPs', T0), seniorities: ['vp'] }, T0);
    await addPerson('p1', 'Intern');
    await db.fits.put({ personId: 'p1', score: 0, band: 'D', confidence: 'high', excluded: false });
    expect(await rescoreAll(db)).toEqual({ done: 1, changed: 1 });
    expect(await db.fits.get('p1')).toMatchObject({ excluded: true });
  });

  it('someone nothing is known about keeps a fit without a score: a stale score goes', async () => {
    await saveProfile(db, { ...blankProfile('Ohio', T0), locations: ['Ohio'], exclusions: { students: false, recruiters: false, companies: [] } }, T0);
    await addPerson('p1', 'VP Sales');
    await db.fits.put({ personId: 'p1', score: 100, band: 'A', confidence: 'high', excluded: false });
    await rescoreAll(db);
    expect(await db.fits.get('p1')).toEqual({ personId: 'p1', confidence: 'low', excluded: false });
  });

  it('the profile changed while it ran: its key is not recorded, so the next run starts over', async () => {
    const profile = await saveProfile(db, { ...blankProfile('VPs', T0), seniorities: ['vp'] }, T0);
    await addPerson('p1', 'VP Sales');
    await addPerson('p2', 'Engineer');
    await rescoreAll(db, {
      chunkSize: 1,
      yieldBetweenChunks: () => saveProfile(db, { ...profile, seniorities: ['individual'] }, T0 + 1).then(() => undefined),
    });
    expect(await completedScoringKey(db)).toBe('');
    expect(await rescoreAll(db)).toMatchObject({ done: 2 });
    expect(await db.fits.get('p2')).toMatchObject({ band: 'A' });
  });

  it('people filling the last chunk exactly: the run ends on the empty read after it, one progress report per chunk', async () => {
    await saveProfile(db, { ...blankProfile('VPs', T0), seniorities: ['vp'] }, T0);
    await addPerson('p1', 'VP Sales');
    await addPerson('p2', 'Engineer');
    const done: number[] = [];
    expect(await rescoreAll(db, { chunkSize: 2, onProgress: (p) => done.push(p.done), yieldBetweenChunks: async () => undefined })).toEqual({ done: 2, changed: 2 });
    expect(done).toEqual([2]);
  });
});

describe('re-scoring everyone, each with their own company', () => {
  it('nobody saved yet: the run ends at once and is recorded as done', async () => {
    const profile = await saveProfile(db, { ...blankProfile('VPs', T0), seniorities: ['vp'] }, T0);
    expect(await rescoreAll(db)).toEqual({ done: 0, changed: 0 });
    expect(await completedScoringKey(db)).toBe(`${profile.id}@${profile.updatedAt}`);
  });

  it('the company facts come from each person’s own account', async () => {
    await saveProfile(db, { ...blankProfile('Food makers', T0), industries: { include: ['Food'], exclude: [] } }, T0);
    await db.accounts.bulkAdd([
      { id: 'a-food', name: 'Kestrel Foods', domains: [], industry: 'Food Production', createdAt: T0, updatedAt: T0 },
      { id: 'a-steel', name: 'Ferro Works', domains: [], industry: 'Steel', createdAt: T0, updatedAt: T0 },
    ]);
    await addPerson('p1', 'Buyer', { accountId: 'a-food' });
    await addPerson('p2', 'Buyer', { accountId: 'a-steel' });
    await addPerson('p3', 'Buyer');
    expect(await rescoreAll(db, { chunkSize: 2 })).toEqual({ done: 3, changed: 3 });
    expect(await db.fits.get('p1')).toMatchObject({ score: 100, band: 'A', confidence: 'high' });
    expect(await db.fits.get('p2')).toMatchObject({ score: 0, band: 'D', confidence: 'high' });
    expect(await db.fits.get('p3')).toEqual({ personId: 'p3', confidence: 'low', excluded: false });
  });
});

describe('re-scoring a few people now', () => {
  it('a fit that did not change is not written again', async () => {
    await saveProfile(db, { ...blankProfile('VPs', T0), seniorities: ['vp'] }, T0);
    await addPerson('p1', 'VP Sales');
    await refreshFits(db, ['p1']);
    const bulkPut = vi.spyOn(db.fits, 'bulkPut');
    await refreshFits(db, ['p1']);
    expect(bulkPut).not.toHaveBeenCalled();
    expect(await db.fits.get('p1')).toMatchObject({ band: 'A' });
  });

  it('with no profile any more, a refreshed person’s old fit goes (nothing is put in its place)', async () => {
    await addPerson('p1', 'VP Sales');
    await db.fits.put({ personId: 'p1', score: 100, band: 'A', confidence: 'high', excluded: false });
    await refreshFits(db, ['p1']);
    expect(await db.fits.count()).toBe(0);
  });

  it('with their account’s company facts; only fits that changed are written', async () => {
    await saveProfile(db, { ...blankProfile('Food', T0), industries: { include: ['Food'], exclude: [] } }, T0);
    await db.accounts.add({ id: 'a1', name: 'Kestrel', domains: [], industry: 'Food Production', createdAt: T0, updatedAt: T0 });
    await addPerson('p1', 'Buyer', { accountId: 'a1' });
    await addPerson('p2', 'Buyer', { accountId: 'gone-account' });
    await refreshFits(db, ['p1', 'p2', 'nobody']);
    expect(await db.fits.get('p1')).toMatchObject({ score: 100, band: 'A' });
    expect(await db.fits.get('p2')).toEqual({ personId: 'p2', confidence: 'low', excluded: false });
    expect(await db.fits.count()).toBe(2);
  });

  it('nobody asked: nothing read, nothing written', async () => {
    await refreshFits(db, []);
    expect(await db.fits.count()).toBe(0);
  });
});
