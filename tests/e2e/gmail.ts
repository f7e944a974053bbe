import type { Page } from 'playwright-core';

/** A message as Gmail's inbox list shows it: the sender's chip, the subject, the time in its tooltip. */
export interface ArrivingMail {
  email: string;
  name: string;
  subject: string;
  /** As Gmail's tooltip says it: "Mon, Nov 16, 2026, 9:05 AM". */
  time: string;
}

/**
 * What Gmail does when mail arrives, in one of its inbox fixtures: a new unread row on top of the
 * list for each message (in one change, so one report to the background), and the unread count
 * in the title.
 */
export async function mailArrives(inbox: Page, mails: readonly ArrivingMail[]): Promise<void> {
  await inbox.evaluate((arriving) => {
    for (const { email, name, subject, time } of arriving) {
      const row = document.querySelector('tr.zA')!.cloneNode(true) as HTMLElement;
      const chip = row.querySelector('[email]')!;
      chip.setAttribute('email', email);
      chip.setAttribute('name', name);
      chip.textContent = name;
      row.querySelector('.bqe')!.textContent = subject;
      row.querySelector('.xW [title]')!.setAttribute('title', time);
      document.querySelector('tr.zA')!.before(row);
    }
    document.title = document.title.replace(/Inbox \((\d+)\)/, (_, unread: string) => `Inbox (${Number(unread) + arriving.length})`);
  }, mails);
}
