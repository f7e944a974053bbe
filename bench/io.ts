import type { Harness } from '../tests/e2e/harness';
import { installPageApi } from './inPage';
import type { GroundworkBenchApi } from './pageApi';
import { besideFloor, summarise, type Figure } from './stats';

declare const groundworkBench: GroundworkBenchApi;

/**
 * Importing LinkedIn's Connections.csv with 50k rows into an empty database, as the options page
 * does it (the code is the options page's own, lib/io/csvImport.ts): read and map in slices, then
 * import in chunks, all yielding between them. Also the floor (the same records written with raw IndexedDB)
 * and the longest the page's main thread was blocked from reading the file to the last chunk (a
 * 10 ms interval timer's largest gap), which is what "the UI stays responsive" means.
 */
export async function csvImport(h: Harness, rows: number, runs: number): Promise<Figure[]> {
  const durations: number[] = [];
  const parses: number[] = [];
  const maps: number[] = [];
  const floors: number[] = [];
  const gaps: number[] = [];
  for (let run = 0; run < runs; run++) {
    const page = await h.openExtensionPage('options.html');
    await installPageApi(page);
    const result = await page.evaluate(async (n) => {
      await groundworkBench.db.people.clear();
      const first = ['Ana', 'Bo', 'Chidi', 'Dana', 'Elif', 'Farid', 'Greta', 'Hamid', 'Inès', 'Jonas', 'Keiko', 'Lars', 'Maya', 'Søren', 'Zofia'];
      const last = ['Lima', 'Chen', 'Okafor', 'Brandt', 'Yılmaz', 'Haddad', 'Lind', 'Müller', 'García', 'Kowalczyk', "O'Brien", 'Nakamura'];
      const companies = ['Sable Ridge Foods', 'Kestrel Conveyors', 'Tidewater Logistics', 'Havel Metalworks', '"Odra Plastics, S.A."'];
      const lines = ['Notes:', '"When exporting your connection data, you may notice that some of the email addresses are missing."', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
      for (let i = 0; i < n; i++) {
        const f = first[i % first.length]!;
        const l = last[(i * 7) % last.length]!;
        const email = i % 3 === 0 ? `${f.toLowerCase()}.${i}@example.com` : '';
        lines.push([f, l, `https://www.linkedin.com/in/${f.toLowerCase()}-${i.toString(36)}`, email, companies[i % companies.length], 'Plant Manager', '12 Mar 2024'].join(','));
      }
      const text = lines.join('\n');
      // The longest the page's main thread was blocked, from reading the file to the last chunk.
      let longest = 0;
      let previous = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - previous);
        previous = now;
      }, 10);
      const start = performance.now();
      const table = await groundworkBench.readCsvTableInSlices(text);
      const read = performance.now();
      const { people } = await groundworkBench.peopleFromRowsInSlices(table.rows, table.mapping);
      const parsed = performance.now();
      const summary = await groundworkBench.importPeople(groundworkBench.db, people);
      const duration = performance.now() - start;
      clearInterval(ticker);
      // The floor: the same person records written with raw IndexedDB, 2,000 per transaction.
      const stored = await groundworkBench.db.people.toArray();
      await groundworkBench.db.people.clear();
      const raw = await groundworkBench.raw.openRaw();
      const floorStart = performance.now();
      await groundworkBench.raw.putInChunks(raw, 'people', stored);
      const floor = performance.now() - floorStart;
      raw.close();
      return { duration, parse: read - start, map: parsed - read, floor, longest, added: summary.added, count: stored.length };
    }, rows);
    if (result.added !== rows || result.count !== rows) throw new Error(`imported ${result.added} of ${rows} (${result.count} stored)`);
    durations.push(result.duration);
    parses.push(result.parse);
    maps.push(result.map);
    floors.push(result.floor);
    gaps.push(result.longest);
    await page.close();
  }
  const floor = summarise('  floor: the same records written with raw IndexedDB', 'ms', floors, '—', () => null);
  return [
    besideFloor(summarise(`importing ${rows / 1000}k CSV rows (LinkedIn Connections.csv, empty database)`, 'ms', durations, '', () => null), floor, { max: 1.2 }),
    summarise('  of which reading the CSV (in slices, yielding between them)', 'ms', parses, '—', () => null),
    summarise('  of which mapping rows to people (in slices)', 'ms', maps, '—', () => null),
    floor,
    summarise('  longest main-thread block, from reading the file to the last chunk', 'ms', gaps, '—', () => null),
  ];
}
