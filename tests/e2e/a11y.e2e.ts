import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedInFixture } from '../fixtures/linkedin/expected';
import { axeViolations } from './axe';
import { readTable, seedTable, touchRow, waitForReport } from './db';
import { launch, type Harness } from './harness';

/**
 * Accessibility as a test (issue 19): axe-core in the built extension, with data, on every
 * surface a rep sees — the side panel's home, an unsaved prospect, a saved one and a flagged one;
 * the popup empty and with follow-ups due; options. Any violation fails. (The welcome and the
 * workspace run it in their own stories.)
 */

const ADAEZE = linkedInFixture('2023-09-logged-in-profile.html');
const SOREN = linkedInFixture('2025-04-logged-in-profile.html');
const PRIYA = linkedInFixture('2024-07-public-profile.html');
const FEED = linkedInFixture('2024-05-feed.html');
const DAY = 86_400_000;

let h: Harness;
let control: Page;
beforeAll(async () => {
  h = await launch((server) => {
    for (const f of [ADAEZE, SOREN, PRIYA, FEED]) server.page(f.url, `linkedin/${f.file}`);
  });
  control = await h.openExtensionPage('options.html');
});
afterAll(async () => {
  await h?.close();
});

/** The side panel beside a tab showing `url`, once it shows `heading`. */
async function panelBeside(url: string, heading: string | RegExp): Promise<Page> {
  const site = await h.openSitePage(url);
  await waitForReport(control, url);
  const panel = await h.openExtensionPage('sidepanel.html');
  await site.bringToFront();
  await panel.getByRole('heading', { name: heading }).first().waitFor();
  return panel;
}

describe('axe finds nothing', () => {
  it('on the popup, empty', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await popup.getByTestId('empty-due').waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('on options; and its time zone is found by typing and saved by keyboard alone', async () => {
    await control.getByRole('heading', { name: 'Groundwork options' }).waitFor();
    expect(await axeViolations(control)).toEqual([]);
    // The browser's own zone is the default, said in the field.
    const zone = control.getByLabel('Time zone', { exact: true });
    expect(await zone.getAttribute('placeholder')).toMatch(/^This browser’s \(.+\)$/);
    // From the working days, Tab reaches the zone; typing finds it; Enter saves the settings.
    await control.getByRole('group', { name: 'Working days' }).getByRole('checkbox').last().focus();
    await control.keyboard.press('Tab');
    expect(await control.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Time zone');
    await control.keyboard.type('Europe/Paris');
    await control.keyboard.press('Enter');
    await control.getByRole('status').getByText('Saved').waitFor();
    const settings = (await readTable<{ key: string; value: { workWeek: { timeZone: string } } }>(control, 'settings')).find((row) => row.key === 'settings');
    expect(settings!.value.workWeek.timeZone).toBe('Europe/Paris');
  });

  it('on the side panel: home with data, an unsaved prospect, a saved one, a flagged one; then the popup with follow-ups due', async () => {
    const now = Date.now();
    await seedTable(control, 'people', [
      {
        id: 'p-adaeze', name: 'Adaeze Okonkwo-Reyes', nameKeys: ['adaeze', 'okonkwo', 'reyes'], linkedinUrl: ADAEZE.url, headline: 'Head of Plant Engineering at Sable Ridge Foods',
        companyName: 'Sable Ridge Foods', location: 'Columbus, Ohio, United States', emails: ['adaeze@sable-ridge-foods.example'], source: 'linkedin', stage: 'engaged',
        flags: [], tags: ['Food safety'], owner: 'rep', createdAt: now - 40 * DAY, updatedAt: now - DAY,
      },
      {
        id: 'p-soren', name: 'Søren Kjærgaard', nameKeys: ['soren', 'kjaergaard'], linkedinUrl: SOREN.url, emails: [], source: 'linkedin', stage: 'back-burner',
        flags: ['brain-picker'], tags: [], owner: 'rep', createdAt: now - 60 * DAY, updatedAt: now - 2 * DAY,
        brainPicker: { episodes: 1, flaggedAt: now - 2 * DAY, reachedOutAt: now - 20 * DAY, attempts: 6, firstAttemptAt: now - 19 * DAY, lastAttemptAt: now - 2 * DAY, adviceMinutes: 45, previousStage: 'target' },
      },
    ]);
    await seedTable(control, 'touches', [
      touchRow('t-1', 'p-adaeze', now - 10 * DAY, { intent: 'give', type: 'article-forwarded', subject: 'Line-speed study' }),
      touchRow('t-2', 'p-adaeze', now - 9 * DAY, { direction: 'inbound', type: 'inbound-message', answered: true }),
      touchRow('t-3', 'p-soren', now - 20 * DAY, { direction: 'inbound', type: 'inbound-call', minutes: 45, freeAdvice: true }),
    ]);
    await seedTable(control, 'followUps', [
      { id: 'f-1', personId: 'p-adaeze', dueAt: now - 3_600_000, reason: 'Reply to Adaeze', suggestedType: 'email', status: 'open', origin: 'cadence', createdAt: now - DAY, updatedAt: now - DAY },
    ]);

    const home = await panelBeside(FEED.url, 'No prospect on this page');
    await home.getByTestId('rep-week').waitFor();
    expect(await axeViolations(home)).toEqual([]);
    await home.close();

    const unsaved = await panelBeside(PRIYA.url, 'Priya Raman-Castillo');
    await unsaved.getByText('Not saved yet').waitFor();
    expect(await axeViolations(unsaved)).toEqual([]);
    await unsaved.close();

    const saved = await panelBeside(ADAEZE.url, 'Adaeze Okonkwo-Reyes');
    await saved.getByText('Saved prospect').waitFor();
    await saved.getByText('Line-speed study').waitFor();
    expect(await axeViolations(saved)).toEqual([]);
    await saved.close();

    const flagged = await panelBeside(SOREN.url, 'Søren Kjærgaard');
    await flagged.getByRole('region', { name: 'Crisis-mode brain-picker' }).waitFor();
    expect(await axeViolations(flagged)).toEqual([]);
    await flagged.close();

    const popup = await h.openExtensionPage('popup.html');
    await popup.getByText('Reply to Adaeze').waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('the log-a-touch shortcut: the side panel’s log form takes the focus, and the form shows the keys', async () => {
    const panel = await panelBeside(ADAEZE.url, 'Adaeze Okonkwo-Reyes');
    const form = panel.getByRole('form', { name: 'Log a touch' });
    await form.locator('kbd').getByText('Alt+Shift+L').waitFor();
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('aria-label'))).not.toBe('Touch type');
    // What the background's command handler does on the shortcut, once the panel is open.
    const worker = await h.serviceWorker();
    await worker.evaluate(() => chrome.storage.session.set({ 'shortcut:log-touch': Date.now() }));
    await panel.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Touch type');
    await panel.keyboard.press('Tab');
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('Log touch');
    await panel.close();
  });
});
