import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ProfilesSection } from '../../../components/profile/ProfilesSection';
import { db, listProfiles, saveProspectFromLinkedIn } from '../../../lib/db';

afterEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

async function createProfile() {
  const user = userEvent.setup();
  render(<ProfilesSection />);
  await user.click(await screen.findByRole('button', { name: 'Create your ideal customer profile' }));
  await screen.findByRole('form', { name: 'Ideal customer profile' });
  return user;
}

describe('ideal customer profile editor', () => {
  it('starts with a prompt, then edits criteria as a draft and saves them validated', async () => {
    const user = await createProfile();
    expect((await listProfiles(db)).map((p) => p.name)).toEqual(['My ideal customer']);

    await user.type(screen.getByRole('textbox', { name: /Industries to include/ }), 'Manufacturing{Enter}Food and Beverage{Enter}');
    expect(within(screen.getByRole('list', { name: 'Industries to include' })).getAllByRole('listitem').map((li) => li.textContent?.replace('×', '').trim())).toEqual([
      'Manufacturing',
      'Food and Beverage',
    ]);
    await user.click(screen.getByRole('button', { name: 'Remove Manufacturing' }));
    await user.click(within(screen.getByRole('group', { name: 'Company sizes' })).getByLabelText('201-500'));
    await user.click(within(screen.getByRole('group', { name: 'Seniority levels' })).getByLabelText('VP / Head of'));
    await user.type(screen.getByRole('textbox', { name: /^Locations/ }), 'Ohio{Enter}');
    await user.click(screen.getByLabelText('Recruiters')); // turn the recruiter exclusion off

    // Nothing is stored before Save.
    expect((await listProfiles(db))[0]?.industries.include).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await screen.findByText('Saved. Prospects are being re-scored.');
    const [saved] = await listProfiles(db);
    expect(saved).toMatchObject({
      industries: { include: ['Food and Beverage'], exclude: [] },
      sizeBands: ['201-500'],
      seniorities: ['vp'],
      locations: ['Ohio'],
      exclusions: { students: true, recruiters: false, companies: [] },
    });
  });

  it('refuses an invalid edit with a clear message and stores nothing', async () => {
    const user = await createProfile();
    await user.clear(screen.getByLabelText('Profile name'));
    await user.type(screen.getByRole('textbox', { name: /Title keywords/ }), 'operations{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Not saved: name/);
    expect((await listProfiles(db))[0]).toMatchObject({ name: 'My ideal customer', titleKeywords: [] });
  });

  it('previews how saved prospects would score, and who gains, while the rep edits', async () => {
    await saveProspectFromLinkedIn(db, { linkedinUrl: 'https://www.linkedin.com/in/ana/', name: 'Ana Lima', headline: 'VP Operations' });
    await saveProspectFromLinkedIn(db, { linkedinUrl: 'https://www.linkedin.com/in/bo/', name: 'Bo Chen', headline: 'Software Engineer' });
    const user = await createProfile();
    const preview = await screen.findByRole('region', { name: 'Preview' });
    const count = (bucket: string) => preview.querySelector(`tr[data-bucket="${bucket}"] .count`)?.textContent;
    expect(count('unknown')).toBe('2');

    await user.click(within(screen.getByRole('group', { name: 'Seniority levels' })).getByLabelText('VP / Head of'));
    await waitFor(() => expect(count('A')).toBe('1'));
    expect(count('D')).toBe('1');
    expect(within(screen.getByRole('list', { name: 'Gain most' })).getByText('Ana Lima: — → 100')).toBeInTheDocument();
  });

  it('imports a profile file, and refuses a foreign one without changing anything', async () => {
    const user = await createProfile();
    const input = screen.getByLabelText('Import profile');
    await user.upload(input, new File(['{"name":"not ours"}'], 'other.json', { type: 'application/json' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This is not a Groundwork ideal customer profile file.');
    expect(await listProfiles(db)).toHaveLength(1);

    const file = JSON.stringify({
      format: 'groundwork-ideal-customer-profile',
      version: 1,
      profile: {
        name: 'Packaging plants',
        industries: { include: ['Packaging'], exclude: [] },
        sizeBands: [],
        seniorities: ['director'],
        titleKeywords: [],
        locations: [],
        keywords: [],
        exclusions: { students: true, recruiters: true, companies: [] },
        weights: { industry: 3, size: 2, seniority: 3, title: 2, location: 1, keywords: 1 },
      },
    });
    // A file larger than any profile is refused by its size: its content (here not even JSON)
    // never gets a say.
    const huge = new File(['not json'], 'huge.json', { type: 'application/json' });
    Object.defineProperty(huge, 'size', { value: 200_000_000 });
    await user.upload(input, huge);
    expect(await screen.findByRole('alert')).toHaveTextContent('This file is too large to be an ideal customer profile.');
    expect(await listProfiles(db)).toHaveLength(1);

    await user.upload(input, new File([file], 'packaging.json', { type: 'application/json' }));
    expect(await screen.findByText('Imported “Packaging plants”.')).toHaveAttribute('role', 'status');
    expect((await listProfiles(db)).map((p) => p.name)).toEqual(['My ideal customer', 'Packaging plants']);
  });
});
