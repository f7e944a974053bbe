import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINKEDIN_FIXTURES, linkedInFixture } from '../fixtures/linkedin/expected';
import { readTable, waitForBadge, waitForReport } from './db';
import { launch, type Harness } from './harness';
import { spaNavigate } from './spa';

/**
 * LinkedIn recognition end to end: the built content script on every fixture generation served
 * at its real URL, SPA navigation, the badge, and the side panel following the active tab.
 */

const ADAEZE = linkedInFixture('2023-09-logged-in-profile.html');
const SOREN = linkedInFixture('2025-04-logged-in-profile.html');
const PRIYA = linkedInFixture('2024-07-public-profile.html');
const SABLE = linkedInFixture('2024-03-logged-in-company.html');
const FEED = linkedInFixture('2024-05-feed.html');

let h: Harness;
let control: Page;

beforeAll(async () => {
  h = await launch((server) => {
    for (const fixture of LINKEDIN_FIXTURES) server.page(fixture.url, `linkedin/${fixture.file}`);
  });
  control = await h.openExtensionPage('options.html');
});
afterAll(async () => {
  await h?.close();
});

const reportFor = (url: string) => waitForReport(control, url);

describe('the built content script on every markup generation', () => {
  it.each(LINKEDIN_FIXTURES.map((f) => [f.file, f] as const))('%s', async (_file, fixture) => {
    const page = await h.openSitePage(fixture.url);
    const { page: reported } = await reportFor(fixture.url);
    expect(reported).toEqual(fixture.expected);
    await page.close();
  });
});

describe('reading LinkedIn without touching it', () => {
  it('adds nothing to the page, changes nothing in it and requests nothing', async () => {
    const requests: string[] = [];
    const page = await h.context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    // Runs in the page's own world before anything else. From the end of parsing (content
    // scripts run after it) every DOM mutation is counted, and the document is snapshotted.
    await page.addInitScript(() => {
      const w = window as unknown as { __mutations: number; __snapshot?: string };
      w.__mutations = 0;
      document.addEventListener('DOMContentLoaded', () => {
        w.__snapshot = document.documentElement.outerHTML;
        new MutationObserver((records) => (w.__mutations += records.length)).observe(document, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
      });
    });
    await page.goto(ADAEZE.url);
    await reportFor(ADAEZE.url);
    const { mutations, same } = await page.evaluate(() => {
      const w = window as unknown as { __mutations: number; __snapshot?: string };
      return { mutations: w.__mutations, same: w.__snapshot === document.documentElement.outerHTML };
    });
    expect(mutations).toBe(0);
    expect(same).toBe(true);
    expect(requests).toEqual([ADAEZE.url]);
    const shadowHosts = await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.shadowRoot).length);
    expect(shadowHosts).toBe(0);
    await page.close();
  });
});

describe('profile → save → log a touch → timeline, with the badge', () => {
  it('works in the side panel, and the badge marks the saved prospect', async () => {
    const profile = await h.openSitePage(ADAEZE.url);
    const { tabId } = await reportFor(ADAEZE.url);
    await waitForBadge(control, tabId, '•');

    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('heading', { name: 'Adaeze Okonkwo-Reyes' }).waitFor();
    expect(await panel.getByTestId('headline').textContent()).toBe('Head of Plant Engineering at Sable Ridge Foods | Food safety & automation');
    expect(await panel.getByText('Sable Ridge Foods · Columbus, Ohio, United States').isVisible()).toBe(true);
    await panel.getByRole('button', { name: 'Save prospect' }).click();
    await panel.getByText('Saved prospect').waitFor();
    await waitForBadge(control, tabId, '✓');

    await panel.getByLabel('Touch type').selectOption('article-forwarded');
    await panel.getByRole('button', { name: 'Log touch' }).click();
    await panel.getByRole('list', { name: 'Touch timeline' }).getByText('Article forwarded').waitFor();
    // The cadence proposes the next touch: a give before any ask.
    await panel.getByTestId('next-follow-up').getByText('Attempt 2 with Adaeze: try personal note').waitFor();

    const people = await readTable<{ name: string; accountId?: string }>(control, 'people');
    const accounts = await readTable<{ id: string; name: string; linkedinUrl: string }>(control, 'accounts');
    const adaeze = people.find((p) => p.name === 'Adaeze Okonkwo-Reyes');
    expect(accounts).toContainEqual(expect.objectContaining({ name: 'Sable Ridge Foods', linkedinUrl: 'https://www.linkedin.com/company/sable-ridge-foods/' }));
    expect(adaeze?.accountId).toBe(accounts.find((a) => a.name === 'Sable Ridge Foods')?.id);
    await panel.close();
    await profile.close();
  });

  it('a company page shows the account and its saved people', async () => {
    const company = await h.openSitePage(SABLE.url);
    await reportFor(SABLE.url);
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('heading', { name: 'Sable Ridge Foods' }).waitFor();
    await panel.getByText('Saved account').waitFor();
    const people = panel.getByRole('list', { name: 'People at Sable Ridge Foods' });
    await people.getByText('Adaeze Okonkwo-Reyes').waitFor();
    expect(await panel.getByText('Food and Beverage Manufacturing · 1001-5000 employees · Columbus, Ohio').isVisible()).toBe(true);
    await panel.close();
    await company.close();
  });

  it('Update from page shows what changed on LinkedIn before writing it', async () => {
    // The saved record says Adaeze is elsewhere; LinkedIn now shows Sable Ridge Foods.
    await control.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const r = indexedDB.open('groundwork');
        r.onsuccess = () => resolve(r.result);
      });
      await new Promise<void>((resolve) => {
        const tx = db.transaction('people', 'readwrite');
        const store = tx.objectStore('people');
        store.index('linkedinUrl').get('https://www.linkedin.com/in/adaeze-okonkwo-reyes/').onsuccess = (e) => {
          const person = (e.target as IDBRequest).result;
          store.put({ ...person, headline: 'Maintenance Manager at Buckeye Mills', companyName: 'Buckeye Mills' });
        };
        tx.oncomplete = () => resolve();
      });
      db.close();
    });
    const profile = await h.openSitePage(ADAEZE.url);
    await reportFor(ADAEZE.url);
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('button', { name: 'Update from page' }).click();
    const changes = panel.getByRole('region', { name: 'Changes on LinkedIn' });
    await changes.getByText('Company:').waitFor();
    expect(await changes.getByRole('listitem').allTextContents()).toEqual([
      'Headline: Maintenance Manager at Buckeye Mills → Head of Plant Engineering at Sable Ridge Foods | Food safety & automation',
      'Company: Buckeye Mills → Sable Ridge Foods',
    ]);
    expect(await panel.getByTestId('headline').textContent()).toBe('Maintenance Manager at Buckeye Mills'); // nothing written yet
    await changes.getByRole('checkbox').nth(1).uncheck(); // keep the stored company
    await changes.getByRole('button', { name: 'Apply' }).click();
    await panel.getByTestId('headline').getByText('Head of Plant Engineering at Sable Ridge Foods', { exact: false }).waitFor();
    const people = await readTable<{ linkedinUrl: string; companyName: string }>(control, 'people');
    const adaeze = people.find((p) => p.linkedinUrl === 'https://www.linkedin.com/in/adaeze-okonkwo-reyes/');
    expect(adaeze?.companyName).toBe('Buckeye Mills');
    await panel.close();
    await profile.close();
  });
});

describe('SPA navigation and tabs', () => {
  it('profile → profile → company without a reload: each report is right, never a mix', async () => {
    const page = await h.openSitePage(ADAEZE.url);
    await reportFor(ADAEZE.url);
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('heading', { name: 'Adaeze Okonkwo-Reyes' }).waitFor();
    // The panel goes from one prospect to the next: it never flashes "No prospect" between them.
    await panel.evaluate(() => {
      const seen = { homes: 0 };
      Object.assign(window, { seen });
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="no-prospect"]')) seen.homes++;
      }).observe(document, { subtree: true, childList: true });
    });
    const homesShown = () => panel.evaluate(() => (window as unknown as { seen: { homes: number } }).seen.homes);

    await spaNavigate(page, SOREN);
    expect((await reportFor(SOREN.url)).page).toEqual(SOREN.expected);
    await panel.getByRole('heading', { name: 'Søren Kjærgaard' }).waitFor();

    await spaNavigate(page, SABLE);
    expect((await reportFor(SABLE.url)).page).toEqual(SABLE.expected);
    await panel.getByRole('heading', { name: 'Sable Ridge Foods' }).waitFor();
    expect(await homesShown()).toBe(0);

    await spaNavigate(page, FEED);
    expect((await reportFor(FEED.url)).page).toEqual(FEED.expected);
    await panel.getByTestId('no-prospect').waitFor();

    // Leaving LinkedIn for a page Groundwork does not read ends what the panel showed.
    await spaNavigate(page, SOREN);
    await panel.getByRole('heading', { name: 'Søren Kjærgaard' }).waitFor();
    await page.goto('about:blank');
    await panel.getByTestId('no-prospect').waitFor();
    await panel.close();
    await page.close();
  });

  it('a profile reached through a link with 3,000 characters of tracking parameters is shown, not the one before', async () => {
    const page = await h.openSitePage(ADAEZE.url);
    await reportFor(ADAEZE.url);
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('heading', { name: 'Adaeze Okonkwo-Reyes' }).waitFor();
    await spaNavigate(page, SOREN, `${SOREN.url}?miniProfileUrn=${'x'.repeat(3000)}`);
    // Reported without its query, which the background would refuse for its length.
    expect((await reportFor(SOREN.url)).page).toEqual(SOREN.expected);
    await panel.getByRole('heading', { name: 'Søren Kjærgaard' }).waitFor();
    await Promise.all([panel.close(), page.close()]);
  });

  it('the side panel follows the active tab, and moves on when that tab closes', async () => {
    const first = await h.openSitePage(PRIYA.url);
    await reportFor(PRIYA.url);
    const second = await h.openSitePage(SOREN.url);
    await reportFor(SOREN.url);
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('heading', { name: 'Søren Kjærgaard' }).waitFor();

    await first.bringToFront();
    await panel.getByRole('heading', { name: 'Priya Raman-Castillo' }).waitFor();
    await second.bringToFront();
    await panel.getByRole('heading', { name: 'Søren Kjærgaard' }).waitFor();

    await second.close();
    await panel.getByRole('heading', { name: 'Priya Raman-Castillo' }).waitFor();
    await first.close();
    await panel.close();
  });
});
