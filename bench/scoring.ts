import type { Page } from 'playwright-core';
import type { Harness } from '../tests/e2e/harness';
import { installPageApi } from './inPage';
import type { GroundworkBenchApi } from './pageApi';
import { putRow, seedExtensionDatabase } from './seed';
import { besideFloor, summarise, type Figure } from './stats';

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
  const floors: number[] = [];
  for (let run = 0; run < runs; run++) {
    const before = await fitsNow(page);
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
    // Which fits the run wrote, found before the floor's clock starts (a deleted fit is a write too).
    const after = await fitsNow(page);
    const changed = Object.keys(after).filter((id) => after[id] !== before[id]);
    const deleted = Object.keys(before).filter((id) => !(id in after)).length;
    if (changed.length + deleted === 0) throw new Error('the run changed no fit: the profiles are wrong');
    floors.push(await rawRescoringFloor(page, changed, deleted));
  }
  await page.close();
  const floor = summarise(`  floor: reading every person, account and fit, writing the fits that run changed, raw IndexedDB`, 'ms', floors, '—', () => null);
  return [besideFloor(summarise(`re-scoring ${people / 1000}k people after a profile change`, 'ms', samples, '', () => null), floor, { max: 1.15 }), floor];
}

/** The stored fits, keyed by person, as one string each (score, band, confidence, exclusion). */
const fitsNow = (page: Page): Promise<Record<string, string>> =>
  page.evaluate(async () => {
    const raw = await groundworkBench.raw.openRaw();
    const fits = (await groundworkBench.raw.done(raw.transaction('fits').objectStore('fits').getAll())) as { personId: string; score?: number; band?: string; confidence: number; excluded: boolean }[];
    raw.close();
    return Object.fromEntries(fits.map((f) => [f.personId, `${f.score}|${f.band}|${f.confidence}|${f.excluded}`]));
  });

/**
 * Re-scoring's floor for one run: what any code has to ask of IndexedDB to do that run — read
 * every person, every account (a person's company facts are their account's) and every stored
 * fit, then write the fits the run changed (`changed`, and as many
 * rows again as it deleted; 2,000 per transaction) — done with raw IndexedDB after the run, on the
 * same data. The rows written back are the run's own, unchanged, so the next run starts from the
 * same state.
 */
async function rawRescoringFloor(page: Page, changed: readonly string[], deleted: number): Promise<number> {
  return page.evaluate(
    async ({ changedIds, deletedCount }) => {
      const { openRaw, done, putInChunks } = groundworkBench.raw;
      const raw = await openRaw();
      const fits = (await done(raw.transaction('fits').objectStore('fits').getAll())) as { personId: string }[];
      const ids = new Set(changedIds);
      const rows = [...fits.filter((f) => ids.has(f.personId)), ...fits.slice(0, deletedCount)];
      const start = performance.now();
      const tx = raw.transaction(['people', 'accounts', 'fits']);
      await Promise.all([done(tx.objectStore('people').getAll()), done(tx.objectStore('accounts').getAll()), done(tx.objectStore('fits').getAll())]);
      await putInChunks(raw, 'fits', rows);
      const elapsed = performance.now() - start;
      raw.close();
      return elapsed;
    },
    { changedIds: changed, deletedCount: deleted },
  );
}
