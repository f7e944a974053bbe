import { build } from 'esbuild';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, type Harness } from '../tests/e2e/harness';
import type { GroundworkBenchApi } from './pageApi';
import { summarise, type Figure } from './stats';

declare const groundworkBench: GroundworkBenchApi;

/**
 * The popup's floors, pages added to the bench's copy of the extension: a blank page (no script,
 * no style), a page whose one module script does nothing but mark, and a page on the popup's
 * libraries alone (bench/floorPage.ts: React DOM renders one element after Dexie's first read).
 */
export const FLOOR_PAGES = { blank: 'bench-blank.html', module: 'bench-module.html', libraries: 'bench-libraries.html' } as const;

const pageWithScript = (title: string, script: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>${title}</title><script type="module" src="/${script}"></script></head><body><div id="root"></div></body></html>\n`;

/**
 * A copy of the built extension with the floor pages added, so the popup can be set beside the
 * cheapest pages the extension could show. The copy is the bench's own; the build is untouched.
 */
export async function extensionWithFloorPages(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'groundwork-bench-ext-')), 'chrome-mv3');
  await cp(EXTENSION_DIR, dir, { recursive: true });
  await writeFile(join(dir, FLOOR_PAGES.blank), '<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Blank</title></head><body><p>Blank</p></body></html>\n');
  await writeFile(join(dir, 'bench-module.js'), "performance.mark('groundwork:popup-rendered');\n");
  await writeFile(join(dir, FLOOR_PAGES.module), pageWithScript('Module', 'bench-module.js'));
  // Built as the extension's pages are: minified, React's production build, ES modules.
  await build({
    entryPoints: [join(__dirname, 'floorPage.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: join(dir, 'bench-libraries.js'),
    logLevel: 'silent',
  });
  await writeFile(join(dir, FLOOR_PAGES.libraries), pageWithScript('Libraries', 'bench-libraries.js'));
  return dir;
}

/** Navigation start → DOMContentLoaded: the page and its module scripts loaded and run. */
const domContentLoaded = (page: Page) =>
  page.evaluate(async () => {
    const entry = () => performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    while (!entry() || entry()!.domContentLoadedEventEnd === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    return entry()!.domContentLoadedEventEnd;
  });

/** Navigation start → the page's `groundwork:popup-rendered` mark (the popup and the floor pages set it). */
const rendered = (page: Page) =>
  page.evaluate(async () => {
    while (performance.getEntriesByName('groundwork:popup-rendered').length === 0) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return performance.getEntriesByName('groundwork:popup-rendered')[0]!.startTime;
  });

/**
 * The popup with years of data: 50k people, 500k touches, 2k follow-ups (some due today), seeded
 * from a fixed seed by the caller (bench/data.ts, pageWithYearsOfData). Each sample is a fresh
 * load of popup.html (launched with `extensionWithFloorPages`); the page's own User Timing marks
 * give the due-today query time and the time from navigation start to the first render with
 * data. Beside them, in alternation, the floor pages of the same extension (FLOOR_PAGES), and
 * after them the due-today reads done with raw IndexedDB.
 */
export async function popupWithData(h: Harness, control: Page, samples: number): Promise<Figure[]> {
  const query: number[] = [];
  const render: number[] = [];
  const scripts: number[] = [];
  const floors = { blank: [] as number[], module: [] as number[], libraries: [] as number[] };
  for (let i = 0; i < samples; i++) {
    const blank = await h.openExtensionPage(FLOOR_PAGES.blank);
    floors.blank.push(await domContentLoaded(blank));
    await blank.close();
    for (const floor of ['module', 'libraries'] as const) {
      const page = await h.openExtensionPage(FLOOR_PAGES[floor]);
      floors[floor].push(await rendered(page));
      await page.close();
    }

    // A fresh popup each time, as the rep opens it from the toolbar.
    const popup = await h.openExtensionPage('popup.html');
    render.push(await rendered(popup));
    const timing = await popup.evaluate(() => ({
      query: performance.getEntriesByName('groundwork:due-query')[0]!.duration,
      rows: document.querySelectorAll('.due-row').length,
    }));
    if (timing.rows === 0) throw new Error('The popup rendered no due follow-ups: the seed is wrong');
    query.push(timing.query);
    scripts.push(await domContentLoaded(popup));
    // The rep reads it for a moment: let the weekly goal finish before the popup closes.
    await popup.evaluate(async () => {
      while (performance.getEntriesByName('groundwork:weekly-goal-rendered').length === 0) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    });
    await popup.close();
  }
  return [
    summarise('due-today query (50k people, 500k touches)', 'ms', query, 'p95 ≤ 15 ms', ({ p95 }) => p95 <= 15),
    ...(await dueReadsBesideRaw(control, samples * 5)),
    summarise('popup first render with data (navigation start → rendered)', 'ms', render, '≤ 100 ms', ({ median }) => median <= 100),
    summarise('  of which loading the page and running its JavaScript (→ DOMContentLoaded)', 'ms', scripts, '—', () => null),
    summarise('  floor: a blank page of the extension (→ DOMContentLoaded)', 'ms', floors.blank, '—', () => null),
    summarise('  floor: a page with one empty module script (→ its mark)', 'ms', floors.module, '—', () => null),
    summarise('  floor: the libraries alone, React DOM rendering after Dexie’s first read (→ rendered)', 'ms', floors.libraries, '—', () => null),
  ];
}

/**
 * The due-today query beside its floor, in the same warm page, alternating: `dueHead` as the popup
 * calls it (15 rows), and what it asks of IndexedDB for them — per pending status, a count and
 * the first 15 values on `[status+dueAt]` below the end of today — in one raw transaction. The
 * popup's own figure above is the same query in a page that has just loaded.
 */
async function dueReadsBesideRaw(control: Page, samples: number): Promise<Figure[]> {
  const values = await control.evaluate(async (n) => {
    const { done } = groundworkBench.raw;
    const raw = await groundworkBench.raw.openRaw();
    const endOfToday = new Date().setHours(24, 0, 0, 0);
    const nextDayStart = (t: number) => new Date(t).setHours(24, 0, 0, 0);
    const out = { ours: [] as number[], raw: [] as number[] };
    for (let i = 0; i < n; i++) {
      let start = performance.now();
      const { head } = await groundworkBench.dueHead(groundworkBench.db, endOfToday, 15, nextDayStart);
      out.ours.push(performance.now() - start);
      if (head.length === 0) throw new Error('nothing due today: the seed is wrong');
      start = performance.now();
      const index = raw.transaction('followUps').objectStore('followUps').index('[status+dueAt]');
      await Promise.all(
        ['open', 'snoozed'].flatMap((status) => {
          const range = IDBKeyRange.bound([status, -Infinity], [status, endOfToday], false, true);
          return [done(index.count(range)), done(index.getAll(range, 15))];
        }),
      );
      out.raw.push(performance.now() - start);
    }
    raw.close();
    return out;
  }, samples);
  return [
    summarise('  the same query in a warm page (dueHead, 15 rows)', 'ms', values.ours, '—', () => null),
    summarise('  floor: raw IndexedDB, a count and the first 15 rows per status (not completing the last day)', 'ms', values.raw, '—', () => null),
  ];
}
