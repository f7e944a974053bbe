/**
 * `npm run bench`: Groundwork's cost, measured in Chromium with the built extension (the E2E
 * harness). Prints a table and writes bench/results.json. Timings are reported, never asserted:
 * machines are noisy. See bench/README.md for what each figure means.
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LINKEDIN_FIXTURES } from '../tests/fixtures/linkedin/expected';
import { launch } from '../tests/e2e/harness';
import { contentScriptSizes, spaNavigation } from './content-script';
import { popupWithData } from './popup';
import { rescoring } from './scoring';
import type { Figure } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

async function main() {
  if (!process.argv.includes('--no-build')) {
    const built = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error('Build failed');
  }
  const figures: Figure[] = [...(await contentScriptSizes())];
  const harness = await launch((server) => {
    for (const fixture of LINKEDIN_FIXTURES) server.page(fixture.url, `linkedin/${fixture.file}`);
  });
  try {
    figures.push(...(await spaNavigation(harness, ROUNDS)));
  } finally {
    await harness.close();
  }
  // Data-heavy figures get a fresh profile of their own.
  const data = await launch();
  try {
    figures.push(await rescoring(data, 50_000, 3));
  } finally {
    await data.close();
  }
  const years = await launch();
  try {
    figures.push(...(await popupWithData(years, 20)));
  } finally {
    await years.close();
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
  await writeFile(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
