import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataSection } from '../../../components/data/DataSection';
import { db } from '../../../lib/db';
import { backupToJson, createBackup } from '../../../lib/io/backup';
import { deleteAllData } from '../../../lib/io/restore';
import { dump, seedFixture } from './support';

const sent = vi.hoisted(() => [] as string[]);
vi.mock('../../../lib/messaging/client', () => ({
  sendMessage: (message: { type: string }) => {
    sent.push(message.type);
    return Promise.resolve({ ok: true, value: {} });
  },
}));

beforeEach(async () => {
  sent.length = 0;
  await deleteAllData(db);
  await seedFixture(db, 4);
});
afterEach(async () => {
  await deleteAllData(db);
});

const card = (name: string) => screen.getByLabelText(name, { selector: 'div' });

describe('Options › Your data', () => {
  it('deletes everything only after “delete” is typed, then tells the background', async () => {
    const user = userEvent.setup();
    render(<DataSection />);
    const remove = card('Delete all data');
    await user.click(within(remove).getByRole('button', { name: 'Delete all data…' }));
    const confirm = within(remove).getByRole('button', { name: 'Delete everything' });
    expect(confirm).toBeDisabled();
    await user.type(within(remove).getByLabelText('Type delete to confirm'), 'delete{Enter}');
    expect(await db.people.count()).toBe(4);
    await user.click(confirm);
    expect(await within(remove).findByText(/All data deleted/)).toBeInTheDocument();
    expect(await db.people.count()).toBe(0);
    expect(sent).toEqual(['data/changed', 'scores/recompute']);
  });

  it('a bad backup shows its message and nothing changes; a good one asks merge or replace', async () => {
    const user = userEvent.setup({ applyAccept: false });
    const good = backupToJson(await createBackup(db));
    const before = await dump(db);
    render(<DataSection />);
    const restore = card('Backup and restore');
    const input = within(restore).getByLabelText('Restore from a backup');

    await user.upload(input, new File(['{"format":"groundwork-backup","version":1,"data":{'], 'cut.json'));
    expect(await within(restore).findByRole('alert')).toHaveTextContent(/cut short or damaged/);
    expect(await dump(db)).toEqual(before);

    await user.upload(input, new File([good], 'groundwork-backup-2026-11-23.json'));
    expect(await within(restore).findByText(/with 4 people, 1 accounts, 3 touches, 2 follow-ups, 1 ideal customer profile and settings/)).toBeInTheDocument();
    await user.click(within(restore).getByRole('button', { name: 'Replace all my data…' }));
    expect(within(restore).getByRole('button', { name: 'Replace my data' })).toBeDisabled();
    await user.click(within(restore).getByRole('button', { name: 'Merge into my data' }));
    const summary = await within(restore).findByRole('table', { name: 'What the restore did' });
    expect(within(summary).getByRole('row', { name: /People/ })).toHaveTextContent('People004');
    expect(await dump(db)).toEqual(before);
  });

  it('CSV import: preview, mapping, refused rows listed as text, then the import', async () => {
    const user = userEvent.setup({ applyAccept: false });
    render(<DataSection />);
    const importer = card('Import people from CSV');
    const csv = ['Who,Where,Mail', 'Ana Lima,Lyon,ana@acme.example', '<img src=x onerror=alert(1)>,Paris,evil@x.example', 'Bo Chen,Aarhus,bo@kestrel.example'].join('\n');
    await user.upload(within(importer).getByLabelText('Import people from CSV'), new File([csv], 'contacts.csv', { type: 'text/csv' }));

    const preview = await within(importer).findByRole('table', { name: 'Column mapping and preview' });
    // The payload is shown as text in the preview, never as markup.
    expect(preview.querySelector('img')).toBeNull();
    expect(within(preview).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(within(importer).getByLabelText('Column Mail')).toHaveValue('email');
    expect(within(importer).getByLabelText('Column Who')).toHaveValue('');

    await user.click(within(importer).getByRole('button', { name: 'Import 3 rows' }));
    expect(within(importer).getByRole('alert')).toHaveTextContent('Map a column to “Full name”, or to “First name” and “Last name”.');
    await user.selectOptions(within(importer).getByLabelText('Column Who'), 'name');
    await user.selectOptions(within(importer).getByLabelText('Column Where'), 'location');
    await user.click(within(importer).getByRole('button', { name: 'Import 3 rows' }));

    expect(await within(importer).findByText('Imported 2 rows: 2 new people, 0 merged into people already saved, 0 already up to date.')).toBeInTheDocument();
    expect(within(importer).getByRole('list', { name: 'Rows not imported' })).toHaveTextContent('Row 2: the name contains HTML or script');
    expect(await db.people.where('emails').equals('bo@kestrel.example').first()).toMatchObject({ name: 'Bo Chen', location: 'Aarhus', source: 'import' });
    expect(await db.people.where('emails').equals('evil@x.example').count()).toBe(0);
    expect(sent).toEqual(['data/changed', 'scores/recompute']);
  });
});
