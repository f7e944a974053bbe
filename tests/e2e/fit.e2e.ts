import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedInFixture } from '../fixtures/linkedin/expected';
import { readTable, waitForBadge, waitForReport } from './db';
import { launch, type Harness } from './harness';

/** The ideal customer profile end to end: set it in options, see badge and side panel follow. */

const ADAEZE = linkedInFixture('2023-09-logged-in-profile.html');
const PRIYA = linkedInFixture('2024-07-public-profile.html');

let h: Harness;
let control: Page;
beforeAll(async () => {
  h = await launch((server) => {
    server.page(ADAEZE.url, `linkedin/${ADAEZE.file}`).page(PRIYA.url, `linkedin/${PRIYA.file}`);
  });
  control = await h.openExtensionPage('popup.html');
});
afterAll(async () => {
  await h?.close();
});

async function waitForStoredFit(page: Page, name: string, band: string): Promise<void> {
  await page.evaluate(
    async ({ wanted, wantedBand }) => {
      for (;;) {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const r = indexedDB.open('groundwork');
          r.onsuccess = () => resolve(r.result);
        });
        const [people, fits] = await Promise.all(
          ['people', 'fits'].map(
            (store) =>
              new Promise<Record<string, unknown>[]>((resolve) => {
                const r = db.transaction(store).objectStore(store).getAll();
                r.onsuccess = () => resolve(r.result);
              }),
          ),
        );
        db.close();
        const person = people!.find((p) => p.name === wanted);
        if (person && fits!.find((f) => f.personId === person.id)?.band === wantedBand) return;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    },
    { wanted: name, wantedBand: band },
  );
}

describe('ideal customer profile → fit everywhere', () => {
  it('no profile: neutral badge and a prompt; set a profile: score on the badge, reasons in the panel, saved prospects re-scored', async () => {
    const adaeze = await h.openSitePage(ADAEZE.url);
    const { tabId: adaezeTab } = await waitForReport(control, ADAEZE.url);
    const priya = await h.openSitePage(PRIYA.url);
    const { tabId: priyaTab } = await waitForReport(control, PRIYA.url);
    await waitForBadge(control, adaezeTab, '•');

    // Save Priya first: her stored fit must follow the profile too.
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('heading', { name: 'Priya Raman-Castillo' }).waitFor();
    await panel.getByTestId('fit-prompt').waitFor();
    await panel.getByRole('button', { name: 'Save prospect' }).click();
    await panel.getByText('Saved prospect').waitFor();
    await waitForBadge(control, priyaTab, '✓');

    const options = await h.openExtensionPage('options.html');
    await options.getByRole('button', { name: 'Create your ideal customer profile' }).click();
    await options.getByRole('group', { name: 'Seniority levels' }).getByLabel('VP / Head of').check();
    await options.getByRole('textbox', { name: /^Locations/ }).fill('Ohio');
    await options.getByRole('textbox', { name: /^Locations/ }).press('Enter');
    await options.getByRole('textbox', { name: /^Keywords/ }).fill('automation');
    await options.getByRole('textbox', { name: /^Keywords/ }).press('Enter');
    await options.getByRole('button', { name: 'Save profile' }).click();
    await options.getByText('Saved. Prospects are being re-scored.').waitFor();

    // Adaeze: Head of → VP level, Ohio, "automation" in her headline.
    await waitForBadge(control, adaezeTab, '100');
    // Priya: a director in Virginia with no keyword: a saved D.
    await waitForBadge(control, priyaTab, '0✓');
    await waitForStoredFit(control, 'Priya Raman-Castillo', 'D');

    await adaeze.bringToFront();
    await panel.getByRole('heading', { name: 'Adaeze Okonkwo-Reyes' }).waitFor();
    expect(await panel.getByTestId('fit-headline').textContent()).toBe('Fit 100 · A');
    const why = panel.getByRole('list', { name: 'Why' });
    expect(await why.getByRole('listitem').allTextContents()).toEqual([
      '✓ Seniority matched:title ‘Head of Plant Engineering at Sable Ridge Foods | Food safety & automation’ → VP / Head of: matched',
      '✓ Location matched:location ‘Columbus, Ohio, United States’ → ‘Ohio’: matched',
      '✓ Keywords matched:‘automation’ found in ‘Head of Plant Engineering at Sable Ridge Foods | Food safety & automation · Sable Ridge Foods’: matched',
    ]);

    // Target directors instead: Adaeze falls, Priya rises, live.
    await options.getByRole('group', { name: 'Seniority levels' }).getByLabel('VP / Head of').uncheck();
    await options.getByRole('group', { name: 'Seniority levels' }).getByLabel('Director').check();
    await options.getByRole('button', { name: 'Save profile' }).click();
    await waitForBadge(control, adaezeTab, '40');
    await waitForBadge(control, priyaTab, '60✓');
    await panel.getByTestId('fit-headline').getByText('Fit 40 · C').waitFor();
    await waitForStoredFit(control, 'Priya Raman-Castillo', 'B');
    const priyaRow = (await readTable<{ id: string; name: string }>(control, 'people')).find((p) => p.name === 'Priya Raman-Castillo');
    const priyaFit = (await readTable<{ personId: string; score?: number }>(control, 'fits')).find((f) => f.personId === priyaRow?.id);
    expect(priyaFit?.score).toBe(60);

    await Promise.all([options.close(), panel.close(), adaeze.close(), priya.close()]);
  });
});
