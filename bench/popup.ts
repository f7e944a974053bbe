import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, type Harness } from '../tests/e2e/harness';
import type { GroundworkBenchApi } from './pageApi';
import { summarise, type Figure } from './stats';

declare const groundworkBench: GroundworkBenchApi;

/** The page the popup's floor is measured on: no script, no style, in the extension's origin. */
export const BLANK_PAGE = 'bench-blank.html';

/**
 * A copy of the built extension with a blank page added, so the popup can be set beside the
 * cheapest page the extension could show. The copy is the bench's own; the build is untouched.
 */
export async function extensionWithBlankPage(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'groundwork-bench-ext-')), 'chrome-mv3');
  await cp(EXTENSION_DIR, dir, { recursive: true });
  await writeFile(join(dir, BLANK_PAGE), '<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Blank</title></head><body><p>Blank</p></body></html>\n');
  return dir;
}

/** Navigation start → DOMContentLoaded: the page and its module scripts loaded and run. */
const domContentLoaded = (page: Page) =>
  page.evaluate(async () => {
    const entry = () => performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    while (!entry() || entry()!.domContentLoadedEventEnd === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    return entry()!.domContentLoadedEventEnd;
  });

/**
 * The popup with years of data: 50k people, 500k touches, 2k follow-ups (some due today), seeded
 * from a fixed seed by the caller (bench/data.ts, pageWithYearsOfData). Each sample is a fresh
 * load of popup.html (launched with `extensionWithBlankPage`); the page's own User Timing marks
 * give the due-today query time and the time from navigation start to the first render with
 * data. Beside them, in alternation: the blank page of the same extension (the floor of any
 * extension page here), and the due-today reads done with raw IndexedDB.
 */
export async function popupWithData(h: Harness, control: Page, samples: number): Promise<Figure[]> {
  const query: number[] = [];
  const render: number[] = [];
  const scripts: number[] = [];
  const blank: number[] = [];
  for (let i = 0; i < samples; i++) {
    const empty = await h.openExtensionPage(BLANK_PAGE);
    blank.push(await domContentLoaded(empty));
    await empty.close();

    // A fresh popup each time, as the rep opens it from the toolbar.
    const popup = await h.openExtensionPage('popup.html');
    const timing = await popup.evaluate(async () => {
      while (performance.getEntriesByName('groundwork:popup-rendered').length === 0) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return {
        query: performance.getEntriesByName('groundwork:due-query')[0]!.duration,
        render: performance.getEntriesByName('groundwork:popup-rendered')[0]!.startTime,
        rows: document.querySelectorAll('.due-row').length,
      };
    });
    if (timing.rows === 0) throw new Error('The popup rendered no due follow-ups: the seed is wrong');
    query.push(timing.query);
    render.push(timing.render);
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
    summarise('  floor: a blank page of the extension (→ DOMContentLoaded)', 'ms', blank, '—', () => null),
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
