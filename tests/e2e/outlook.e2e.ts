import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTIONAL_HOSTS } from '../../lib/sites/hosts';
import { emailPersonRow, readTable, readUntil, seedTable, waitForReport, type StoredTouch } from './db';
import { launch, type Harness } from './harness';
import { Toasts } from './toast';

/**
 * Outlook on the web at its real URLs: nothing runs there until the rep allows it in options;
 * then the open conversation's people reach the side panel (even in a tab opened before), a reply
 * from a saved prospect is logged, a send is logged with the toast, and taking access back
 * unregisters the script.
 */

const CONVERSATION = 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM3ZmYAZS1kNTQ4LTk2NzQtMDACLTAwCgAQAOnr5qPFr0BJn7dd0pYhv1g%3D';
const COMPOSE = 'https://outlook.office.com/mail/inbox/';
const DAY = 86_400_000;



let h: Harness;
let control: Page;
beforeAll(async () => {
  h = await launch((server) =>
    server.page(CONVERSATION, 'outlook/2025-01-new-outlook-conversation.html').page(COMPOSE, 'outlook/2025-01-new-outlook-compose-new.html'),
  );
  control = await h.openExtensionPage('options.html');
  await seedTable(control, 'settings', [{ key: 'settings', value: { workWeek: { days: [0, 1, 2, 3, 4, 5, 6], timeZone: '' } } }]);
  await seedTable(control, 'people', [
    emailPersonRow('p-adaeze', 'Adaeze Okonkwo-Reyes', 'adaeze@sable-ridge-foods.example', Date.now() - 60 * DAY),
    emailPersonRow('p-siobhan', "Siobhán Ní Bhriain-O'Connor", 'siobhan.nibhriain@corrib-automation.example', Date.now() - 60 * DAY),
  ]);
  await seedTable(control, 'touches', [
    { id: 't-1', personId: 'p-adaeze', at: new Date(2026, 9, 20, 9).getTime(), type: 'email', direction: 'outbound', intent: 'neutral', answered: false, freeAdvice: false, loggedBy: 'manual', createdAt: Date.now() },
  ]);
});
afterAll(async () => {
  await h?.close();
});

const until = <T,>(read: () => Promise<T>, test: (value: T) => boolean) => readUntil(control, read, test);

const registeredScripts = () => control.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((scripts) => scripts.map((s) => [s.id, [...(s.matches ?? [])].sort()])));

describe('Outlook on the web', () => {
  it('is off until the rep allows it in options; then the open conversation is read and a reply is logged', async () => {
    expect(await registeredScripts()).toEqual([]);
    // Opened before access is given: Groundwork cannot run here yet.
    const conversation = await h.openSitePage(CONVERSATION);

    const options = await h.openExtensionPage('options.html');
    await options.getByText('Not allowed').waitFor();
    await h.allowSitesInChromeSettings(OPTIONAL_HOSTS);
    await options.getByRole('button', { name: 'Allow Outlook on the web' }).click();
    await options.getByText(/^Allowed/).waitFor();

    // The already open tab gets the script without a reload.
    const { page } = await waitForReport(control, conversation.url());
    expect(page).toEqual({
      kind: 'mail-thread',
      url: conversation.url(),
      thread: {
        subject: 'Re: Line-speed study',
        participants: [
          { email: 'adaeze@sable-ridge-foods.example', name: 'Adaeze Okonkwo-Reyes' },
          { email: 'marcus.lindqvist@sable-ridge-foods.example', name: 'Marcus Lindqvist' },
          { email: 'priya.raman@sable-ridge-foods.example', name: 'Priya Raman' },
        ],
      },
    });
    expect(await registeredScripts()).toEqual([['groundwork-outlook', [...OPTIONAL_HOSTS].sort()]]);

    const touches = await until(() => readTable<StoredTouch>(control, 'touches'), (rows) => rows.some((t) => t.direction === 'inbound'));
    expect(touches.find((t) => t.direction === 'inbound')).toEqual(
      expect.objectContaining({ personId: 'p-adaeze', type: 'inbound-message', at: new Date(2026, 10, 2, 10, 14).getTime(), loggedBy: 'automatic' }),
    );
    expect(touches.find((t) => t.direction === 'outbound')?.answered).toBe(true);

    // The side panel (here a tab) follows the tab the rep last looked at.
    await options.close();
    await conversation.bringToFront();
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('list', { name: 'People in this thread' }).getByText('Marcus Lindqvist').waitFor();
    await Promise.all([panel.close(), conversation.close()]);
  });

  it('a send from an Outlook compose is logged for the saved prospect and offers the new recipients', async () => {
    const mail = await h.openSitePage(COMPOSE);
    const toasts = await Toasts.attach(mail);
    await mail.getByTestId('ComposeSendButton').click();
    const toast = await toasts.waitForText("Logged for Siobhán Ní Bhriain-O'Connor");
    // Ottilie and info@ are new (To), info@ a role address (listed unticked, not named); Søren
    // (Cc) is not offered; the CRM Bcc is a colleague.
    expect(toast.text).toBe("GroundworkLogged for Siobhán Ní Bhriain-O'Connor · Ottilie Brandt is not in Groundwork");
    expect(toast.buttons).toEqual(['Undo', 'Give', 'Ask', 'Log to Groundwork', 'Dismiss']);
    const sent = (await readTable<StoredTouch>(control, 'touches')).filter((t) => t.personId === 'p-siobhan');
    expect(sent).toEqual([expect.objectContaining({ type: 'email', direction: 'outbound', loggedBy: 'automatic', subject: 'Thought you might like this: forming-line study' })]);
    await mail.close();
  });

  it('taking access back unregisters the script, and the side panel lets go of the open conversation', async () => {
    const conversation = await h.openSitePage(CONVERSATION);
    await waitForReport(control, conversation.url());
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('list', { name: 'People in this thread' }).waitFor();

    const options = await h.openExtensionPage('options.html');
    await options.getByRole('button', { name: 'Remove access to Outlook' }).click();
    await options.getByText('Not allowed').waitFor();
    await until(registeredScripts, (scripts) => scripts.length === 0);
    await conversation.bringToFront();
    await panel.getByTestId('no-prospect').waitFor();
    await Promise.all([options.close(), panel.close(), conversation.close()]);
  });
});
