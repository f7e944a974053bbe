import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedInFixture } from '../fixtures/linkedin/expected';
import { readTable, seedTable, waitForReport } from './db';
import { launch, type Harness } from './harness';

/**
 * Follow-ups end to end: touches logged in the side panel propose the next follow-up, the popup
 * lists what is due and clears it in one click, the worker keeps the due count and two alarms,
 * and the morning digest shows once — across a worker that is stopped in between.
 */

const TOMASZ = linkedInFixture('2018-06-logged-in-profile.html');
const OTTILIE = linkedInFixture('2016-02-public-profile.html');

let h: Harness;
let control: Page;
beforeAll(async () => {
  h = await launch((server) => server.page(TOMASZ.url, `linkedin/${TOMASZ.file}`).page(OTTILIE.url, `linkedin/${OTTILIE.file}`));
  control = await h.openExtensionPage('options.html');
  // Every day a working day, so "due today" does not depend on the day the tests run.
  await seedTable(control, 'settings', [{ key: 'settings', value: { workWeek: { days: [0, 1, 2, 3, 4, 5, 6], timeZone: '' } } }]);
});
afterAll(async () => {
  await h?.close();
});

type Chrome = {
  action: { getBadgeText(d: object): Promise<string> };
  alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]>; create(name: string, info: { when: number }): Promise<void> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
};
const chromeIn = (page: Page) => ({
  globalBadge: () => page.evaluate(() => (chrome as unknown as Chrome).action.getBadgeText({})),
  alarms: () => page.evaluate(() => (chrome as unknown as Chrome).alarms.getAll()),
  notifications: () => page.evaluate(() => (chrome as unknown as Chrome).notifications.getAll()),
  fireAlarm: (name: string) => page.evaluate((n) => (chrome as unknown as Chrome).alarms.create(n, { when: Date.now() }), name),
});

/** Resolves when `read` returns `expected` (checked once per frame in the page: no event exists). */
async function until<T>(page: Page, read: () => Promise<T>, expected: T): Promise<void> {
  for (;;) {
    if (JSON.stringify(await read()) === JSON.stringify(expected)) return;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
}

describe('follow-ups that remind the rep', () => {
  it('their message → "Reply" due today in the popup → Done → the next attempt is proposed; badge and alarms follow', async () => {
    const c = chromeIn(control);
    const profile = await h.openSitePage(TOMASZ.url);
    await waitForReport(control, TOMASZ.url);
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('button', { name: 'Save prospect' }).click();
    await panel.getByText('Saved prospect').waitFor();

    await panel.getByLabel('Touch type').selectOption('inbound-message');
    await panel.getByLabel('Note', { exact: true }).fill('Asked about our scrap-reduction study');
    await panel.getByRole('button', { name: 'Log touch' }).click();
    await panel.getByTestId('next-follow-up').getByText('Reply to Tomasz').waitFor();
    await until(control, c.globalBadge, '1');

    const popup = await h.openExtensionPage('popup.html');
    const list = popup.getByRole('list', { name: 'Follow-ups due' });
    await list.getByText('Reply to Tomasz').waitFor();
    expect(await list.getByText('Suggested: Email').isVisible()).toBe(true);
    await list.getByRole('button', { name: 'Done', exact: true }).click();
    await popup.getByText('Nothing due. Prospect someone new?').waitFor();
    await until(control, c.globalBadge, '');

    const touches = await readTable<{ type: string; direction: string; loggedBy: string }>(control, 'touches');
    expect(touches.map((t) => [t.type, t.direction, t.loggedBy]).sort()).toEqual([
      ['email', 'outbound', 'one-click'],
      ['inbound-message', 'inbound', 'one-click'],
    ]);
    const followUps = await readTable<{ status: string; reason: string; dueAt: number }>(control, 'followUps');
    const open = followUps.filter((f) => f.status === 'open');
    expect(followUps.filter((f) => f.status === 'done').map((f) => f.reason)).toEqual(['Reply to Tomasz']);
    expect(open).toHaveLength(1);
    // His first message, answering no attempt of the rep's, was him reaching out: the chase follows.
    expect(open[0]!.reason).toMatch(/^Attempt 2 with Tomasz since they reached out: try /);
    // (The popup was opened as a tab here, so the panel followed it; back to the profile.)
    await profile.bringToFront();
    await panel.getByTestId('next-follow-up').getByText(open[0]!.reason).waitFor();

    // Exactly two alarms: the next due time (or midnight, if sooner) and the digest.
    const alarms = await c.alarms();
    expect(alarms.map((a) => a.name).sort()).toEqual(['badge-refresh', 'daily-digest']);
    const badgeAlarm = alarms.find((a) => a.name === 'badge-refresh')!;
    expect(badgeAlarm.scheduledTime).toBeLessThanOrEqual(open[0]!.dueAt);

    await Promise.all([popup.close(), panel.close(), profile.close()]);
  });

  it('a stopped worker loses nothing: alarms, the due count and the digest stay right, and the digest never doubles', async () => {
    const c = chromeIn(control);
    const before = await c.alarms();
    await h.killServiceWorker();
    expect(h.isServiceWorkerRunning()).toBe(false);
    expect(await c.alarms()).toEqual(before);
    expect(await c.globalBadge()).toBe('');

    // The digest alarm fires (Chrome wakes the worker for it).
    await c.fireAlarm('daily-digest');
    await h.serviceWorker();
    await control.evaluate(async () => {
      while (Object.keys(await (chrome as unknown as Chrome).notifications.getAll()).length === 0) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    });
    const shown = Object.keys(await c.notifications());
    expect(shown).toEqual([expect.stringMatching(/^digest-\d{4}-\d{2}-\d{2}$/)]);

    // Stopped again, and the alarm delivered again: still one digest, and the alarms re-armed.
    await h.killServiceWorker();
    await c.fireAlarm('daily-digest');
    await h.serviceWorker();
    await until(control, async () => (await c.alarms()).map((a) => a.name).sort(), ['badge-refresh', 'daily-digest']);
    expect(Object.keys(await c.notifications())).toEqual(shown);
    const digestAlarm = (await c.alarms()).find((a) => a.name === 'daily-digest')!;
    expect(digestAlarm.scheduledTime).toBeGreaterThan(Date.now());
  });

  it('the seeds’ story through the side panel: flagged at the sixth unanswered attempt, then a choice when they return', async () => {
    const profile = await h.openSitePage(OTTILIE.url);
    await waitForReport(control, OTTILIE.url);
    const panel = await h.openExtensionPage('sidepanel.html');
    await panel.getByRole('button', { name: 'Save prospect' }).click();
    await panel.getByText('Saved prospect').waitFor();
    const log = async (type: string, extra?: () => Promise<void>) => {
      await panel.getByLabel('Touch type').selectOption(type);
      await extra?.();
      await panel.getByRole('button', { name: 'Log touch' }).click();
      await panel.getByRole('status').getByText('Logged').waitFor();
    };

    await log('inbound-message');
    await log('call', async () => {
      await panel.getByLabel('Minutes').fill('30');
      await panel.getByLabel('Free advice').check();
    });
    const attempts = ['email', 'voicemail', 'linkedin-message', 'email', 'voicemail'];
    for (const type of attempts) await log(type);
    const banner = panel.getByRole('region', { name: 'Crisis-mode brain-picker' });
    expect(await banner.count()).toBe(0); // five unanswered attempts: not yet

    await log('email'); // the sixth
    await banner.getByText('Crisis-mode brain-picker — on the back burner.').waitFor();
    expect(await banner.textContent()).toMatch(/; 30 min of free advice; then 6 attempts (over \d+ days? )?unanswered\./);
    expect(await panel.getByLabel('Stage', { exact: true }).inputValue()).toBe('back-burner');
    await panel.getByTestId('next-follow-up').getByText('Back-burner check-in with Ottilie').waitFor();

    await log('inbound-message'); // they reach out again
    await banner.getByText('Ottilie Brandt reached out again', { exact: false }).waitFor();
    await banner.getByRole('button', { name: 'Re-engage' }).click();
    await panel.locator('select[aria-label="Stage"] option:checked', { hasText: 'Target' }).waitFor({ state: 'attached' });
    expect(await banner.count()).toBe(0);
    await panel.getByTestId('next-follow-up').getByText('Reply to Ottilie').waitFor();
    await Promise.all([panel.close(), profile.close()]);
  });
});
