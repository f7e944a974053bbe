import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLiveQuery } from 'dexie-react-hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PersonDetails } from '../../../components/PersonDetails';
import { recordTouch } from '../../../lib/cadence/followUps';
import { db, upsertSeenPerson } from '../../../lib/db';

/** The person's details, set in the side panel (issue 16). */

let id: string;
beforeEach(async () => {
  ({ person: { id } } = await upsertSeenPerson(db, { name: 'Rosa Delgado', emails: ['rosa@lumen.example'], source: 'email' }));
  await recordTouch(db, { personId: id, type: 'email', loggedBy: 'one-click' });
});
afterEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

function Live() {
  const person = useLiveQuery(() => db.people.get(id), []);
  return person ? <PersonDetails person={person} /> : null;
}
const pending = async () => (await db.followUps.toArray()).filter((f) => f.status === 'open');

describe('person details in the side panel', () => {
  it('the stage says what it does: not a fit cancels the follow-up', async () => {
    const user = userEvent.setup();
    render(<Live />);
    expect(await pending()).toHaveLength(1);
    await user.selectOptions(await screen.findByLabelText('Stage'), 'not-a-fit');
    expect(await screen.findByTestId('stage-effect')).toHaveTextContent('No follow-ups are proposed');
    await waitFor(async () => expect(await pending()).toEqual([]));
  });

  it('tags, a phone number (a bad one refused, said), title and seniority', async () => {
    const user = userEvent.setup();
    render(<Live />);
    await user.type(await screen.findByPlaceholderText('Add a tag'), 'ohio{Enter}');
    await waitFor(async () => expect((await db.people.get(id))?.tags).toEqual(['ohio']));
    await user.type(screen.getByLabelText('Phone number'), 'call me');
    await user.click(within(screen.getByRole('form', { name: 'Add a phone number' })).getByRole('button', { name: 'Add' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('not a phone number');
    await user.clear(screen.getByLabelText('Phone number'));
    await user.type(screen.getByLabelText('Phone number'), '+1 614 555 0134{Enter}');
    await screen.findByRole('link', { name: '+1 614 555 0134' });
    await user.click(screen.getByText('Title, seniority and notes'));
    await user.type(screen.getByLabelText('Title'), 'VP Operations');
    await user.tab();
    await waitFor(async () => expect((await db.people.get(id))?.title).toBe('VP Operations'));
    await user.selectOptions(screen.getByLabelText('Seniority'), 'director');
    await waitFor(async () => expect((await db.people.get(id))?.seniority).toBe('director'));
  });

  it('notes changed elsewhere (another window, a merge) show at once, and leaving the box does not write back the old text', async () => {
    const user = userEvent.setup();
    render(<Live />);
    await user.click(await screen.findByText('Title, seniority and notes'));
    const notes = screen.getByLabelText('Notes on Rosa Delgado');
    await user.type(notes, 'Prefers calls.');
    await user.tab();
    await waitFor(async () => expect((await db.people.get(id))?.notes).toBe('Prefers calls.'));
    await db.people.update(id, { notes: 'Prefers calls.\n\nAlso on LinkedIn: https://www.linkedin.com/in/rosa-d/' });
    await waitFor(() => expect(notes).toHaveValue('Prefers calls.\n\nAlso on LinkedIn: https://www.linkedin.com/in/rosa-d/'));
    await user.click(notes);
    await user.tab();
    expect((await db.people.get(id))?.notes).toContain('Also on LinkedIn');
  });
});
