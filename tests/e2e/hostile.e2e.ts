import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedInFixture } from '../fixtures/linkedin/expected';
import { emailPersonRow, readTable, readUntil, seedTable, waitForReport, type StoredTouch } from './db';
import { launch, type Harness } from './harness';
import { FIXTURES_DIR } from './server';
import { spaNavigate } from './spa';
import { Toasts } from './toast';

/**
 * Invisible to the page and unbreakable by it (issue 15): a LinkedIn and a Gmail page whose own
 * script (tests/fixtures/hostile/page-listener.js) listens for everything a content script could
 * make it hear and then forges what WXT's context listened for. Groundwork must be heard saying
 * nothing, and must go on reporting navigations and logging sends. An update (the extension
 * reloaded with the tab open) leaves the old script quiet and the fresh one reporting once.
 */

const ADAEZE = linkedInFixture('2023-09-logged-in-profile.html');
const SOREN = linkedInFixture('2025-04-logged-in-profile.html');
const PRIYA = linkedInFixture('2024-07-public-profile.html');
const COMPOSE_PAGE = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTsLineSpeed';
/** The same Gmail page whose stylesheet tries to hide Groundwork's toast. */
const RESTYLING_PAGE = 'https://mail.google.com/mail/u/3/#inbox/FMfcgzQZTsLineSpeed';
/** The same Gmail page whose script hides or covers the toast a second after it appears. */
const COVERING_PAGE = 'https://mail.google.com/mail/u/4/#inbox/FMfcgzQZTsLineSpeed';
const HIDING_PAGE = 'https://mail.google.com/mail/u/5/#inbox/FMfcgzQZTsLineSpeed';
const ADAEZE_EMAIL = 'adaeze@sable-ridge-foods.example';

const LISTENER = readFileSync(join(FIXTURES_DIR, 'hostile/page-listener.js'), 'utf8');

/** The fixture with the hostile script as the first thing in its head, run before anything else. */
function hostile(file: string, extra = ''): string {
  const html = readFileSync(join(FIXTURES_DIR, file), 'utf8');
  return html.replace(/<head([^>]*)>/, (head) => `${head}<script>${LISTENER}</script>${extra}`);
}

const HIDE_BY_STYLESHEET = `<style>
  groundwork-toast, body ~ * { opacity: 0 !important; visibility: hidden !important; display: none !important; transform: scale(0) !important; }
</style>`;

/** A page script that, a second after the toast appears, does `act(host)` to it. */
const afterToastAppears = (act: string) => `<script>
  new MutationObserver((_, observer) => {
    const host = document.querySelector('groundwork-toast');
    if (!host) return;
    observer.disconnect();
    setTimeout(() => (${act})(host), 1000);
  }).observe(document.documentElement, { childList: true });
</script>`;
const COVER = afterToastAppears(`() => {
  const decoy = document.createElement('div');
  decoy.id = 'decoy';
  decoy.textContent = 'You won! Click the link in the corner to claim your prize';
  decoy.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff;pointer-events:none';
  document.documentElement.append(decoy);
}`);
const HIDE_BY_SCRIPT = afterToastAppears(`(host) => {
  host.setAttribute('style', 'opacity: 0');
  host.setAttribute('hidden', '');
  window.restyled = true;
}`);

interface HostileReport {
  heard: { where: string; type: string; detail?: string; data?: string }[];
  globalsAdded: string[];
}

let h: Harness;
let control: Page;

beforeAll(async () => {
  h = await launch((server) => {
    server.route(ADAEZE.url, { html: hostile(`linkedin/${ADAEZE.file}`) });
    server.route(COMPOSE_PAGE, { html: hostile('gmail/2024-06-send-flow.html') });
    server.route(RESTYLING_PAGE, { html: hostile('gmail/2024-06-send-flow.html', HIDE_BY_STYLESHEET) });
    server.route(COVERING_PAGE, { html: hostile('gmail/2024-06-send-flow.html', COVER) });
    server.route(HIDING_PAGE, { html: hostile('gmail/2024-06-send-flow.html', HIDE_BY_SCRIPT) });
  });
  control = await h.openExtensionPage('options.html');
});
afterAll(async () => {
  await h?.close();
});

/** Opens a hostile page that listens, from its first script on, for the names tied to Groundwork's id. */
async function openHostile(url: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await page.evaluate((id) => (window as unknown as { hostile: { listenForNamesOf(id: string): void } }).hostile.listenForNamesOf(id), h.extensionId);
  return page;
}

const spoof = (page: Page) => page.evaluate((id) => (window as unknown as { hostile: { spoof(id: string): void } }).hostile.spoof(id), h.extensionId);
const heardBy = (page: Page) => page.evaluate(() => (window as unknown as { hostile: { report(): HostileReport } }).hostile.report());

describe('a page that listens for Groundwork and tries to switch it off', () => {
  it('on LinkedIn: hears nothing, and after its forgeries the next in-app navigation is still reported', async () => {
    const page = await openHostile(ADAEZE.url);
    expect((await waitForReport(control, ADAEZE.url)).page).toEqual(ADAEZE.expected);
    expect(await heardBy(page)).toEqual({ heard: [], globalsAdded: [] });
    await spoof(page);
    await spaNavigate(page, SOREN);
    expect((await waitForReport(control, SOREN.url)).page).toEqual(SOREN.expected);
    expect(await heardBy(page)).toEqual({ heard: [], globalsAdded: [] });
    await page.close();
  });

  it('in Gmail: hears nothing but the toast it sees, and after its forgeries a real Send is still logged', async () => {
    await seedTable(control, 'people', [emailPersonRow('p-adaeze', 'Adaeze Okonkwo-Reyes', ADAEZE_EMAIL, Date.now())]);
    const mail = await openHostile(COMPOSE_PAGE);
    await waitForReport(control, COMPOSE_PAGE);
    expect(await heardBy(mail)).toEqual({ heard: [], globalsAdded: [] });
    await spoof(mail);
    const toasts = await Toasts.attach(mail);
    await mail.locator('[data-testid="compose-to-prospect"] .aoO').click();
    await toasts.waitForText('Logged for Adaeze Okonkwo-Reyes');
    const touches = await readUntil(control, () => readTable<StoredTouch>(control, 'touches'), (rows) => rows.length > 0);
    expect(touches).toEqual([expect.objectContaining({ personId: 'p-adaeze', direction: 'outbound', type: 'email', loggedBy: 'automatic' })]);
    expect(await heardBy(mail)).toEqual({ heard: [], globalsAdded: [] });
    await toasts.click('Undo');
    await toasts.waitForText('Removed from Groundwork: Adaeze Okonkwo-Reyes');
    await readUntil(control, () => readTable<StoredTouch>(control, 'touches'), (rows) => rows.length === 0);
    await mail.close();
  });
});

describe('the toast, which a page cannot hide to trick the rep into a click', () => {
  const sendToAdaeze = async (url: string) => {
    const mail = await h.openSitePage(url);
    const toasts = await Toasts.attach(mail);
    await mail.locator('[data-testid="compose-to-prospect"] .aoO').click();
    await toasts.waitForText('Logged for Adaeze Okonkwo-Reyes');
    return { mail, toasts };
  };
  const touches = () => readTable<StoredTouch>(control, 'touches');

  it('a stylesheet cannot hide it: it shows, and Undo works', async () => {
    const { mail, toasts } = await sendToAdaeze(RESTYLING_PAGE);
    // Its button becomes clickable only once Chrome has seen the toast fully visible.
    await toasts.click('Undo');
    await toasts.waitForText('Removed from Groundwork: Adaeze Okonkwo-Reyes');
    expect(await readUntil(control, touches, (rows) => rows.length === 0)).toEqual([]);
    await mail.close();
  });

  it('once drawn over by the page, a click where its button was does nothing, and it says why', async () => {
    const { mail, toasts } = await sendToAdaeze(COVERING_PAGE);
    await toasts.waitUntilEnabled('Undo');
    // A second after it appeared, the page covers it; Chrome sees that.
    await toasts.waitUntilDisabled('Undo');
    await toasts.click('Undo', { whenEnabled: false });
    await toasts.waitForText('This page hid or covered Groundwork’s message, so nothing was done');
    expect(await touches()).toEqual([expect.objectContaining({ personId: 'p-adaeze', type: 'email' })]);
    // Undone from the side panel instead, as the toast says, for the next test.
    await mail.close();
    await control.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('groundwork');
        request.onsuccess = () => resolve(request.result);
      });
      await new Promise<void>((resolve) => {
        const tx = db.transaction(['touches', 'followUps'], 'readwrite');
        tx.objectStore('touches').clear();
        tx.objectStore('followUps').clear();
        tx.oncomplete = () => resolve();
      });
      db.close();
    });
  });

  it('restyled by a page script, it puts itself back, and Undo works', async () => {
    const { mail, toasts } = await sendToAdaeze(HIDING_PAGE);
    await toasts.waitUntilEnabled('Undo');
    // A second after it appeared, the page's script sets its element invisible and hidden.
    await mail.waitForFunction(() => (window as unknown as { restyled?: boolean }).restyled === true);
    const host = await mail.evaluate(() => {
      const element = document.querySelector('groundwork-toast')!;
      return { opacity: getComputedStyle(element).opacity, display: getComputedStyle(element).display, hidden: element.hasAttribute('hidden') };
    });
    expect(host).toEqual({ opacity: '1', display: 'block', hidden: false });
    await toasts.click('Undo');
    await toasts.waitForText('Removed from Groundwork: Adaeze Okonkwo-Reyes');
    expect(await readUntil(control, touches, (rows) => rows.length === 0)).toEqual([]);
    await mail.close();
  });
});

describe('an update while a LinkedIn tab stays open', () => {
  it('the old script goes quiet, the fresh one reports each next navigation once', async () => {
    const page = await openHostile(ADAEZE.url);
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await waitForReport(control, ADAEZE.url);

    await h.reloadExtension();
    // The reload closed every extension page and emptied storage.session; the fresh script,
    // run into the open tab by the new worker, reports the page it finds.
    control = await h.openExtensionPage('options.html');
    expect((await waitForReport(control, ADAEZE.url)).page).toEqual(ADAEZE.expected);

    // Every report the background records for the tab, from now on.
    await control.evaluate(() => {
      const reports: string[] = [];
      Object.assign(window, { reports });
      chrome.storage.onChanged.addListener((changes, area) => {
        if (area !== 'session') return;
        for (const change of Object.values(changes)) {
          const url = (change.newValue as { page?: { url?: string } } | undefined)?.page?.url;
          if (url) reports.push(url);
        }
      });
    });
    await spaNavigate(page, SOREN);
    expect((await waitForReport(control, SOREN.url)).page).toEqual(SOREN.expected);
    await spaNavigate(page, PRIYA);
    expect((await waitForReport(control, PRIYA.url)).page).toEqual(PRIYA.expected);
    // Both scripts heard both navigations; had the old one not gone quiet, or the fresh one run
    // twice, Søren's page would have been recorded more than once before Priya's.
    const reports = await control.evaluate(() => (window as unknown as { reports: string[] }).reports);
    expect(reports.filter((url) => url === SOREN.url)).toHaveLength(1);
    expect(await heardBy(page)).toEqual({ heard: [], globalsAdded: [] });
    expect(problems).toEqual([]);
    await page.close();
  });
});
