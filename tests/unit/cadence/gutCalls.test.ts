import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backBurnerWarningOrUndefined } from '../../../components/LogTouchForm';
import { clearGutCall, decideOnReturn, makeGutCall, recordTouch } from '../../../lib/cadence/followUps';
import { editTouch } from '../../../lib/cadence/touchEdits';
import type { GroundworkDB } from '../../../lib/db/db';
import { addFollowUp } from '../../../lib/db/followUps';
import { upsertSeenPerson } from '../../../lib/db/people';
import { saveSettings } from '../../../lib/db/settings';
import { Settings, type Person } from '../../../lib/model';
import { freshDb } from '../../support/db';
import { DAY, MONDAY } from './support';

/** The rep's gut calls, and marking who came to us with a problem (issue 17). */

let db: GroundworkDB;
let gus: Person;
beforeEach(async () => {
  db = freshDb();
  await saveSettings(db, Settings.parse({ workWeek: { days: [1, 2, 3, 4, 5], timeZone: 'UTC' } }));
  ({ person: gus } = await upsertSeenPerson(db, { name: 'Gus Halvorsen', emails: ['gus@halvorsen.example'], source: 'email' }, MONDAY - 100 * DAY));
  await recordTouch(db, { personId: gus.id, type: 'inbound-call', direction: 'inbound', loggedBy: 'one-click', at: MONDAY, minutes: 45, freeAdvice: true }, MONDAY);
  await recordTouch(db, { personId: gus.id, type: 'email', loggedBy: 'one-click', at: MONDAY + DAY }, MONDAY + DAY);
  await recordTouch(db, { personId: gus.id, type: 'voicemail', loggedBy: 'one-click', at: MONDAY + 2 * DAY }, MONDAY + 2 * DAY);
});
afterEach(async () => {
  await db.delete();
});

const person = async () => (await db.people.get(gus.id))!;
const pending = async () => (await db.followUps.where('personId').equals(gus.id).toArray()).filter((f) => f.status === 'open' || f.status === 'snoozed');

describe('gut calls', () => {
  it.each([
    ['brain-picker', ['brain-picker']],
    ['back-burner', []],
  ] as const)('"%s": the rule’s effects — back burner, everything pending cancelled (a hand-set one too), one long check-in — and remembered', async (call, flags) => {
    await addFollowUp(db, { personId: gus.id, dueAt: MONDAY + 20 * DAY, reason: 'Ask about the retrofit', suggestedType: 'call', origin: 'manual' }, MONDAY + 2 * DAY);
    const now = MONDAY + 3 * DAY;
    await makeGutCall(db, gus.id, call, now);
    expect(await person()).toMatchObject({ stage: 'back-burner', flags, brainPicker: { call, raisedAt: now, adviceMinutes: 45, attempts: 2, previousStage: 'target' } });
    expect((await pending()).map((f) => f.reason)).toEqual(['Back-burner check-in with Gus']);

    // They come back: the side panel asks what to do.
    await recordTouch(db, { personId: gus.id, type: 'inbound-message', direction: 'inbound', loggedBy: 'automatic', at: now + 30 * DAY }, now + 30 * DAY);
    expect((await person()).brainPicker?.returnedAt).toBe(now + 30 * DAY);
    await decideOnReturn(db, gus.id, 're-engaged', now + 30 * DAY);
    expect(await person()).toMatchObject({ stage: 'target', flags: [] });
  });

  it('is reversible: taken back, the stage before and the cadence again; the rule does not flag that episode again', async () => {
    await makeGutCall(db, gus.id, 'brain-picker', MONDAY + 3 * DAY);
    await clearGutCall(db, gus.id, MONDAY + 3 * DAY);
    expect(await person()).toMatchObject({ stage: 'target', flags: [], brainPicker: { decision: 'cleared' } });
    // No longer anyone's call: a back-burner stage the rep sets later by hand is just a stage.
    expect((await person()).brainPicker?.call).toBeUndefined();
    expect((await pending()).map((f) => f.reason)).not.toContain('Back-burner check-in with Gus');
    for (let i = 0; i < 6; i++) await recordTouch(db, { personId: gus.id, type: 'email', loggedBy: 'one-click', at: MONDAY + (4 + i) * DAY }, MONDAY + (4 + i) * DAY);
    expect((await person()).flags).toEqual([]);
  });

  it('a gut call on someone who never wrote says it was the rep’s call, not a day they reached out', async () => {
    const { person: ola } = await upsertSeenPerson(db, { name: 'Ola Berg', emails: ['ola@berg.example'], source: 'email' }, MONDAY - 10 * DAY);
    await recordTouch(db, { personId: ola.id, type: 'email', loggedBy: 'one-click', at: MONDAY }, MONDAY);
    await makeGutCall(db, ola.id, 'back-burner', MONDAY + DAY);
    const record = (await db.people.get(ola.id))!.brainPicker!;
    expect(record.reachedOutAt).toBeUndefined();
    expect(backBurnerWarningOrUndefined((await db.people.get(ola.id))!, 'email')).toMatch(/Your call; then 1 attempt unanswered\./);
  });

  it('another attempt at someone on the back burner asks first; their own messages and research do not', async () => {
    expect(backBurnerWarningOrUndefined(await person(), 'email')).toBeUndefined();
    await makeGutCall(db, gus.id, 'brain-picker', MONDAY + 3 * DAY);
    expect(backBurnerWarningOrUndefined(await person(), 'email')).toMatch(/^Gus Halvorsen is on the back burner as a crisis-mode brain-picker\. Reached out .*; 45 min of free advice; then 2 attempts over 1 day unanswered\. Log another attempt anyway\?$/);
    expect(backBurnerWarningOrUndefined(await person(), 'inbound-message')).toBeUndefined();
    expect(backBurnerWarningOrUndefined(await person(), 'research')).toBeUndefined();
  });
});

describe('who came to us with a problem', () => {
  it('the rep marks an answer as them reaching out (the chase and the rule follow), and takes it back', async () => {
    const { person: ana } = await upsertSeenPerson(db, { name: 'Ana Lima', emails: ['ana@lumen.example'], source: 'email' }, MONDAY - 30 * DAY);
    await recordTouch(db, { personId: ana.id, type: 'email', loggedBy: 'one-click', at: MONDAY - 5 * DAY }, MONDAY - 5 * DAY);
    const { touch: theirs } = await recordTouch(db, { personId: ana.id, type: 'inbound-message', direction: 'inbound', loggedBy: 'automatic', at: MONDAY }, MONDAY);
    await recordTouch(db, { personId: ana.id, type: 'email', loggedBy: 'one-click', at: MONDAY + DAY }, MONDAY + DAY);
    const open = async () => (await db.followUps.where('personId').equals(ana.id).toArray()).find((f) => f.status === 'open')?.reason;
    expect(await open()).toMatch(/^Attempt 2 with Ana: try /);
    await editTouch(db, theirs.id, { reachedOut: true }, MONDAY + DAY);
    expect(await open()).toMatch(/^Attempt 2 with Ana since they reached out: try /);
    await editTouch(db, theirs.id, { reachedOut: null }, MONDAY + DAY);
    expect(await open()).toMatch(/^Attempt 2 with Ana: try /);
  });
});
