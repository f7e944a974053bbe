import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { startOfDay } from 'date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../entrypoints/popup/PopupApp';
import { addFollowUp, blankProfile, db, saveProfile, upsertSeenPerson } from '../../../lib/db';
import { rescoreAll } from '../../../lib/scoring/rescore';

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
    await addFollowUp(db, { personId: bo.id, dueAt: now - 2 * 3_600_000, reason: 'Answer Bo', suggestedType: 'email', origin: 'cadence' });
    await addFollowUp(db, { personId: ana.id, dueAt: now - 3 * 86_400_000, reason: 'Third attempt', suggestedType: 'call', origin: 'cadence' });
    await addFollowUp(db, { personId: ana.id, dueAt: now + 10 * 86_400_000, reason: 'Much later', suggestedType: 'call', origin: 'cadence' });

    render(<PopupApp />);
    const list = await screen.findByRole('list', { name: 'Follow-ups due' });
    const rows = list.querySelectorAll('li');
    expect([...rows].map((r) => r.textContent)).toEqual([
      expect.stringMatching(/Ana Lima.*3 days overdue.*Third attempt.*Suggested: Call/),
      expect.stringMatching(/Bo Chen.*2 hours overdue.*Answer Bo.*Suggested: Email/),
    ]);
    expect(screen.queryByText('Much later')).not.toBeInTheDocument();
  });

  it('within a day, puts the best-fitting prospects first, with their band', async () => {
    const { person: engineer } = await upsertSeenPerson(db, { name: 'Dev Patel', linkedinUrl: 'https://www.linkedin.com/in/dev/', headline: 'Software Engineer', source: 'linkedin' });
    const { person: vp } = await upsertSeenPerson(db, { name: 'Vera Novak', linkedinUrl: 'https://www.linkedin.com/in/vera/', headline: 'VP Operations', source: 'linkedin' });
    await saveProfile(db, { ...blankProfile('VPs'), seniorities: ['vp'] });
    await rescoreAll(db);
    const today = startOfDay(Date.now()).getTime();
    // The engineer is due a little earlier today, but the VP fits: the VP leads.
    await addFollowUp(db, { personId: engineer.id, dueAt: today + 1000, reason: 'Engineer follow-up', suggestedType: 'email', origin: 'cadence' });
    await addFollowUp(db, { personId: vp.id, dueAt: today + 2000, reason: 'VP follow-up', suggestedType: 'call', origin: 'cadence' });

    render(<PopupApp />);
    const list = await screen.findByRole('list', { name: 'Follow-ups due' });
    expect([...list.querySelectorAll('li')].map((r) => r.querySelector('strong')?.textContent)).toEqual(['Vera Novak', 'Dev Patel']);
    expect(list.querySelector('li .band-A')?.textContent).toBe('A');
  });

  it('works from the keyboard: Tab to Done, Enter clears it', async () => {
    const { person } = await upsertSeenPerson(db, { name: 'Ana Lima', linkedinUrl: 'https://www.linkedin.com/in/ana-lima/', source: 'linkedin' });
    await addFollowUp(db, { personId: person.id, dueAt: Date.now() - 1000, reason: 'Call Ana back', suggestedType: 'call', origin: 'manual' });
    const user = userEvent.setup();
    render(<PopupApp />);
    await screen.findByText('Call Ana back');
    await user.tab(); // Workspace
    await user.tab(); // Open side panel
    await user.tab(); // Done
    expect(document.activeElement).toHaveTextContent('Done');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Nothing due. Prospect someone new?')).toBeInTheDocument();
    const followUps = await db.followUps.toArray();
    expect(followUps.find((f) => f.reason === 'Call Ana back')).toMatchObject({ status: 'done' });
  });
});
