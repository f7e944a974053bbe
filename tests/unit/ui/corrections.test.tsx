import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogTouchForm } from '../../../components/LogTouchForm';
import { NextFollowUp } from '../../../components/NextFollowUp';
import { Timeline } from '../../../components/Timeline';
import { recordTouch } from '../../../lib/cadence/followUps';
import { db, upsertSeenPerson } from '../../../lib/db';
import { TOUCH_CATALOGUE, type Person } from '../../../lib/model';

/** Touches the rep corrects, and Done that says what it records (issue 16), in the side panel's parts. */

const DAY = 86_400_000;
let rosa: Person;
beforeEach(async () => {
  ({ person: rosa } = await upsertSeenPerson(db, { name: 'Rosa Delgado', emails: ['rosa@lumen.example'], source: 'email' }));
});
afterEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

const touches = () => db.touches.where('personId').equals(rosa.id).toArray();
const openFollowUp = async () => (await db.followUps.where('personId').equals(rosa.id).toArray()).find((f) => f.status === 'open');

describe('logging a touch when it happened', () => {
  it('"Yesterday" logs it yesterday', async () => {
    const user = userEvent.setup();
    render(<LogTouchForm personId={rosa.id} name="Rosa Delgado" />);
    await user.selectOptions(screen.getByLabelText('Touch type'), 'voicemail');
    await user.click(screen.getByRole('button', { name: 'Yesterday' }));
    await user.click(screen.getByRole('button', { name: 'Log touch' }));
    await waitFor(async () => expect(await touches()).toHaveLength(1));
    const [voicemail] = await touches();
    expect(Date.now() - voicemail!.at).toBeGreaterThan(DAY - 120_000);
    expect(Date.now() - voicemail!.at).toBeLessThan(DAY + 120_000);
  });

  it('refuses a time in the future, logging nothing', async () => {
    const user = userEvent.setup();
    render(<LogTouchForm personId={rosa.id} name="Rosa Delgado" />);
    const tomorrow = new Date(Date.now() + 2 * DAY);
    const value = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}T10:00`;
    const when = screen.getByLabelText<HTMLInputElement>('When');
    fireEvent.change(when, { target: { value } });
    await user.click(screen.getByRole('button', { name: 'Log touch' }));
    // The picker itself refuses it (past its limit, the end of today); a later hour today is
    // refused when logged (lib/cadence/touchEdits.ts, LogTouchForm).
    expect(when.validity.rangeOverflow).toBe(true);
    expect(await touches()).toEqual([]);
  });

  it('an email marked a give is logged as a give; minutes go with research', async () => {
    const user = userEvent.setup();
    render(<LogTouchForm personId={rosa.id} name="Rosa Delgado" />);
    await user.selectOptions(screen.getByLabelText('Give, ask or neutral'), 'give');
    await user.click(screen.getByRole('button', { name: 'Log touch' }));
    await waitFor(async () => expect((await touches()).map((t) => [t.type, t.intent])).toEqual([['email', 'give']]));
    await user.selectOptions(screen.getByLabelText('Touch type'), 'research');
    expect(screen.queryByLabelText('Free advice')).not.toBeInTheDocument();
    await user.type(screen.getByRole('spinbutton'), '30');
    await user.click(screen.getByRole('button', { name: 'Log touch' }));
    await waitFor(async () => expect((await touches()).find((t) => t.type === 'research')).toMatchObject({ minutes: 30, freeAdvice: false }));
  });
});

describe('correcting the timeline', () => {
  it('edits a touch’s time and type, deletes one, and undoes the last change', async () => {
    const user = userEvent.setup();
    await recordTouch(db, { personId: rosa.id, type: 'email', loggedBy: 'one-click', subject: 'Line audit', at: Date.now() - 3 * DAY });
    await recordTouch(db, { personId: rosa.id, type: 'call', loggedBy: 'one-click', at: Date.now() - DAY });
    render(<Timeline personId={rosa.id} />);
    const list = await screen.findByRole('list', { name: 'Touch timeline' });

    await user.click(within(list).getByRole('button', { name: /^Edit Call of/ }));
    const form = screen.getByRole('form', { name: 'Edit touch' });
    await user.selectOptions(within(form).getByLabelText('Touch type'), 'inbound-call');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await within(list).findByText('Inbound call');
    const call = (await touches()).find((t) => t.type === 'inbound-call');
    expect(call).toMatchObject({ direction: 'inbound' });
    // Their call answers the email before it.
    expect((await touches()).find((t) => t.type === 'email')?.answered).toBe(true);

    await user.click(within(list).getByRole('button', { name: /^Delete Email of/ }));
    await waitFor(async () => expect((await touches()).map((t) => t.type)).toEqual(['inbound-call']));
    const change = screen.getByRole('status', { name: 'Last change to the timeline' });
    expect(change).toHaveTextContent(/^Deleted: Email of/);
    await user.click(within(change).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await touches()).map((t) => t.subject)).toContain('Line audit'));
  });
});

describe('who came to us with a problem, in the timeline', () => {
  it('a first message is judged a reach-out and says so; the rep says it was not, then lets Groundwork judge again', async () => {
    const user = userEvent.setup();
    const { touch } = await recordTouch(db, { personId: rosa.id, type: 'inbound-message', loggedBy: 'automatic', at: Date.now() - 2 * DAY });
    render(<Timeline personId={rosa.id} />);
    expect(await screen.findByText('came with a problem')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Not them coming with a problem' }));
    await waitFor(async () => expect((await db.touches.get(touch.id))?.reachedOut).toBe(false));
    await waitFor(() => expect(screen.queryByText(/came with a problem/)).not.toBeInTheDocument());
    await user.click(await screen.findByRole('button', { name: 'Let Groundwork judge' }));
    await waitFor(async () => expect((await db.touches.get(touch.id))).not.toHaveProperty('reachedOut'));
    expect(await screen.findByText('came with a problem')).toBeInTheDocument();
  });

  it('their reply to the rep’s email is not judged a reach-out; marked by hand, it says so', async () => {
    const user = userEvent.setup();
    await recordTouch(db, { personId: rosa.id, type: 'email', loggedBy: 'one-click', at: Date.now() - 3 * DAY });
    const { touch } = await recordTouch(db, { personId: rosa.id, type: 'inbound-message', loggedBy: 'automatic', at: Date.now() - 2 * DAY });
    render(<Timeline personId={rosa.id} />);
    await user.click(await screen.findByRole('button', { name: 'They came to us with a problem' }));
    expect(await screen.findByText('came with a problem (marked)')).toBeInTheDocument();
    expect((await db.touches.get(touch.id))?.reachedOut).toBe(true);
  });
});

describe('Done that says what it records', () => {
  it('"Done · Personal note sent", the type changed to a call, then undone; "Nothing to log" logs nothing', async () => {
    const user = userEvent.setup();
    await recordTouch(db, { personId: rosa.id, type: 'email', loggedBy: 'one-click', at: Date.now() - 10 * DAY });
    const before = await openFollowUp();
    render(<NextFollowUp personId={rosa.id} name="Rosa Delgado" />);
    await screen.findByText(before!.reason);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    const done = await screen.findByRole('status', { name: 'Done' });
    const recorded = (await touches()).at(-1)!;
    expect(recorded).toMatchObject({ type: before!.suggestedType, direction: 'outbound' });
    expect(recorded.subject).toBeUndefined();
    expect(done).toHaveTextContent(`Done · ${TOUCH_CATALOGUE[before!.suggestedType].done} (Rosa Delgado)`);
    await user.selectOptions(within(done).getByLabelText('What was done'), 'call');
    await waitFor(async () => expect((await touches()).map((t) => t.type)).toEqual(['email', 'call']));
    await waitFor(() => expect(done).toHaveTextContent('Done · Call made (Rosa Delgado)'));
    await user.click(within(done).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await touches()).map((t) => t.type)).toEqual(['email']));
    await waitFor(async () => expect((await openFollowUp())?.id).toBe(before!.id));

    await screen.findByText(before!.reason);
    await user.click(screen.getByRole('button', { name: 'Done with Rosa Delgado, nothing to log' }));
    expect(await screen.findByRole('status', { name: 'Done' })).toHaveTextContent('Done · nothing logged for Rosa Delgado');
    expect((await touches()).map((t) => t.type)).toEqual(['email']);
  });
});
