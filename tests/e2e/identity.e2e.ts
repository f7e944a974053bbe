import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTIONAL_HOSTS } from '../../lib/sites/hosts';
import { linkedInFixture } from '../fixtures/linkedin/expected';
import { readTable, seedTable, waitForReport, type StoredTouch } from './db';
import { launch, type Harness } from './harness';
import { Toasts } from './toast';

/**
 * One human, one record (issue 16), as a rep lives it: a prospect saved from LinkedIn (where no
 * address shows) is emailed from Gmail and from Outlook; the toast recognises them, one click
 * links the address and logs the email, their LinkedIn side panel shows it, and the next send is
 * logged by itself.
 */

const ADAEZE = linkedInFixture('2023-09-logged-in-profile.html');
const SOREN = linkedInFixture('2025-04-logged-in-profile.html');
const OTTILIE = linkedInFixture('2016-02-public-profile.html');
const THREAD_PAGE = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQZTsLineSpeed';
const GMAIL_COMPOSE = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTsLineSpeed';
const OUTLOOK_COMPOSE = 'https://outlook.office.com/mail/inbox/';

interface PersonRow {
  id: string;
  name: string;
  emails: string[];
  linkedinUrl?: string;
}

let h: Harness;
let control: Page;
beforeAll(async () => {
  h = await launch((server) => {
    server.page(ADAEZE.url, `linkedin/${ADAEZE.file}`).page(SOREN.url, `linkedin/${SOREN.file}`).page(OTTILIE.url, `linkedin/${OTTILIE.file}`);
    server.page(THREAD_PAGE, 'gmail/2024-06-thread-and-inbox.html');
    server.page(GMAIL_COMPOSE, 'gmail/2024-06-send-flow.html').page(OUTLOOK_COMPOSE, 'outlook/2025-01-new-outlook-compose-to-saved-prospect.html');
  });
  control = await h.openExtensionPage('options.html');
  await seedTable(control, 'settings', [{ key: 'settings', value: { workWeek: { days: [0, 1, 2, 3, 4, 5, 6], timeZone: '' }, email: { neverLog: ['mailer.example'] } } }]);
});
afterAll(async () => {
  await h?.close();
});

/** Opens the LinkedIn profile and saves the person from the side panel, as a rep does. */
async function saveFromLinkedIn(url: string, name: string): Promise<{ profile: Page; panel: Page }> {
  const profile = await h.openSitePage(url);
  await waitForReport(control, url);
  const panel = await h.openExtensionPage('sidepanel.html');
  await panel.getByRole('heading', { name }).waitFor();
  await panel.getByRole('button', { name: 'Save prospect' }).click();
  await panel.getByText('Saved prospect').waitFor();
  return { profile, panel };
}

const peopleNamed = async (name: string) => (await readTable<PersonRow>(control, 'people')).filter((p) => p.name === name);

describe('a prospect saved from LinkedIn, then emailed', () => {
  it('from Gmail: the toast offers her, one click links her address and logs the email, LinkedIn shows it, the next send logs itself', async () => {
    const { profile, panel } = await saveFromLinkedIn(ADAEZE.url, 'Adaeze Okonkwo-Reyes');
    await panel.close();

    const mail = await h.openSitePage(GMAIL_COMPOSE);
    const toasts = await Toasts.attach(mail);
    await mail.locator('[data-testid="compose-to-prospect"] .aoO').click();
    const offer = await toasts.waitForText('Adaeze Okonkwo-Reyes (Sable Ridge Foods, from LinkedIn)?');
    expect(offer.text).toBe('GroundworkAdaeze Okonkwo-Reyes (Sable Ridge Foods, from LinkedIn)? adaeze@sable-ridge-foods.example is not in Groundwork yet');
    expect(offer.buttons).toEqual(['Link this address', 'New person', 'Dismiss']);
    await toasts.click('Link this address');
    await toasts.waitForText('Logged for Adaeze Okonkwo-Reyes');

    // One Adaeze, with her LinkedIn profile and now her address; the email is hers.
    const [adaeze] = await peopleNamed('Adaeze Okonkwo-Reyes');
    expect(await peopleNamed('Adaeze Okonkwo-Reyes')).toHaveLength(1);
    expect(adaeze).toMatchObject({ linkedinUrl: ADAEZE.url, emails: ['adaeze@sable-ridge-foods.example'] });
    expect(await readTable<StoredTouch>(control, 'touches')).toEqual([
      expect.objectContaining({ personId: adaeze!.id, type: 'email', loggedBy: 'one-click', subject: 'Line-speed study: the numbers you asked for' }),
    ]);

    // Her LinkedIn side panel shows the email.
    await profile.bringToFront();
    const again = await h.openExtensionPage('sidepanel.html');
    await again.getByRole('list', { name: 'Touch timeline' }).getByText('Line-speed study: the numbers you asked for').waitFor();
    await again.close();

    // The next send to her is recognised and logged by itself.
    await mail.reload();
    const next = await Toasts.attach(mail);
    await mail.locator('[data-testid="compose-to-new-contact"] [aria-label="Message Body"]').press('Control+Enter');
    await next.waitForText('Ottilie Brandt is not in Groundwork');
    await mail.reload();
    const third = await Toasts.attach(mail);
    await mail.locator('[data-testid="compose-to-prospect"] [aria-label="Message Body"]').press('Control+Enter');
    const logged = await third.waitForText('Logged for Adaeze Okonkwo-Reyes');
    expect(logged.buttons).toEqual(['Undo', 'Give', 'Ask', 'Dismiss']);
    await Promise.all([mail.close(), profile.close()]);
  });

  it('from Outlook: the same', async () => {
    const { profile, panel } = await saveFromLinkedIn(SOREN.url, 'Søren Kjærgaard');
    await panel.close();
    const options = await h.openExtensionPage('options.html');
    await h.allowSitesInChromeSettings(OPTIONAL_HOSTS);
    await options.getByRole('button', { name: 'Allow Outlook on the web' }).click();
    await options.getByText(/^Allowed/).waitFor();
    await options.close();

    const mail = await h.openSitePage(OUTLOOK_COMPOSE);
    await waitForReport(control, mail.url());
    const toasts = await Toasts.attach(mail);
    await mail.getByTestId('ComposeSendButton').click();
    await toasts.waitForText('Søren Kjærgaard (Fjordline Automation, from LinkedIn)?');
    await toasts.click('Link this address');
    await toasts.waitForText('Logged for Søren Kjærgaard');
    const [soren] = await peopleNamed('Søren Kjærgaard');
    expect(soren).toMatchObject({ linkedinUrl: SOREN.url, emails: ['soren.kjaergaard@fjordline-automation.example'] });

    await profile.bringToFront();
    const again = await h.openExtensionPage('sidepanel.html');
    await again.getByRole('list', { name: 'Touch timeline' }).getByText('Conveyor retrofit: the figures from our call').waitFor();
    await Promise.all([again.close(), mail.close(), profile.close()]);
  });
});

describe('in the side panel', () => {
  it('a thread’s unknown address that is a saved prospect: "Link this address" makes it theirs, and the panel shows their record', async () => {
    const now = Date.now();
    await seedTable(control, 'people', [
      // Seeded raw, so with the name keys Groundwork's own writes store (lib/db/nameKeys.ts).
      { id: 'p-marcus', name: 'Marcus Lindqvist', nameKeys: ['marcus', 'lindqvist'], linkedinUrl: 'https://www.linkedin.com/in/marcus-lindqvist/', companyName: 'Sable Ridge Foods', emails: [], source: 'linkedin', stage: 'target', flags: [], tags: [], owner: 'rep', createdAt: now, updatedAt: now },
    ]);
    const thread = await h.openSitePage(THREAD_PAGE);
    await waitForReport(control, THREAD_PAGE);
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('button', { name: 'Show Marcus Lindqvist' }).click();
    const who = panel.getByRole('region', { name: 'Who this may be' });
    await who.getByText('Marcus Lindqvist (Sable Ridge Foods, from LinkedIn)?').waitFor();
    await who.getByRole('button', { name: 'Link this address to Marcus Lindqvist' }).click();
    await panel.getByTestId('saved-person').getByRole('heading', { name: 'Marcus Lindqvist' }).waitFor();
    await panel.getByRole('list', { name: 'Email addresses of Marcus Lindqvist' }).getByText('marcus.lindqvist@sable-ridge-foods.example').waitFor();
    expect((await peopleNamed('Marcus Lindqvist')).map((p) => p.emails)).toEqual([['marcus.lindqvist@sable-ridge-foods.example']]);
    await Promise.all([panel.close(), thread.close()]);
  });

  it('the same human saved twice is merged from the side panel, and the merge undone', async () => {
    const now = Date.now();
    await seedTable(control, 'people', [
      { id: 'p-ottilie-mail', name: 'Ottilie', nameKeys: ['ottilie'], emails: ['ottilie@havel-metalworks.example'], source: 'email', stage: 'target', flags: [], tags: [], owner: 'rep', createdAt: now, updatedAt: now },
    ]);
    const profile = await h.openSitePage(OTTILIE.url);
    await waitForReport(control, OTTILIE.url);
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('button', { name: 'Save prospect' }).click();
    await panel.getByText('Saved prospect').waitFor();
    await panel.getByRole('button', { name: 'Merge with…' }).click();
    await panel.getByLabel('Which saved person is also Ottilie Brandt?').fill('ottil');
    await panel.getByRole('button', { name: 'Merge Ottilie into Ottilie Brandt' }).click();
    const merge = panel.getByRole('group', { name: 'Merge' });
    await merge.getByText('Ottilie’s record joins Ottilie Brandt’s: 0 touches, 0 open follow-ups and 0 referrals move; Ottilie Brandt gains ottilie@havel-metalworks.example.').waitFor();
    await merge.getByRole('button', { name: 'Merge' }).click();
    await panel.getByRole('status').getByText('Merged Ottilie into Ottilie Brandt.').waitFor();
    await panel.getByRole('list', { name: 'Email addresses of Ottilie Brandt' }).getByText('ottilie@havel-metalworks.example').waitFor();
    expect(await peopleNamed('Ottilie')).toEqual([]);

    await panel.getByRole('button', { name: 'Undo merge' }).click();
    await panel.getByRole('list', { name: 'Email addresses of Ottilie Brandt' }).getByText('No email address yet').waitFor();
    expect((await peopleNamed('Ottilie')).map((p) => p.emails)).toEqual([['ottilie@havel-metalworks.example']]);
    await Promise.all([panel.close(), profile.close()]);
  });
});
