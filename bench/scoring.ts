import type { Page } from 'playwright-core';
import type { Harness } from '../tests/e2e/harness';
import { installPageApi } from './inPage';
import type { GroundworkBenchApi } from './pageApi';
import { putRow, seedExtensionDatabase } from './seed';
import { summarise, type Figure } from './stats';

/**
 * Re-scoring saved prospects after a profile change, in the service worker, on 50k generated
 * people: from the options page's "scores/recompute" message to the worker recording the job done.
 */
declare const groundworkBench: GroundworkBenchApi;

export async function rescoring(h: Harness, people: number, runs: number): Promise<Figure[]> {
  const page = await h.openExtensionPage('options.html');
  await seedExtensionDatabase(page, 42, { people, accounts: Math.round(people / 10), touches: 0, followUps: 0 }, Date.UTC(2026, 10, 2));
  await installPageApi(page);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const updatedAt = Date.now();
    const profile = {
      id: 'icp-bench',
      name: 'Bench',
      industries: { include: ['Manufacturing', 'Food'], exclude: ['Staffing'] },
      sizeBands: ['201-500', '501-1000', '1001-5000'],
      seniorities: run % 2 ? ['executive', 'vp'] : ['vp', 'director'],
      titleKeywords: ['operations', 'plant', 'IT'],
      locations: ['Ohio', 'Michigan', 'Germany'],
      keywords: ['automation'],
      exclusions: { students: true, recruiters: true, companies: ['Rival Systems'] },
      weights: { industry: 3, size: 2, seniority: 3, title: 2, location: 1, keywords: 1 },
      createdAt: updatedAt,
      updatedAt,
    };
    await putRow(page, 'profiles', profile);
    await putRow(page, 'settings', { key: 'settings', value: { activeProfileId: profile.id } });
    const elapsed = await page.evaluate(async (key) => {
      const { db, liveQuery } = groundworkBench;
      // Told by Dexie when the worker records the job done (its change notice reaches every page
      // of the extension): polling IndexedDB here would compete with the work being measured.
      const done = new Promise<void>((resolve) => {
        const subscription = liveQuery(() => db.settings.get('scoring')).subscribe((row) => {
          if (row?.value === key) {
            subscription.unsubscribe();
            resolve();
          }
        });
      });
      const start = performance.now();
      await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'scores/recompute' });
      await done;
      return performance.now() - start;
    }, `icp-bench@${updatedAt}`);
    samples.push(elapsed);
  }
  const floor = await rawFitWrites(page);
  await page.close();
  return [
    summarise(`re-scoring ${people / 1000}k people after a profile change`, 'ms', samples, '≤ 5 s', ({ median }) => median <= 5000),
    summarise(`  floor: writing all ${people / 1000}k fits with raw IndexedDB (2,000 per transaction)`, 'ms', floor, '—', () => null),
  ];
}

/**
 * Re-scoring's floor: the fits the runs left, each with its score changed, written back with raw
 * IndexedDB into the same table, 2,000 per transaction — what a profile change that moves every
 * fit has to write, whatever the scoring code does. Read first, untimed.
 */
async function rawFitWrites(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const raw = await groundworkBench.raw.openRaw();
    const fits = (await groundworkBench.raw.done(raw.transaction('fits').objectStore('fits').getAll())) as Record<string, unknown>[];
    if (fits.length === 0) throw new Error('no fits to rewrite: re-scoring wrote none');
    const start = performance.now();
    await groundworkBench.raw.putInChunks(
      raw,
      'fits',
      fits.map((fit) => ({ ...fit, score: (Number(fit.score) || 0) + 1 })),
    );
    const elapsed = performance.now() - start;
    raw.close();
    return [elapsed];
  });
}
