import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedInFixture } from '../fixtures/linkedin/expected';
import { emailPersonRow, readTable, readUntil, seedTable, touchRow, waitForReport, type StoredTouch } from './db';
import { launch, type Harness } from './harness';
import { Toasts } from './toast';

/**
 * Records the rep can correct, and Done that means what it says (issue 16), in the built
 * extension: a touch backdated moves the next follow-up; the popup's Done on a reply records the
 * reply as made, its type changeable and undone; the toast says an email was a give in one click.
 */

const ADAEZE = linkedInFixture('2023-09-logged-in-profile.html');
const GMAIL_COMPOSE = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTsLineSpeed';
const DAY = 86_400_000;

interface FollowUpRow {
  id: string;
  personId: string;
  status: string;
  reason: string;
  dueAt: number;
}

let h: Harness;
let control: Page;
beforeAll(async () => {
  h = await launch((server) => server.page(ADAEZE.url, `linkedin/${ADAEZE.file}`).page(GMAIL_COMPOSE, 'gmail/2024-06-send-flow.html'));
  control = await h.openExtensionPage('options.html');
  // Every day a working day: a day earlier is a day earlier.
  await seedTable(control, 'settings', [{ key: 'settings', value: { workWeek: { days: [0, 1, 2, 3, 4, 5, 6], timeZone: '' }, email: { neverLog: ['mailer.example'] } } }]);
});
afterAll(async () => {
  await h?.close();
});

const openFollowUps = async (personId: string) => (await readTable<FollowUpRow>(control, 'followUps')).filter((f) => f.personId === personId && f.status === 'open');

describe('a touch corrected in the side panel', () => {
  it('a voicemail logged now, then dated yesterday: her next follow-up moves a day earlier; Undo moves it back', async () => {
    const profile = await h.openSitePage(ADAEZE.url);
    await waitForReport(control, ADAEZE.url);
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('button', { name: 'Save prospect' }).click();
    await panel.getByText('Saved prospect').waitFor();
    const [adaeze] = (await readTable<{ id: string; name: string }>(control, 'people')).filter((p) => p.name === 'Adaeze Okonkwo-Reyes');

    await panel.getByLabel('Touch type').selectOption('voicemail');
    await panel.getByRole('button', { name: 'Log touch' }).click();
    const [before] = await readUntil(control, () => openFollowUps(adaeze!.id), (rows) => rows.length === 1);

    const timeline = panel.getByRole('list', { name: 'Touch timeline' });
    await timeline.getByRole('button', { name: /^Edit Voicemail of/ }).click();
    const when = panel.getByRole('form', { name: 'Edit touch' }).getByLabel('When');
    const yesterday = new Date(new Date((await readTable<StoredTouch>(control, 'touches'))[0]!.at).getTime() - DAY);
    const pad = (n: number) => String(n).padStart(2, '0');
    await when.fill(`${yesterday.getFullYear()}-${pad(yesterday.getMonth() + 1)}-${pad(yesterday.getDate())}T${pad(yesterday.getHours())}:${pad(yesterday.getMinutes())}`);
    await panel.getByRole('form', { name: 'Edit touch' }).getByRole('button', { name: 'Save' }).click();
    const [after] = await readUntil(control, () => openFollowUps(adaeze!.id), (rows) => rows.length === 1 && rows[0]!.dueAt !== before!.dueAt);
    expect(before!.dueAt - after!.dueAt).toBe(DAY);

    await panel.getByRole('status', { name: 'Last change to the timeline' }).getByRole('button', { name: 'Undo' }).click();
    const [undone] = await readUntil(control, () => openFollowUps(adaeze!.id), (rows) => rows.length === 1 && rows[0]!.dueAt === before!.dueAt);
    expect(undone!.reason).toBe(before!.reason);
    await Promise.all([panel.close(), profile.close()]);
  });
});

describe('Done in the popup', () => {
  it('on "Reply to Tomasz" records the reply as made — an email to him, not a touch named after the task — its type changeable, and undone', async () => {
    const now = Date.now();
    await seedTable(control, 'people', [emailPersonRow('p-tomasz', 'Tomasz Nowak', 't.nowak@vistula-cold-chain.example', now - 30 * DAY)]);
    // He wrote an hour ago; the cadence asks for a reply.
    await seedTable(control, 'touches', [touchRow('t-his', 'p-tomasz', now - 3_600_000, { type: 'inbound-message', direction: 'inbound', loggedBy: 'automatic' })]);
    await seedTable(control, 'followUps', [
      { id: 'f-reply', personId: 'p-tomasz', dueAt: now - 5_000, reason: 'Reply to Tomasz', suggestedType: 'email', status: 'open', origin: 'cadence', createdAt: now, updatedAt: now },
    ]);
    const popup = await h.openExtensionPage('popup.html');
    const row = popup.getByRole('list', { name: 'Follow-ups due' }).getByRole('listitem').filter({ hasText: 'Reply to Tomasz' });
    await row.getByText('due now').waitFor();
    await row.getByRole('button', { name: 'Done', exact: true }).click();
    const done = popup.getByRole('status', { name: 'Done', exact: true });
    await done.getByText('Done · Email sent (Tomasz Nowak)').waitFor();
    const touches = (await readTable<StoredTouch>(control, 'touches')).filter((t) => t.personId === 'p-tomasz' && t.id !== 't-his');
    expect(touches).toEqual([expect.objectContaining({ type: 'email', direction: 'outbound', loggedBy: 'one-click' })]);
    expect(touches[0]!.subject).toBeUndefined();

    await done.getByLabel('What was done').selectOption('call');
    await done.getByText('Done · Call made (Tomasz Nowak)').waitFor();
    expect((await readTable<StoredTouch>(control, 'touches')).filter((t) => t.personId === 'p-tomasz').map((t) => t.type).sort()).toEqual(['call', 'inbound-message']);

    await done.getByRole('button', { name: 'Undo' }).click();
    await row.getByText('Reply to Tomasz').waitFor();
    expect((await readTable<StoredTouch>(control, 'touches')).filter((t) => t.personId === 'p-tomasz').map((t) => t.id)).toEqual(['t-his']);
    expect((await readTable<FollowUpRow>(control, 'followUps')).filter((f) => f.personId === 'p-tomasz' && f.status === 'open').map((f) => f.reason)).toEqual(['Reply to Tomasz']);
    await popup.close();
  });
});

describe('the toast after a send', () => {
  it('says in one click that the email was a give', async () => {
    const mail = await h.openSitePage(GMAIL_COMPOSE);
    const toasts = await Toasts.attach(mail);
    await mail.locator('[data-testid="compose-to-new-contact"] [aria-label="Message Body"]').press('Control+Enter');
    await toasts.waitForText('Ottilie Brandt is not in Groundwork');
    await toasts.click('Log to Groundwork');
    await toasts.waitForText('Logged for Ottilie Brandt');
    await toasts.click('Give');
    await toasts.waitForText('Logged for Ottilie Brandt as a give');
    const ottilie = (await readTable<{ id: string; name: string }>(control, 'people')).find((p) => p.name === 'Ottilie Brandt')!;
    expect((await readTable<StoredTouch & { intent: string }>(control, 'touches')).filter((t) => t.personId === ottilie.id).map((t) => t.intent)).toEqual(['give']);
    await mail.close();
  });
});
