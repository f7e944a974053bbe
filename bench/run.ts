/**
 * `npm run bench`: Groundwork's cost, measured in Chromium with the built extension (the E2E
 * harness). Prints a table and writes bench/results.json. Timings are reported, never asserted:
 * machines are noisy. See bench/README.md for what each figure means.
 */
import { spawnSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LINKEDIN_FIXTURES } from '../tests/fixtures/linkedin/expected';
import { launch } from '../tests/e2e/harness';
import type { FixtureServer } from '../tests/e2e/server';
import { contentScriptSizes, spaNavigation } from './content-script';
import { loggingATouch, lookups, pageWithYearsOfData, timelineFirstPage } from './data';
import { csvImport } from './io';
import { extensionWithFloorPages, popupWithData } from './popup';
import { rescoring } from './scoring';
import { panelSwitching, repWeekHome } from './sidePanel';
import { contentScriptCost } from './trace';
import { workspaceFigures } from './workspace';
import type { Figure } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

async function main() {
  if (!process.argv.includes('--no-build')) {
    const built = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error('Build failed');
  }
  // `--only=workspace`: only the figures with years of data that the workspace adds (issue 18).
  const onlyWorkspace = process.argv.includes('--only=workspace');
  const figures: Figure[] = onlyWorkspace ? [] : [...(await contentScriptSizes())];
  const withFixtures = (server: FixtureServer) => {
    for (const fixture of LINKEDIN_FIXTURES) server.page(fixture.url, `linkedin/${fixture.file}`);
  };
  if (!onlyWorkspace) {
    const harness = await launch(withFixtures);
    try {
      figures.push(...(await spaNavigation(harness, ROUNDS)));
      figures.push(...(await contentScriptCost(harness, Math.min(ROUNDS, 20))));
    } finally {
      await harness.close();
    }
  }
  // Data-heavy figures get a fresh profile of their own.
  if (!onlyWorkspace) {
    const data = await launch();
    try {
      figures.push(...(await rescoring(data, 50_000, 3)));
    } finally {
      await data.close();
    }
    const empty = await launch();
    try {
      figures.push(...(await csvImport(empty, 50_000, 3)));
    } finally {
      await empty.close();
    }
  }
  // Years of data (50k people, 500k touches), seeded once: the popup, the repository's queries
  // next to raw IndexedDB, logging, and the side panel switching prospects.
  const withFloorPages = await extensionWithFloorPages();
  const years = await launch(withFixtures, { extensionDir: withFloorPages });
  try {
    const { page: control, rebuild } = await pageWithYearsOfData(years);
    figures.push(rebuild);
    if (!onlyWorkspace) {
      figures.push(...(await popupWithData(years, control, 20)));
      figures.push(...(await lookups(control, 200)), await timelineFirstPage(control, 50), ...(await loggingATouch(control, 50)));
      figures.push(await repWeekHome(years, control, 5));
      figures.push(...(await panelSwitching(years, control, 30)));
    }
    figures.push(...(await workspaceFigures(years, control, 8)));
  } finally {
    await years.close();
    await rm(dirname(withFloorPages), { recursive: true, force: true });
  }

  const round = (n: number) => Math.round(n * 100) / 100;
  console.table(
    figures.map((f) => ({ figure: f.name, median: `${round(f.median)} ${f.unit}`, p95: `${round(f.p95)} ${f.unit}`, n: f.samples, target: f.target, met: f.met })),
  );
  const results = {
    measuredAt: new Date().toISOString(),
    machine: { cores: (await import('node:os')).cpus().length, node: process.version },
    figures: figures.map((f) => ({ ...f, median: round(f.median), p95: round(f.p95) })),
  };
  // A partial run prints its figures and keeps the last full run's file.
  if (!onlyWorkspace) await writeFile(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
