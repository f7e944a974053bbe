import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { LINKEDIN_FIXTURES } from '../tests/fixtures/linkedin/expected';
import { waitForReport } from '../tests/e2e/db';
import { EXTENSION_DIR, type Harness } from '../tests/e2e/harness';
import { FIXTURES_DIR } from '../tests/e2e/server';
import { besideFloor, summarise, type Figure } from './stats';

export async function contentScriptSizes(): Promise<Figure[]> {
  const dir = join(EXTENSION_DIR, 'content-scripts');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.js'));
  return Promise.all(
    files.map(async (file) => {
      const bytes = gzipSync(await readFile(join(dir, file)), { level: 9 }).length;
      return summarise(`gzipped size of ${file}`, 'KB', [bytes / 1024], '≤ 15 KB', ({ median }) => median <= 15);
    }),
  );
}

export const bodyOf = async (file: string) => {
  const html = await readFile(join(FIXTURES_DIR, 'linkedin', file), 'utf8');
  return {
    title: /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '',
    body: /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '',
  };
};

/**
 * One in-app navigation as LinkedIn's router does it: the URL first, the new content 40 ms later.
 * Resolves with the page's clock when the new content is in the DOM.
 */
export function navigateLikeLinkedIn(page: Page, url: string, title: string, body: string): Promise<number> {
  return page.evaluate(
    ({ url, title, body }) =>
      new Promise<number>((resolve) => {
        history.pushState({}, '', url);
        setTimeout(() => {
          const fresh = new DOMParser().parseFromString(`<body>${body}</body>`, 'text/html');
          document.body.replaceChildren(...fresh.body.childNodes);
          document.title = title;
          resolve(Date.now());
        }, 40);
      }),
    { url, title, body },
  );
}

/** Resolves with the panel's clock once `test` holds for its document (a MutationObserver). */
export function whenPanelShows(panel: Page, name: string, withTimeline: boolean): Promise<number> {
  return panel.evaluate(
    ({ wanted, timeline }) =>
      new Promise<number>((resolve) => {
        const check = () => {
          if (document.querySelector('h1')?.textContent === wanted && (!timeline || document.querySelector('[aria-label="Touch timeline"] li'))) {
            observer.disconnect();
            resolve(Date.now());
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { subtree: true, childList: true, characterData: true });
        check();
      }),
    { wanted: name, timeline: withTimeline },
  );
}

/**
 * In-app navigations between profile fixtures, as LinkedIn's router does them: URL first, new
 * content 40 ms later. Measures (1) content rendered → report recorded by the background, and
 * (2) report recorded → the side panel showing the new person.
 */
export async function spaNavigation(h: Harness, rounds: number): Promise<Figure[]> {
  const people = LINKEDIN_FIXTURES.filter((f) => f.expected.kind === 'person' && /profile\.html$/.test(f.file) && !/public/.test(f.file));
  const control = await h.openExtensionPage('options.html');
  const page = await h.openSitePage(people[0]!.url);
  await waitForReport(control, people[0]!.url);
  const panel: Page = await h.openExtensionPage('sidepanel.html');
  await page.bringToFront();
  const detection: number[] = [];
  const toPanel: number[] = [];
  const floors = { message: [] as number[], sessionEvent: [] as number[] };
  for (let i = 1; i <= rounds; i++) {
    const to = people[i % people.length]!;
    const name = to.expected.kind === 'person' ? to.expected.person.name! : '';
    const { title, body } = await bodyOf(to.file);
    // Query strings make every round's URL new, as LinkedIn's tracking parameters do.
    const url = `${to.url}?round=${i}`;
    const panelShown = whenPanelShows(panel, name, false);
    const renderedAt = await navigateLikeLinkedIn(page, url, title, body);
    const report = await waitForReport(control, url);
    detection.push(report.reportedAt - renderedAt);
    toPanel.push((await panelShown) - report.reportedAt);
    floors.message.push(await messageRoundTrip(control));
    floors.sessionEvent.push(await sessionChangeSeenBy(control, panel, i));
  }
  await Promise.all([panel.close(), page.close(), control.close()]);
  const message = summarise('  floor: one message to the worker and its answer (from an extension page)', 'ms', floors.message, '—', () => null);
  const sessionEvent = summarise('  floor: a storage.session change reaching the side panel page', 'ms', floors.sessionEvent, '—', () => null);
  return [
    besideFloor(summarise('detection latency after SPA navigation (content rendered → report recorded)', 'ms', detection, '', () => null), message),
    message,
    besideFloor(summarise('page report → side panel updated', 'ms', toPanel, '', () => null), sessionEvent),
    sessionEvent,
  ];
}

/** A message the worker refuses at once (unknown type): the cost of asking it anything. */
function messageRoundTrip(control: Page): Promise<number> {
  return control.evaluate(async () => {
    const start = performance.now();
    await chrome.runtime.sendMessage({ type: 'bench/ping' });
    return performance.now() - start;
  });
}

/** From one extension page setting a storage.session key to another page's onChanged listener hearing it. */
export async function sessionChangeSeenBy(control: Page, panel: Page, round: number): Promise<number> {
  const key = `bench:ping:${round}`;
  const heard = panel.evaluate(
    (wanted) =>
      new Promise<number>((resolve) => {
        const listen = (changes: Record<string, unknown>) => {
          if (!(wanted in changes)) return;
          chrome.storage.onChanged.removeListener(listen);
          resolve(Date.now());
        };
        chrome.storage.onChanged.addListener(listen);
      }),
    key,
  );
  // Evaluations in one page run in order: once this one answers, the listener above is in place.
  await panel.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  const sentAt = await control.evaluate(async (k) => {
    const at = Date.now();
    await chrome.storage.session.set({ [k]: at });
    return at;
  }, key);
  const at = await heard;
  await control.evaluate((k) => chrome.storage.session.remove(k), key);
  return at - sentAt;
}
