import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable, waitForReport } from './db';
import { launch, type Harness } from './harness';

/** Gmail at its real URL: the open thread's people reach the side panel; one can be saved. */

const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTsLineSpeed';

let h: Harness;
beforeAll(async () => {
  h = await launch((server) => server.page('https://mail.google.com/mail/u/0/', 'gmail/2024-06-thread-and-inbox.html'));
});
afterAll(async () => {
  await h?.close();
});

describe('Gmail threads in the side panel', () => {
  it('lists the people in the open thread (never the rep), and saves one in a click', async () => {
    const control = await h.openExtensionPage('options.html');
    const mail = await h.openSitePage(THREAD);
    const { page } = await waitForReport(control, THREAD);
    expect(page).toEqual({
      kind: 'mail-thread',
      url: THREAD,
      thread: {
        subject: 'Re: Line-speed study',
        participants: [
          { email: 'adaeze@sable-ridge-foods.example', name: 'Adaeze Okonkwo-Reyes' },
          { email: 'marcus.lindqvist@sable-ridge-foods.example', name: 'Marcus Lindqvist' },
        ],
      },
    });

    const panel = await h.openExtensionPage('sidepanel.html');
    const people = panel.getByRole('list', { name: 'People in this thread' });
    await people.getByText('Adaeze Okonkwo-Reyes').waitFor();
    expect(await people.getByRole('listitem').count()).toBe(2);
    await people.getByRole('button', { name: 'Show Adaeze Okonkwo-Reyes' }).click();
    await panel.getByRole('button', { name: 'Save prospect' }).click();
    await panel.getByText('Saved prospect').waitFor();
    const saved = await readTable<{ name: string; emails: string[]; source: string }>(control, 'people');
    expect(saved).toEqual([expect.objectContaining({ name: 'Adaeze Okonkwo-Reyes', emails: ['adaeze@sable-ridge-foods.example'], source: 'email' })]);

    await panel.getByRole('button', { name: /Everyone in/ }).click();
    await people.getByText('target').waitFor(); // Adaeze now shows her stage
    await Promise.all([panel.close(), mail.close(), control.close()]);
  });
});
