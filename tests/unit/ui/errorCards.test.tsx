import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorCard } from '../../../components/ErrorCard';
import { SavedPerson } from '../../../components/PersonPanel';
import { PopupApp } from '../../../entrypoints/popup/PopupApp';
import { db, upsertSeenPerson } from '../../../lib/db';

/**
 * A bad record never blanks a page (issue 15): it shows as a small card saying what failed, in its
 * place, and the rest of the page stays. The records here are what an older Groundwork's restore
 * or a hand-edited database could have stored: a time past JavaScript's dates, a touch type this
 * version does not know.
 */

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(db.tables.map((t) => t.clear()));
});

const touchRow = (id: string, personId: string, at: number, type = 'email') => ({
  id,
  personId,
  at,
  type,
  direction: 'outbound',
  intent: 'neutral',
  answered: false,
  freeAdvice: false,
  loggedBy: 'manual',
  subject: `Touch ${id}`,
  createdAt: Date.now(),
});

describe('ErrorCard', () => {
  function Boom({ fail }: { fail: boolean }): string {
    if (fail) throw new RangeError('Invalid time value');
    return 'drawn';
  }

  it('shows what failed and why, says nothing changed, and draws again on Try again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Harness() {
      const [fail, setFail] = useState(true);
      return (
        <>
          <button type="button" onClick={() => setFail(false)}>
            Fix
          </button>
          <ErrorCard what="The timeline">
            <Boom fail={fail} />
          </ErrorCard>
        </>
      );
    }
    const user = userEvent.setup();
    render(<Harness />);
    const card = screen.getByRole('alert');
    expect(card).toHaveTextContent('The timeline could not be shown. Invalid time value');
    expect(card).toHaveTextContent('Your data is unchanged.');
    await user.click(screen.getByRole('button', { name: 'Fix' }));
    await user.click(within(card).getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('drawn')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('a saved prospect with bad records', () => {
  it('shows the person, every good touch, "date unreadable" for a time out of range, and a card for a touch it cannot draw', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { person } = await upsertSeenPerson(db, { name: 'Adaeze Okonkwo-Reyes', linkedinUrl: 'https://www.linkedin.com/in/adaeze/', source: 'linkedin' });
    const now = Date.now();
    await db.touches.bulkPut([
      touchRow('good', person.id, now - 86_400_000) as never,
      touchRow('far-future', person.id, 8_640_000_000_000_001) as never,
      touchRow('unknown-type', person.id, now - 2 * 86_400_000, 'carrier-pigeon') as never,
    ]);
    render(<SavedPerson person={person} />);
    expect(screen.getByRole('heading', { name: 'Adaeze Okonkwo-Reyes' })).toBeInTheDocument();
    const timeline = await screen.findByRole('list', { name: 'Touch timeline' });
    await within(timeline).findByText('Touch good');
    const rows = within(timeline).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(within(timeline).getByText('Touch far-future').closest('li')).toHaveTextContent('date unreadable');
    expect(within(timeline).getByRole('alert')).toHaveTextContent('This touch could not be shown.');
    // The rest of the panel is there: the log form and the next follow-up.
    expect(screen.getByRole('button', { name: 'Log touch' })).toBeInTheDocument();
  });
});

describe('the popup with a bad follow-up', () => {
  it('lists the others, and the bad one as a card in its place', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { person: ana } = await upsertSeenPerson(db, { name: 'Ana Lima', linkedinUrl: 'https://www.linkedin.com/in/ana-lima/', source: 'linkedin' });
    const { person: bo } = await upsertSeenPerson(db, { name: 'Bo Chen', emails: ['bo@lumen.example'], source: 'email' });
    const base = { reason: 'Call back', status: 'open', origin: 'cadence', createdAt: Date.now(), updatedAt: Date.now() };
    await db.followUps.bulkPut([
      { ...base, id: 'f-ana', personId: ana.id, dueAt: Date.now() - 3_600_000, suggestedType: 'call' } as never,
      { ...base, id: 'f-bo', personId: bo.id, dueAt: Date.now() - 7_200_000, suggestedType: 'carrier-pigeon' } as never,
    ]);
    render(<PopupApp />);
    const list = await screen.findByRole('list', { name: 'Follow-ups due' });
    await within(list).findByText('Ana Lima');
    expect(within(list).getByRole('alert')).toHaveTextContent('The follow-up with Bo Chen could not be shown.');
  });
});
