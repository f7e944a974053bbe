import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COPY_KEY, PAGE_MARK_KEY, SNAPSHOT_KEY } from '../../lib/popup/snapshot';
import { linkedInFixture } from '../fixtures/linkedin/expected';
import { emailPersonRow, holdTables, markDataChanged, readTable, readUntil, seedTable, waitForPopupSnapshot, waitForReport } from './db';
import { mailArrives } from './gmail';
import { builtPopupApp, EXTENSION_DIR, launch, type Harness } from './harness';

/**
 * The popup paints today's list from the worker's snapshot before React and Dexie have loaded
 * (issue 20), hands over to React without a change the rep can see, and never paints what a
 * change made elsewhere has made untrue.
 */

const TOMASZ = linkedInFixture('2018-06-logged-in-profile.html');
const INBOX_PAGE = 'https://mail.google.com/mail/u/2/#inbox';

let h: Harness;
let control: Page;
beforeAll(async () => {
  h = await launch((server) => server.page(TOMASZ.url, `linkedin/${TOMASZ.file}`).page(INBOX_PAGE, 'gmail/2024-06-inbox-only.html'));
  control = await h.openExtensionPage('options.html');
  // Every day a working day, so "due today" does not depend on the day the tests run.
  await seedTable(control, 'settings', [{ key: 'settings', value: { workWeek: { days: [0, 1, 2, 3, 4, 5, 6], timeZone: '' }, weeklyGoal: 5 } }]);
  // Every state the popup's #root goes through, from its first script on: what the rep could see.
  await h.context.addInitScript(() => {
    if (!location.pathname.endsWith('/popup.html')) return;
    type State = { text: string; rows: { text: string; top: number; height: number }[]; interactive: boolean };
    const states: State[] = [];
    let shifted = 0;
    (window as unknown as { popupStates: State[] }).popupStates = states;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifted += (entry as unknown as { value: number }).value;
      (window as unknown as { layoutShift: number }).layoutShift = shifted;
    }).observe({ type: 'layout-shift', buffered: true });
    (window as unknown as { layoutShift: number }).layoutShift = 0;
    new MutationObserver(() => {
      const root = document.getElementById('root');
      if (!root || !root.firstElementChild) return;
      states.push({
        text: root.innerText,
        rows: [...root.querySelectorAll('li')].map((li) => ({ text: li.innerText, top: li.getBoundingClientRect().top, height: li.getBoundingClientRect().height })),
        interactive: performance.getEntriesByName('groundwork:popup-interactive').length > 0,
      });
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
});
afterAll(async () => {
  await h?.close();
});

interface Opened {
  page: Page;
  paintedFrom: string;
  states: { text: string; rows: { text: string; top: number; height: number }[]; interactive: boolean }[];
  layoutShift: number;
}

/** Opens the popup as the rep does, and waits until React has taken over. */
async function openPopup(): Promise<Opened> {
  return seen(await h.openExtensionPage('popup.html'));
}

/** What the popup showed until React took over. */
async function seen(page: Page): Promise<Opened> {
  return page.evaluate(async () => {
    while (performance.getEntriesByName('groundwork:popup-interactive').length === 0) await new Promise((resolve) => requestAnimationFrame(resolve));
    const w = window as unknown as { popupStates: Opened['states']; layoutShift: number };
    const painted = performance.getEntriesByName('groundwork:popup-painted')[0] as PerformanceMark;
    return { paintedFrom: painted.detail as string, states: w.popupStates, layoutShift: w.layoutShift };
  }).then((seen) => ({ page, ...seen }));
}

/** A person with one follow-up due `ago` ms ago, and the worker's snapshot made of it. */
async function seedOneDue(person: { personId: string; name: string; email: string }, followUpId: string, reason: string, ago: number) {
  const now = Date.now();
  await seedTable(control, 'people', [emailPersonRow(person.personId, person.name, person.email, now)]);
  await seedTable(control, 'followUps', [dueRow(followUpId, person.personId, reason, now - ago)]);
  await waitForPopupSnapshot(control);
}

/** Once the first script has painted or refused: which, and every state of #root until then. */
const checkedAndShown = (page: Page) =>
  page.evaluate(async () => {
    while (performance.getEntriesByName('groundwork:popup-snapshot-checked').length === 0) await new Promise((resolve) => requestAnimationFrame(resolve));
    const mark = performance.getEntriesByName('groundwork:popup-snapshot-checked')[0] as PerformanceMark;
    return { checked: mark.detail as string, shown: (window as unknown as { popupStates: Opened['states'] }).popupStates.map((s) => s.text) };
  });

const dueRow = (id: string, personId: string, reason: string, dueAt: number) =>
  ({ id, personId, dueAt, reason, suggestedType: 'call', status: 'open', origin: 'manual', createdAt: dueAt, updatedAt: dueAt });

describe('the popup painted from the worker’s snapshot', () => {
  it('shows today’s list before React has loaded, and React takes over without a change the rep could see', async () => {
    const now = Date.now();
    await seedTable(control, 'people', [emailPersonRow('p-ines', 'Inès Marchetti', 'ines@havel.example', now), emailPersonRow('p-ravi', 'Ravi Menon', 'ravi@odra.example', now)]);
    await seedTable(control, 'followUps', [dueRow('f-ines', 'p-ines', 'Send Inès the scrap study', now - 3_600_000), dueRow('f-ravi', 'p-ravi', 'Call Ravi about the line audit', now - 60_000)]);
    await waitForPopupSnapshot(control);

    const popup = await openPopup();
    expect(popup.paintedFrom).toBe('snapshot');
    const [first] = popup.states;
    const last = popup.states[popup.states.length - 1]!;
    // The first thing on screen is the list, before React.
    expect(first!.interactive).toBe(false);
    expect(first!.rows.map((r) => r.text.split('\n')[0])).toEqual(['Inès Marchetti', 'Ravi Menon']);
    // …and React's page reads and sits exactly the same.
    expect(last.interactive).toBe(true);
    expect(last.text).toBe(first!.text);
    expect(last.rows).toEqual(first!.rows);
    expect(popup.layoutShift).toBe(0);
    // It works: Done on Ravi's row.
    await popup.page.getByRole('group', { name: 'Follow-up with Ravi Menon' }).getByRole('button', { name: 'Done', exact: true }).click();
    await popup.page.getByText('Call Ravi about the line audit').waitFor({ state: 'detached' });
    await popup.page.close();
  });

  it('a Done clicked on the painted list, before React has taken over, is done once React has', async () => {
    await seedOneDue({ personId: 'p-early', name: 'Edda Kowalczyk', email: 'edda@lumen.example' }, 'f-early', 'Send Edda the retrofit quote', 120_000);
    // React's reads wait behind a hold on the follow-ups: the painted list is all there is.
    const tables = await holdTables(control, ['followUps']);
    const page = await h.openExtensionPage('popup.html');
    await page.evaluate(async () => {
      while (performance.getEntriesByName('groundwork:popup-snapshot-checked').length === 0) await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    await page.getByRole('group', { name: 'Follow-up with Edda Kowalczyk' }).getByRole('button', { name: 'Done', exact: true }).click();
    expect(await page.evaluate(() => performance.getEntriesByName('groundwork:popup-interactive').length)).toBe(0);
    await tables.release();
    await page.getByText('Send Edda the retrofit quote').waitFor({ state: 'detached' });
    const followUps = await readTable<{ id: string; status: string }>(control, 'followUps');
    expect(followUps.find((f) => f.id === 'f-early')).toMatchObject({ status: 'done' });
    await page.close();
  });

  it('never paints a row done elsewhere: Done in the side panel → popup opened → the row is gone', async () => {
    const profile = await h.openSitePage(TOMASZ.url);
    await waitForReport(control, TOMASZ.url);
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('button', { name: 'Save prospect' }).click();
    await panel.getByText('Saved prospect').waitFor();
    await panel.getByLabel('Touch type').selectOption('inbound-message');
    await panel.getByRole('button', { name: 'Log touch' }).click();
    const next = panel.getByTestId('next-follow-up');
    await next.getByText('Reply to Tomasz').waitFor();
    await waitForPopupSnapshot(control);

    const before = await openPopup();
    expect(before.paintedFrom).toBe('snapshot');
    expect(before.states[0]!.text).toContain('Reply to Tomasz');
    await before.page.close();

    const old = await control.evaluate((key) => chrome.storage.session.get(key), SNAPSHOT_KEY);
    await profile.bringToFront();
    await next.getByRole('button', { name: 'Done', exact: true }).click();
    await next.getByText('Reply to Tomasz').waitFor({ state: 'detached' });
    await waitForPopupSnapshot(control);
    // Made certain: the worker's snapshot is still the one from before Done (as if it had not yet
    // remade it), and nothing can remake it — the tables it reads are held, so the popup's own
    // reads wait too and only that snapshot could be shown. Its change mark is older than Done's.
    const tables = await holdTables(control, ['followUps']);
    await control.evaluate((stored) => chrome.storage.session.set(stored), old);
    const page = await h.openExtensionPage('popup.html');
    const { checked, shown } = await checkedAndShown(page);
    expect(checked).toBe('refused');
    await tables.release();
    const after = await seen(page);
    for (const text of [...shown, ...after.states.map((s) => s.text)]) expect(text).not.toContain('Reply to Tomasz');
    expect(after.paintedFrom).toBe('react');
    expect(after.states[after.states.length - 1]!.text).toContain('Send Inès the scrap study');
    await Promise.all([after.page.close(), panel.close(), profile.close()]);
  });

  it('paints nothing stale after a write while the worker was stopped, and the worker, woken by it, makes a new snapshot', async () => {
    await markDataChanged(control); // (the last test left an old snapshot behind)
    await waitForPopupSnapshot(control);
    await h.killServiceWorker();
    // The weekly goal changed in Options while no worker runs.
    await seedTable(control, 'settings', [{ key: 'settings', value: { workWeek: { days: [0, 1, 2, 3, 4, 5, 6], timeZone: '' }, weeklyGoal: 9 } }]);
    const popup = await openPopup();
    for (const state of popup.states) expect(state.text).not.toMatch(/\d+ \/ 5\b/);
    expect(popup.states[popup.states.length - 1]!.text).toMatch(/\d+ \/ 9\b/);
    await popup.page.close();
    await waitForPopupSnapshot(control);
    const again = await openPopup();
    expect(again.paintedFrom).toBe('snapshot');
    expect(again.states[0]!.text).toMatch(/\d+ \/ 9\b/);
    await again.page.close();
  });
});

/** The address the toolbar button opens now, and the mark a page's write left in localStorage. */
const marks = async () => ({
  toolbar: await h.toolbarPopupAddress(),
  page: await control.evaluate((key) => localStorage.getItem(key), PAGE_MARK_KEY),
});

/** The popup as the toolbar button opens it (its address carries the worker's mark), once React has taken over. */
async function openFromToolbar(): Promise<Opened> {
  return seen(await h.openToolbarPopup());
}

describe('the popup’s own copy of the snapshot', () => {
  it('opened from the toolbar again with nothing written between, paints from its copy without asking storage, as React then shows it', async () => {
    await seedOneDue({ personId: 'p-jona', name: 'Jona Petrović', email: 'jona@kestrel.example' }, 'f-jona', 'Send Jona the pilot plan', 600_000);

    const first = await openFromToolbar();
    expect(first.paintedFrom).toBe('snapshot');
    await first.page.close();
    const again = await openFromToolbar();
    expect(again.paintedFrom).toBe('copy');
    const [painted] = again.states;
    const last = again.states[again.states.length - 1]!;
    expect(painted!.interactive).toBe(false);
    expect(painted!.text).toContain('Send Jona the pilot plan');
    expect(last.interactive).toBe(true);
    expect(last.text).toBe(painted!.text);
    expect(last.rows).toEqual(painted!.rows);
    expect(again.layoutShift).toBe(0);
    // Its address lost the worker's mark once read: reloaded (or stepped back to, or restored after
    // later writes), it asks storage.
    expect(new URL(again.page.url()).hash).toBe('');
    await again.page.reload();
    expect((await seen(again.page)).paintedFrom).toBe('snapshot');
    await again.page.close();
    // A popup opened in a tab (no worker mark in its address) asks storage, as before.
    const tab = await openPopup();
    expect(tab.paintedFrom).toBe('snapshot');
    await tab.page.close();
  });

  it('in Chrome’s real popup, opened from the toolbar, paints from its copy: the address’s mark reaches it', async () => {
    await seedOneDue({ personId: 'p-lior', name: 'Lior Abadi', email: 'lior@quayside.example' }, 'f-lior', 'Send Lior the site survey', 600_000);
    await (await openFromToolbar()).page.close();
    // As a click on the toolbar button: Chrome opens the action's popup at its address.
    const popup = await h.openRealPopup(() => control.evaluate(() => chrome.action.openPopup()));
    const seenThere = await popup.evaluate<{ paintedFrom: string; opened: string; text: string }>(`(async () => {
      while (performance.getEntriesByName('groundwork:popup-snapshot-checked').length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      return {
        paintedFrom: performance.getEntriesByName('groundwork:popup-painted')[0]?.detail,
        opened: performance.getEntriesByType('navigation')[0].name,
        text: document.getElementById('root').innerText,
      };
    })()`);
    expect(new URL(seenThere.opened).hash).toMatch(/^#w=/);
    expect(seenThere.paintedFrom).toBe('copy');
    expect(seenThere.text).toContain('Send Lior the site survey');
    await popup.evaluate('window.close()');
  });

  it('never paints from its copy a row done since in another page: the page’s write takes the copy away', async () => {
    await seedOneDue({ personId: 'p-kai', name: 'Kai Oyelaran', email: 'kai@fenwick.example' }, 'f-kai', 'Call Kai about the second site', 600_000);
    await (await openFromToolbar()).page.close();
    const copied = await openFromToolbar();
    expect(copied.paintedFrom).toBe('copy');
    expect(copied.states[0]!.text).toContain('Call Kai about the second site');
    await copied.page.close();

    // Done in another of the extension's pages (the popup in a tab): a write in a page.
    const marksBefore = await marks();
    const popup = await openPopup();
    await popup.page.getByRole('group', { name: 'Follow-up with Kai Oyelaran' }).getByRole('button', { name: 'Done', exact: true }).click();
    await popup.page.getByText('Call Kai about the second site').waitFor({ state: 'detached' });
    await popup.page.close();
    // Only the page's mark moved: it alone refuses the copy.
    const marksAfter = await marks();
    expect(marksAfter.toolbar).toBe(marksBefore.toolbar);
    expect(marksAfter.page).not.toBe(marksBefore.page);
    // …and the copy, which named Kai's follow-up, is gone from localStorage.
    expect(await control.evaluate((key) => localStorage.getItem(key), COPY_KEY)).toBeNull();
    // The tables held: the worker cannot remake storage's snapshot and React's reads wait, so only
    // the copy could show the row.
    const tables = await holdTables(control, ['followUps']);
    const page = await h.openToolbarPopup();
    const { checked, shown } = await checkedAndShown(page);
    await tables.release();
    const after = await seen(page);
    expect(after.paintedFrom).not.toBe('copy');
    for (const text of [...shown, ...after.states.map((s) => s.text)]) expect(text).not.toContain('Call Kai about the second site');
    expect(checked === 'refused' || after.paintedFrom === 'snapshot').toBe(true);
    await after.page.close();
  });

  it('never paints from its copy after the worker wrote: a reply logged from Gmail’s inbox is in the first list shown', async () => {
    await seedTable(control, 'people', [emailPersonRow('p-marcus', 'Marcus Lindqvist', 'marcus.lindqvist@sable-ridge-foods.example', Date.now())]);
    await waitForPopupSnapshot(control);
    await (await openFromToolbar()).page.close();
    const before = await openFromToolbar();
    expect(before.paintedFrom).toBe('copy');
    expect(before.states[0]!.text).not.toContain('Marcus Lindqvist');
    await before.page.close();

    // Mail arrives in Gmail's inbox: the worker logs it (a write of the worker's, none of a page's).
    const marked = await marks();
    const inbox = await h.openSitePage(INBOX_PAGE);
    await mailArrives(inbox, [{ email: 'marcus.lindqvist@sable-ridge-foods.example', name: 'Marcus Lindqvist', subject: 'Trial run next week?', time: 'Mon, Nov 16, 2026, 9:05 AM' }]);
    await readUntil(
      control,
      () => readTable<{ personId: string; status: string }>(control, 'followUps'),
      (rows) => rows.some((f) => f.personId === 'p-marcus' && f.status === 'open'),
    );
    await inbox.close();
    // Only the toolbar's mark moved: it alone refuses the copy.
    const now = await marks();
    expect(now.page).toBe(marked.page);
    expect(now.toolbar).not.toBe(marked.toolbar);
    const popup = await openFromToolbar();
    expect(popup.paintedFrom).not.toBe('copy');
    // Whatever list it showed (the header alone while React's reads answer is no list) has him.
    const lists = popup.states.filter((state) => state.rows.length > 0);
    expect(lists.length).toBeGreaterThan(0);
    for (const state of lists) expect(state.text).toContain('Marcus Lindqvist');
    await popup.page.close();
  });

  it('never paints from a copy kept before the extension restarted (an update, a reload): the toolbar’s address starts over', async () => {
    await waitForPopupSnapshot(control);
    await (await openFromToolbar()).page.close();
    const copied = await openFromToolbar();
    expect(copied.paintedFrom).toBe('copy');
    await copied.page.close();
    await h.reloadExtension();
    // localStorage is the extension's and stays; storage.session is emptied and the worker makes a new snapshot.
    const options = await h.openExtensionPage('options.html');
    expect(await options.evaluate((key) => localStorage.getItem(key) !== null, COPY_KEY)).toBe(true);
    await waitForPopupSnapshot(options);
    const popup = await openFromToolbar();
    expect(popup.paintedFrom).toBe('snapshot');
    await Promise.all([popup.page.close(), options.close()]);
  });
});

describe('the popup whose code cannot load', () => {
  it('replaces the painted list with a message, never leaves buttons that do nothing', async () => {
    // The built extension with the popup's module gone (a damaged install): only its first script is left.
    const dir = join(await mkdtemp(join(tmpdir(), 'groundwork-broken-popup-')), 'chrome-mv3');
    await cp(EXTENSION_DIR, dir, { recursive: true });
    await rm(join(dir, await builtPopupApp(dir)));
    const broken = await launch(undefined, { extensionDir: dir });
    try {
      const control = await broken.openExtensionPage('options.html');
      const now = Date.now();
      await seedTable(control, 'settings', [{ key: 'settings', value: { workWeek: { days: [0, 1, 2, 3, 4, 5, 6], timeZone: '' }, weeklyGoal: 5 } }]);
      await seedTable(control, 'people', [emailPersonRow('p-dana', 'Dana Brandt', 'dana@tidewater.example', now)]);
      await seedTable(control, 'followUps', [dueRow('f-dana', 'p-dana', 'Send Dana the line audit', now - 60_000)]);
      await waitForPopupSnapshot(control);
      const popup = await broken.openExtensionPage('popup.html');
      await popup.getByRole('alert').getByText('Groundwork could not load its list. Close the popup and open it again.').waitFor();
      // It had painted the list from the snapshot; now nothing of it is left to click.
      expect(await popup.evaluate(() => (performance.getEntriesByName('groundwork:popup-painted')[0] as PerformanceMark | undefined)?.detail)).toBe('snapshot');
      expect(await popup.getByRole('button').count()).toBe(0);
      expect(await popup.getByText('Send Dana the line audit').count()).toBe(0);
    } finally {
      await broken.close();
      await rm(join(dir, '..'), { recursive: true, force: true });
    }
  });
});
