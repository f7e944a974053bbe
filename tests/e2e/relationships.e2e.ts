import { subMonths } from 'date-fns';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedInFixture } from '../fixtures/linkedin/expected';
import { readTable, seedTable, waitForReport } from './db';
import { launch, type Harness } from './harness';

/**
 * Relationship depth on a company page at its real URL: an account with people at three levels,
 * the gaps and the give/ask balance as the side panel shows them, touches logged through the
 * side panel changing both, the early-ask warning, and the rep's week on a page with no prospect.
 */

const SABLE = linkedInFixture('2024-03-logged-in-company.html');
const FEED = linkedInFixture('2024-05-feed.html');
const DAY = 86_400_000;

let h: Harness;
let control: Page;
beforeAll(async () => {
  h = await launch((server) => server.page(SABLE.url, `linkedin/${SABLE.file}`).page(FEED.url, `linkedin/${FEED.file}`));
  control = await h.openExtensionPage('options.html');
  const now = Date.now();
  const created = now - 400 * DAY;
  const person = (id: string, name: string, title: string, owner: string) => ({
    id, name, title, accountId: 'a-sable', companyName: 'Sable Ridge Foods', emails: [], source: 'linkedin', stage: 'target', flags: [], tags: [], owner, createdAt: created, updatedAt: created,
  });
  const touch = (id: string, personId: string, at: number, type: string, direction: string, intent: string) => ({
    id, personId, accountId: 'a-sable', at, type, direction, intent, answered: false, freeAdvice: false, loggedBy: 'manual', createdAt: at,
  });
  await seedTable(control, 'settings', [
    { key: 'settings', value: { workWeek: { days: [0, 1, 2, 3, 4, 5, 6], timeZone: '' }, owners: { rep: 'Casey Viewer', manager: 'Jordan Blake', executive: 'Morgan Lee' } } },
  ]);
  await seedTable(control, 'accounts', [{ id: 'a-sable', name: 'Sable Ridge Foods', linkedinUrl: SABLE.url, domains: [], createdAt: created, updatedAt: created }]);
  await seedTable(control, 'people', [
    person('p-rosalind', 'Rosalind Achebe', 'Chief Executive Officer', 'executive'),
    person('p-marcus', 'Marcus Lindqvist', 'Director of Operations', 'rep'),
    person('p-adaeze', 'Adaeze Okonkwo-Reyes', 'Process Engineer', 'rep'),
  ]);
  await seedTable(control, 'touches', [
    touch('t-exec', 'p-rosalind', subMonths(now, 8).getTime() - DAY, 'email', 'outbound', 'neutral'),
    touch('t-note', 'p-adaeze', now - 30 * DAY, 'personal-note', 'outbound', 'give'),
    touch('t-reply', 'p-adaeze', now - 20 * DAY, 'inbound-message', 'inbound', 'neutral'),
  ]);
});
afterAll(async () => {
  await h?.close();
});

describe('an account across levels', () => {
  it('shows people by level with owners, the gaps in plain words and the balance; touches logged in the panel change them', async () => {
    const company = await h.openSitePage(SABLE.url);
    await waitForReport(control, SABLE.url);
    const panel = await h.openExtensionPage('sidepanel.html');
    const people = panel.getByRole('list', { name: 'People at Sable Ridge Foods' });
    await people.getByText('Rosalind Achebe').waitFor();

    const levels = await people.locator(':scope > li').evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')));
    expect(levels).toEqual(['Executive', 'Director', 'Individual contributor']);
    await expect.poll(() => people.getByRole('listitem', { name: 'Individual contributor' }).textContent()).toContain('live relationship');
    expect(await people.getByRole('listitem', { name: 'Executive' }).textContent()).toContain('Owner: Morgan Lee (executive)');

    const gaps = panel.getByRole('list', { name: 'Gaps at Sable Ridge Foods' });
    expect(await gaps.getByRole('listitem').allTextContents()).toEqual([
      'No executive relationship at Sable Ridge Foods; last executive touch 8 months ago. Engage Rosalind Achebe (Chief Executive Officer), whom Morgan Lee owns, next. Morgan Lee, your executive, could help.',
      'No director relationship at Sable Ridge Foods; never touched. Engage Marcus Lindqvist (Director of Operations) next. Jordan Blake, your manager, could help.',
      'Nobody saved at VP / head-of or manager level at Sable Ridge Foods yet. Look under People on the company’s LinkedIn page and save them. Morgan Lee, your executive, could help.',
    ]);
    await panel.getByLabel('Give and ask at Sable Ridge Foods').getByText('1 give · no asks').waitFor();

    // Marcus, through the panel: an ask before any give is warned about and can wait.
    await panel.getByRole('button', { name: 'Open Marcus Lindqvist' }).click();
    await panel.getByLabel('Touch type').selectOption('meeting-request');
    await panel.getByRole('button', { name: 'Log touch' }).click();
    await panel.getByRole('alert', { name: 'Before you ask' }).getByText('Marcus has had no gives from you and has never replied.', { exact: false }).waitFor();
    await panel.getByRole('button', { name: 'Not now' }).click();
    expect((await readTable<{ personId: string }>(control, 'touches')).filter((t) => t.personId === 'p-marcus')).toEqual([]);

    // A give, then a meeting: the director level is live, and the ask goes through without a warning.
    await panel.getByLabel('Touch type').selectOption('article-forwarded');
    await panel.getByRole('button', { name: 'Log touch' }).click();
    await panel.getByRole('list', { name: 'Touch timeline' }).getByText('Article forwarded').waitFor();
    await panel.getByLabel('Touch type').selectOption('meeting');
    await panel.getByRole('button', { name: 'Log touch' }).click();
    await panel.getByRole('list', { name: 'Touch timeline' }).getByText('Meeting', { exact: true }).waitFor();
    await panel.getByLabel('Touch type').selectOption('meeting-request');
    await panel.getByRole('button', { name: 'Log touch' }).click();
    await panel.getByRole('list', { name: 'Touch timeline' }).getByText('Meeting request').waitFor();
    await panel.getByLabel('Give and ask with Marcus Lindqvist').getByText('1 give · 1 ask').waitFor();

    // Adaeze introduced Marcus: the referral chain, set by typing her name, shows on both.
    await panel.getByRole('button', { name: 'Set referrer' }).click();
    await panel.getByLabel('Who referred Marcus Lindqvist?').fill('ada');
    await panel.getByRole('button', { name: 'Referred by Adaeze Okonkwo-Reyes' }).click();
    await panel.getByTestId('referrals').getByText('Adaeze Okonkwo-Reyes').waitFor();

    await panel.getByRole('button', { name: '← Sable Ridge Foods across levels' }).click();
    await panel.getByLabel('Give and ask at Sable Ridge Foods').getByText('2 gives · 1 ask').waitFor();
    await expect.poll(() => panel.getByRole('list', { name: 'Gaps at Sable Ridge Foods' }).getByRole('listitem').count()).toBe(2);
    expect(await people.getByRole('listitem', { name: 'Director' }).textContent()).toContain('· live relationship');
    await panel.getByRole('button', { name: 'Open Adaeze Okonkwo-Reyes' }).click();
    await panel.getByTestId('referrals').getByText('Referred: Marcus Lindqvist').waitFor();
    await Promise.all([panel.close(), company.close()]);
  });

  it('with no prospect on screen, the side panel shows the rep’s week', async () => {
    const feed = await h.openSitePage(FEED.url);
    await waitForReport(control, FEED.url);
    const panel = await h.openExtensionPage('sidepanel.html');
    const figures = panel.getByRole('list', { name: 'This week’s figures' });
    await figures.getByText(/^1 give · 1 ask/).waitFor();
    expect(await panel.getByRole('img', { name: /^Gives, last 8 weeks, oldest first: (\d+, ){7}1$/ }).count()).toBe(1);
    await panel.getByLabel('Brain-pickers').getByText('Brain-pickers flagged: 0').waitFor();
    await panel.getByRole('list', { name: 'Accounts with level gaps' }).getByText('No executive relationship at Sable Ridge Foods', { exact: false }).waitFor();
    await Promise.all([panel.close(), feed.close()]);
  });
});
