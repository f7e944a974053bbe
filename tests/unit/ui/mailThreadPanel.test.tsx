import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MailThreadPanel } from '../../../components/MailThreadPanel';
import { db, saveSettings, upsertSeenPerson } from '../../../lib/db';
import { Settings } from '../../../lib/model';

/** Someone in an email thread who is not saved by this address (issues 12 and 16). */

beforeEach(async () => {
  await saveSettings(db, Settings.parse({ email: { ownDomains: ['groundwork-rep.example'], neverLog: ['@bank.example'] } }));
  await upsertSeenPerson(db, { name: 'Priya Raman', linkedinUrl: 'https://www.linkedin.com/in/priya-raman/', companyName: 'Sable Ridge Foods', source: 'linkedin' });
});
afterEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

const thread = (email: string, name = 'Priya Raman') => ({ subject: 'Pilot', participants: [{ email, name }] });

describe('the thread panel, for an address Groundwork does not know', () => {
  it('offers to link an address that looks like a saved prospect', async () => {
    render(<MailThreadPanel thread={thread('priya@sable-ridge-foods.example')} />);
    expect(await screen.findByRole('button', { name: 'Link this address to Priya Raman' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save as someone new' })).toBeInTheDocument();
  });

  it('never offers a colleague of the same name as the prospect, nor to save them', async () => {
    render(<MailThreadPanel thread={thread('priya@groundwork-rep.example')} />);
    expect(await screen.findByTestId('never-logged')).toHaveTextContent('A colleague');
    expect(screen.queryByRole('button', { name: /Link this address/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Save/ })).not.toBeInTheDocument();
  });

  it('says an address on the never-log list is never logged', async () => {
    render(<MailThreadPanel thread={thread('priya@bank.example')} />);
    expect(await screen.findByTestId('never-logged')).toHaveTextContent('never-log list');
    expect(screen.queryByRole('button', { name: /Link this address/ })).not.toBeInTheDocument();
  });

  it('never offers to link a shared inbox to a person, whatever name it shows', async () => {
    render(<MailThreadPanel thread={thread('info@sable-ridge-foods.example')} />);
    expect(await screen.findByTestId('role-address')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Link this address/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save prospect' })).toBeInTheDocument();
  });
});
