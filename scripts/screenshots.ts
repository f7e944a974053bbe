/**
 * Regenerates every screenshot in docs/ from the built extension with invented people:
 *
 *   npm run screenshots
 *
 * Each surface light and dark, empty and with data — the side panel (a saved prospect; the home),
 * the popup (follow-ups due; nothing due), the workspace, the welcome's proposed profile, options —
 * into docs/screenshots/, plus docs/side-panel.png for the README and the 1280×800 images the
 * Chrome Web Store listing uses (docs/store-listing.md).
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { installPageApi } from '../bench/inPage';
import type { GroundworkBenchApi } from '../bench/pageApi';
import { seedExtensionDatabase } from '../bench/seed';
import { LINKEDIN_FIXTURES } from '../tests/fixtures/linkedin/expected';
import { waitForReport } from '../tests/e2e/db';
import { launch, type Harness } from '../tests/e2e/harness';

declare const groundworkBench: GroundworkBenchApi;

const DIR = 'docs/screenshots';
const PROFILE_PAGE = LINKEDIN_FIXTURES.find((f) => f.file === '2023-09-logged-in-profile.html')!;
const FEED = LINKEDIN_FIXTURES.find((f) => f.file === '2024-05-feed.html')!;
const SCHEMES = ['light', 'dark'] as const;

async function shoot(page: Page, name: string, size: { width: number; height: number }, fullPage = false): Promise<void> {
  await page.setViewportSize(size);
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${DIR}/${name}-${scheme}.png`, fullPage });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function emptyShots(h: Harness): Promise<void> {
  const popup = await h.openExtensionPage('popup.html');
  await popup.getByTestId('empty-due').waitFor();
  await shoot(popup, 'popup-empty', { width: 380, height: 420 });
  const workspace = await h.openExtensionPage('workspace.html');
  await workspace.getByText('No one saved yet.', { exact: false }).waitFor();
  await shoot(workspace, 'workspace-empty', { width: 1280, height: 800 });
  const welcome = h.welcome!;
  const form = welcome.getByRole('form', { name: 'Type a client' });
  for (const [company, industry, size, place, title] of [
    ['Tidewater Dairy', 'Food and Beverage Manufacturing', '201-500', 'Dayton, Ohio, United States', 'VP Operations'],
    ['Prairie Mills', 'Food and Beverage Manufacturing', '51-200', 'Toledo, Ohio, United States', 'Head of Engineering'],
    ['Harbor Plastics', 'Plastics Manufacturing', '501-1000', 'Norfolk, Virginia, United States', 'Vice President, Manufacturing'],
  ] as const) {
    await form.getByLabel('Company').fill(company);
    await form.getByLabel('Industry').fill(industry);
    await form.getByLabel('Size').selectOption(size);
    await form.getByLabel('Place').fill(place);
    await form.getByLabel(/Who you work with/).fill(title);
    await form.getByRole('button', { name: 'Add client' }).click();
  }
  await welcome.getByRole('button', { name: 'Propose my profile' }).click();
  await welcome.getByRole('region', { name: 'Proposed profile' }).waitFor();
  await shoot(welcome, 'welcome-proposal', { width: 1280, height: 800 });
  await welcome.getByRole('button', { name: 'Save as my ideal customer profile' }).click();
  await welcome.getByText(/✓ Saved/).waitFor();
  await Promise.all([popup.close(), workspace.close()]);
}

async function fullShots(h: Harness): Promise<void> {
  const options = await h.openExtensionPage('options.html');
  // A rep's year, invented: 2,000 people, 300 accounts, 12,000 touches, 150 follow-ups.
  await seedExtensionDatabase(options, 11, { people: 2_000, accounts: 300, touches: 12_000, followUps: 150 }, Date.now());
  await installPageApi(options);
  await options.evaluate(async () => {
    const { db, rebuildTouchFigures } = groundworkBench;
    await db.people.toCollection().modify((person) => void ((person as { searchKeys?: string[] }).searchKeys = []));
    await rebuildTouchFigures(db);
    // Scored against the profile the welcome saved: a new version of it, so the worker scores
    // the people seeded since as it does after any change of profile.
    const [profile] = await db.profiles.toArray();
    await db.profiles.put({ ...profile!, updatedAt: profile!.updatedAt + 1 });
    await chrome.runtime.sendMessage({ type: 'scores/recompute' });
    const until = Date.now() + 60_000;
    while ((await db.fits.count()) < (await db.people.count()) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
  });
  await shoot(options, 'options', { width: 1280, height: 800 });

  const site = await h.openSitePage(PROFILE_PAGE.url);
  await waitForReport(options, PROFILE_PAGE.url);
  const panel = await h.openExtensionPage('sidepanel.html');
  await site.bringToFront();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.getByRole('button', { name: 'Save prospect' }).click();
  await panel.getByLabel('Touch type').selectOption('article-forwarded');
  await panel.getByLabel('Note', { exact: true }).fill('Sent the line-speed study');
  await panel.getByRole('button', { name: 'Log touch' }).click();
  await panel.getByRole('list', { name: 'Touch timeline' }).getByText('Sent the line-speed study').waitFor();
  await shoot(panel, 'side-panel-saved', { width: 400, height: 900 }, true);
  await panel.screenshot({ path: 'docs/side-panel.png', fullPage: true });

  const feed = await h.openSitePage(FEED.url);
  await waitForReport(options, FEED.url);
  await feed.bringToFront();
  await panel.getByTestId('rep-week').waitFor();
  await shoot(panel, 'side-panel-home', { width: 400, height: 900 }, true);

  const popup = await h.openExtensionPage('popup.html');
  await popup.getByRole('list', { name: 'Follow-ups due' }).waitFor();
  await shoot(popup, 'popup-due', { width: 380, height: 700 }, true);

  const workspace = await h.openExtensionPage('workspace.html#people?sort=fit');
  await workspace.getByTestId('people-count').getByText(/people/).waitFor();
  await workspace.getByTestId('person-row').first().getByRole('button').first().click();
  await workspace.getByRole('complementary', { name: 'Details' }).getByRole('heading', { level: 1 }).waitFor();
  await shoot(workspace, 'workspace', { width: 1280, height: 800 });
  await workspace.getByLabel('Search people').fill('plant ohio');
  await workspace.getByTestId('match').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  await shoot(workspace, 'workspace-search', { width: 1280, height: 800 });
}

async function main() {
  const built = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('Build failed');
  await mkdir(DIR, { recursive: true });
  const h = await launch(
    (server) => {
      server.page(PROFILE_PAGE.url, `linkedin/${PROFILE_PAGE.file}`).page(FEED.url, `linkedin/${FEED.file}`);
    },
    { keepWelcome: true },
  );
  try {
    await emptyShots(h);
    await fullShots(h);
  } finally {
    await h.close();
  }
  console.log(`Screenshots written to ${DIR}/ and docs/side-panel.png`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
