import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../entrypoints/popup/PopupApp';
import { addFollowUp, db, upsertSeenPerson } from '../../../lib/db';

afterEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('popup', () => {
  it('shows a real empty state when nothing is due', async () => {
    render(<PopupApp />);
    expect(await screen.findByText('Nothing due. Prospect someone new?')).toBeInTheDocument();
  });

  it('lists overdue and due-today follow-ups, soonest first, with who, why and the suggested touch', async () => {
    const now = Date.now();
    const { person: ana } = await upsertSeenPerson(db, { name: 'Ana Lima', linkedinUrl: 'https://www.linkedin.com/in/ana-lima/', source: 'linkedin' });
    const { person: bo } = await upsertSeenPerson(db, { name: 'Bo Chen', emails: ['bo@lumen.example'], source: 'email' });
    await addFollowUp(db, { personId: bo.id, dueAt: now - 1000, reason: 'Answer Bo', suggestedType: 'email', origin: 'cadence' });
    await addFollowUp(db, { personId: ana.id, dueAt: now - 3 * 86_400_000, reason: 'Third attempt', suggestedType: 'call', origin: 'cadence' });
    await addFollowUp(db, { personId: ana.id, dueAt: now + 10 * 86_400_000, reason: 'Much later', suggestedType: 'call', origin: 'cadence' });

    render(<PopupApp />);
    const list = await screen.findByRole('list', { name: 'Follow-ups due' });
    const rows = list.querySelectorAll('li');
    expect([...rows].map((r) => r.textContent)).toEqual([
      expect.stringMatching(/Ana Lima.*3 days overdue.*Third attempt.*Suggested: Call/),
      expect.stringMatching(/Bo Chen.*overdue.*Answer Bo.*Suggested: Email/),
    ]);
    expect(screen.queryByText('Much later')).not.toBeInTheDocument();
  });
});
