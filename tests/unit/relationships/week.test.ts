import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import { Settings, type FitRow, type FollowUp, type Person, type Touch } from '../../../lib/model';
import { repWeek } from '../../../lib/relationships/week';
import { freshDb } from '../../support/db';
import { MONDAY, person, touch } from './support';

let db: GroundworkDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

/** Wednesday 4 November 2026, noon UTC: week 7 of the window, which starts Monday 14 September. */
const NOW = Date.parse('2026-11-04T12:00:00Z');
/** Day `day` (0 = Monday) of week `week` (0 = oldest, 7 = this week), in UTC. */
const at = (week: number, day: number, hour = 10) => Date.UTC(2026, 8, 14 + 7 * week + day, hour);

const fit = (personId: string, band: FitRow['band'], excluded = false): FitRow => ({ personId, band, score: band === 'A' ? 90 : band === 'B' ? 70 : 40, confidence: 'high', excluded, profileKey: 'icp-1' });

let followUpId = 0;
const followUp = (status: FollowUp['status'], dueAt: number): FollowUp => {
  followUpId += 1;
  return { id: `f${followUpId}`, personId: 'ana', dueAt, reason: 'Follow up', suggestedType: 'email', status, origin: 'cadence', createdAt: MONDAY, updatedAt: MONDAY };
};

describe("the rep's week", () => {
  async function seedHistory() {
    const people: Person[] = [
      person('Ana Lima', { id: 'ana', accountId: 'acme', title: 'Chief Executive Officer' }),
      person('Nia Okafor', { id: 'nia', accountId: 'acme', title: 'VP Finance' }),
      person('Ben Cho', { id: 'ben', accountId: 'borealis', title: 'VP Operations' }),
      person('Bo Chen', { id: 'bo', accountId: 'borealis', title: 'CEO' }),
      person('Dee Park', { id: 'dee', accountId: 'borealis', title: 'Director of IT' }),
      person('Cara Diaz', { id: 'cara', accountId: 'cobalt', title: 'Director of Operations' }),
      person('Olga Berg', { id: 'olga', accountId: 'dormant', title: 'CEO' }),
      person('Ines Vidal', { id: 'ines', title: 'Head of IT' }),
      person('Bea Novak', { id: 'bea', title: 'COO', flags: ['brain-picker'], stage: 'back-burner' }),
      person('Pia Kern', { id: 'pia', flags: ['brain-picker'], stage: 'back-burner' }),
      person('Cy Young', { id: 'cy', title: 'Buyer' }),
      person('Xena Wolf', { id: 'xena', title: 'CEO' }),
      person('Nofi Ray', { id: 'nofi', title: 'CEO' }),
    ];
    await db.people.bulkAdd(people);
    await db.accounts.bulkAdd(
      (
        [
          ['acme', 'Acme'],
          ['borealis', 'Borealis'],
          ['cobalt', 'Cobalt'],
          ['dormant', 'Dormant Co'],
        ] as const
      ).map(([id, name]) => ({ id, name, domains: [], createdAt: MONDAY, updatedAt: MONDAY })),
    );
    await db.fits.bulkAdd([fit('ana', 'A'), fit('nia', 'A'), fit('ben', 'B'), fit('ines', 'A'), fit('bea', 'B'), fit('cy', 'C'), fit('cara', 'C'), fit('xena', 'A', true)]);
    const touches: Touch[] = [
      // Before the window: Olga (so Dormant Co is not "worked"), Bea's first crisis call.
      touch('email', Date.UTC(2026, 7, 3, 10), { personId: 'olga' }),
      touch('call', Date.UTC(2026, 7, 3, 10), { personId: 'bea', minutes: 60, freeAdvice: true }),
      // Week 0: Ana, a new A fit, first emailed.
      touch('email', at(0, 0), { personId: 'ana' }),
      // Week 2: Ben wrote first, the rep answered the same week (new B fit); a call of free advice.
      touch('inbound-message', at(2, 1), { personId: 'ben' }),
      touch('email', at(2, 2), { personId: 'ben' }),
      touch('call', at(2, 3), { personId: 'ben', minutes: 30, freeAdvice: true }),
      // Week 3: a give and an ask to Ana.
      touch('personal-note', at(3, 1), { personId: 'ana' }),
      touch('meeting-request', at(3, 1, 11), { personId: 'ana' }),
      // Week 4: Ines wrote, nobody answered that week; Bea came back for more advice.
      touch('inbound-message', at(4, 0), { personId: 'ines' }),
      touch('inbound-message', at(4, 2), { personId: 'bea', minutes: 20, freeAdvice: true }),
      // Week 5: Ines answered a week late (not new: her first touch week had nothing from the rep).
      touch('email', at(5, 0), { personId: 'ines' }),
      touch('call', at(5, 1), { personId: 'bea' }),
      touch('email', at(5, 2), { personId: 'cara' }),
      touch('inbound-message', at(5, 3), { personId: 'dee' }),
      // Week 6: no fit known for Nofi; a meeting that was not free advice, and a proposal.
      touch('email', at(6, 0), { personId: 'nofi' }),
      touch('meeting', at(6, 1), { personId: 'bo', minutes: 45 }),
      touch('proposal', at(6, 2), { personId: 'bo' }),
      // Week 7 (this week): Nia, a new A fit, gets two gives; a C fit and an excluded A fit.
      touch('personal-note', at(7, 0), { personId: 'cy' }),
      touch('email', at(7, 0, 11), { personId: 'xena' }),
      touch('personal-note', at(7, 1), { personId: 'nia' }),
      touch('article-forwarded', at(7, 1, 11), { personId: 'nia' }),
      touch('article-forwarded', at(7, 1, 12), { personId: 'ben', direction: 'inbound' }),
      touch('referral-asked', at(7, 2, 9), { personId: 'ben' }),
    ];
    await db.touches.bulkAdd(touches);
    await db.followUps.bulkAdd([
      followUp('open', Date.UTC(2026, 8, 1)),
      followUp('done', at(1, 2)),
      followUp('snoozed', at(6, 1)),
      followUp('done', at(6, 2)),
      followUp('cancelled', at(6, 3)),
      followUp('done', at(7, 0)),
      followUp('open', at(7, 3)),
      followUp('open', at(8, 1)),
    ]);
  }

  it('gives exact figures for each of the last 8 weeks, this week last', async () => {
    await seedHistory();
    const week = await repWeek(db, Settings.parse({ workWeek: { timeZone: 'UTC' }, weeklyGoal: 5 }), NOW);
    const row = (newIdealFits: number, followUpsDue: number, followUpsDone: number, gives: number, asks: number, adviceMinutes: number) => ({
      newIdealFits,
      followUpsDue,
      followUpsDone,
      gives,
      asks,
      adviceMinutes,
    });
    expect(week.weeks.map((w) => w.weekStart)).toEqual(Array.from({ length: 8 }, (_, i) => at(i, 0, 0)));
    expect(week.weeks.map(({ weekStart: _, ...figures }) => figures)).toEqual([
      row(1, 0, 0, 0, 0, 0),
      row(0, 1, 1, 0, 0, 0),
      row(1, 0, 0, 0, 0, 30),
      row(0, 0, 0, 1, 1, 0),
      row(0, 0, 0, 0, 0, 20),
      row(0, 0, 0, 0, 0, 0),
      row(0, 2, 1, 0, 1, 0),
      row(1, 2, 1, 3, 1, 0),
    ]);
    expect(week.goal).toBe(5);
    // All the free advice ever given to flagged people, not just this window's.
    expect(week.brainPickers).toEqual({ count: 2, adviceMinutes: 80, names: ['Bea Novak', 'Pia Kern'] });
    // Worked accounts, most recent first; Borealis is live at every senior level, Dormant Co was not worked.
    expect(week.accountGaps).toEqual([
      { accountId: 'acme', name: 'Acme', gap: 'No executive relationship at Acme; last executive touch 29 days ago' },
      { accountId: 'cobalt', name: 'Cobalt', gap: 'No director relationship at Cobalt; last director touch 14 days ago' },
    ]);
  });

  it('lists at most the asked-for number of accounts with gaps', async () => {
    await seedHistory();
    const week = await repWeek(db, Settings.parse({ workWeek: { timeZone: 'UTC' } }), NOW, { gapAccounts: 1 });
    expect(week.accountGaps.map((g) => g.name)).toEqual(['Acme']);
  });

  it('is all zeros with nothing logged', async () => {
    const week = await repWeek(db, Settings.parse({ workWeek: { timeZone: 'UTC' } }), NOW);
    expect(week.weeks).toHaveLength(8);
    expect(week.weeks.every((w) => w.newIdealFits + w.followUpsDue + w.followUpsDone + w.gives + w.asks + w.adviceMinutes === 0)).toBe(true);
    expect(week.brainPickers).toEqual({ count: 0, adviceMinutes: 0, names: [] });
    expect(week.accountGaps).toEqual([]);
  });

  // Weeks run Monday 00:00 to Monday 00:00 in the rep's time zone, whatever UTC says; the New York
  // window also crosses the end of daylight saving time (1 November 2026).
  it.each([
    ['UTC', '2026-11-02T03:00:00Z', 7, (i: number) => Date.UTC(2026, 8, 14 + 7 * i, 0)],
    ['America/New_York', '2026-11-02T03:00:00Z', 6, (i: number) => Date.UTC(2026, 8, 14 + 7 * i, i === 7 ? 5 : 4)],
    ['Asia/Tokyo', '2026-11-01T16:00:00Z', 7, (i: number) => Date.UTC(2026, 8, 13 + 7 * i, 15)],
    ['UTC', '2026-11-01T16:00:00Z', 6, (i: number) => Date.UTC(2026, 8, 14 + 7 * i, 0)],
  ])('in %s, a give at %s falls in week %i', async (timeZone, when, index, weekStart) => {
    const starts = Array.from({ length: 8 }, (_, i) => weekStart(i));
    await db.touches.bulkAdd([
      touch('personal-note', Date.parse(when)),
      // The window's very first instant is in; the one before it is not.
      touch('article-forwarded', starts[0]!),
      touch('article-forwarded', starts[0]! - 1),
    ]);
    const week = await repWeek(db, Settings.parse({ workWeek: { timeZone } }), NOW);
    expect(week.weeks.map((w) => w.weekStart)).toEqual(starts);
    const gives = [1, 0, 0, 0, 0, 0, 0, 0];
    gives[index]! += 1;
    expect(week.weeks.map((w) => w.gives)).toEqual(gives);
  });
});
