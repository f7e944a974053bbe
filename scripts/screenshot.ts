/**
 * Regenerates docs/side-panel.png for the README: the built extension on a fixture profile, with
 * an ideal customer profile set and the prospect saved. `npx vite-node scripts/screenshot.ts`
 */
import { LINKEDIN_FIXTURES } from '../tests/fixtures/linkedin/expected';
import { seedTable, waitForReport } from '../tests/e2e/db';
import { launch } from '../tests/e2e/harness';

const fixture = LINKEDIN_FIXTURES.find((f) => f.file === '2023-09-logged-in-profile.html')!;

async function main() {
  const h = await launch((server) => server.page(fixture.url, `linkedin/${fixture.file}`));
  try {
    const options = await h.openExtensionPage('options.html');
    const now = Date.now();
    await seedTable(options, 'profiles', [
      {
        id: 'icp',
        name: 'Midwest food plants',
        industries: { include: ['Food'], exclude: [] },
        sizeBands: ['501-1000', '1001-5000'],
        seniorities: ['executive', 'vp', 'director'],
        titleKeywords: ['plant', 'operations', 'engineering'],
        locations: ['Ohio', 'Michigan'],
        keywords: ['automation'],
        exclusions: { students: true, recruiters: true, companies: [] },
        weights: { industry: 3, size: 2, seniority: 3, title: 2, location: 1, keywords: 1 },
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await seedTable(options, 'settings', [{ key: 'settings', value: { activeProfileId: 'icp' } }]);
    const page = await h.openSitePage(fixture.url);
    await waitForReport(options, fixture.url);
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.getByRole('button', { name: 'Save prospect' }).click();
    await panel.getByLabel('Touch type').selectOption('article-forwarded');
    await panel.getByLabel('Note').fill('Sent the line-speed study');
    await panel.getByRole('button', { name: 'Log touch' }).click();
    await panel.getByRole('list', { name: 'Touch timeline' }).getByText('Sent the line-speed study').waitFor();
    await panel.screenshot({ path: 'docs/side-panel.png', fullPage: true });
    await page.close();
  } finally {
    await h.close();
  }
}

void main();
