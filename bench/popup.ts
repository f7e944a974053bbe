import { build } from 'esbuild';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, type Harness } from '../tests/e2e/harness';
import { markDataChanged, waitForPopupSnapshot } from '../tests/e2e/db';
import type { GroundworkBenchApi } from './pageApi';
import { besideFloor, summarise, type Figure } from './stats';

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
  await writeFile(join(dir, 'bench-module.js'), "performance.mark('groundwork:popup-painted');\n");
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
export const domContentLoaded = (page: Page) =>
  page.evaluate(async () => {
    const entry = () => performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    while (!entry() || entry()!.domContentLoadedEventEnd === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    return entry()!.domContentLoadedEventEnd;
  });

/** Navigation start → the page's `name` mark (the popup and the floor pages set them); its detail too. */
const marked = (page: Page, name: string) =>
  page.evaluate(async (mark) => {
    while (performance.getEntriesByName(mark).length === 0) await new Promise((resolve) => requestAnimationFrame(resolve));
    const entry = performance.getEntriesByName(mark)[0] as PerformanceMark;
    return { at: entry.startTime, detail: entry.detail as unknown };
  }, name);

/** Navigation start → the browser's first contentful paint: pixels of text on screen. */
const firstContentfulPaint = (page: Page) =>
  page.evaluate(async () => {
    while (performance.getEntriesByName('first-contentful-paint').length === 0) await new Promise((resolve) => requestAnimationFrame(resolve));
    return performance.getEntriesByName('first-contentful-paint')[0]!.startTime;
  });

/**
 * The popup with years of data: 50k people, 500k touches, 2k follow-ups (some due today), seeded
 * from a fixed seed by the caller (bench/data.ts, pageWithYearsOfData), the worker's snapshot of
 * it current (issue 20). Each sample: a change marked as a page's write leaves it and the worker's
 * snapshot remade; the floor pages of the same extension (FLOOR_PAGES); then the popup loaded fresh
 * at the address the toolbar button opens, as a click on it loads it — painted from storage's
 * snapshot (the first opening after a change, which keeps a copy), then again, nothing written
 * between — painted from its own copy: its first paint with data, its first contentful paint, and
 * when React has taken over (interactive). Each opening of the popup comes right after one of the
 * page with one empty module script, its floor. After them, the due-today reads beside raw
 * IndexedDB.
 */
export async function popupWithData(h: Harness, control: Page, samples: number): Promise<Figure[]> {
  const query: number[] = [];
  const painted: number[] = [];
  const fromStorage: number[] = [];
  const contentful: number[] = [];
  const interactive: number[] = [];
  const floors = { blank: [] as number[], blankPaint: [] as number[], module: [] as number[], libraries: [] as number[] };
  const paintedFrom = async (page: Page, source: string) => {
    const paint = await marked(page, 'groundwork:popup-painted');
    if (paint.detail !== source) throw new Error(`The popup was painted from ${String(paint.detail)}, not from its ${source}: something was written between samples, or the worker’s snapshot is not current`);
    return paint.at;
  };
  const moduleFloor = async () => {
    const page = await h.openExtensionPage(FLOOR_PAGES.module);
    floors.module.push((await marked(page, 'groundwork:popup-painted')).at);
    await page.close();
  };
  for (let i = 0; i < samples; i++) {
    // A change in a page, and the worker's new snapshot of it.
    await markDataChanged(control);
    await waitForPopupSnapshot(control);
    await control.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    const blank = await h.openExtensionPage(FLOOR_PAGES.blank);
    floors.blank.push(await domContentLoaded(blank));
    floors.blankPaint.push(await firstContentfulPaint(blank));
    await blank.close();
    const libraries = await h.openExtensionPage(FLOOR_PAGES.libraries);
    floors.libraries.push((await marked(libraries, 'groundwork:popup-painted')).at);
    await libraries.close();

    // Each opening of the popup right after its floor's, so both meet the machine in one state.
    // The popup from the toolbar: it paints from storage's snapshot and keeps a copy of it…
    await moduleFloor();
    const changed = await h.openToolbarPopup();
    fromStorage.push(await paintedFrom(changed, 'snapshot'));
    await marked(changed, 'groundwork:popup-interactive');
    await changed.close();

    // …and opened again, nothing written since, from its copy.
    await moduleFloor();
    const popup = await h.openToolbarPopup();
    painted.push(await paintedFrom(popup, 'copy'));
    contentful.push(await firstContentfulPaint(popup));
    interactive.push((await marked(popup, 'groundwork:popup-interactive')).at);
    const timing = await popup.evaluate(() => ({
      query: performance.getEntriesByName('groundwork:due-query')[0]!.duration,
      rows: document.querySelectorAll('.due-row').length,
    }));
    if (timing.rows === 0) throw new Error('The popup rendered no due follow-ups: the seed is wrong');
    query.push(timing.query);
    await popup.close();
  }
  const blank = summarise('  floor: a blank page of the extension (→ DOMContentLoaded)', 'ms', floors.blank, '—', () => null);
  const blankPaint = summarise('  floor: a blank page of the extension (→ first contentful paint)', 'ms', floors.blankPaint, '—', () => null);
  const modulePage = summarise('  floor: a page with one empty module script (→ its mark)', 'ms', floors.module, '—', () => null);
  return [
    besideFloor(summarise('popup first paint with data (navigation start → today’s list painted, from its own copy)', 'ms', painted, '', () => null), modulePage, { max: 1.25 }),
    besideFloor(summarise('  the same, first opening after a change (→ painted from storage’s snapshot)', 'ms', fromStorage, '', () => null), modulePage),
    besideFloor(summarise('  the same, in pixels (→ first contentful paint)', 'ms', contentful, '', () => null), blankPaint),
    besideFloor(summarise('popup interactive (navigation start → React has taken over)', 'ms', interactive, '', () => null), blank),
    blank,
    blankPaint,
    modulePage,
    summarise('  for comparison: React DOM and Dexie alone, rendering after the first read (the popup before its snapshot)', 'ms', floors.libraries, '—', () => null),
    summarise('due-today query in the freshly opened popup (50k people, 500k touches)', 'ms', query, '—', () => null),
    ...(await dueReadsBesideRaw(control, samples * 5)),
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
  const floor = summarise('  floor: raw IndexedDB, a count and the first 15 rows per status (not completing the last day)', 'ms', values.raw, '—', () => null);
  return [besideFloor(summarise('due-today query (dueHead, 15 rows, warm page)', 'ms', values.ours, '', () => null), floor, { max: 2 }), floor];
}
