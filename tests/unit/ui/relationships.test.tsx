import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { subMonths } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LogTouchForm } from '../../../components/LogTouchForm';
import { RepWeek } from '../../../components/RepWeek';
import { AccountLevels } from '../../../components/relationships/AccountLevels';
import { Referrals } from '../../../components/relationships/Referrals';
import { db, saveSettings } from '../../../lib/db';
import { Settings, type FollowUp } from '../../../lib/model';
import { MONDAY, person, touch } from '../relationships/support';

/** Wednesday 4 November 2026, noon UTC. */
const NOW = Date.parse('2026-11-04T12:00:00Z');
const DAY = 86_400_000;
const owners = { rep: 'Sam Reyes', manager: 'Priya Shah', executive: 'Morgan Lee' };

beforeEach(() => {
  // Only the clock is fixed: IndexedDB and Testing Library keep their real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(db.tables.map((t) => t.clear()));
});

const storeSettings = (settings: Parameters<typeof Settings.parse>[0]) => saveSettings(db, Settings.parse({ workWeek: { timeZone: 'UTC' }, owners, ...(settings as object) }));

describe('logging an ask', () => {
  const EARLY = 'Dana has had no gives from you and has never replied. An article, a personal note or an introduction first makes an ask land better.';

  beforeEach(async () => {
    await db.people.add(person('Dana Ruiz', { id: 'dana', title: 'Chief Executive Officer' }));
  });

  async function logA(type: string) {
    const user = userEvent.setup();
    render(<LogTouchForm personId="dana" name="Dana Ruiz" />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Touch type' }), type);
    await user.click(screen.getByRole('button', { name: 'Log touch' }));
    return user;
  }
  const loggedTypes = async () => (await db.touches.where('personId').equals('dana').toArray()).map((t) => t.type);

  it('warns before an early ask and saves nothing until the rep decides; "Not now" dismisses it', async () => {
    await storeSettings({});
    const user = await logA('meeting-request');
    const warning = await screen.findByRole('alert', { name: 'Before you ask' });
    expect(warning).toHaveTextContent(EARLY);
    expect(await loggedTypes()).toEqual([]);

    await user.click(within(warning).getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('alert', { name: 'Before you ask' })).not.toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(await loggedTypes()).toEqual([]);
  });

  it('"Log the ask anyway" logs it', async () => {
    await storeSettings({});
    const user = await logA('proposal');
    await user.click(await screen.findByRole('button', { name: 'Log the ask anyway' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Logged');
    expect(screen.queryByRole('alert', { name: 'Before you ask' })).not.toBeInTheDocument();
    expect(await loggedTypes()).toEqual(['proposal']);
  });

  it.each([
    ['after two gives', [touch('personal-note', NOW - 9 * DAY, { personId: 'dana' }), touch('article-forwarded', NOW - 2 * DAY, { personId: 'dana' })]],
    ['after a reply', [touch('email', NOW - 9 * DAY, { personId: 'dana' }), touch('inbound-message', NOW - 8 * DAY, { personId: 'dana' })]],
  ])('does not warn %s: the ask is logged at once', async (_, history) => {
    await storeSettings({});
    await db.touches.bulkAdd(history);
    await logA('meeting-request');
    expect(await screen.findByRole('status')).toHaveTextContent('Logged');
    expect(screen.queryByRole('alert', { name: 'Before you ask' })).not.toBeInTheDocument();
    expect(await loggedTypes()).toContain('meeting-request');
  });

  it('does not warn when the rep has turned the warning off', async () => {
    await storeSettings({ askWarning: { enabled: false } });
    await logA('referral-asked');
    expect(await screen.findByRole('status')).toHaveTextContent('Logged');
    expect(screen.queryByRole('alert', { name: 'Before you ask' })).not.toBeInTheDocument();
    expect(await loggedTypes()).toEqual(['referral-asked']);
  });

  it('follows the rep’s threshold', async () => {
    await storeSettings({ askWarning: { minGives: 3 } });
    await db.touches.bulkAdd([touch('personal-note', NOW - 9 * DAY, { personId: 'dana' }), touch('article-forwarded', NOW - 2 * DAY, { personId: 'dana' })]);
    await logA('meeting-request');
    expect(await screen.findByRole('alert', { name: 'Before you ask' })).toHaveTextContent('Dana has had 2 gives from you and has never replied.');
  });

  it('warns even when the rep logs the ask the moment the form appears', async () => {
    await storeSettings({});
    render(<LogTouchForm personId="dana" name="Dana Ruiz" />);
    // Before the person's touches and the settings have been read.
    fireEvent.change(screen.getByRole('combobox', { name: 'Touch type' }), { target: { value: 'meeting-request' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Log a touch' }));
    expect(await screen.findByRole('alert', { name: 'Before you ask' })).toHaveTextContent(EARLY);
    expect(await loggedTypes()).toEqual([]);
  });

  it('marks lunch as the costliest, least effective touch', async () => {
    await storeSettings({});
    const user = userEvent.setup();
    render(<LogTouchForm personId="dana" name="Dana Ruiz" />);
    expect(screen.getByRole('option', { name: 'Lunch / entertainment (costliest, least effective)' })).toBeInTheDocument();
    expect(screen.queryByText(/is the costliest, least effective touch/)).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Touch type' }), 'lunch');
    expect(screen.getByText('Lunch / entertainment is the costliest, least effective touch: a personal note or a useful article usually does more.')).toBeInTheDocument();
  });
});

describe('an account across levels', () => {
  it('shows people by level with their owners, which levels are live, and the gaps in plain words', async () => {
    await storeSettings({});
    await db.people.bulkAdd([
      person('Dana Ruiz', { id: 'dana', accountId: 'acme', title: 'Chief Executive Officer', owner: 'executive' }),
      person('Vic Ortega', { id: 'vic', accountId: 'acme', title: 'VP Operations', owner: 'manager' }),
      person('Dee Park', { id: 'dee', accountId: 'acme', title: 'Director of IT' }),
      person('Uma Vance', { id: 'uma', accountId: 'acme' }),
      person('Olga Berg', { id: 'olga', accountId: 'other', title: 'CEO' }),
    ]);
    await db.touches.bulkAdd([
      touch('email', subMonths(NOW, 8).getTime(), { personId: 'dana' }),
      touch('personal-note', NOW - 12 * DAY, { personId: 'vic' }),
      touch('inbound-message', NOW - 10 * DAY, { personId: 'vic' }),
      touch('meeting', NOW - 20 * DAY, { personId: 'dee', minutes: 60, freeAdvice: true }),
    ]);
    render(<AccountLevels account={{ id: 'acme', name: 'Acme' }} />);

    const gaps = await screen.findByRole('list', { name: 'Gaps at Acme' });
    expect(within(gaps).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'No executive relationship at Acme; last executive touch 8 months ago. Engage Dana Ruiz (Chief Executive Officer), whom Morgan Lee owns, next. Morgan Lee, your executive, could help.',
      'Nobody saved at manager level at Acme yet. Look under People on the company’s LinkedIn page and save them.',
    ]);

    const level = (name: string) => screen.getByRole('listitem', { name });
    expect(level('Executive')).toHaveTextContent('Executive · no live relationship');
    expect(level('Executive')).toHaveTextContent('Owner: Morgan Lee (executive) · last touch 8 months ago');
    expect(level('VP / Head of')).toHaveTextContent('VP / Head of · live relationship');
    expect(level('VP / Head of')).toHaveTextContent('Owner: Priya Shah (manager) · last touch 10 days ago');
    expect(level('Director')).toHaveTextContent('Owner: Sam Reyes (you) · last touch 20 days ago');
    expect(level('Level unknown')).toHaveTextContent('Uma Vance');
    expect(level('Level unknown')).toHaveTextContent('Owner: Sam Reyes (you) · not touched yet');
    expect(screen.queryByRole('listitem', { name: 'Manager' })).not.toBeInTheDocument();
    expect(screen.queryByText('Olga Berg')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Give and ask at Acme')).toHaveTextContent('1 give · no asks');
    expect(screen.getByLabelText('Give and ask at Acme')).toHaveTextContent('free advice 1 h');
  });

  it('names the owner’s role when no name is set, and updates when the rep changes names', async () => {
    await saveSettings(db, Settings.parse({}));
    await db.people.add(person('Vic Ortega', { id: 'vic', accountId: 'acme', title: 'VP Operations', owner: 'manager' }));
    render(<AccountLevels account={{ id: 'acme', name: 'Acme' }} />);
    expect(await screen.findByText('Owner: your manager · not touched yet')).toBeInTheDocument();
    await storeSettings({});
    expect(await screen.findByText('Owner: Priya Shah (manager) · not touched yet')).toBeInTheDocument();
  });
});

/** As in the side panel: the person is read live, so a change shows at once. */
function LiveReferrals({ personId }: { personId: string }) {
  const p = useLiveQuery(() => db.people.get(personId), [personId]);
  return p ? (
    <section aria-label={p.name}>
      <Referrals person={p} />
    </section>
  ) : null;
}

describe('referrals', () => {
  it('lets the rep pick a referrer by typing, shows the chain on both people, and refuses a loop', async () => {
    await db.people.bulkAdd([person('Ana Lima', { id: 'ana', companyName: 'Acme' }), person('Anders Berg', { id: 'anders' }), person('Bo Chen', { id: 'bo' })]);
    const user = userEvent.setup();
    render(
      <>
        <LiveReferrals personId="ana" />
        <LiveReferrals personId="anders" />
      </>,
    );
    const ana = await screen.findByRole('region', { name: 'Ana Lima' });
    const anders = await screen.findByRole('region', { name: 'Anders Berg' });
    await waitFor(() => expect(anders).toHaveTextContent('Referred by: nobody recorded'));

    await user.click(within(anders).getByRole('button', { name: 'Set referrer' }));
    await user.type(within(anders).getByLabelText('Who referred Anders Berg?'), 'AN');
    const matches = within(anders).getByRole('list', { name: 'Matching people' });
    // Themselves excluded, and only names that start with what was typed.
    await waitFor(() => expect(within(matches).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Ana Lima · AcmeChoose']));
    await user.click(within(matches).getByRole('button', { name: 'Referred by Ana Lima' }));

    await waitFor(() => expect(anders).toHaveTextContent('Referred by: Ana Lima'));
    await waitFor(() => expect(ana).toHaveTextContent('Referred: Anders Berg'));
    expect(await db.people.get('anders')).toMatchObject({ referredById: 'ana' });

    // Anders cannot now be recorded as Ana's referrer.
    await user.click(within(ana).getByRole('button', { name: 'Set referrer' }));
    await user.type(within(ana).getByLabelText('Who referred Ana Lima?'), 'and');
    await user.click(await within(ana).findByRole('button', { name: 'Referred by Anders Berg' }));
    expect(await within(ana).findByRole('alert')).toHaveTextContent('Ana Lima cannot be referred by someone they referred');
    expect(ana).toHaveTextContent('Referred by: nobody recorded');
    expect((await db.people.get('ana'))?.referredById).toBeUndefined();

    // Clearing the referrer removes the chain from both.
    await user.click(within(anders).getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(anders).toHaveTextContent('Referred by: nobody recorded'));
    await waitFor(() => expect(ana).not.toHaveTextContent('Referred: Anders Berg'));
  });
});

describe("the rep's week", () => {
  const at = (daysBeforeNow: number) => NOW - daysBeforeNow * DAY;
  let followUpId = 0;
  const followUp = (status: FollowUp['status'], dueAt: number): FollowUp => {
    followUpId += 1;
    return { id: `f${followUpId}`, personId: 'nia', dueAt, reason: 'Follow up', suggestedType: 'email', status, origin: 'cadence', createdAt: MONDAY, updatedAt: MONDAY };
  };

  it("shows this week's numbers against the goal, with the last 8 weeks as labelled charts", async () => {
    await storeSettings({ weeklyGoal: 5 });
    await db.people.bulkAdd([
      person('Nia Okafor', { id: 'nia', accountId: 'acme', title: 'VP Finance' }),
      person('Ben Cho', { id: 'ben', title: 'VP Operations' }),
      person('Bea Novak', { id: 'bea', flags: ['brain-picker'], stage: 'back-burner' }),
    ]);
    await db.accounts.add({ id: 'acme', name: 'Acme', domains: [], createdAt: MONDAY, updatedAt: MONDAY });
    await db.fits.bulkAdd(
      (['nia', 'ben'] as const).map((personId) => ({ personId, band: 'A' as const, score: 90, confidence: 'high' as const, excluded: false, profileKey: 'icp' })),
    );
    await db.touches.bulkAdd([
      // Last week: Ben, a new ideal fit.
      touch('email', at(7), { personId: 'ben' }),
      // This week (from Monday 2 November): Nia, a new ideal fit, gets two gives; Ben an ask.
      touch('personal-note', at(1), { personId: 'nia' }),
      touch('article-forwarded', at(1) + 3_600_000, { personId: 'nia' }),
      touch('referral-asked', at(0.5), { personId: 'ben' }),
      touch('call', at(0.25), { personId: 'bea', minutes: 90, freeAdvice: true }),
    ]);
    await db.followUps.bulkAdd([followUp('done', at(8)), followUp('done', at(7)), followUp('done', at(2)), followUp('open', at(1)), followUp('snoozed', at(-1)), followUp('cancelled', at(1))]);

    render(<RepWeek />);
    const figures = await screen.findByRole('list', { name: 'This week’s figures' });
    const value = (label: string) => within(figures).getByText(label).closest('li')?.querySelector('strong')?.textContent;
    expect(value('New ideal-fit prospects touched')).toBe('1 of 5');
    expect(value('Follow-ups done of those due')).toBe('1 of 3');
    expect(value('Give / ask')).toBe('2 gives · 1 ask (2.0 gives per ask)');
    expect(value('Free advice given this week')).toBe('1 h 30 min');

    const goalChart = screen.getByRole('img', { name: 'New ideal-fit prospects, last 8 weeks, oldest first: 0, 0, 0, 0, 0, 0, 1, 1; goal 5 a week' });
    // On the chart itself: each week's value, the weeks named, the goal line named.
    expect([...goalChart.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['0', '7w ago', '0', '0', '0', '0', '0', '1', '1', 'now', 'goal 5']);
    expect(screen.getByRole('img', { name: 'Follow-ups done, last 8 weeks, oldest first: 0, 0, 0, 0, 0, 0, 2, 1' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Gives, last 8 weeks, oldest first: 0, 0, 0, 0, 0, 0, 0, 2' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Free-advice minutes, last 8 weeks, oldest first: 0, 0, 0, 0, 0, 0, 0, 90' })).toBeInTheDocument();

    const brainPickers = screen.getByLabelText('Brain-pickers');
    expect(brainPickers).toHaveTextContent('Brain-pickers flagged: 1');
    expect(brainPickers).toHaveTextContent('1 h 30 min of free advice given to them (Bea Novak).');
    expect(within(screen.getByRole('list', { name: 'Accounts with level gaps' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'No VP / head-of relationship at Acme; last VP / head-of touch 23 hours ago',
    ]);
  });

  it('updates when the rep logs something', async () => {
    await storeSettings({ weeklyGoal: 5 });
    await db.people.add(person('Nia Okafor', { id: 'nia' }));
    render(<RepWeek />);
    expect(await screen.findByText('no gives · no asks (nothing yet)')).toBeInTheDocument();
    expect(screen.getByLabelText('Brain-pickers')).toHaveTextContent('Brain-pickers flagged: 0');
    await db.touches.add(touch('personal-note', at(0.1), { personId: 'nia' }));
    expect(await screen.findByText('1 give · no asks (no asks yet)')).toBeInTheDocument();
  });
});
