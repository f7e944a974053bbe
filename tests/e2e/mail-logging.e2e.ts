import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailPersonRow, readTable, readUntil, seedTable, touchRow, waitForReport, type StoredTouch } from './db';
import { mailArrives } from './gmail';
import { launch, type Harness } from './harness';
import { Toasts } from './toast';

/**
 * Email logging at Gmail's real URL: a send from a compose window is logged once for the saved
 * prospect (never for a colleague or a never-log address), the toast undoes it or logs a new
 * recipient in one click, and a reply seen in a thread resets the unanswered count.
 */

const COMPOSE_PAGE = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTsLineSpeed';
const THREAD_PAGE = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQZTsLineSpeed';
const INBOX_PAGE = 'https://mail.google.com/mail/u/2/#inbox';
const ADAEZE = 'adaeze@sable-ridge-foods.example';

interface PersonRow {
  id: string;
  name: string;
  emails: string[];
  source: string;
}
interface FollowUpRow {
  personId: string;
  status: string;
  reason: string;
}


let h: Harness;
let control: Page;
beforeAll(async () => {
  h = await launch((server) => server.page(COMPOSE_PAGE, 'gmail/2024-06-send-flow.html').page(THREAD_PAGE, 'gmail/2024-06-thread-and-inbox.html').page(INBOX_PAGE, 'gmail/2024-06-inbox-only.html'));
  control = await h.openExtensionPage('options.html');
  await seedTable(control, 'settings', [
    { key: 'settings', value: { workWeek: { days: [0, 1, 2, 3, 4, 5, 6], timeZone: '' }, email: { neverLog: ['mailer.example'] } } },
  ]);
  await seedTable(control, 'people', [emailPersonRow('p-adaeze', 'Adaeze Okonkwo-Reyes', ADAEZE, Date.now())]);
});
afterAll(async () => {
  await h?.close();
});

const until = <T,>(read: () => Promise<T>, test: (value: T) => boolean) => readUntil(control, read, test);

const open = (rows: FollowUpRow[]) => rows.filter((f) => f.status === 'open');

describe('sent email, logged in one click or none', () => {
  it('a send to a saved prospect is logged once, never for a colleague or a never-log address; Undo removes it', async () => {
    const mail = await h.openSitePage(COMPOSE_PAGE);
    const toasts = await Toasts.attach(mail);
    await mail.locator('[data-testid="compose-to-prospect"] .aoO').click();

    const toast = await toasts.waitForText('Logged for Adaeze Okonkwo-Reyes');
    expect(toast).toEqual({ text: 'GroundworkLogged for Adaeze Okonkwo-Reyes', buttons: ['Undo', 'Give', 'Ask', 'Dismiss'], role: 'status', shadowRootType: 'closed' });
    const touches = await readTable<StoredTouch>(control, 'touches');
    expect(touches).toEqual([
      expect.objectContaining({
        personId: 'p-adaeze',
        type: 'email',
        direction: 'outbound',
        loggedBy: 'automatic',
        subject: 'Line-speed study: the numbers you asked for',
        sourceKey: `mail:sent:gmail:msg-a:r-4711000000000000001:${ADAEZE}`,
      }),
    ]);
    // Priya is a colleague (the rep's own domain); updates@mailer.example is on the never-log list.
    expect((await readTable<PersonRow>(control, 'people')).map((p) => p.name)).toEqual(['Adaeze Okonkwo-Reyes']);
    expect(open(await readTable<FollowUpRow>(control, 'followUps'))).toEqual([expect.objectContaining({ personId: 'p-adaeze', reason: expect.stringMatching(/^Attempt 2 with Adaeze/) })]);

    // The side panel (following the mail tab) shows the touch in the timeline and the next step.
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('list', { name: 'Touch timeline' }).getByText('Line-speed study: the numbers you asked for').waitFor();
    await panel.getByTestId('next-follow-up').getByText(/Attempt 2 with Adaeze/).waitFor();

    // The same email seen sent again (Gmail's own Undo send, then Send) is still one touch.
    await mail.reload();
    const again = await Toasts.attach(mail);
    await mail.locator('[data-testid="compose-to-prospect"] [aria-label="Message Body"]').press('Control+Enter');
    await again.waitForText('Logged for Adaeze Okonkwo-Reyes');
    expect((await readTable<StoredTouch>(control, 'touches')).length).toBe(1);

    // From the keyboard: Alt+G reaches the toast, Enter presses Undo (once the toast has been
    // on screen a moment: its buttons do not act in the instant it appears).
    await again.waitUntilEnabled('Undo');
    await mail.keyboard.press('Alt+KeyG');
    await mail.keyboard.press('Enter');
    await again.waitForText('Removed from Groundwork: Adaeze Okonkwo-Reyes');
    expect(await readTable<StoredTouch>(control, 'touches')).toEqual([]);
    await panel.getByTestId('timeline-empty').waitFor();
    expect(open(await readTable<FollowUpRow>(control, 'followUps')).some((f) => f.reason.startsWith('Attempt 2'))).toBe(false);
    await Promise.all([panel.close(), mail.close()]);
  });

  it('a send to an unknown address offers "Log to Groundwork": one click saves them and logs the email', async () => {
    const mail = await h.openSitePage(COMPOSE_PAGE);
    const toasts = await Toasts.attach(mail);
    await mail.locator('[data-testid="compose-to-new-contact"] [aria-label="Message Body"]').press('Control+Enter');
    const offer = await toasts.waitForText('Ottilie Brandt is not in Groundwork');
    expect(offer.buttons).toEqual(['Log to Groundwork', 'Dismiss']);
    expect(await readTable<PersonRow>(control, 'people')).toHaveLength(1);

    await toasts.click('Log to Groundwork');
    await toasts.waitForText('Logged for Ottilie Brandt');
    const ottilie = (await readTable<PersonRow>(control, 'people')).find((p) => p.name === 'Ottilie Brandt');
    expect(ottilie).toEqual(expect.objectContaining({ emails: ['o.brandt@havel-metalworks.example'], source: 'email' }));
    expect(await readTable<StoredTouch>(control, 'touches')).toEqual([
      expect.objectContaining({ personId: ottilie!.id, type: 'email', direction: 'outbound', loggedBy: 'one-click', subject: 'Thought you might like this: forming-line study' }),
    ]);
    await mail.close();
  });
});

describe('replies noticed without the rep saying so', () => {
  it('their message in an open thread is logged once as inbound, marks the attempts answered and proposes a reply', async () => {
    const now = Date.now();
    const attempts = [20, 16, 12].map((daysAgo, i) => touchRow(`t-attempt-${i}`, 'p-adaeze', new Date(2026, 9, 30 - daysAgo, 9, 0).getTime(), { createdAt: now }));
    await seedTable(control, 'touches', attempts);

    const mail = await h.openSitePage(THREAD_PAGE);
    const mine = (rows: StoredTouch[]) => rows.filter((t) => t.personId === 'p-adaeze');
    const touches = await until(() => readTable<StoredTouch>(control, 'touches').then(mine), (rows) => rows.some((t) => t.direction === 'inbound'));
    // Her message shows both in the thread and as an unread inbox row: one touch.
    expect(touches.filter((t) => t.direction === 'inbound')).toEqual([
      expect.objectContaining({ type: 'inbound-message', at: new Date(2026, 10, 2, 10, 14).getTime(), loggedBy: 'automatic', subject: 'Re: Line-speed study' }),
    ]);
    expect(touches.filter((t) => t.direction === 'outbound').map((t) => t.answered)).toEqual([true, true, true]);
    const followUps = await until(() => readTable<FollowUpRow>(control, 'followUps').then(open), (rows) => rows.some((f) => f.personId === 'p-adaeze'));
    expect(followUps.filter((f) => f.personId === 'p-adaeze').map((f) => f.reason)).toEqual(['Reply to Adaeze']);

    // Opened again later: nothing new.
    await mail.reload();
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('list', { name: 'People in this thread' }).waitFor();
    expect(mine(await readTable<StoredTouch>(control, 'touches')).filter((t) => t.direction === 'inbound')).toHaveLength(1);
    await Promise.all([panel.close(), mail.close()]);
  });

  it('a message arriving in the inbox list is logged once, without opening it', async () => {
    await seedTable(control, 'people', [emailPersonRow('p-marcus', 'Marcus Lindqvist', 'marcus.lindqvist@sable-ridge-foods.example', Date.now())]);
    const inbox = await h.openSitePage(INBOX_PAGE);
    await mailArrives(inbox, [{ email: 'marcus.lindqvist@sable-ridge-foods.example', name: 'Marcus Lindqvist', subject: 'Trial run next week?', time: 'Mon, Nov 16, 2026, 9:05 AM' }]);
    const marcus = (rows: StoredTouch[]) => rows.filter((t) => t.personId === 'p-marcus');
    const touches = await until(() => readTable<StoredTouch>(control, 'touches').then(marcus), (rows) => rows.length > 0);
    expect(touches).toEqual([
      expect.objectContaining({ type: 'inbound-message', direction: 'inbound', at: new Date(2026, 10, 16, 9, 5).getTime(), subject: 'Trial run next week?', loggedBy: 'automatic' }),
    ]);
    // Seen again on the next visit: still one touch.
    await inbox.reload();
    await waitForReport(control, INBOX_PAGE);
    await inbox.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(marcus(await readTable<StoredTouch>(control, 'touches'))).toHaveLength(1);
    await inbox.close();
  });

  it('a reply arriving beside spam from an address no mailbox can have is still logged', async () => {
    await seedTable(control, 'people', [emailPersonRow('p-tomasz', 'Tomasz Kowalczyk', 'tomasz.k@odra-packaging.example', Date.now())]);
    const inbox = await h.openSitePage(INBOX_PAGE);
    // Both arrive at once, so both are in the same report to the background.
    await mailArrives(inbox, [
      { email: 'tomasz.k@odra-packaging.example', name: 'Tomasz Kowalczyk', subject: 'Quote for the press line', time: 'Tue, Nov 17, 2026, 8:40 AM' },
      { email: `${'x'.repeat(65)}@spam.example`, name: 'You won', subject: 'Claim now', time: 'Tue, Nov 17, 2026, 8:41 AM' },
    ]);
    const tomasz = (rows: StoredTouch[]) => rows.filter((t) => t.personId === 'p-tomasz');
    const touches = await until(() => readTable<StoredTouch>(control, 'touches').then(tomasz), (rows) => rows.length > 0);
    expect(touches).toEqual([expect.objectContaining({ type: 'inbound-message', direction: 'inbound', at: new Date(2026, 10, 17, 8, 40).getTime(), subject: 'Quote for the press line' })]);
    expect((await readTable<PersonRow>(control, 'people')).flatMap((p) => p.emails).some((email) => email.includes('spam.example'))).toBe(false);
    await inbox.close();
  });
});
