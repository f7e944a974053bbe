import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { readTable, readUntil, seedTable, touchRow } from './db';
import { launch, type Harness } from './harness';

/**
 * The workspace (issue 18), in the built extension, as a rep's afternoon goes: import LinkedIn's
 * Connections.csv of 300 people in options, open the workspace from the popup, find Inès by
 * typing "ines marchetti" (no accent), mark two people brain-pickers from the detail pane, filter
 * to flagged, tag both in bulk (and Undo, and again), open one, log a call from the detail pane and
 * see the list's last touch change; the view is a link that opens the same way.
 */

interface StoredPerson {
  id: string;
  name: string;
  tags: string[];
  flags: string[];
}

const FIRST = ['Ada', 'Bo', 'Cleo', 'Dev', 'Elif', 'Femi', 'Gus', 'Hana', 'Ivo', 'Jana'];
const LAST = ['Obi', 'Lind', 'Park', 'Rao', 'Yilmaz', 'Adeyemi', 'Berg', 'Sato', 'Novak', 'Kral'];

function connectionsCsv(): string {
  const rows = Array.from({ length: 299 }, (_, i) => {
    const first = FIRST[i % 10]!;
    const last = `${LAST[Math.floor(i / 10) % 10]!}${i >= 100 ? `-${Math.floor(i / 100)}` : ''}`;
    return `${first},${last},https://www.linkedin.com/in/${first.toLowerCase()}-${last.toLowerCase()}-${i},,Company ${i % 40},${i % 3 === 0 ? 'Plant Manager' : 'Buyer'},01 Jan 2025`;
  });
  rows.splice(150, 0, 'Inès,Marchetti-Hale,https://www.linkedin.com/in/ines-marchetti-hale,,Corvid Packaging,Head of Operations,03 Mar 2025');
  return ['Notes:', '"When exporting your connection data, you may notice that some of the email addresses are missing."', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows, ''].join('\n');
}

let h: Harness;
let options: Page;
let workspace: Page;

beforeAll(async () => {
  h = await launch();
  options = await h.openExtensionPage('options.html');
});
afterAll(async () => {
  await h?.close();
});

const people = () => readTable<StoredPerson>(options, 'people');
const rows = () => workspace.getByTestId('person-row');
const count = () => workspace.getByTestId('people-count');
const detail = () => workspace.getByRole('complementary', { name: 'Details' });

describe('the workspace', () => {
  it('imports 300 people, finds Inès typed without accents, flags, filters, tags in bulk, and logs a touch from the detail pane', async () => {
    const importCard = options.getByRole('region', { name: 'Your data' }).getByLabel('Import people from CSV', { exact: true });
    await importCard.getByLabel('Import people from CSV').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(connectionsCsv()) });
    await importCard.getByRole('button', { name: 'Import 300 rows' }).click();
    await importCard.getByText(/^Imported 300 rows: 300 new people/).waitFor();

    // Opened from the popup's button, in a new tab.
    const popup = await h.openExtensionPage('popup.html');
    [workspace] = await Promise.all([h.context.waitForEvent('page'), popup.getByRole('button', { name: 'Workspace' }).click()]);
    await workspace.waitForURL(/\/workspace\.html/);
    await count().getByText('300 people').waitFor();
    // Virtualised: a screenful of rows in the DOM, not 300.
    expect(await rows().count()).toBeLessThan(60);

    // "/" focuses the search; typed without the accent, she is found, her name marked.
    await workspace.locator('body').click({ position: { x: 5, y: 5 } });
    await workspace.keyboard.press('/');
    expect(await workspace.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search people');
    await workspace.keyboard.type('ines marchetti');
    await count().getByText('1 person of 300').waitFor();
    // (Found at "ines marc" already: wait for the last keystroke's marks.)
    await rows().first().locator('mark', { hasText: /^Marchetti$/ }).waitFor();
    expect(await rows().first().locator('mark').allTextContents()).toEqual(['Inès', 'Marchetti']);
    expect(workspace.url()).toContain('q=ines+marchetti');

    // Enter opens her beside the list, with the side panel's own record; her link is her page.
    await workspace.keyboard.press('Enter');
    await detail().getByRole('heading', { name: 'Inès Marchetti-Hale', level: 1 }).waitFor();
    expect(workspace.url()).toMatch(/#person\/[^?]+\?q=ines\+marchetti$/);
    await detail().getByRole('button', { name: 'Mark as brain-picker' }).click();
    await detail().getByRole('region', { name: 'Crisis-mode brain-picker' }).waitFor();

    // Escape clears the search; a second person, found by company, is marked too.
    await workspace.getByLabel('Search people').focus();
    await workspace.keyboard.press('Escape');
    await count().getByText('300 people').waitFor();
    await workspace.getByLabel('Search people').fill('company 17 buyer');
    await count().getByText('5 people of 300').waitFor();
    const second = (await rows().first().getByRole('button').first().textContent())!;
    await rows().first().getByRole('button', { name: second }).click();
    await detail().getByRole('button', { name: 'Mark as brain-picker' }).click();
    await detail().getByRole('region', { name: 'Crisis-mode brain-picker' }).waitFor();

    // Flagged only: the two of them.
    await workspace.getByLabel('Search people').fill('');
    await workspace.getByLabel('Flagged brain-pickers').check();
    await count().getByText('2 people of 300').waitFor();
    expect(workspace.url()).toContain('flagged=1');
    expect((await rows().locator('.name').allTextContents()).sort()).toEqual(['Inès Marchetti-Hale', second].sort());

    // Tag both in bulk: the count first, then Undo, then again.
    await workspace.getByRole('button', { name: 'Select all 2 matching' }).click();
    const bulk = workspace.getByRole('region', { name: 'Bulk actions' });
    await bulk.getByText('2 people selected').waitFor();
    await bulk.getByLabel('Bulk action').selectOption('tag');
    await bulk.getByLabel('Tag', { exact: true }).fill('Crisis review');
    await bulk.getByRole('button', { name: 'Apply…' }).click();
    await bulk.getByText('Tag 2 people “Crisis review”?').waitFor();
    await bulk.getByRole('button', { name: 'Confirm' }).click();
    await bulk.getByText('Tagged 2 people “Crisis review”.').waitFor();
    await readUntil(options, people, (all) => all.filter((p) => p.tags.includes('Crisis review')).length === 2);
    await rows().filter({ hasText: 'Crisis review' }).nth(1).waitFor();
    await bulk.getByRole('button', { name: 'Undo' }).click();
    await bulk.getByText('Undone for 2 people.').waitFor();
    await readUntil(options, people, (all) => all.every((p) => p.tags.length === 0));
    await bulk.getByRole('button', { name: 'Another action' }).click();
    await bulk.getByRole('button', { name: 'Apply…' }).click();
    await bulk.getByRole('button', { name: 'Confirm' }).click();
    await bulk.getByText('Tagged 2 people “Crisis review”.').waitFor();

    // The tag is a filter now, and the view a link: opened afresh, the same list.
    await workspace.getByRole('group', { name: 'Filters' }).getByLabel('Tag', { exact: true }).selectOption('Crisis review');
    await count().getByText('2 people of 300').waitFor();
    const link = workspace.url();
    expect(link).toContain('tag=Crisis+review');
    const again = await h.context.newPage();
    await again.goto(link);
    await again.getByTestId('people-count').getByText('2 people of 300').waitFor();
    await again.close();

    // Open Inès, log a call from the detail pane: her row's last touch goes from never to today.
    const ines = rows().filter({ hasText: 'Inès Marchetti-Hale' });
    expect(await ines.locator('.col-last').textContent()).toBe('never');
    await ines.getByRole('button', { name: 'Inès Marchetti-Hale' }).click();
    await detail().getByRole('heading', { name: 'Inès Marchetti-Hale', level: 1 }).waitFor();
    await detail().getByLabel('Touch type').selectOption('call');
    await detail().getByRole('button', { name: 'Log touch' }).click();
    // She is on the back burner now: Groundwork asks first, as in the side panel.
    await detail().getByRole('alert', { name: 'On the back burner' }).waitFor();
    await detail().getByRole('button', { name: 'Log the attempt anyway' }).click();
    await ines.locator('.col-last').getByText(/^today /).waitFor();
    await readUntil(options, () => readTable<{ personId: string; type: string }>(options, 'touches'), (touches) => touches.some((t) => t.type === 'call'));

    // With data, a record open and a selection made, axe finds nothing.
    expect(await axeViolations(workspace)).toEqual([]);
  });

  it('accounts by executive relationship, a person moved to another account, deep links, the keyboard, bulk delete undone', async () => {
    await options.evaluate(() => new Promise<void>((resolve) => {
      const request = indexedDB.open('groundwork');
      request.onsuccess = () => {
        const tx = request.result.transaction(['people', 'touches', 'followUps', 'firstTouches', 'tallies', 'fits'], 'readwrite');
        for (const name of ['people', 'touches', 'followUps', 'firstTouches', 'tallies', 'fits']) tx.objectStore(name).clear();
        tx.oncomplete = () => (request.result.close(), resolve());
      };
    }));
    const now = Date.now();
    const person = (id: string, name: string, accountId: string, companyName: string, title: string) => ({
      id, name, title, accountId, companyName, emails: [`${id}@example.com`], source: 'manual', stage: 'target', flags: [], tags: [], owner: 'rep', createdAt: now, updatedAt: now,
    });
    await seedTable(options, 'accounts', [
      { id: 'a-sable', name: 'Sable Ridge Foods', industry: 'Food production', domains: [], createdAt: now, updatedAt: now },
      { id: 'a-kestrel', name: 'Kestrel Labs', industry: 'Biotech', domains: [], createdAt: now, updatedAt: now },
    ]);
    await seedTable(options, 'people', [
      person('p-ruth', 'Ruth Okafor', 'a-sable', 'Sable Ridge Foods', 'VP Operations'),
      person('p-marcus', 'Marcus Byrne', 'a-sable', 'Sable Ridge Foods', 'Buyer'),
      person('p-noor', 'Noor Haddad', 'a-kestrel', 'Kestrel Labs', 'Plant Manager'),
    ]);
    await seedTable(options, 'touches', [touchRow('t-ruth', 'p-ruth', now - 86_400_000, { accountId: 'a-sable', type: 'call' })]);
    // Seeded raw, so with the running figures Groundwork's own writes keep (lib/db/touchFigures.ts).
    await seedTable(options, 'firstTouches', [{ personId: 'p-ruth', firstAt: now - 86_400_000, lastAt: now - 86_400_000, firstOutboundAt: now - 86_400_000 }]);

    // The home with no prospect on screen opens the workspace.
    const panel = await h.openExtensionPage('sidepanel.html');
    const [opened] = await Promise.all([h.context.waitForEvent('page'), panel.getByRole('button', { name: /Open the workspace/ }).click()]);
    await opened.getByTestId('people-count').getByText('3 people').waitFor();
    await opened.close();
    await panel.close();

    // Accounts without anyone at VP level or above touched: Kestrel, where Noor is a plant manager.
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/workspace.html#accounts`);
    await page.getByTestId('accounts-count').getByText('2 accounts').waitFor();
    await page.getByLabel('Without an executive relationship').check();
    await page.getByTestId('accounts-count').getByText('1 account of 2').waitFor();
    await page.getByRole('button', { name: 'Kestrel Labs' }).click();
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name: 'Kestrel Labs', level: 1 }).waitFor();
    await details.getByRole('list', { name: 'People at Kestrel Labs' }).getByText('Noor Haddad').waitFor();
    expect(page.url()).toMatch(/#account\/a-kestrel\?exec=none$/);

    // A deep link straight to Marcus; he moved to Kestrel Labs.
    await page.goto(`chrome-extension://${h.extensionId}/workspace.html#person/p-marcus`);
    await details.getByRole('heading', { name: 'Marcus Byrne', level: 1 }).waitFor();
    await details.getByRole('button', { name: 'Change Marcus Byrne’s account' }).click();
    await details.getByLabel('Move Marcus Byrne to').fill('kes');
    await details.getByRole('button', { name: 'Move to Kestrel Labs' }).click();
    await details.getByTestId('account-picker').getByRole('button', { name: 'Kestrel Labs' }).waitFor();
    await readUntil(options, people, (all) => all.some((p) => p.id === 'p-marcus' && (p as unknown as { accountId: string }).accountId === 'a-kestrel'));
    await page.getByRole('row').filter({ hasText: 'Marcus Byrne' }).getByText(/Kestrel Labs/).waitFor();

    // The keyboard: into the list, down one, Enter opens; Space ticks.
    await page.getByRole('grid', { name: 'People' }).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await details.getByRole('heading', { name: 'Noor Haddad', level: 1 }).waitFor();
    await page.getByRole('grid', { name: 'People' }).focus();
    await page.keyboard.press(' ');
    const bulk = page.getByRole('region', { name: 'Bulk actions' });
    await bulk.getByText('1 person selected').waitFor();

    // Deleted with her touches and follow-ups, after the count; Undo brings her back.
    await bulk.getByLabel('Bulk action').selectOption('delete');
    await bulk.getByRole('button', { name: 'Apply…' }).click();
    await bulk.getByText('Delete 1 person with all their touches and follow-ups?').waitFor();
    await bulk.getByRole('button', { name: 'Delete 1 person' }).click();
    await page.getByTestId('people-count').getByText('2 people').waitFor();
    await details.getByText('This person is no longer saved').waitFor();
    await bulk.getByRole('button', { name: 'Undo' }).click();
    await page.getByTestId('people-count').getByText('3 people').waitFor();
    await details.getByRole('heading', { name: 'Noor Haddad', level: 1 }).waitFor();

    // A range by shift-click: the first ticked, the last shift-clicked, everyone between too.
    // (The delete let go of the selection: the people it named were gone.)
    await bulk.getByRole('button', { name: 'Another action' }).click();
    await bulk.getByText('0 people selected').waitFor();
    await page.getByLabel('Select Marcus Byrne').click();
    await page.getByLabel('Select Ruth Okafor').click({ modifiers: ['Shift'] });
    await bulk.getByText('3 people selected').waitFor();
    expect(await page.getByLabel('Select Noor Haddad').isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`chrome-extension://${h.extensionId}/workspace.html#accounts`);
    await page.getByTestId('accounts-count').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
