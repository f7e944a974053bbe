import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordTouch } from '../../../lib/cadence/followUps';
import { newIdealFitsPerWeek, weekIndexer, weeklyGoalProgress } from '../../../lib/cadence/weeklyGoal';
import type { GroundworkDB } from '../../../lib/db/db';
import { upsertSeenPerson } from '../../../lib/db/people';
import { blankProfile, saveProfile } from '../../../lib/db/profiles';
import { Settings } from '../../../lib/model';
import { rescoreAll } from '../../../lib/scoring/rescore';
import { freshDb } from '../../support/db';

const WEDNESDAY = Date.parse('2026-11-04T12:00:00Z');
const LAST_WEEK = Date.parse('2026-10-28T12:00:00Z');
const settings = Settings.parse({ workWeek: { timeZone: 'UTC' }, weeklyGoal: 5 });

let db: GroundworkDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

async function person(name: string, headline: string) {
  return (await upsertSeenPerson(db, { name, headline, linkedinUrl: `https://www.linkedin.com/in/${name.toLowerCase().replace(' ', '-')}/`, source: 'linkedin' })).person;
}

describe('weekly goal', () => {
  it('counts new ideal-fit prospects first touched this week, by the rep', async () => {
    await saveProfile(db, { ...blankProfile('VPs'), seniorities: ['vp'] });
    const newVp = await person('Vera Novak', 'VP Operations');
    const oldVp = await person('Olek Vasko', 'VP Supply Chain');
    const engineer = await person('Dev Patel', 'Software Engineer');
    const inboundOnly = await person('Ines Vidal', 'Head of IT');
    await rescoreAll(db);

    await recordTouch(db, { personId: newVp.id, type: 'personal-note', loggedBy: 'manual', at: WEDNESDAY - 3_600_000 }, WEDNESDAY);
    await recordTouch(db, { personId: oldVp.id, type: 'email', loggedBy: 'manual', at: LAST_WEEK }, LAST_WEEK);
    await recordTouch(db, { personId: oldVp.id, type: 'call', loggedBy: 'manual', at: WEDNESDAY - 7_200_000 }, WEDNESDAY);
    await recordTouch(db, { personId: engineer.id, type: 'email', loggedBy: 'manual', at: WEDNESDAY - 3_600_000 }, WEDNESDAY);
    await recordTouch(db, { personId: inboundOnly.id, type: 'inbound-message', loggedBy: 'automatic', at: WEDNESDAY - 3_600_000 }, WEDNESDAY);

    expect(await weeklyGoalProgress(db, settings, WEDNESDAY)).toEqual({ touched: 1, goal: 5, weekStart: Date.parse('2026-11-02T00:00:00Z') });
  });
});

describe('which week a time falls in', () => {
  const weeks = [Date.parse('2026-10-26T00:00:00Z'), Date.parse('2026-11-02T00:00:00Z')];
  const end = Date.parse('2026-11-09T00:00:00Z');
  const weekOf = weekIndexer(weeks, end);

  it.each<[string, string, number]>([
    ['before the first week', '2026-10-25T23:59:59Z', -1],
    ['the first moment of the first week', '2026-10-26T00:00:00Z', 0],
    ['the last moment of the first week', '2026-11-01T23:59:59Z', 0],
    ['the first moment of the second week', '2026-11-02T00:00:00Z', 1],
    ['the last moment before the end', '2026-11-08T23:59:59Z', 1],
    ['the end itself', '2026-11-09T00:00:00Z', -1],
  ])('%s', (_label, at, index) => {
    expect(weekOf(Date.parse(at))).toBe(index);
  });
});

describe('new ideal fits per week', () => {
  const weeks = [Date.parse('2026-10-26T00:00:00Z'), Date.parse('2026-11-02T00:00:00Z')];
  const end = Date.parse('2026-11-09T00:00:00Z');
  const fit = (personId: string, band: 'A' | 'B' | 'C' | 'D', excluded = false) => db.fits.put({ personId, score: 50, band, confidence: 'high', excluded });

  it('counts A and B fits in the week they were first touched; not C, D, excluded, or unscored', async () => {
    const people = await Promise.all(['Ana A', 'Ben B', 'Cy C', 'Di D', 'Ex X', 'No Fit'].map((name) => person(name, 'Somebody')));
    const [a, b, c, d, x, none] = people.map((p) => p.id);
    await Promise.all([fit(a!, 'A'), fit(b!, 'B'), fit(c!, 'C'), fit(d!, 'D'), fit(x!, 'A', true)]);
    await recordTouch(db, { personId: a!, type: 'email', loggedBy: 'manual', at: LAST_WEEK }, LAST_WEEK);
    for (const id of [b, c, d, x, none]) await recordTouch(db, { personId: id!, type: 'email', loggedBy: 'manual', at: WEDNESDAY }, WEDNESDAY);
    expect(await newIdealFitsPerWeek(db, weeks, end)).toEqual([1, 1]);
  });

  it('someone who wrote first and was answered the next week is nobody’s new prospect', async () => {
    const ines = await person('Ines Vidal', 'Head of IT');
    await fit(ines.id, 'A');
    await recordTouch(db, { personId: ines.id, type: 'inbound-message', loggedBy: 'automatic', at: LAST_WEEK }, LAST_WEEK);
    await recordTouch(db, { personId: ines.id, type: 'email', loggedBy: 'manual', at: WEDNESDAY }, WEDNESDAY);
    expect(await newIdealFitsPerWeek(db, weeks, end)).toEqual([0, 0]);
  });

  it('no weeks asked: no counts', async () => {
    expect(await newIdealFitsPerWeek(db, [], end)).toEqual([]);
  });
});
