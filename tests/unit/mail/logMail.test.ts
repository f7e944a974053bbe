import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordTouch } from '../../../lib/cadence/followUps';
import type { GroundworkDB } from '../../../lib/db/db';
import { findPersonByEmail, upsertSeenPerson } from '../../../lib/db/people';
import { loadSettings, saveSettings } from '../../../lib/db/settings';
import { linkRecipient, logInboundMail, logMailRecipients, logSentMail, setSentMailIntent, undoSentMail, UNDO_WINDOW_MS } from '../../../lib/mail/logMail';
import type { InboundMail, SentMail } from '../../../lib/messaging/protocol';
import type { Person, Settings } from '../../../lib/model';
import { DAY, freshDb, T0 } from '../../support/db';

const ME = 'casey@groundwork-partners.example';
const ADAEZE = 'adaeze@sable-ridge-foods.example';
const OTTILIE = 'o.brandt@havel-metalworks.example';
const PRIYA = 'priya@groundwork-partners.example'; // a colleague
const MINUTE = 60_000;

let db: GroundworkDB;
let adaeze: Person;
beforeEach(async () => {
  db = freshDb();
  ({ person: adaeze } = await upsertSeenPerson(db, { name: 'Adaeze Okonkwo-Reyes', emails: [ADAEZE], source: 'linkedin' }, T0 - 10 * DAY));
});
afterEach(async () => {
  await db.delete();
});

function mail(extra: Partial<SentMail> = {}): SentMail {
  return { site: 'gmail', key: 'msg-a:r-4711', from: ME, to: [], cc: [], bcc: [], subject: 'Line-speed study', ...extra };
}

async function setEmailSettings(email: Partial<Settings['email']>) {
  const settings = await loadSettings(db);
  await saveSettings(db, { ...settings, email: { ...settings.email, ...email } });
}

/** Everything a refused or ignored call must leave as it was. */
async function snapshot() {
  return { people: await db.people.toArray(), touches: await db.touches.toArray(), followUps: await db.followUps.toArray() };
}

const openFollowUps = async (personId: string) => (await db.followUps.where('personId').equals(personId).toArray()).filter((f) => f.status === 'open');

describe('logSentMail', () => {
  it('logs an email to a saved prospect once, however often the same send is reported', async () => {
    const sent = mail({ to: [{ email: ADAEZE, name: 'Adaeze' }], cc: [{ email: ADAEZE }] });
    const first = await logSentMail(db, sent, T0);
    const second = await logSentMail(db, sent, T0 + MINUTE);
    expect(first.logged).toEqual([{ touchId: expect.any(String), personId: adaeze.id, name: 'Adaeze Okonkwo-Reyes', email: ADAEZE }]);
    expect(first.offered).toEqual([]);
    expect(second.logged.map((l) => l.touchId)).toEqual(first.logged.map((l) => l.touchId));
    const touches = await db.touches.toArray();
    expect(touches).toHaveLength(1);
    expect(touches[0]).toMatchObject({ personId: adaeze.id, type: 'email', direction: 'outbound', subject: 'Line-speed study', loggedBy: 'automatic', at: T0 });
  });

  it('another email to the same prospect is another touch', async () => {
    await logSentMail(db, mail({ to: [{ email: ADAEZE }] }), T0);
    await logSentMail(db, mail({ key: 'msg-a:r-4712', to: [{ email: ADAEZE }] }), T0 + DAY);
    expect(await db.touches.count()).toBe(2);
  });

  it('proposes the next follow-up through the cadence', async () => {
    expect(await openFollowUps(adaeze.id)).toEqual([]);
    await logSentMail(db, mail({ to: [{ email: ADAEZE }] }), T0);
    const [followUp, ...more] = await openFollowUps(adaeze.id);
    expect(more).toEqual([]);
    expect(followUp).toMatchObject({ origin: 'cadence', reason: expect.stringMatching(/^Attempt 2 with Adaeze/) });
    expect(followUp!.dueAt).toBeGreaterThan(T0);
  });

  it('never logs nor offers the rep, colleagues or never-log addresses, even when saved', async () => {
    await setEmailSettings({ ownDomains: ['gw-nordic.example'], neverLog: ['mailer.example'] });
    for (const email of [ME, PRIYA, 'ola@gw-nordic.example', 'alerts@mailer.example']) {
      await upsertSeenPerson(db, { name: email, emails: [email], source: 'email' }, T0 - DAY);
    }
    const before = await snapshot();
    const result = await logSentMail(
      db,
      mail({ to: [{ email: ME }, { email: PRIYA, name: 'Priya Raman' }], cc: [{ email: 'ola@gw-nordic.example' }], bcc: [{ email: 'alerts@mailer.example' }] }),
      T0,
    );
    expect(result).toEqual({ logged: [], offered: [] });
    expect(await snapshot()).toEqual(before);
  });

  it('offers unknown To recipients for one click, but not unknown Cc or Bcc', async () => {
    const result = await logSentMail(
      db,
      mail({ to: [{ email: OTTILIE, name: 'Ottilie Brandt' }, { email: 'info@havel-metalworks.example' }], cc: [{ email: 'cc@havel-metalworks.example' }], bcc: [{ email: 'archive@crm.example' }] }),
      T0,
    );
    expect(result).toEqual({
      logged: [],
      offered: [
        { email: OTTILIE, name: 'Ottilie Brandt', saved: false },
        // A role address: listed unticked, never offered on its own (issue 16).
        { email: 'info@havel-metalworks.example', saved: false, role: true },
      ],
    });
    expect(await db.touches.count()).toBe(0);
    expect(await db.people.count()).toBe(1);
  });

  it('logs saved prospects in Cc and Bcc too', async () => {
    const result = await logSentMail(db, mail({ to: [{ email: OTTILIE }], bcc: [{ email: ADAEZE }] }), T0);
    expect(result.logged.map((l) => l.email)).toEqual([ADAEZE]);
    expect(result.offered.map((o) => o.email)).toEqual([OTTILIE]);
  });

  it('with automatic logging off, offers saved prospects (marked saved) and logs nothing', async () => {
    await setEmailSettings({ autoLog: false });
    const result = await logSentMail(db, mail({ to: [{ email: ADAEZE, name: 'Adaeze' }, { email: OTTILIE }] }), T0);
    expect(result).toEqual({
      logged: [],
      offered: [
        { email: ADAEZE, name: 'Adaeze', saved: true },
        { email: OTTILIE, saved: false },
      ],
    });
    expect(await db.touches.count()).toBe(0);
  });
});

describe('logMailRecipients (the toast’s "Log to Groundwork")', () => {
  const sent = mail({ to: [{ email: OTTILIE, name: 'Ottilie Brandt' }, { email: 'info@havel-metalworks.example' }, { email: PRIYA, name: 'Priya Raman' }] });

  it('creates each chosen recipient, named from the chip or else the address, and logs the email once', async () => {
    const logged = await logMailRecipients(db, sent, [OTTILIE, 'Info@Havel-Metalworks.example', OTTILIE], T0);
    expect(logged.map((l) => [l.name, l.email])).toEqual([
      ['Ottilie Brandt', OTTILIE],
      ['info@havel-metalworks.example', 'info@havel-metalworks.example'],
    ]);
    const ottilie = await findPersonByEmail(db, OTTILIE);
    expect(ottilie).toMatchObject({ name: 'Ottilie Brandt', source: 'email', emails: [OTTILIE] });
    expect(await findPersonByEmail(db, 'info@havel-metalworks.example')).toMatchObject({ name: 'info@havel-metalworks.example', source: 'email' });
    const touches = await db.touches.where('personId').equals(ottilie!.id).toArray();
    expect(touches).toEqual([expect.objectContaining({ type: 'email', direction: 'outbound', loggedBy: 'one-click', subject: 'Line-speed study' })]);
    // The same click again (a retried message) adds nobody and nothing.
    await logMailRecipients(db, sent, [OTTILIE], T0 + MINUTE);
    expect(await db.people.count()).toBe(3);
    expect(await db.touches.count()).toBe(2);
  });

  it('logs for a saved prospect without creating anyone', async () => {
    const logged = await logMailRecipients(db, mail({ to: [{ email: ADAEZE, name: 'Adaeze' }] }), [ADAEZE], T0);
    expect(logged).toEqual([expect.objectContaining({ personId: adaeze.id, name: 'Adaeze Okonkwo-Reyes' })]);
    expect(await db.people.count()).toBe(1);
  });

  it.each([
    ['an address that is not a recipient', ['stranger@elsewhere.example'], /not a recipient/],
    ['a colleague', [PRIYA], /never logged/],
    ['a recipient together with a non-recipient', [OTTILIE, 'stranger@elsewhere.example'], /not a recipient/],
    ['a recipient together with a colleague', [OTTILIE, PRIYA], /never logged/],
  ])('refuses %s and changes nothing', async (_label, emails, error) => {
    const before = await snapshot();
    await expect(logMailRecipients(db, sent, emails, T0)).rejects.toThrow(error);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an address on the never-log list', async () => {
    await setEmailSettings({ neverLog: ['havel-metalworks.example'] });
    const before = await snapshot();
    await expect(logMailRecipients(db, sent, [OTTILIE], T0)).rejects.toThrow(/never logged/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('an unknown address that is a saved person (issue 16)', () => {
  const LINKEDIN_ADAEZE = 'adaeze.okonkwo-reyes@sable-ridge-foods.example';
  let saved: Person;
  beforeEach(async () => {
    // Saved from LinkedIn, where no address shows: only her name and company.
    await db.people.clear();
    ({ person: saved } = await upsertSeenPerson(db, { name: 'Adaeze Okonkwo-Reyes', linkedinUrl: 'https://www.linkedin.com/in/adaeze-okonkwo-reyes/', companyName: 'Sable Ridge Foods', source: 'linkedin' }, T0 - 10 * DAY));
  });
  const toHer = () => mail({ to: [{ email: LINKEDIN_ADAEZE, name: 'Adaeze Okonkwo-Reyes' }] });

  it('the send offers her, confidently, as the one this address most likely is; nothing is written', async () => {
    const before = await snapshot();
    const { logged, offered } = await logSentMail(db, toHer(), T0);
    expect(logged).toEqual([]);
    expect(offered).toEqual([
      {
        email: LINKEDIN_ADAEZE,
        name: 'Adaeze Okonkwo-Reyes',
        saved: false,
        candidates: [{ personId: saved.id, name: 'Adaeze Okonkwo-Reyes', company: 'Sable Ridge Foods', source: 'linkedin', confident: true }],
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('"Link this address" joins the address to her and logs the email to her; the next send is logged by itself', async () => {
    const [one] = await linkRecipient(db, toHer(), LINKEDIN_ADAEZE, saved.id, T0);
    expect(one).toMatchObject({ personId: saved.id, name: 'Adaeze Okonkwo-Reyes', email: LINKEDIN_ADAEZE });
    expect((await db.people.get(saved.id))?.emails).toEqual([LINKEDIN_ADAEZE]);
    expect(await db.people.count()).toBe(1);
    const next = await logSentMail(db, mail({ key: 'msg-b', to: [{ email: LINKEDIN_ADAEZE }] }), T0 + MINUTE);
    expect(next.logged).toEqual([expect.objectContaining({ personId: saved.id })]);
  });

  it('a link sent twice (a retry whose first answer was lost) links once and logs once', async () => {
    const [first] = await linkRecipient(db, toHer(), LINKEDIN_ADAEZE, saved.id, T0);
    const [again] = await linkRecipient(db, toHer(), LINKEDIN_ADAEZE, saved.id, T0 + 1000);
    expect(again).toEqual(first);
    expect(await db.touches.count()).toBe(1);
    expect((await db.people.get(saved.id))?.emails).toEqual([LINKEDIN_ADAEZE]);
  });

  it('Undo of a link takes the touch and the address back, and leaves her', async () => {
    const [one] = await linkRecipient(db, toHer(), LINKEDIN_ADAEZE, saved.id, T0);
    expect(await undoSentMail(db, [one!.touchId], T0 + MINUTE, 'gmail', [LINKEDIN_ADAEZE])).toBe(1);
    const after = await db.people.get(saved.id);
    expect(after?.emails).toEqual([]);
    expect(after?.linkedinUrl).toBe('https://www.linkedin.com/in/adaeze-okonkwo-reyes/');
    expect(await db.touches.count()).toBe(0);
  });

  it('refuses to join an address to someone it does not look like, changing nothing', async () => {
    const { person: marcus } = await upsertSeenPerson(db, { name: 'Marcus Lindqvist', linkedinUrl: 'https://www.linkedin.com/in/marcus/', source: 'linkedin' }, T0);
    const before = await snapshot();
    await expect(linkRecipient(db, toHer(), LINKEDIN_ADAEZE, marcus.id, T0)).rejects.toThrow(/does not look like that person/);
    await expect(linkRecipient(db, toHer(), 'someone@else.example', saved.id, T0)).rejects.toThrow(/not a recipient/);
    expect(await snapshot()).toEqual(before);
  });

  it('never offers, nor links, a colleague’s address to a prospect of the same name', async () => {
    await upsertSeenPerson(db, { name: 'Priya Raman', linkedinUrl: 'https://www.linkedin.com/in/priya-raman/', source: 'linkedin' }, T0);
    const colleague = mail({ to: [{ email: PRIYA, name: 'Priya Raman' }] });
    expect((await logSentMail(db, colleague, T0)).offered).toEqual([]);
    const prospect = (await db.people.toArray()).find((p) => p.name === 'Priya Raman')!;
    await expect(linkRecipient(db, colleague, PRIYA, prospect.id, T0)).rejects.toThrow(/never logged/);
  });
});

describe('setSentMailIntent (the toast’s Give / Ask)', () => {
  it('marks the email just logged a give, which give before ask then counts; never a touch logged otherwise', async () => {
    const [one] = (await logSentMail(db, mail({ to: [{ email: ADAEZE }] }), T0)).logged;
    const { touch: byHand } = await recordTouch(db, { personId: adaeze.id, type: 'email', loggedBy: 'manual', at: T0 }, T0);
    expect(await setSentMailIntent(db, [one!.touchId, byHand.id], 'give', T0 + MINUTE, 'gmail')).toBe(1);
    expect((await db.touches.get(one!.touchId))?.intent).toBe('give');
    expect((await db.touches.get(byHand.id))?.intent).toBe('neutral');
    // Too late, or from another webmail: nothing.
    expect(await setSentMailIntent(db, [one!.touchId], 'ask', T0 + UNDO_WINDOW_MS + MINUTE, 'gmail')).toBe(0);
    expect(await setSentMailIntent(db, [one!.touchId], 'ask', T0 + MINUTE, 'outlook')).toBe(0);
  });
});

describe('undoSentMail (the toast’s Undo)', () => {
  async function send(now: number) {
    const { logged } = await logSentMail(db, mail({ key: `k-${now}`, to: [{ email: ADAEZE }] }), now);
    return logged[0]!.touchId;
  }

  it('removes an email touch logged from a send within 30 minutes, and the cadence recomputes', async () => {
    // An earlier attempt, logged by hand: the send made it attempt 3; undoing it goes back to 2.
    await recordTouch(db, { personId: adaeze.id, type: 'call', loggedBy: 'manual', at: T0 - 3 * DAY }, T0 - 3 * DAY);
    const [beforeSend] = await openFollowUps(adaeze.id);
    const touchId = await send(T0);
    expect((await openFollowUps(adaeze.id)).map((f) => f.reason)).toEqual([expect.stringMatching(/^Attempt 3/)]);

    expect(await undoSentMail(db, [touchId, touchId], T0 + UNDO_WINDOW_MS)).toBe(1);
    expect(await db.touches.get(touchId)).toBeUndefined();
    expect(await db.touches.count()).toBe(1);
    const [afterUndo, ...more] = await openFollowUps(adaeze.id);
    expect(more).toEqual([]);
    expect({ reason: afterUndo!.reason, dueAt: afterUndo!.dueAt }).toEqual({ reason: beforeSend!.reason, dueAt: beforeSend!.dueAt });
  });

  it('with no touch left, no follow-up stays open', async () => {
    const touchId = await send(T0);
    expect(await openFollowUps(adaeze.id)).toHaveLength(1);
    await undoSentMail(db, [touchId], T0 + MINUTE);
    expect(await openFollowUps(adaeze.id)).toEqual([]);
  });

  it('undoing the attempt that flagged a crisis-mode brain-picker takes the flag back', async () => {
    // They reached out, then five unanswered attempts: the send is the sixth and tips the rule.
    await recordTouch(db, { personId: adaeze.id, type: 'inbound-message', loggedBy: 'manual', at: T0 - 20 * DAY }, T0 - 20 * DAY);
    for (const daysAgo of [18, 15, 12, 9, 6]) await recordTouch(db, { personId: adaeze.id, type: 'email', loggedBy: 'manual', at: T0 - daysAgo * DAY }, T0 - daysAgo * DAY);
    expect((await db.people.get(adaeze.id))!.flags).toEqual([]);
    const touchId = await send(T0);
    expect(await db.people.get(adaeze.id)).toMatchObject({ flags: ['brain-picker'], stage: 'back-burner' });

    await undoSentMail(db, [touchId], T0 + MINUTE);
    const after = (await db.people.get(adaeze.id))!;
    expect({ flags: after.flags, stage: after.stage, brainPicker: after.brainPicker }).toEqual({ flags: [], stage: 'target', brainPicker: undefined });
    expect((await openFollowUps(adaeze.id)).map((f) => f.reason)).toEqual([expect.stringMatching(/^Attempt 6/)]);
  });

  it('undoing "Log to Groundwork" removes the person that click created, but never someone saved before', async () => {
    const sent = mail({ to: [{ email: OTTILIE, name: 'Ottilie Brandt' }, { email: ADAEZE }] });
    await setEmailSettings({ autoLog: false });
    const logged = await logMailRecipients(db, sent, [OTTILIE, ADAEZE], T0);
    expect(await db.people.count()).toBe(2);
    expect(await undoSentMail(db, logged.map((l) => l.touchId), T0 + MINUTE)).toBe(2);
    expect((await db.people.toArray()).map((p) => p.name)).toEqual(['Adaeze Okonkwo-Reyes']);
    expect(await db.touches.count()).toBe(0);
  });

  it('leaves an email logged more than 30 minutes ago', async () => {
    const touchId = await send(T0);
    expect(await undoSentMail(db, [touchId], T0 + UNDO_WINDOW_MS + 1)).toBe(0);
    expect(await db.touches.get(touchId)).toBeDefined();
  });

  it('leaves touches that were not logged from a send: by hand, replies, unknown ids', async () => {
    const { touch: manual } = await recordTouch(db, { personId: adaeze.id, type: 'email', loggedBy: 'manual' }, T0);
    await logInboundMail(db, ME, [{ from: { email: ADAEZE }, timeText: 'Mon, Nov 2, 2026, 10:14 AM' }], new Date(2026, 10, 2, 12, 0).getTime());
    const reply = (await db.touches.toArray()).find((t) => t.direction === 'inbound')!;
    const before = await snapshot();
    expect(await undoSentMail(db, [manual.id, reply.id, 'no-such-touch'], T0 + MINUTE)).toBe(0);
    expect(await snapshot()).toEqual(before);
  });
});

describe('logInboundMail (replies seen on screen)', () => {
  // Webmail shows local time: expected instants come from the local-time Date constructor.
  const local = (month: number, day: number, hour: number, minute: number) => new Date(2026, month - 1, day, hour, minute).getTime();
  const NOW = local(11, 2, 12, 0);
  const reply = (extra: Partial<InboundMail> = {}): InboundMail => ({ from: { email: ADAEZE, name: 'Adaeze' }, timeText: 'Mon, Nov 2, 2026, 10:14 AM', subject: 'Re: Line-speed study', ...extra });

  it('logs a saved prospect’s message once, at the time the page shows', async () => {
    expect(await logInboundMail(db, ME, [reply()], NOW)).toEqual({ logged: 1, undated: 0 });
    const touches = await db.touches.toArray();
    expect(touches).toEqual([expect.objectContaining({ personId: adaeze.id, type: 'inbound-message', direction: 'inbound', at: local(11, 2, 10, 14), subject: 'Re: Line-speed study', loggedBy: 'automatic' })]);
  });

  it('the same sender and minute seen again (thread and inbox row, a later visit) is one touch', async () => {
    const asThread = reply({ messageId: 'msg-f:1781234567890123002' });
    const asRow = reply({ subject: 'Re: Line-speed study - Thanks, this is useful' });
    expect(await logInboundMail(db, ME, [asThread, asRow], NOW)).toEqual({ logged: 1, undated: 0 });
    expect(await logInboundMail(db, ME, [asRow], NOW + MINUTE)).toEqual({ logged: 0, undated: 0 });
    expect(await db.touches.count()).toBe(1);
  });

  it('marks the earlier emails answered and proposes a reply', async () => {
    const earlier = await logSentMail(db, mail({ to: [{ email: ADAEZE }] }), local(10, 30, 9, 2));
    await logInboundMail(db, ME, [reply()], NOW);
    expect((await db.touches.get(earlier.logged[0]!.touchId))?.answered).toBe(true);
    expect((await openFollowUps(adaeze.id)).map((f) => f.reason)).toEqual([expect.stringMatching(/^Reply to Adaeze/)]);
  });

  it('ignores senders who are not saved, and colleagues who are', async () => {
    await upsertSeenPerson(db, { name: 'Priya Raman', emails: [PRIYA], source: 'email' }, T0);
    const before = await snapshot();
    const result = await logInboundMail(db, ME, [reply({ from: { email: OTTILIE } }), reply({ from: { email: PRIYA } })], NOW);
    expect(result).toEqual({ logged: 0, undated: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['a relative time', 'Yesterday'],
    ['a time without a date', '10:14 AM'],
    ['a date in the future', 'Tue, Nov 3, 2026, 10:14 AM'],
    ['no time at all', undefined],
  ])('does not log a message with %s, and counts it as undated', async (_label, timeText) => {
    const message = reply();
    if (timeText === undefined) delete message.timeText;
    else message.timeText = timeText;
    expect(await logInboundMail(db, ME, [message], NOW)).toEqual({ logged: 0, undated: 1 });
    expect(await db.touches.count()).toBe(0);
  });

  it('a message a few minutes ahead of the clock (clock skew) is still logged', async () => {
    expect(await logInboundMail(db, ME, [reply({ timeText: 'Mon, Nov 2, 2026, 12:05 PM' })], NOW)).toEqual({ logged: 1, undated: 0 });
  });

  it('with reply logging off, logs nothing', async () => {
    await setEmailSettings({ logReplies: false });
    const before = await snapshot();
    expect(await logInboundMail(db, ME, [reply()], NOW)).toEqual({ logged: 0, undated: 0 });
    expect(await snapshot()).toEqual(before);
  });
});

describe('undoSentMail: “Undo deletes the person this click created”, each condition alone', () => {
  const sent = mail({ to: [{ email: OTTILIE, name: 'Ottilie Brandt' }] });
  const ottilie = () => findPersonByEmail(db, OTTILIE);

  it('created by this click, with nothing else: gone with the touch', async () => {
    const [one] = await logMailRecipients(db, sent, [OTTILIE], T0);
    await undoSentMail(db, [one!.touchId], T0 + MINUTE);
    expect(await ottilie()).toBeUndefined();
    expect(await db.followUps.where('personId').equals(one!.personId).count()).toBe(0);
    expect(await db.fits.get(one!.personId)).toBeUndefined();
  });

  it('logged automatically, not by a click: stays', async () => {
    await upsertSeenPerson(db, { name: 'Ottilie Brandt', emails: [OTTILIE], source: 'email' }, T0);
    const { logged } = await logSentMail(db, sent, T0);
    await undoSentMail(db, [logged[0]!.touchId], T0 + MINUTE);
    expect(await ottilie()).toMatchObject({ name: 'Ottilie Brandt' });
  });

  it('saved from LinkedIn at that very moment, not from the email: stays', async () => {
    await upsertSeenPerson(db, { name: 'Ottilie Brandt', emails: [OTTILIE], linkedinUrl: 'https://www.linkedin.com/in/ottilie-brandt/', source: 'linkedin' }, T0);
    await setEmailSettings({ autoLog: false });
    const [one] = await logMailRecipients(db, sent, [OTTILIE], T0);
    await undoSentMail(db, [one!.touchId], T0 + MINUTE);
    expect(await ottilie()).toMatchObject({ name: 'Ottilie Brandt' });
    expect(await db.touches.count()).toBe(0);
  });

  it('saved from an email before this click: stays', async () => {
    await upsertSeenPerson(db, { name: 'Ottilie Brandt', emails: [OTTILIE], source: 'email' }, T0 - MINUTE);
    await setEmailSettings({ autoLog: false });
    const [one] = await logMailRecipients(db, sent, [OTTILIE], T0);
    await undoSentMail(db, [one!.touchId], T0 + MINUTE);
    expect(await ottilie()).toMatchObject({ name: 'Ottilie Brandt' });
  });

  it('with another touch logged for them since: stays, with that touch', async () => {
    const [one] = await logMailRecipients(db, sent, [OTTILIE], T0);
    await recordTouch(db, { personId: one!.personId, type: 'call', loggedBy: 'manual', at: T0 + MINUTE }, T0 + MINUTE);
    await undoSentMail(db, [one!.touchId], T0 + 2 * MINUTE);
    expect(await ottilie()).toMatchObject({ name: 'Ottilie Brandt' });
    expect((await db.touches.toArray()).map((t) => t.type)).toEqual(['call']);
  });
});

describe('undoSentMail: what else it leaves alone', () => {
  it('a send from another webmail than the one undoing', async () => {
    const { logged } = await logSentMail(db, mail({ to: [{ email: ADAEZE }] }), T0);
    expect(await undoSentMail(db, [logged[0]!.touchId], T0 + MINUTE, 'outlook')).toBe(0);
    expect(await undoSentMail(db, [logged[0]!.touchId], T0 + MINUTE, 'gmail')).toBe(1);
  });

  it('an email logged exactly 30 minutes ago can still be undone', async () => {
    const { logged } = await logSentMail(db, mail({ to: [{ email: ADAEZE }] }), T0);
    expect(await undoSentMail(db, [logged[0]!.touchId], T0 + UNDO_WINDOW_MS)).toBe(1);
  });

  it('an address not asked to be unlinked stays theirs', async () => {
    const { logged } = await logSentMail(db, mail({ to: [{ email: ADAEZE }] }), T0);
    await undoSentMail(db, [logged[0]!.touchId], T0 + MINUTE, 'gmail', ['someone@else.example']);
    expect((await db.people.get(adaeze.id))?.emails).toEqual([ADAEZE]);
  });

  it('a brain-picker flag raised by another attempt stays', async () => {
    const flaggedAt = T0 - DAY;
    await db.people.update(adaeze.id, { flags: ['brain-picker'], stage: 'back-burner', brainPicker: { episodes: 1, flaggedAt, attempts: 6, adviceMinutes: 0, previousStage: 'target' } });
    const { logged } = await logSentMail(db, mail({ to: [{ email: ADAEZE }] }), T0);
    await undoSentMail(db, [logged[0]!.touchId], T0 + MINUTE);
    expect(await db.people.get(adaeze.id)).toMatchObject({ flags: ['brain-picker'], stage: 'back-burner', brainPicker: { flaggedAt } });
  });

  it('undoing the attempt that flagged a second episode keeps the first remembered', async () => {
    await recordTouch(db, { personId: adaeze.id, type: 'inbound-message', loggedBy: 'manual', at: T0 - 20 * DAY }, T0 - 20 * DAY);
    for (const daysAgo of [18, 15, 12, 9, 6]) await recordTouch(db, { personId: adaeze.id, type: 'email', loggedBy: 'manual', at: T0 - daysAgo * DAY }, T0 - daysAgo * DAY);
    const earlier = { episodes: 1, flaggedAt: T0 - 400 * DAY, attempts: 6, adviceMinutes: 30, previousStage: 'engaged' as const };
    await db.people.update(adaeze.id, { brainPicker: earlier });
    const { logged } = await logSentMail(db, mail({ to: [{ email: ADAEZE }] }), T0);
    expect((await db.people.get(adaeze.id))?.brainPicker).toMatchObject({ episodes: 2, flaggedAt: T0 });
    await undoSentMail(db, [logged[0]!.touchId], T0 + MINUTE);
    const after = (await db.people.get(adaeze.id))!;
    expect(after.flags).toEqual([]);
    expect(after.brainPicker).toMatchObject({ episodes: 1 });
  });
});

describe('logSentMail: what is offered', () => {
  it('an unknown recipient without a name on the chip is offered by address alone', async () => {
    const { offered } = await logSentMail(db, mail({ to: [{ email: OTTILIE }] }), T0);
    expect(offered).toEqual([{ email: OTTILIE, saved: false }]);
  });

  it('a role address is offered as one, with no guess at whom it is', async () => {
    const { offered } = await logSentMail(db, mail({ to: [{ email: 'info@sable-ridge-foods.example', name: 'Adaeze Okonkwo-Reyes' }] }), T0);
    expect(offered).toEqual([{ email: 'info@sable-ridge-foods.example', name: 'Adaeze Okonkwo-Reyes', saved: false, role: true }]);
  });
});

describe('linkRecipient: refusals', () => {
  it('an address the rep never logs (never-log list) is refused', async () => {
    await setEmailSettings({ neverLog: ['sable-ridge-foods.example'] });
    const sent = mail({ to: [{ email: 'a.okonkwo@sable-ridge-foods.example', name: 'Adaeze Okonkwo-Reyes' }] });
    await expect(linkRecipient(db, sent, 'a.okonkwo@sable-ridge-foods.example', adaeze.id, T0)).rejects.toThrow(/never logged/);
  });

  it('an address written in capitals is the recipient’s', async () => {
    await db.people.update(adaeze.id, { emails: [] });
    const sent = mail({ to: [{ email: ADAEZE, name: 'Adaeze Okonkwo-Reyes' }] });
    const [one] = await linkRecipient(db, sent, ADAEZE.toUpperCase(), adaeze.id, T0);
    expect(one).toMatchObject({ personId: adaeze.id, email: ADAEZE });
  });
});

describe('logInboundMail: the clock-skew allowance', () => {
  const NOW = new Date(2026, 10, 2, 12, 0).getTime();
  const at = (time: string): InboundMail => ({ from: { email: ADAEZE }, timeText: `Mon, Nov 2, 2026, ${time}` });

  it('ten minutes ahead is still logged; eleven is a misread date', async () => {
    expect(await logInboundMail(db, ME, [at('12:10 PM')], NOW)).toEqual({ logged: 1, undated: 0 });
    expect(await logInboundMail(db, ME, [at('12:11 PM')], NOW)).toEqual({ logged: 0, undated: 1 });
  });

  it('the rep’s own message in the thread is not theirs', async () => {
    await upsertSeenPerson(db, { name: 'Casey', emails: [ME], source: 'email' }, T0);
    expect(await logInboundMail(db, ME, [{ from: { email: ME }, timeText: 'Mon, Nov 2, 2026, 10:14 AM' }], NOW)).toEqual({ logged: 0, undated: 0 });
  });
});

describe('setSentMailIntent: only a change counts', () => {
  it('marking a give twice changes it once', async () => {
    const [one] = (await logSentMail(db, mail({ to: [{ email: ADAEZE }] }), T0)).logged;
    expect(await setSentMailIntent(db, [one!.touchId], 'give', T0 + MINUTE)).toBe(1);
    expect(await setSentMailIntent(db, [one!.touchId, one!.touchId], 'give', T0 + MINUTE)).toBe(0);
    expect(await setSentMailIntent(db, [one!.touchId], 'ask', T0 + UNDO_WINDOW_MS)).toBe(1);
  });
});
