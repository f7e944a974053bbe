import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSessionStorage, readTable, seedTable, waitForReport } from './db';
import { launch, type Harness } from './harness';

/**
 * The walking skeleton, end to end in Chromium with the built extension: a LinkedIn profile URL
 * served from a fixture → the content script reports → the background records the tab's context
 * (surviving a service-worker kill) → the side panel shows the person → Save → log a touch. The
 * popup lists what is due from the database; options opens and saves.
 */

const MARGIT = 'https://www.linkedin.com/in/margit-ekstrom-4471/';
const SVEN = 'https://de.linkedin.com/in/sven-aalto/details/experience/';

let h: Harness;
beforeAll(async () => {
  h = await launch((server) =>
    server
      .route(MARGIT, {
        html: '<!doctype html><title>(2) Margit Ekström | LinkedIn</title><main><section><h1>Margit Ekström</h1><p>Plant Manager at Nordvik Foods</p></section></main>',
      })
      .route(SVEN, { html: '<!doctype html><title>Sven Aalto | LinkedIn</title><main><h1>Sven Aalto</h1></main>' })
      .route('https://www.linkedin.com/feed/', { html: '<!doctype html><title>Feed | LinkedIn</title><main>feed</main>' }),
  );
});
afterAll(async () => {
  await h?.close();
});

describe('walking skeleton', () => {
  it('shows an unknown person from a LinkedIn profile in the side panel, even after the worker is killed', async () => {
    const profile = await h.openSitePage(MARGIT);
    const dbPage = await h.openExtensionPage('options.html');
    await waitForReport(dbPage, MARGIT);
    const session = await readSessionStorage(dbPage);
    // The tab's page context is all the worker records of the page (the rest: the popup's snapshot).
    const contexts = Object.entries(session).filter(([key]) => key.startsWith('tab:')).map(([, value]) => value);
    expect(contexts).toEqual([
      expect.objectContaining({
        page: {
          kind: 'person',
          url: MARGIT,
          person: { linkedinUrl: MARGIT, name: 'Margit Ekström', headline: 'Plant Manager at Nordvik Foods' },
        },
      }),
    ]);
    await dbPage.close();

    await h.killServiceWorker();
    expect(h.isServiceWorkerRunning()).toBe(false);

    await profile.bringToFront();
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('heading', { name: 'Margit Ekström' }).waitFor();
    expect(await panel.getByText('Not saved yet').isVisible()).toBe(true);

    // The worker comes back for the next page report.
    await profile.goto(SVEN);
    await h.serviceWorker();
    await panel.getByRole('heading', { name: 'Sven Aalto' }).waitFor();
    await profile.close();
    await panel.close();
  });

  it('saves the prospect and logs a touch that appears in the timeline', async () => {
    const profile = await h.openSitePage(MARGIT);
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('button', { name: 'Save prospect' }).click();
    await panel.getByText('Saved prospect').waitFor();

    const people = await readTable<{ name: string; linkedinUrl: string; stage: string }>(panel, 'people');
    expect(people).toEqual([expect.objectContaining({ name: 'Margit Ekström', linkedinUrl: MARGIT, stage: 'target' })]);

    await panel.getByLabel('Touch type').selectOption('personal-note');
    await panel.getByLabel('Note', { exact: true }).fill('Congratulated her on the new line');
    await panel.getByRole('button', { name: 'Log touch' }).click();
    const timeline = panel.getByRole('list', { name: 'Touch timeline' });
    await timeline.getByText('Congratulated her on the new line').waitFor();
    expect(await timeline.getByText('Personal note').isVisible()).toBe(true);

    const touches = await readTable<{ type: string; intent: string; loggedBy: string }>(panel, 'touches');
    expect(touches).toEqual([expect.objectContaining({ type: 'personal-note', intent: 'give', loggedBy: 'one-click' })]);
    await profile.close();
    await panel.close();
  });

  it('shows a stored person’s record rather than the page’s preview', async () => {
    const dbPage = await h.openExtensionPage('options.html');
    await seedTable(dbPage, 'people', [
      {
        id: 'p-sven',
        name: 'Sven Aalto (stored)',
        linkedinUrl: 'https://www.linkedin.com/in/sven-aalto/',
        emails: [],
        source: 'manual',
        stage: 'engaged',
        flags: [],
        tags: [],
        owner: 'rep',
        createdAt: 1,
        updatedAt: 1,
      },
    ]);
    await dbPage.close();
    const profile = await h.openSitePage(SVEN);
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('heading', { name: 'Sven Aalto (stored)' }).waitFor();
    expect(await panel.getByLabel('Stage', { exact: true }).inputValue()).toBe('engaged');
    await profile.close();
    await panel.close();
  });

  it('says there is no prospect on a LinkedIn page that shows none', async () => {
    const feed = await h.openSitePage('https://www.linkedin.com/feed/');
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByTestId('no-prospect').waitFor();
    await feed.close();
    await panel.close();
  });

  it('the popup shows a real empty state, then what is due today from the database', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await popup.getByText('Nothing due. Prospect someone new?').waitFor();
    const [margit] = await readTable<{ id: string }>(popup, 'people');
    const now = Date.now();
    await seedTable(popup, 'followUps', [
      {
        id: 'f-due',
        personId: margit!.id,
        dueAt: now - 60_000,
        reason: 'Send Margit the line-speed article',
        suggestedType: 'article-forwarded',
        status: 'open',
        origin: 'manual',
        createdAt: now,
        updatedAt: now,
      },
      {
        id: 'f-later',
        personId: margit!.id,
        dueAt: now + 5 * 86_400_000,
        reason: 'Not yet',
        suggestedType: 'call',
        status: 'open',
        origin: 'manual',
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await popup.reload();
    const list = popup.getByRole('list', { name: 'Follow-ups due' });
    await list.getByText('Send Margit the line-speed article').waitFor();
    expect(await list.getByRole('listitem').count()).toBe(1);
    expect(await list.getByText('Margit Ekström').isVisible()).toBe(true);
    expect(await popup.getByRole('button', { name: 'Open side panel' }).isVisible()).toBe(true);
    await popup.close();
  });

  it('options opens and keeps what the rep saves', async () => {
    const options = await h.openExtensionPage('options.html');
    await options.getByRole('heading', { name: 'Groundwork options' }).waitFor();
    await options.getByLabel('Attempts', { exact: true }).fill('5');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await options.getByRole('status').getByText('Saved').waitFor();
    await options.reload();
    await options.getByLabel('Attempts', { exact: true }).waitFor();
    expect(await options.getByLabel('Attempts', { exact: true }).inputValue()).toBe('5');
    await options.close();
  });
});

describe('opening the side panel', () => {
  it('the popup’s button opens Chrome’s real side panel on the person in the active tab', async () => {
    const profile = await h.openSitePage(MARGIT);
    const popup = await h.openExtensionPage('popup.html');
    await profile.bringToFront();
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Open side panel' }).click();
    await closed; // the popup gets out of the way once the panel is open
    const panel = await h.waitForRealSidePanel();
    await panel.waitForText('Margit Ekström');
    expect(await panel.evaluate<string>('document.querySelector("h1").textContent')).toBe('Margit Ekström');
    await profile.close();
  });
});
