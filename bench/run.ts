/**
 * `npm run bench`: Groundwork's cost, measured in Chromium with the built extension (the E2E
 * harness). Prints a table and writes bench/results.json. Timings are reported, never asserted:
 * machines are noisy. See bench/README.md for what each figure means.
 */
import { spawnSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LINKEDIN_FIXTURES } from '../tests/fixtures/linkedin/expected';
import { markDataChanged, waitForPopupSnapshot } from '../tests/e2e/db';
import { launch } from '../tests/e2e/harness';
import type { FixtureServer } from '../tests/e2e/server';
import { contentScriptSizes, spaNavigation } from './content-script';
import { loggingATouch, lookups, pageWithYearsOfData, timelineFirstPage } from './data';
import { csvImport } from './io';
import { extensionWithFloorPages, FLOOR_PAGES, popupWithData } from './popup';
import { rescoring } from './scoring';
import { panelOpenedFresh, panelSwitching, repWeekHome } from './sidePanel';
import { contentScriptCost } from './trace';
import { workspaceFigures } from './workspace';
import type { Figure } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

/** The parts of a run, each runnable alone with `--only <part>` (or `--only=<part>`, several comma-separated). */
export const PARTS = ['content', 'rescoring', 'import', 'popup', 'data', 'sidepanel', 'workspace'] as const;
type Part = (typeof PARTS)[number];

function chosenParts(argv: readonly string[]): Set<Part> {
  const i = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (i < 0) return new Set(PARTS);
  const value = argv[i]!.includes('=') ? argv[i]!.split('=')[1]! : (argv[i + 1] ?? '');
  const asked = value.split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = asked.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (asked.length === 0 || unknown.length > 0) throw new Error(`--only takes one or more of: ${PARTS.join(', ')}${unknown.length ? ` (not: ${unknown.join(', ')})` : ''}`);
  return new Set(asked as Part[]);
}

/** What the run is doing, as it goes, with the time since it started. */
const started = performance.now();
const say = (what: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${what}`);

async function main() {
  const parts = chosenParts(process.argv.slice(2));
  const run = (part: Part) => parts.has(part);
  if (!process.argv.includes('--no-build')) {
    say('building the extension');
    const built = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error('Build failed');
  }
  const figures: Figure[] = [];
  const withFixtures = (server: FixtureServer) => {
    for (const fixture of LINKEDIN_FIXTURES) server.page(fixture.url, `linkedin/${fixture.file}`);
  };
  if (run('content')) {
    say('content scripts: sizes, detection after in-app navigation, main-thread time');
    figures.push(...(await contentScriptSizes()));
    const harness = await launch(withFixtures);
    try {
      figures.push(...(await spaNavigation(harness, ROUNDS)));
      figures.push(...(await contentScriptCost(harness, Math.min(ROUNDS, 20))));
    } finally {
      await harness.close();
    }
  }
  // Data-heavy figures get a fresh profile of their own.
  if (run('rescoring')) {
    say('re-scoring 50k people, 7 runs, each beside its raw reads and writes');
    const data = await launch();
    try {
      figures.push(...(await rescoring(data, 50_000, 7)));
    } finally {
      await data.close();
    }
  }
  if (run('import')) {
    say('importing a 50k-row Connections.csv, 5 runs, beside raw writes');
    const empty = await launch();
    try {
      figures.push(...(await csvImport(empty, 50_000, 5)));
    } finally {
      await empty.close();
    }
  }
  // Years of data (50k people, 500k touches), seeded once: the popup, the repository's queries
  // next to raw IndexedDB, logging, the side panel, the workspace.
  if (run('popup') || run('data') || run('sidepanel') || run('workspace')) {
    const withFloorPages = await extensionWithFloorPages();
    const years = await launch(withFixtures, { extensionDir: withFloorPages });
    try {
      say('seeding years of data: 50k people, 5k accounts, 500k touches, 2k follow-ups');
      const { page: control, rebuild } = await pageWithYearsOfData(years, FLOOR_PAGES.blank);
      figures.push(rebuild);
      // Seeded past Dexie: leave the change mark a writer leaves, and let the worker remake the
      // popup's snapshot of all that (lib/popup/snapshot.ts).
      await markDataChanged(control);
      await waitForPopupSnapshot(control);
      if (run('popup')) {
        say('the popup beside its floor pages');
        figures.push(...(await popupWithData(years, control, 40)));
      }
      if (run('data')) {
        say('lookups, the timeline and logging a touch beside raw IndexedDB');
        figures.push(...(await lookups(control, 200)), ...(await timelineFirstPage(control, 50)), ...(await loggingATouch(control, 50)));
      }
      if (run('sidepanel')) {
        say('the side panel: home and switching prospects');
        figures.push(await repWeekHome(years, control, 5));
        figures.push(...(await panelSwitching(years, control, 30)));
        figures.push(...(await panelOpenedFresh(years, control, 15)));
      }
      if (run('workspace')) {
        say('the workspace: search per keystroke, first render, heap, scrolling');
        figures.push(...(await workspaceFigures(years, control, 8)));
      }
    } finally {
      await years.close();
      await rm(dirname(withFloorPages), { recursive: true, force: true });
    }
  }

  say('done');
  const round = (n: number) => Math.round(n * 100) / 100;
  console.table(
    figures.map((f) => ({
      figure: f.name,
      median: `${round(f.median)} ${f.unit}`,
      p95: `${round(f.p95)} ${f.unit}`,
      n: f.samples,
      floor: f.floor ? `${round(f.floor.median)} ${f.unit}` : '',
      '× floor': f.ratio ? `${round(f.ratio.median)} (p95 ${round(f.ratio.p95)})` : '',
      target: f.target,
      met: f.met,
    })),
  );
  const results = {
    measuredAt: new Date().toISOString(),
    machine: { cores: (await import('node:os')).cpus().length, node: process.version },
    figures: figures.map((f) => ({
      ...f,
      median: round(f.median),
      p95: round(f.p95),
      ...(f.floor ? { floor: { ...f.floor, median: round(f.floor.median), p95: round(f.floor.p95) } } : {}),
      ...(f.ratio ? { ratio: { median: round(f.ratio.median), p95: round(f.ratio.p95) } } : {}),
    })),
  };
  // A partial run prints its figures and keeps the last full run's file.
  if (parts.size === PARTS.length) await writeFile(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
