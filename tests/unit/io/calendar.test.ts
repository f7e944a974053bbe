import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../../lib/db/settings';
import { followUpsCalendar, followUpUid } from '../../../lib/io/calendar';
import { deleteAllData } from '../../../lib/io/restore';
import { upsertSeenPerson } from '../../../lib/db/people';
import { freshDb, T0 } from '../../support/db';
import { seedFixture } from './support';

/** Unfolds RFC 5545 content lines (a continuation starts with a space). */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('follow-ups as an .ics calendar', () => {
  it('one event per open or snoozed follow-up, saying who, why and which touch', async () => {
    const db = freshDb();
    await seedFixture(db, 4);
    await db.followUps.add({ id: 'f-done', personId: 'p-ines', dueAt: T0, reason: 'Done already', suggestedType: 'call', status: 'done', origin: 'manual', createdAt: T0, updatedAt: T0 });
    const { ics, count } = await followUpsCalendar(db, T0);
    const text = unfold(ics);
    expect(count).toBe(2);
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(text).toContain(`UID:${followUpUid({ id: 'f-1' })}`);
    expect(text).toContain('UID:followup-f-2@groundwork');
    expect(text).not.toContain('Done already');
    expect(text).toContain('SUMMARY:Email: Inès Marchetti-Hale (Corvid Packaging)');
    expect(text).toContain('DESCRIPTION:Why: Reply to Inès\\nSuggested touch: Email\\nWho: Inès Marchetti-Hale — Head of Operations at Corvid Packaging');
    expect(text).toContain('DTSTART:20260105T090000Z');
    expect(text).toContain('DTEND:20260105T091500Z');
    expect(text).toContain('URL;VALUE=URI:https://www.linkedin.com/in/in%C3%A8s-marchetti-hale/');
    expect(text).toContain('Snoozed in Groundwork.');
  });

  it('leaves out, and names, a follow-up whose due date is not a date, rather than failing (issue 15)', async () => {
    const db = freshDb();
    await seedFixture(db, 4);
    // As a restore before times were bounded could have stored it: one past JavaScript's dates.
    await db.followUps.update('f-1', { dueAt: 8_640_000_000_000_001, updatedAt: Number.NaN });
    const { ics, count, skipped } = await followUpsCalendar(db, T0);
    expect(count).toBe(1);
    expect(unfold(ics).match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(unfold(ics)).toContain('UID:followup-f-2@groundwork');
    expect(skipped).toEqual([expect.stringMatching(/: its due date is not a date$/)]);
  });

  it('keeps UIDs stable from one export to the next', async () => {
    const db = freshDb();
    await seedFixture(db, 4);
    const uids = (ics: string) => unfold(ics).match(/^UID:.*$/gm);
    const first = await followUpsCalendar(db, T0);
    const second = await followUpsCalendar(db, T0 + 86_400_000);
    expect(uids(second.ics)).toEqual(uids(first.ics));
  });
});

describe('delete all data', () => {
  it('leaves an empty database that works as a fresh one', async () => {
    const db = freshDb();
    await seedFixture(db, 4);
    await deleteAllData(db);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
    expect((await loadSettings(db)).weeklyGoal).toBeGreaterThan(0);
    const { outcome } = await upsertSeenPerson(db, { name: 'Ana Lima', linkedinUrl: 'https://www.linkedin.com/in/ana-lima/', source: 'linkedin' });
    expect(outcome).toBe('created');
  });
});
