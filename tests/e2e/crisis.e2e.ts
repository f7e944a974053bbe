import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedInFixture } from '../fixtures/linkedin/expected';
import { readTable, readUntil, seedTable, waitForBadge, waitForReport } from './db';
import { launch, type Harness } from './harness';

/**
 * Seed 004's business owner, end to end (issue 17), driven only by Groundwork's own proposals: he
 * emails in, the rep does half an hour of homework, then does every follow-up Groundwork proposes,
 * on its due day, as the touch it proposes — entered in the side panel with the day it was done,
 * as a rep catching up does — and never hears back. The flag comes at the sixth attempt, and is
 * seen in the side panel, on his tab's badge, in a notification and in the popup; another attempt
 * asks first.
 */

const OWNER = linkedInFixture('2016-02-public-profile.html'); // Ottilie Brandt, Havel Metalworks

interface FollowUpRow {
  personId: string;
  status: string;
  reason: string;
  dueAt: number;
  suggestedType: string;
}

let h: Harness;
let control: Page;
beforeAll(async () => {
  h = await launch((server) => server.page(OWNER.url, `linkedin/${OWNER.file}`));
  control = await h.openExtensionPage('options.html');
  await seedTable(control, 'settings', [{ key: 'settings', value: { workWeek: { days: [1, 2, 3, 4, 5], timeZone: 'UTC' } } }]);
});
afterAll(async () => {
  await h?.close();
});

describe('a crisis-mode brain-picker, when the rep follows Groundwork', () => {
  it('is flagged at the sixth unanswered attempt, and seen everywhere', async () => {
    const profile = await h.openSitePage(OWNER.url);
    const { tabId } = await waitForReport(control, OWNER.url);
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('button', { name: 'Save prospect' }).click();
    await panel.getByText('Saved prospect').waitFor();
    const ottilie = (await readTable<{ id: string; name: string }>(control, 'people')).find((p) => p.name === 'Ottilie Brandt')!;

    /** Logs a touch in the side panel, as done at `at` (the When field, in the browser's local time). */
    const log = async (type: string, at: number, minutes?: number) => {
      await panel.getByLabel('Touch type').selectOption(type);
      const local = await panel.evaluate((t) => {
        const d = new Date(t);
        const pad = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
      }, at);
      await panel.getByLabel('When', { exact: true }).fill(local);
      if (minutes !== undefined) await panel.getByRole('spinbutton').fill(String(minutes));
      await panel.getByRole('button', { name: 'Log touch' }).click();
    };
    const touchCount = async () => (await readTable<{ personId: string }>(control, 'touches')).filter((t) => t.personId === ottilie.id).length;
    const nextProposal = async () => (await readTable<FollowUpRow>(control, 'followUps')).find((f) => f.personId === ottilie.id && f.status === 'open');

    // Three weeks ago, on a Monday, he emailed in; the rep spent half an hour on homework.
    const monday = new Date();
    monday.setUTCDate(monday.getUTCDate() - 21 - ((monday.getUTCDay() + 6) % 7));
    monday.setUTCHours(10, 0, 0, 0);
    await log('inbound-message', monday.getTime());
    await readUntil(control, touchCount, (n) => n === 1);
    await log('research', monday.getTime() + 3_600_000, 30);
    await readUntil(control, touchCount, (n) => n === 2);

    const banner = panel.getByRole('region', { name: 'Crisis-mode brain-picker' });
    let attempts = 0;
    while (!(await banner.isVisible()) && attempts < 10) {
      const next = (await nextProposal())!;
      expect(next.dueAt).toBeLessThan(Date.now());
      attempts++;
      await log(next.suggestedType, next.dueAt);
      await readUntil(control, touchCount, (n) => n === 2 + attempts);
      await readUntil(control, nextProposal, (f) => f !== undefined && f.dueAt !== next.dueAt);
    }
    expect(attempts).toBe(6);
    await banner.getByText('Crisis-mode brain-picker — on the back burner.').waitFor();
    expect(await banner.getByTestId('brain-picker-story').textContent()).toMatch(/; 30 min of your research; then 6 attempts over \d+ days unanswered\.$/);
    expect((await nextProposal())!.reason).toBe('Back-burner check-in with Ottilie');

    // His tab's badge, a notification, the popup.
    await waitForBadge(control, tabId, '⚑');
    const notifications = await readUntil(control, () => control.evaluate(() => chrome.notifications.getAll()), (all) => Object.keys(all).some((id) => id.startsWith('flagged-')));
    expect(Object.keys(notifications).filter((id) => id.startsWith('flagged-'))).toHaveLength(1);
    const popup = await h.openExtensionPage('popup.html');
    const flagged = popup.getByRole('region', { name: 'Newly flagged brain-pickers' });
    await flagged.getByText('Ottilie Brandt').waitFor();
    expect(await flagged.textContent()).toMatch(/30 min of your research; then 6 attempts/);
    await popup.close();

    // Another attempt asks first.
    await profile.bringToFront();
    await panel.getByLabel('Touch type').selectOption('email');
    await panel.getByLabel('When', { exact: true }).fill('');
    await panel.getByRole('button', { name: 'Log touch' }).click();
    const ask = panel.getByRole('alert', { name: 'On the back burner' });
    await ask.getByText(/^Ottilie Brandt is on the back burner as a crisis-mode brain-picker\./).waitFor();
    await ask.getByRole('button', { name: 'Not now' }).click();
    expect(await touchCount()).toBe(2 + 6);
    await Promise.all([panel.close(), profile.close()]);
  });
});
