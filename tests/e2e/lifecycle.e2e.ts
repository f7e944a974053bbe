import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedInFixture } from '../fixtures/linkedin/expected';
import { emailPersonRow, holdTables, readTable, readUntil, seedTable, waitForBadge, waitForReport, type StoredTouch } from './db';
import { launch, type Harness } from './harness';
import { spaNavigate } from './spa';
import { Toasts } from './toast';

/**
 * The service worker's and the windows' lifecycles (issue 15). Chrome stops the worker whenever it
 * likes; here it is stopped exactly in the middle of logging a sent email, of a batch of replies
 * and of a re-scoring — each time inside a database transaction it has begun and not finished
 * (the test holds the tables it needs, so it waits there, then stops it). Nothing may be lost,
 * nothing logged twice, and the badge must be right afterwards. And two windows, each with its
 * own side panel on its own prospect, stay independent.
 */

const COMPOSE_PAGE = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTsLineSpeed';
const INBOX_PAGE = 'https://mail.google.com/mail/u/1/#inbox';
const ADAEZE = linkedInFixture('2023-09-logged-in-profile.html');
const SOREN = linkedInFixture('2025-04-logged-in-profile.html');
const PRIYA = linkedInFixture('2024-07-public-profile.html');
const WRITE_NOTE = 'groundwork-test:write';

let h: Harness;
let control: Page;

beforeAll(async () => {
  h = await launch((server) => {
    server.page(COMPOSE_PAGE, 'gmail/2024-06-send-flow.html').page(INBOX_PAGE, 'gmail/2024-06-inbox-three-replies.html');
    for (const fixture of [ADAEZE, SOREN, PRIYA]) server.page(fixture.url, `linkedin/${fixture.file}`);
  });
  control = await h.openExtensionPage('options.html');
  await seedTable(control, 'settings', [{ key: 'settings', value: { workWeek: { days: [0, 1, 2, 3, 4, 5, 6], timeZone: '' } } }]);
});
afterAll(async () => {
  await h?.close();
});

/**
 * Test instrumentation in the running worker (gone when it stops): each transaction whose scope
 * holds `store` is noted in storage.session with its mode when the worker first works in it, so
 * the test knows where the worker is. (Dexie binds IDBDatabase#transaction when it opens; it asks
 * each transaction for its object stores as it works, so that is where to look.)
 */
async function noteTransactionsIn(worker: Worker, store: string): Promise<void> {
  await control.evaluate((key) => chrome.storage.session.remove(key), WRITE_NOTE);
  await worker.evaluate(
    ({ store, key }) => {
      const modes: string[] = [];
      const seen = new WeakSet<IDBTransaction>();
      const original = IDBTransaction.prototype.objectStore;
      IDBTransaction.prototype.objectStore = function (this: IDBTransaction, name: string) {
        if (this.objectStoreNames.contains(store) && !seen.has(this)) {
          seen.add(this);
          modes.push(this.mode);
          void chrome.storage.session.set({ [key]: [...modes] });
        }
        return original.call(this, name);
      };
    },
    { store, key: WRITE_NOTE },
  );
}

/** Resolves with the modes of the worker's noted transactions once there are at least `n`. */
function notedTransactions(n: number): Promise<string[]> {
  return control.evaluate(
    ({ key, n }) =>
      new Promise<string[]>((resolve) => {
        const look = async () => {
          const modes = ((await chrome.storage.session.get(key))[key] ?? []) as string[];
          if (modes.length >= n) {
            chrome.storage.onChanged.removeListener(look);
            resolve(modes);
          }
        };
        chrome.storage.onChanged.addListener(look);
        void look();
      }),
    { key: WRITE_NOTE, n },
  );
}

/**
 * With the worker's transactions on the held tables waiting, lets them through one hand-over at a
 * time until `writesDone` of its writes went through and the next write waits: the worker is then
 * in the middle of its work, part written, part not.
 */
async function stopAtWrite(tables: { handOver(): Promise<void> }, writesDone: number): Promise<void> {
  let seen = 0;
  let writes = 0;
  for (;;) {
    const modes = await notedTransactions(seen + 1);
    const fresh = modes.slice(seen).filter((mode) => mode === 'readwrite').length;
    seen = modes.length;
    if (writes + fresh > writesDone) return;
    writes += fresh;
    await tables.handOver();
  }
}

const clearTables = (tables: string[]) =>
  control.evaluate(async (names) => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('groundwork');
      request.onsuccess = () => resolve(request.result);
    });
    await new Promise<void>((resolve) => {
      const tx = db.transaction(names, 'readwrite');
      for (const name of names) tx.objectStore(name).clear();
      tx.oncomplete = () => resolve();
    });
    db.close();
  }, tables);

describe('the worker stopped in the middle of its work', () => {
  it('while logging a sent email: logged once when the message reaches the fresh worker, the toast says so, the badge is right', async () => {
    await seedTable(control, 'people', [emailPersonRow('p-adaeze', 'Adaeze Okonkwo-Reyes', 'adaeze@sable-ridge-foods.example', Date.now())]);
    const mail = await h.openSitePage(COMPOSE_PAGE);
    const { tabId } = await waitForReport(control, COMPOSE_PAGE);
    await noteTransactionsIn(await h.serviceWorker(), 'touches');
    const tables = await holdTables(control, ['touches', 'people', 'followUps']);

    const toasts = await Toasts.attach(mail);
    await mail.locator('[data-testid="compose-to-prospect"] .aoO').click();
    await stopAtWrite(tables, 0); // the worker is inside the transaction that logs it, waiting
    await h.killServiceWorker();
    await tables.release();

    await toasts.waitForText('Logged for Adaeze Okonkwo-Reyes');
    const touches = await readTable<StoredTouch>(control, 'touches');
    expect(touches).toEqual([expect.objectContaining({ personId: 'p-adaeze', type: 'email', direction: 'outbound', loggedBy: 'automatic' })]);
    const followUps = await readUntil(control, () => readTable<{ personId: string; status: string; reason: string }>(control, 'followUps'), (rows) => rows.length > 0);
    expect(followUps.filter((f) => f.status === 'open').map((f) => f.reason)).toEqual([expect.stringMatching(/^Attempt 2 with Adaeze/)]);
    // A mail page shows the global badge: nothing is due today.
    await waitForBadge(control, tabId, '');
    await mail.close();
  });

  it('in the middle of a batch of replies: each logged once, none lost, after the worker restarts', async () => {
    await clearTables(['touches', 'followUps']);
    await seedTable(control, 'people', [
      emailPersonRow('p-ottilie', 'Ottilie Brandt', 'o.brandt@havel-metalworks.example', Date.UTC(2024, 0, 1)),
      emailPersonRow('p-tomasz', 'Tomasz Nowak', 't.nowak@vistula-cold-chain.example', Date.UTC(2024, 0, 1)),
      emailPersonRow('p-ines', 'Inès Marchetti-Hale', 'ines@corvid-packaging.example', Date.UTC(2024, 0, 1)),
    ]);
    // Each reply is logged in one transaction that also proposes the next step.
    await noteTransactionsIn(await h.serviceWorker(), 'followUps');
    const tables = await holdTables(control, ['followUps']);
    const inbox = await h.openSitePage(INBOX_PAGE);
    await stopAtWrite(tables, 1); // the first reply logged, the second waiting
    await h.killServiceWorker();
    await tables.release();

    const inbound = (rows: StoredTouch[]) => rows.filter((t) => t.direction === 'inbound');
    const touches = inbound(await readUntil(control, () => readTable<StoredTouch>(control, 'touches'), (rows) => inbound(rows).length >= 3));
    expect(touches.map((t) => t.personId).sort()).toEqual(['p-ines', 'p-ottilie', 'p-tomasz']);
    expect(touches.map((t) => t.at).sort()).toEqual([Date.parse('2024-06-10T16:30:00'), Date.parse('2024-06-11T08:05:00'), Date.parse('2024-06-11T09:41:00')].sort());
    // Each proposes a reply, once.
    const open = await readUntil(control, () => readTable<{ personId: string; status: string; reason: string }>(control, 'followUps'), (rows) => rows.filter((f) => f.status === 'open').length >= 3);
    expect(open.filter((f) => f.status === 'open').map((f) => f.reason).sort()).toEqual(['Reply to Inès', 'Reply to Ottilie', 'Reply to Tomasz']);
    await inbox.close();
  });

  it('in the middle of re-scoring 12,000 people: resumed by the next worker, every fit there once, the badge right', async () => {
    const now = Date.now();
    const people = Array.from({ length: 12_000 }, (_, i) => ({
      id: `bulk-${String(i).padStart(5, '0')}`,
      name: `Bulk Person ${i}`,
      headline: i % 2 === 0 ? 'VP Operations at Northwind Foods' : 'Software Engineer at Lumen Labs',
      emails: [],
      source: 'import',
      stage: 'target',
      flags: [],
      tags: [],
      owner: 'rep',
      createdAt: now,
      updatedAt: now,
    }));
    await seedTable(control, 'people', people);
    // Adaeze, saved from LinkedIn, to read her badge afterwards.
    await seedTable(control, 'people', [{ ...people[0], id: 'p-adaeze-li', name: 'Adaeze Okonkwo-Reyes', headline: 'Head of Plant Engineering at Sable Ridge Foods', linkedinUrl: ADAEZE.url, source: 'linkedin' }]);
    const profile = {
      id: 'profile-vps',
      name: 'Operations leaders',
      industries: { include: [], exclude: [] },
      sizeBands: [],
      seniorities: ['vp', 'executive'],
      titleKeywords: ['plant engineering'],
      locations: [],
      keywords: [],
      exclusions: { students: true, recruiters: true, companies: [] },
      weights: { industry: 3, size: 2, seniority: 3, title: 2, location: 1, keywords: 1 },
      createdAt: now,
      updatedAt: now,
    };
    await noteTransactionsIn(await h.serviceWorker(), 'fits');
    const tables = await holdTables(control, ['fits']);
    await seedTable(control, 'profiles', [profile]);
    // As the options page does after a profile is saved.
    await control.evaluate(() => void chrome.runtime.sendMessage({ type: 'scores/recompute' }).catch(() => undefined));
    await stopAtWrite(tables, 1); // the first chunk's fits written, the next chunk's waiting
    await h.killServiceWorker();
    await tables.release();
    const fitsAtStop = (await readTable(control, 'fits')).length;
    expect(fitsAtStop).toBeGreaterThan(0);
    expect(fitsAtStop).toBeLessThan(people.length);

    // The next event wakes a fresh worker, which finds the re-scoring unfinished and resumes it.
    const profileTab = await h.openSitePage(ADAEZE.url);
    const { tabId } = await waitForReport(control, ADAEZE.url);
    // Finished: the profile it scored against is recorded as done.
    const settings = await readUntil(control, () => readTable<{ key: string; value: unknown }>(control, 'settings'), (rows) => {
      const value = rows.find((r) => r.key === 'scoring')?.value;
      return typeof value === 'string' && value !== 'none' && value !== '';
    });
    expect(settings.find((r) => r.key === 'scoring')).toBeDefined();
    const fits = await readTable<{ personId: string; band?: string }>(control, 'fits');
    const scored = new Set(fits.map((f) => f.personId));
    expect(people.filter((p) => !scored.has(p.id))).toEqual([]);
    expect(scored.has('p-adaeze-li')).toBe(true);
    const bandOf = (id: string) => fits.find((f) => f.personId === id)?.band;
    expect(bandOf('bulk-00000')).toBe(bandOf('bulk-11998'));
    expect(bandOf('bulk-00001')).toBe(bandOf('bulk-11999'));
    expect(bandOf('bulk-00000')).not.toBe(bandOf('bulk-00001'));
    // Her tab's badge: her fit score, and the saved mark.
    const badge = await control.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(badge).toMatch(/^\d+✓$/);
    await profileTab.close();
  });
});

describe('two windows', () => {
  it('each with its side panel on its own prospect: they stay independent', async () => {
    const panelUrl = `chrome-extension://${h.extensionId}/sidepanel.html`;
    /** A new window holding `url` and then the side panel page (active), which follows the other tab. */
    const openWindow = async (url: string) => {
      const pages = [h.context.waitForEvent('page', (p) => p.url().startsWith(url)), h.context.waitForEvent('page', (p) => p.url() === panelUrl)] as const;
      await control.evaluate(({ url, panelUrl }) => chrome.windows.create({ url: [url, panelUrl], focused: true }), { url, panelUrl });
      const [site, panel] = await Promise.all(pages);
      return { site, panel };
    };
    const one = await openWindow(ADAEZE.url);
    const two = await openWindow(SOREN.url);
    await one.panel.getByRole('heading', { name: 'Adaeze Okonkwo-Reyes' }).waitFor();
    await two.panel.getByRole('heading', { name: 'Søren Kjærgaard' }).waitFor();

    // An in-app navigation in window two moves only window two's panel.
    await spaNavigate(two.site, PRIYA);
    await two.panel.getByRole('heading', { name: 'Priya Raman-Castillo' }).waitFor();
    expect(await one.panel.getByRole('heading', { level: 1 }).textContent()).toBe('Adaeze Okonkwo-Reyes');

    // Closing window one's prospect leaves window two's panel where it was.
    await one.site.close();
    await one.panel.getByTestId('no-prospect').waitFor();
    expect(await two.panel.getByRole('heading', { level: 1 }).textContent()).toBe('Priya Raman-Castillo');
    await Promise.all([one.panel.close(), two.panel.close(), two.site.close()]);
  });
});
