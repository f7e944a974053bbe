import type { Page } from 'playwright-core';
import { LINKEDIN_FIXTURES } from '../tests/fixtures/linkedin/expected';
import { waitForReport } from '../tests/e2e/db';
import type { Harness } from '../tests/e2e/harness';
import { bodyOf, navigateLikeLinkedIn, sessionChangeSeenBy, whenPanelShows } from './content-script';
import type { GroundworkBenchApi } from './pageApi';
import { domContentLoaded, FLOOR_PAGES } from './popup';
import { besideFloor, summarise, type Figure } from './stats';

declare const groundworkBench: GroundworkBenchApi;

/**
 * The side panel with years of data (the caller has seeded 50k people and 500k touches, and
 * installed the page API): switching between two saved prospects on LinkedIn — from the page
 * report to the panel showing the other person's record with their timeline — and the panel's
 * JavaScript heap afterwards.
 */
/** Two saved prospects with long histories (saved by `panelSwitching`). */
const switchPair = () => LINKEDIN_FIXTURES.filter((f) => f.expected.kind === 'person' && /logged-in-profile\.html$/.test(f.file)).slice(0, 2);
const nameOf = (fixture: (typeof LINKEDIN_FIXTURES)[number]) => (fixture.expected.kind === 'person' ? fixture.expected.person.name! : '');

export async function panelSwitching(h: Harness, control: Page, rounds: number): Promise<Figure[]> {
  const pair = switchPair();
  const now = Date.now();
  // Both saved, with 300 touches each: a long relationship.
  await control.evaluate(
    async ({ people, now }) => {
      const db = await groundworkBench.raw.openRaw();
      const tx = db.transaction(['people', 'touches'], 'readwrite');
      people.forEach((p, n) => {
        const id = `bench-switch-${n}`;
        tx.objectStore('people').put({ id, name: p.name, linkedinUrl: p.linkedinUrl, emails: [], source: 'linkedin', stage: 'engaged', flags: [], tags: [], owner: 'rep', createdAt: now, updatedAt: now });
        for (let i = 0; i < 300; i++) {
          tx.objectStore('touches').put({ id: `${id}-t${i}`, personId: id, at: now - i * 86_400_000, type: i % 3 ? 'email' : 'call', direction: i % 4 ? 'outbound' : 'inbound', intent: 'neutral', answered: false, freeAdvice: false, loggedBy: 'manual', createdAt: now });
        }
      });
      await groundworkBench.raw.committed(tx);
      db.close();
    },
    { people: pair.map((f) => (f.expected.kind === 'person' ? { name: f.expected.person.name!, linkedinUrl: f.expected.person.linkedinUrl } : { name: '', linkedinUrl: '' })), now },
  );
  const page = await h.openSitePage(pair[0]!.url);
  await waitForReport(control, pair[0]!.url);
  const panel = await h.openExtensionPage('sidepanel.html');
  await page.bringToFront();
  const bodies = await Promise.all(pair.map((p) => bodyOf(p.file)));
  const samples: number[] = [];
  const floors: number[] = [];
  for (let i = 1; i <= rounds; i++) {
    const to = pair[i % 2]!;
    const name = nameOf(to);
    const url = `${to.url}?switch=${i}`;
    const shown = whenPanelShows(panel, name, true);
    await navigateLikeLinkedIn(page, url, bodies[i % 2]!.title, bodies[i % 2]!.body);
    const report = await waitForReport(control, url);
    samples.push((await shown) - report.reportedAt);
    floors.push(await sessionChangeSeenBy(control, panel, i));
  }
  const cdp = await panel.context().newCDPSession(panel);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  await Promise.all([panel.close(), page.close()]);
  const floor = summarise('  floor: a storage.session change reaching the side panel page', 'ms', floors, '—', () => null);
  return [
    besideFloor(summarise('side panel switching between two saved prospects (50k people; report → record and timeline shown)', 'ms', samples, '', () => null), floor),
    floor,
    summarise('side panel JS heap with 50k people (after switching, GC)', 'MB', [usedSize / 1024 / 1024], '≤ 30 MB', ({ median }) => median <= 30),
  ];
}

/**
 * The side panel's home with years of data: on a page with no prospect, from opening the panel
 * (navigation start) to "Your week" shown with its eight weeks of figures.
 */
export async function repWeekHome(h: Harness, control: Page, samples: number): Promise<Figure> {
  const feed = LINKEDIN_FIXTURES.find((f) => f.file === '2024-05-feed.html')!;
  const page = await h.openSitePage(feed.url);
  await waitForReport(control, feed.url);
  const values: number[] = [];
  for (let i = 0; i < samples; i++) {
    await page.bringToFront();
    const panel = await h.openExtensionPage('sidepanel.html');
    values.push(
      await panel.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const check = () => {
              if (document.querySelector('[data-testid="rep-week"]')) {
                observer.disconnect();
                resolve(performance.now());
              }
            };
            const observer = new MutationObserver(check);
            observer.observe(document, { subtree: true, childList: true });
            check();
          }),
      ),
    );
    await panel.close();
  }
  await page.close();
  return summarise('side panel home ("Your week", 8 weeks) with 50k people: open → shown', 'ms', values, '—', () => null);
}

/**
 * The side panel opened fresh on a saved prospect's profile (the first of `panelSwitching`'s
 * pair, 300 touches, 50k people): navigation start → their record and timeline shown. Beside it,
 * alternating, a blank page of the extension (→ DOMContentLoaded). No target yet (issue 20).
 */
export async function panelOpenedFresh(h: Harness, control: Page, samples: number): Promise<Figure[]> {
  const [saved] = switchPair();
  const page = await h.openSitePage(saved!.url);
  await waitForReport(control, saved!.url);
  const values: number[] = [];
  const blank: number[] = [];
  for (let i = 0; i < samples; i++) {
    const floor = await h.openExtensionPage(FLOOR_PAGES.blank);
    blank.push(await domContentLoaded(floor));
    await floor.close();
    await page.bringToFront();
    const panel = await h.openExtensionPage('sidepanel.html');
    values.push(
      await panel.evaluate(
        (wanted) =>
          new Promise<number>((resolve) => {
            const check = () => {
              if (document.querySelector('h1')?.textContent === wanted && document.querySelector('[aria-label="Touch timeline"] li')) {
                observer.disconnect();
                resolve(performance.now());
              }
            };
            const observer = new MutationObserver(check);
            observer.observe(document, { subtree: true, childList: true, characterData: true });
            check();
          }),
        nameOf(saved!),
      ),
    );
    await panel.close();
  }
  await page.close();
  const floor = summarise('  floor: a blank page of the extension (→ DOMContentLoaded)', 'ms', blank, '—', () => null);
  return [besideFloor(summarise('side panel opened fresh on a saved prospect (navigation start → record and timeline shown)', 'ms', values, '', () => null), floor), floor];
}
