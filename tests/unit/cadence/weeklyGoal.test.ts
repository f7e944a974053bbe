import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordTouch } from '../../../lib/cadence/followUps';
import { weeklyGoalProgress } from '../../../lib/cadence/weeklyGoal';
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
