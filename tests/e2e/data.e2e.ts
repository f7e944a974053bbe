import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailPersonRow, readTable, seedTable, touchRow, type StoredTouch } from './db';
import { launch, type Harness } from './harness';

/**
 * Data ownership end to end on the options page: backup → delete all → restore gives the same
 * rows; LinkedIn's Connections.csv imports with progress; a bad file changes nothing; CSV and
 * calendar exports download with what they promise.
 */

const TABLES = ['people', 'accounts', 'touches', 'followUps', 'profiles', 'settings'] as const;
const FIXTURE = JSON.parse(readFileSync(join(__dirname, '../fixtures/db/v4.json'), 'utf8')) as { tables: Record<string, Record<string, unknown>[]> };

let h: Harness;
let options: Page;

beforeAll(async () => {
  h = await launch();
  options = await h.openExtensionPage('options.html');
  for (const table of TABLES) await seedTable(options, table, FIXTURE.tables[table]!);
  await options.reload();
});
afterAll(async () => {
  await h?.close();
});

const byId = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => String(a.id ?? a.key).localeCompare(String(b.id ?? b.key)));

async function snapshot(): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const table of TABLES) out[table] = byId(await readTable(options, table));
  // The words Groundwork indexes people by (lib/db/nameKeys.ts) are derived, set on
  // every write; the fixture's rows were seeded raw, without them.
  out.people = out.people!.map(({ nameKeys: _, searchKeys: __, ...person }) => person);
  // The rep's settings only: the worker keeps its own bookkeeping rows there (which profile the fits are for).
  out.settings = out.settings!.filter((row) => row.key === 'settings');
  return out;
}

async function download(click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [file] = await Promise.all([options.waitForEvent('download'), click()]);
  return { download: file, bytes: await readFile((await file.path())!) };
}

const section = (name: string) => options.getByRole('region', { name: 'Your data' }).getByLabel(name, { exact: true });

describe('options › your data', () => {
  it('backs up, deletes everything behind a typed confirmation, and restores the same rows', async () => {
    const before = await snapshot();
    expect(before.people).toHaveLength(4);
    await options.getByTestId('data-counts').getByText('4 people · 1 accounts · 3 touches · 2 follow-ups').waitFor();
    await options.getByTestId('persistence').getByText(/Storage is (persistent|best-effort)/).waitFor();
    await options.getByTestId('storage-usage').getByText(/^Using .* in this browser/).waitFor();

    const backupCard = section('Backup and restore');
    const { download: backup, bytes } = await download(() => backupCard.getByRole('button', { name: 'Back up everything' }).click());
    expect(backup.suggestedFilename()).toMatch(/^groundwork-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(bytes.toString('utf8')) as { format: string; version: number; data: Record<string, unknown[]> };
    expect(file).toMatchObject({ format: 'groundwork-backup', version: 1 });
    expect(file.data.people).toHaveLength(4);
    await backupCard.getByText(/Checked: it restores\./).waitFor();

    const deleteCard = section('Delete all data');
    await deleteCard.getByRole('button', { name: 'Delete all data…' }).click();
    const confirm = deleteCard.getByRole('button', { name: 'Delete everything' });
    expect(await confirm.isDisabled()).toBe(true);
    await deleteCard.getByLabel('Type delete to confirm').fill('delet');
    expect(await confirm.isDisabled()).toBe(true);
    await deleteCard.getByLabel('Type delete to confirm').fill('delete');
    await confirm.click();
    await deleteCard.getByText('All data deleted.', { exact: false }).waitFor();
    for (const [table, rows] of Object.entries(await snapshot())) expect(rows, table).toEqual([]);
    await options.getByTestId('data-counts').getByText('0 people · 0 accounts · 0 touches · 0 follow-ups').waitFor();

    await backupCard.getByLabel('Restore from a backup').setInputFiles({ name: backup.suggestedFilename(), mimeType: 'application/json', buffer: bytes });
    await backupCard.getByText(/a backup from .* with 4 people, 1 accounts, 3 touches, 2 follow-ups, 1 ideal customer profile and settings\. Nothing has been changed yet\./).waitFor();
    await backupCard.getByRole('button', { name: 'Replace all my data…' }).click();
    await backupCard.getByLabel('Type replace to confirm').fill('replace');
    await backupCard.getByRole('button', { name: 'Replace my data' }).click();
    await backupCard.getByText('Replaced your data with the backup.', { exact: false }).waitFor();
    expect(await snapshot()).toEqual(before);
    // Touches are counted on demand, not live: the page's own restore recounts them.
    await options.getByTestId('data-counts').getByText('4 people · 1 accounts · 3 touches · 2 follow-ups').waitFor();

    // Merging the same file again adds nothing.
    await backupCard.getByLabel('Restore from a backup').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: bytes });
    await backupCard.getByRole('button', { name: 'Merge into my data' }).click();
    const summary = backupCard.getByRole('table', { name: 'What the restore did' });
    expect(await summary.getByRole('row', { name: /^People/ }).textContent()).toBe('People004');
    expect(await snapshot()).toEqual(before);
  });

  it('a bad file gets its message and changes nothing', async () => {
    const before = await snapshot();
    const backupCard = section('Backup and restore');
    const truncated = Buffer.from('{"format":"groundwork-backup","version":1,"exportedAt":"2026-11-23T10:00:00.000Z","data":{"people":[{"id":"x"');
    await backupCard.getByLabel('Restore from a backup').setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: truncated });
    await backupCard.getByRole('alert').getByText(/cut short or damaged/).waitFor();
    await backupCard.getByLabel('Restore from a backup').setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"groundwork-backup","version":9}') });
    await backupCard.getByRole('alert').getByText(/made by a newer Groundwork/).waitFor();

    const importCard = section('Import people from CSV');
    await importCard.getByLabel('Import people from CSV').setInputFiles({ name: 'people.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]) });
    await importCard.getByRole('alert').getByText(/Excel workbook/).waitFor();
    expect(await snapshot()).toEqual(before);
  });

  it("imports LinkedIn's Connections.csv with progress to completion", async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => `Person,Number ${i},https://www.linkedin.com/in/person-number-${i},,Company ${i % 50},Plant Manager,01 Jan 2025`);
    const csv = ['Notes:', '"When exporting your connection data, you may notice that some of the email addresses are missing."', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows, ''].join('\n');
    const importCard = section('Import people from CSV');
    await importCard.getByLabel('Import people from CSV').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await importCard.getByText('LinkedIn connections export: 6,000 rows, after 3 lines of notes. Nothing has been imported yet.').waitFor();
    expect(await importCard.getByLabel('Column URL').inputValue()).toBe('linkedinUrl');

    // Every value the progress bar shows, recorded in the page as it renders.
    await options.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('progress');
        if (bar && seen.at(-1) !== bar.value) seen.push(bar.value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await importCard.getByRole('button', { name: 'Import 6,000 rows' }).click();
    await importCard.getByText('Imported 6,000 rows: 6,000 new people, 0 merged into people already saved, 0 already up to date.').waitFor();
    const seen = await options.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
    // Chunks of 2,000: the bar moved while the page stayed live (the last step renders as the summary).
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((value) => value <= 6000)).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    const people = await readTable<{ linkedinUrl?: string; source: string; title?: string }>(options, 'people');
    expect(people).toHaveLength(6004);
    expect(people.find((p) => p.linkedinUrl === 'https://www.linkedin.com/in/person-number-5999/')).toMatchObject({ source: 'import', title: 'Plant Manager' });
  });

  it('exports people as CSV with a BOM and neutralised formulas, and follow-ups as .ics', async () => {
    await seedTable(options, 'people', [
      {
        id: 'p-evil',
        name: '=HYPERLINK("http://evil.example","Click")',
        companyName: '@SUM(1+1)',
        headline: '\u3000\uFF1D1+1',
        location: ' \u200B-2+3',
        emails: ['evil@x.example'],
        source: 'email',
        stage: 'target',
        flags: [],
        tags: [],
        owner: 'rep',
        createdAt: 1767225600000,
        updatedAt: 1767225600000,
      },
    ]);
    const exportsCard = section('Spreadsheets and calendar');
    const people = await download(() => exportsCard.getByRole('button', { name: 'People as CSV' }).click());
    expect(people.download.suggestedFilename()).toMatch(/^groundwork-people-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...people.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = people.bytes.toString('utf8');
    expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""Click"")"');
    expect(text).toContain("'@SUM(1+1)");
    // Behind white space, zero-width characters and in full-width forms too (issue 15).
    expect(text).toContain("'\u3000\uFF1D1+1");
    expect(text).toContain("' \u200B-2+3");
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    await exportsCard.getByRole('status').getByText(/^Saved groundwork-people-.*: 6,005 people/).waitFor({ timeout: 5000 }).catch(async (e: unknown) => {
      throw new Error(`${String(e)}\n${await exportsCard.textContent()}`);
    });

    const touches = await download(() => exportsCard.getByRole('button', { name: 'Touches as CSV' }).click());
    expect(touches.bytes.toString('utf8').split('\r\n')[0]).toBe('\uFEFFDate,Person,Company,Type,Direction,Give or ask,Subject,Note,Answered,Minutes,Free advice,Logged,Person LinkedIn URL,Person email,Source key,Touch ID,Person ID');

    // A follow-up an older restore stored with a date past JavaScript's range is left out and named.
    await seedTable(options, 'followUps', [
      { id: 'f-broken', personId: 'p-evil', dueAt: 8_640_000_000_000_001, reason: 'Broken', suggestedType: 'email', status: 'open', origin: 'manual', createdAt: 1767225600000, updatedAt: 1767225600000 },
    ]);
    const calendar = await download(() => exportsCard.getByRole('button', { name: 'Follow-ups to calendar (.ics)' }).click());
    expect(calendar.download.suggestedFilename()).toMatch(/\.ics$/);
    await exportsCard.getByRole('status').getByText(/2 open follow-ups\. Left out 1: =HYPERLINK.*: its due date is not a date\./).waitFor();
    const ics = calendar.bytes.toString('utf8').replace(/\r\n[ \t]/g, '');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('UID:followup-f-1@groundwork');
    expect(ics).toContain('SUMMARY:Email: Inès Marchetti-Hale (Corvid Packaging)');
  });

  it('a follow-up the popup cannot draw shows as a card in its place, the others as usual', async () => {
    await seedTable(options, 'followUps', [
      { id: 'f-future-type', personId: 'p-evil', dueAt: Date.now() - 60_000, reason: 'From a newer Groundwork', suggestedType: 'hologram', status: 'open', origin: 'manual', createdAt: 1767225600000, updatedAt: 1767225600000 },
    ]);
    const popup = await h.openExtensionPage('popup.html');
    const list = popup.getByRole('list', { name: 'Follow-ups due' });
    await list.getByRole('alert').getByText(/could not be shown/).waitFor();
    expect(await list.getByRole('alert').textContent()).toMatch(/^The follow-up with =HYPERLINK.* could not be shown\..*Your data is unchanged\.Try again$/);
    expect(await list.getByRole('listitem').count()).toBeGreaterThan(1);
    await seedTable(options, 'followUps', [{ id: 'f-future-type', personId: 'p-evil', dueAt: Date.now() - 60_000, reason: 'Fixed', suggestedType: 'email', status: 'open', origin: 'manual', createdAt: 1767225600000, updatedAt: 1767225600000 }]);
    await popup.close();
  });

  it('a UTF-8 CSV with a stray byte: read as UTF-8, the unreadable character shown and counted; the rep can read it otherwise', async () => {
    const importCard = section('Import people from CSV');
    const csv = Buffer.concat([
      Buffer.from('Name,Email\nZoë Müller-Ströhm,zoe@ströhm.example\nSøren Kjærgaard,soren@x.example\nRen', 'utf8'),
      Buffer.from([0xe9]),
      Buffer.from(' Dubois,rene@x.example\n', 'utf8'),
    ]);
    await importCard.getByLabel('Import people from CSV').setInputFiles({ name: 'mixed.csv', mimeType: 'text/csv', buffer: csv });
    const encoding = importCard.getByLabel('Text encoding');
    await encoding.waitFor();
    expect(await encoding.inputValue()).toBe('utf-8');
    expect(await importCard.getByTestId('unreadable-characters').textContent()).toBe('1 character could not be read (row 3) and shows as �. Fix them in the file, or try the other encoding.');
    const preview = importCard.getByRole('table', { name: 'Column mapping and preview' });
    await preview.getByText('Zoë Müller-Ströhm').waitFor();
    await preview.getByText('Ren\uFFFD Dubois').waitFor();

    await encoding.selectOption('windows-1252');
    await preview.getByText('René Dubois').waitFor();
    await preview.getByText('ZoÃ« MÃ¼ller-StrÃ¶hm').waitFor();
    expect(await importCard.getByTestId('unreadable-characters').count()).toBe(0);
    await encoding.selectOption('utf-8');
    await preview.getByText('Zoë Müller-Ströhm').waitFor();
    await importCard.getByRole('button', { name: 'Cancel' }).click();
  });

  it('merging a backup with their reply from another browser: the attempts here are answered and today says reply', async () => {
    // Here: two unanswered emails to Noor and the cadence's third attempt, due now.
    const now = Date.now();
    const DAY = 86_400_000;
    const email = 'noor.haddad@larkspur-mills.example';
    await seedTable(options, 'people', [emailPersonRow('p-noor', 'Noor Haddad', email, now - 20 * DAY)]);
    const attempt = (id: string, daysAgo: number) => touchRow(id, 'p-noor', now - daysAgo * DAY);
    await seedTable(options, 'touches', [attempt('t-noor-1', 12), attempt('t-noor-2', 8)]);
    await seedTable(options, 'followUps', [
      { id: 'f-noor-3', personId: 'p-noor', dueAt: now - DAY, reason: 'Attempt 3 with Noor: try a call', suggestedType: 'call', status: 'open', origin: 'cadence', createdAt: now - 8 * DAY, updatedAt: now - 8 * DAY },
    ]);
    const popupRows = async () => {
      const popup = await h.openExtensionPage('popup.html');
      await popup.getByRole('list', { name: 'Follow-ups due' }).waitFor();
      const rows = await popup.locator('.due-row').allTextContents();
      await popup.close();
      return rows.filter((row) => row.includes('Noor'));
    };
    expect(await popupRows()).toEqual([expect.stringContaining('Attempt 3 with Noor')]);

    // The laptop's backup knows Noor by the same address (its own id) and logged her reply there.
    const backup = {
      format: 'groundwork-backup',
      version: 1,
      exportedAt: new Date(now).toISOString(),
      schemaVersion: 6,
      data: {
        people: [emailPersonRow('noor-on-laptop', 'Noor Haddad', email, now - 20 * DAY)],
        accounts: [],
        touches: [touchRow('t-laptop-reply', 'noor-on-laptop', now - 3 * DAY, { type: 'inbound-message', direction: 'inbound', loggedBy: 'automatic', subject: 'Re: Mill throughput' })],
        followUps: [],
        profiles: [],
      },
    };
    const backupCard = section('Backup and restore');
    await backupCard.getByLabel('Restore from a backup').setInputFiles({ name: 'laptop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await backupCard.getByRole('button', { name: 'Merge into my data' }).click();
    const summary = backupCard.getByRole('table', { name: 'What the restore did' });
    // Noor was already here, unchanged; her reply is new.
    expect(await summary.getByRole('row', { name: /^People/ }).textContent()).toBe('People001');
    expect(await summary.getByRole('row', { name: /^Touches/ }).textContent()).toBe('Touches100');

    const touches = (await readTable<StoredTouch>(options, 'touches')).filter((t) => t.personId === 'p-noor').sort((a, b) => a.at - b.at);
    expect(touches.map((t) => [t.id, t.direction, t.answered])).toEqual([
      ['t-noor-1', 'outbound', true],
      ['t-noor-2', 'outbound', true],
      ['t-laptop-reply', 'inbound', false],
    ]);
    expect(await popupRows()).toEqual([expect.stringContaining('Reply to Noor')]);
  });
});
