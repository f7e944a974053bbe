import type { Page } from 'playwright-core';
import type { Harness } from '../tests/e2e/harness';
import { installPageApi } from './inPage';
import type { GroundworkBenchApi } from './pageApi';
import { seedExtensionDatabase } from './seed';
import { besideFloor, summarise, type Figure } from './stats';

declare const groundworkBench: GroundworkBenchApi;

export const YEARS_OF_DATA = { people: 50_000, accounts: 5_000, touches: 500_000, followUps: 2_000 } as const;

/**
 * The extension's database filled with years of data (seed 7), and the page API installed. The
 * rows go in with raw IndexedDB, past Dexie, so the touches' running totals are then rebuilt as
 * the v6 upgrade builds them for a rep who updates with years of touches: that time is a figure.
 *
 * The page is a blank page of the extension (`host`, from bench/popup.ts's floor pages), not one of
 * Groundwork's: the extension's pages share one main thread, and the options page's own live
 * queries (counts over 500k touches) ran after every write a figure made — inside the next
 * measurement, Groundwork's or its floor's, whichever came next.
 */
export async function pageWithYearsOfData(h: Harness, host: string): Promise<{ page: Page; rebuild: Figure }> {
  const page = await h.openExtensionPage(host);
  await seedExtensionDatabase(page, 7, YEARS_OF_DATA, Date.now());
  await installPageApi(page);
  const ms = await page.evaluate(async () => {
    const { db, rebuildTouchFigures } = groundworkBench;
    const start = performance.now();
    await db.transaction('rw', [db.touches, db.tallies, db.firstTouches], () => rebuildTouchFigures(db));
    return performance.now() - start;
  });
  return { page, rebuild: summarise('building the touches’ running totals from 500k touches (once, at the v6 upgrade)', 'ms', [ms], '—', () => null) };
}

/**
 * Lookups by LinkedIn URL and by email through Groundwork's repository functions, each next to the
 * floor: a raw IndexedDB `get` on the same index, same keys, same page. Samples alternate so
 * both see the same cache state.
 */
export async function lookups(page: Page, samples: number): Promise<Figure[]> {
  const result = await page.evaluate(async (n) => {
    const raw = await groundworkBench.raw.openRaw();
    // Keys spread over the table: every 50th person with an email, and with a profile URL.
    const people = await groundworkBench.db.people.orderBy('id').toArray();
    const urls = people.filter((p) => p.linkedinUrl).filter((_, i) => i % 50 === 0).map((p) => p.linkedinUrl!);
    const emails = people.filter((p) => p.emails.length > 0).filter((_, i) => i % 50 === 0).map((p) => p.emails[0]!);
    const rawGet = (index: string, key: string) => groundworkBench.raw.done(raw.transaction('people').objectStore('people').index(index).get(key));
    // Ten lookups a sample, one after another: a single one (≈ 0.2 ms) is near the page timer's 0.1 ms step.
    const BATCH = 10;
    const time = async (keys: string[], f: (key: string) => Promise<unknown>) => {
      const start = performance.now();
      for (const key of keys) if (!(await f(key))) throw new Error('lookup found nobody: the dataset is wrong');
      return (performance.now() - start) / keys.length;
    };
    const out = { url: [] as number[], urlRaw: [] as number[], email: [] as number[], emailRaw: [] as number[] };
    for (let i = 0; i < n; i++) {
      const batch = <T,>(list: T[]) => Array.from({ length: BATCH }, (_, j) => list[(i * BATCH + j) % list.length]!);
      const someUrls = batch(urls);
      const someEmails = batch(emails);
      out.urlRaw.push(await time(someUrls, (url) => rawGet('linkedinUrl', url)));
      out.url.push(await time(someUrls, (url) => groundworkBench.findPersonByLinkedInUrl(groundworkBench.db, url)));
      out.emailRaw.push(await time(someEmails, (email) => rawGet('emails', email)));
      out.email.push(await time(someEmails, (email) => groundworkBench.findPersonByEmail(groundworkBench.db, email)));
    }
    raw.close();
    return out;
  }, samples);
  const urlRaw = summarise('  floor: raw IndexedDB get by URL (mean of 10 a sample)', 'ms', result.urlRaw, '—', () => null);
  const emailRaw = summarise('  floor: raw IndexedDB get by email (mean of 10 a sample)', 'ms', result.emailRaw, '—', () => null);
  return [
    besideFloor(summarise('lookup by LinkedIn URL (50k people, 500k touches; mean of 10 a sample)', 'ms', result.url, '', () => null), urlRaw, { max: 1.5 }),
    urlRaw,
    besideFloor(summarise('lookup by email (50k people, 500k touches; mean of 10 a sample)', 'ms', result.email, '', () => null), emailRaw, { max: 1.5 }),
    emailRaw,
  ];
}

/** A person with 1,000 touches: the side panel's first timeline page (20 newest). */
export async function timelineFirstPage(page: Page, samples: number): Promise<Figure[]> {
  const values = await page.evaluate(async (n) => {
    const person = await groundworkBench.db.people.orderBy('id').first();
    if (!person) throw new Error('no people');
    const base = Date.now() - 1000 * 86_400_000;
    const touches = Array.from({ length: 1000 }, (_, i) => ({
      id: `bench-timeline-${i}`, personId: person.id, at: base + i * 86_400_000, type: 'email' as const, direction: 'outbound' as const,
      intent: 'neutral' as const, answered: false, freeAdvice: false, loggedBy: 'manual' as const, createdAt: base,
    }));
    await groundworkBench.db.touches.bulkPut(touches);
    const raw = await groundworkBench.raw.openRaw();
    const out = { ours: [] as number[], raw: [] as number[] };
    for (let i = 0; i < n; i++) {
      let start = performance.now();
      const { touches: first } = await groundworkBench.timeline(groundworkBench.db, person.id, { limit: 20 });
      out.ours.push(performance.now() - start);
      if (first.length !== 20) throw new Error('timeline page is short');
      // The floor: the 21 newest of the person's touches, walking the same index backwards.
      start = performance.now();
      await new Promise<void>((resolve, reject) => {
        const range = IDBKeyRange.bound([person.id, -Infinity], [person.id, Infinity]);
        const cursor = raw.transaction('touches').objectStore('touches').index('[personId+at]').openCursor(range, 'prev');
        let read = 0;
        cursor.onsuccess = () => {
          if (cursor.result && ++read < 21) cursor.result.continue();
          else resolve();
        };
        cursor.onerror = () => reject(cursor.error);
      });
      out.raw.push(performance.now() - start);
    }
    raw.close();
    return out;
  }, samples);
  const floor = summarise('  floor: raw IndexedDB, the 21 newest on [personId+at] with a backward cursor (a page and whether there is another)', 'ms', values.raw, '—', () => null);
  return [besideFloor(summarise('timeline first page, person with 1k touches', 'ms', values.ours, '', () => null), floor), floor];
}

/**
 * Logging a touch as the side panel does: the write, the crisis rule and the next follow-up.
 * Its floor is the same transaction done with raw IndexedDB as cheaply as it can be: everything
 * logging reads (the person, the settings, their touches, follow-ups and fit, the quarter hour's
 * tally and their first touches) asked for at once, then everything it writes (the touch, the
 * tally, the first touches, a follow-up) at once. For comparison, without a target: that same
 * floor written with Dexie's API (no middleware of Groundwork's), which is what Dexie alone costs;
 * and the raw floor leaving the change mark every write of Groundwork's leaves as it starts and
 * once committed (lib/db/changeMark.ts), which is what keeping the popup's snapshot honest costs.
 */
export async function loggingATouch(page: Page, samples: number): Promise<Figure[]> {
  const values = await page.evaluate(async (n) => {
    const raw = await groundworkBench.raw.openRaw();
    const alone = groundworkBench.dexieAlone();
    await alone.open();
    const people = await groundworkBench.db.people.orderBy('id').offset(1000).limit(4 * n).toArray();
    const out = { ours: [] as number[], raw: [] as number[], dexie: [] as number[], marked: [] as number[] };
    const QUARTER = 15 * 60_000;
    // The floors' follow-ups are shaped as Groundwork's are (a copy of a seeded one), and removed after.
    const template = (await groundworkBench.db.followUps.limit(1).first())!;
    const floorFollowUps: string[] = [];
    const stores = ['people', 'touches', 'followUps', 'settings', 'fits', 'tallies', 'firstTouches'];
    const touchOf = (id: string, personId: string, at: number) => ({ id, personId, at, type: 'personal-note', direction: 'outbound', intent: 'neutral', answered: false, freeAdvice: false, loggedBy: 'one-click', createdAt: at });
    const followUpOf = (id: string, personId: string, at: number) => ({ ...template, id, personId, dueAt: at + 86_400_000, status: 'open' as const, createdAt: at, updatedAt: at });
    type Tally = { touches: number } | undefined;
    // Between samples, a task for what a commit leaves behind (the change mark after it, Dexie's
    // notice to other pages), so that it is counted in no sample rather than in the next one's.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    // The floor: everything logging reads asked for at once, then everything it writes at once, in
    // one raw transaction. `marked`: leaving the change marks as Groundwork's writes do, the first
    // once the first write is queued, the second once committed.
    const rawLogging = async (person: { id: string }, i: number, marked: boolean) => {
      const tx = raw.transaction(stores, 'readwrite');
      const at = Date.now();
      const quarter = at - (at % QUARTER);
      const reads = [
        tx.objectStore('people').get(person.id),
        tx.objectStore('settings').get('settings'),
        tx.objectStore('touches').index('[personId+at]').getAll(IDBKeyRange.bound([person.id, -Infinity], [person.id, Infinity])),
        tx.objectStore('followUps').index('personId').getAll(person.id),
        tx.objectStore('fits').get(person.id),
        tx.objectStore('tallies').get(quarter),
        tx.objectStore('firstTouches').get(person.id),
      ];
      await Promise.all(reads.map((read) => groundworkBench.raw.done(read)));
      const tally = reads[5]!.result as Tally;
      const first = reads[6]!.result as object | undefined;
      const id = `bench-raw${marked ? '-marked' : ''}-${i}`;
      tx.objectStore('touches').put(touchOf(id, person.id, at));
      if (marked) {
        groundworkBench.markDataChanged();
        tx.addEventListener('complete', () => groundworkBench.markDataChanged({ committed: true }));
      }
      tx.objectStore('tallies').put({ at: quarter, gives: 0, asks: 0, adviceMinutes: 0, ...tally, touches: (tally?.touches ?? 0) + 1 });
      tx.objectStore('firstTouches').put({ personId: person.id, firstAt: at, ...first, lastAt: at });
      floorFollowUps.push(`${id}-follow-up`);
      tx.objectStore('followUps').put(followUpOf(floorFollowUps.at(-1)!, person.id, at));
      await groundworkBench.raw.committed(tx);
    };
    for (let i = 0; i < n; i++) {
      const person = people[4 * i]!;
      let start = performance.now();
      await groundworkBench.recordTouch(groundworkBench.db, { personId: person.id, type: 'personal-note', loggedBy: 'one-click' });
      out.ours.push(performance.now() - start);
      await settle();

      // The floor, on another person.
      start = performance.now();
      await rawLogging(people[4 * i + 1]!, i, false);
      out.raw.push(performance.now() - start);
      await settle();

      // The floor leaving Groundwork's change marks, on a fourth.
      start = performance.now();
      await rawLogging(people[4 * i + 3]!, i, true);
      out.marked.push(performance.now() - start);
      await settle();

      // The same requests through Dexie's API, on a third person.
      const third = people[4 * i + 2]!;
      start = performance.now();
      await alone.transaction('rw', stores, async () => {
        const at = Date.now();
        const quarter = at - (at % QUARTER);
        const [, , , , , tallyRow, firstRow] = await Promise.all([
          alone.table('people').get(third.id),
          alone.table('settings').get('settings'),
          alone.table('touches').where('[personId+at]').between([third.id, -Infinity], [third.id, Infinity]).toArray(),
          alone.table('followUps').where('personId').equals(third.id).toArray(),
          alone.table('fits').get(third.id),
          alone.table('tallies').get(quarter) as Promise<Tally>,
          alone.table('firstTouches').get(third.id) as Promise<object | undefined>,
        ]);
        floorFollowUps.push(`bench-dexie-follow-up-${i}`);
        await Promise.all([
          alone.table('touches').put(touchOf(`bench-dexie-${i}`, third.id, at)),
          alone.table('tallies').put({ at: quarter, gives: 0, asks: 0, adviceMinutes: 0, ...tallyRow, touches: (tallyRow?.touches ?? 0) + 1 }),
          alone.table('firstTouches').put({ personId: third.id, firstAt: at, ...firstRow, lastAt: at }),
          alone.table('followUps').put(followUpOf(floorFollowUps.at(-1)!, third.id, at)),
        ]);
      });
      out.dexie.push(performance.now() - start);
      await settle();
    }
    const cleanUp = raw.transaction('followUps', 'readwrite');
    for (const id of floorFollowUps) cleanUp.objectStore('followUps').delete(id);
    await groundworkBench.raw.committed(cleanUp);
    alone.close();
    raw.close();
    return out;
  }, samples);
  const floor = summarise('  floor: the same reads, then the same writes, in one raw read-write transaction', 'ms', values.raw, '—', () => null);
  const dexie = summarise('  for comparison: the floor’s requests through Dexie’s API alone (no middleware of ours)', 'ms', values.dexie, '', () => null);
  const marked = summarise('  for comparison: the floor leaving the popup’s change marks, as every write of ours does', 'ms', values.marked, '', () => null);
  return [besideFloor(summarise('logging a touch (write + follow-up recompute)', 'ms', values.ours, '', () => null), floor, { max: 1.5 }), floor, besideFloor(dexie, floor), besideFloor(marked, floor)];
}
