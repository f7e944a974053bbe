import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedInFixture } from '../fixtures/linkedin/expected';
import { axeViolations } from './axe';
import { readTable, waitForReport } from './db';
import { launch, type Harness } from './harness';

/**
 * A new rep's first minutes (issue 19): installing opens the welcome; three best clients, typed by
 * keyboard, become a proposed profile the rep keeps; a LinkedIn profile then shows its fit.
 */

const ADAEZE = linkedInFixture('2023-09-logged-in-profile.html');

let h: Harness;
beforeAll(async () => {
  h = await launch((server) => server.page(ADAEZE.url, `linkedin/${ADAEZE.file}`), { keepWelcome: true });
});
afterAll(async () => {
  await h?.close();
});

/** Types a client into the welcome's form by keyboard: Tab between fields, Enter to add. */
async function typeClient(welcome: Page, client: { company: string; industry: string; size: string; place: string; title: string }): Promise<void> {
  const form = welcome.getByRole('form', { name: 'Type a client' });
  await form.getByLabel('Company').focus();
  await welcome.keyboard.type(client.company);
  await welcome.keyboard.press('Tab');
  await welcome.keyboard.type(client.industry);
  await welcome.keyboard.press('Tab');
  await form.getByLabel('Size').selectOption(client.size);
  await form.getByLabel('Size').focus();
  await welcome.keyboard.press('Tab');
  await welcome.keyboard.type(client.place);
  await welcome.keyboard.press('Tab');
  await welcome.keyboard.type(client.title);
  await welcome.keyboard.press('Enter');
  await welcome.getByRole('list', { name: 'Your best clients' }).getByText(client.company).waitFor();
}

describe('the welcome', () => {
  it('opens on install; three best clients become the profile; a LinkedIn profile then shows its fit', async () => {
    const welcome = h.welcome!;
    expect(welcome).toBeDefined();
    await welcome.getByRole('heading', { name: 'Welcome to Groundwork', level: 1 }).waitFor();
    await welcome.getByRole('heading', { name: 'Step 1 of 4: Your ideal customer' }).waitFor();

    await typeClient(welcome, { company: 'Tidewater Dairy', industry: 'Food and Beverage Manufacturing', size: '201-500', place: 'Dayton, Ohio, United States', title: 'VP Operations' });
    await typeClient(welcome, { company: 'Prairie Mills', industry: 'Food and Beverage Manufacturing', size: '51-200', place: 'Toledo, Ohio, United States', title: 'Head of Engineering' });
    await typeClient(welcome, { company: 'Harbor Plastics', industry: 'Plastics Manufacturing', size: '501-1000', place: 'Norfolk, Virginia, United States', title: 'Vice President, Manufacturing' });

    await welcome.getByRole('button', { name: 'Propose my profile' }).focus();
    await welcome.keyboard.press('Enter');
    const proposed = welcome.getByRole('region', { name: 'Proposed profile' });
    await proposed.getByRole('group', { name: 'Industries' }).getByText('Food and Beverage Manufacturing').waitFor();
    expect(await proposed.getByRole('group', { name: 'Industries' }).textContent()).toContain('2 of your clients (Tidewater Dairy, Prairie Mills)');
    expect(await proposed.getByRole('group', { name: 'Company sizes' }).getByRole('checkbox').count()).toBe(3);
    expect(await proposed.getByRole('group', { name: 'Levels of the people you work with' }).textContent()).toContain('VP / Head of');
    expect(await proposed.getByRole('group', { name: 'Places' }).textContent()).toContain('Ohio');
    expect(await axeViolations(welcome)).toEqual([]);

    // The rep drops what does not describe their best work: the largest size band.
    await proposed.getByRole('group', { name: 'Company sizes' }).getByRole('checkbox', { name: /501-1000/ }).uncheck();
    await proposed.getByRole('button', { name: 'Save as my ideal customer profile' }).click();
    await welcome.getByText('✓ Saved “My best clients” as your ideal customer profile.').waitFor();
    const [profile] = await readTable<{ name: string; industries: { include: string[] }; sizeBands: string[]; seniorities: string[]; locations: string[] }>(welcome, 'profiles');
    expect(profile).toMatchObject({ name: 'My best clients', industries: { include: ['Food and Beverage Manufacturing'] }, sizeBands: ['51-200', '201-500'], seniorities: ['vp'] });
    expect(profile!.locations).toEqual(expect.arrayContaining(['United States', 'Ohio']));

    // The next steps, by keyboard too.
    for (const heading of ['Step 2 of 4: Pin Groundwork', 'Step 3 of 4: The side panel', 'Step 4 of 4: Bring your contacts (optional)']) {
      await welcome.getByRole('button', { name: 'Next' }).focus();
      await welcome.keyboard.press('Enter');
      await welcome.getByRole('heading', { name: heading }).waitFor();
      expect(await axeViolations(welcome)).toEqual([]);
    }
    await welcome.getByLabel('Import people from CSV').first().waitFor();

    // A VP-level person in Ohio: the side panel says why they fit.
    const adaeze = await h.openSitePage(ADAEZE.url);
    await waitForReport(welcome, ADAEZE.url);
    const panel = await h.openExtensionPage('sidepanel.html');
    await adaeze.bringToFront();
    await panel.getByRole('heading', { name: 'Adaeze Okonkwo-Reyes' }).waitFor();
    // Her company's industry and size are not known yet: said, and not held against her.
    await panel.getByTestId('fit-headline').getByText(/^Fit 100 · A/).waitFor();
    const why = await panel.getByRole('list', { name: 'Why' }).textContent();
    expect(why).toContain('Industry unknown');
    expect(why).toContain('→ VP / Head of: matched');
    expect(why).toContain('Columbus, Ohio, United States');
  });
});
