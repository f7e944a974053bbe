import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { linkedInFixture } from '../fixtures/linkedin/expected';
import { waitForReport } from './db';
import { launch } from './harness';

/** The maintainer's tool prints what the built content script read, and fails clearly. */

const ROOT = join(__dirname, '../..');
const inspect = (...args: string[]) =>
  spawnSync(join(ROOT, 'node_modules/.bin/vite-node'), ['scripts/inspect.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

/** tests/fixtures/linkedin/2025-04-logged-in-profile.html as a browser saves it: the same page, with LinkedIn's CDNs. */
const SAVED_PROFILE = { ...linkedInFixture('2025-04-logged-in-profile.html'), file: 'saved/2025-04-linkedin-profile-saved.html' };
const SAVED_INBOX = { file: 'saved/2025-09-gmail-inbox-and-compose-saved.html', url: 'https://mail.google.com/mail/u/0/#inbox' };

/** The instant a page's "Tue, Sep 23, 2025, 9:41 AM" names: local time, this machine's time zone being Chromium's. */
const localTime = (year: number, month: number, day: number, hour: number, minute: number) => new Date(year, month - 1, day, hour, minute).toISOString();

describe('the harness offline', () => {
  it('fails every host it does not serve as unresolvable, so a saved page with CDN references is parsed and reported', async () => {
    const h = await launch((server) => server.page(SAVED_PROFILE.url, SAVED_PROFILE.file));
    try {
      // A name every machine resolves without a network (Chromium maps *.localhost to loopback
      // itself): only the harness's catch-all makes it unresolvable, wherever the test runs.
      const foreignHosts = ['static.licdn.com', 'media.licdn.com', 'groundwork-cdn.localhost'];
      const failures = new Map<string, string>();
      let allFailed!: () => void;
      const everyForeignHostFailed = new Promise<void>((resolve) => (allFailed = resolve));
      h.context.on('requestfailed', (request: Request) => {
        const { host } = new URL(request.url());
        if (!failures.has(host)) failures.set(host, request.failure()?.errorText ?? '');
        if (foreignHosts.every((foreign) => failures.has(foreign))) allFailed();
      });
      const served: string[] = [];
      h.context.on('requestfinished', (request: Request) => served.push(new URL(request.url()).host));

      // The extension's own pages are no host: they still open.
      const control = await h.openExtensionPage('options.html');
      const page = await h.openSitePage(SAVED_PROFILE.url, { waitUntil: 'domcontentloaded' });
      const { page: report } = await waitForReport(control, SAVED_PROFILE.url);
      expect(report).toEqual(SAVED_PROFILE.expected);
      expect(await page.evaluate(() => document.readyState)).not.toBe('loading');

      await page.evaluate(() => {
        const image = document.createElement('img');
        image.src = 'https://groundwork-cdn.localhost/pixel.png';
        document.body.append(image);
      });
      await everyForeignHostFailed;
      expect(Object.fromEntries(failures)).toEqual(Object.fromEntries(foreignHosts.map((host) => [host, 'net::ERR_NAME_NOT_RESOLVED'])));
      expect(served).toContain('www.linkedin.com');
      expect(served.filter((host) => foreignHosts.includes(host))).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('npm run inspect', () => {
  it('prints the page kind and fields the content script reported for a saved page at its URL', () => {
    const fixture = linkedInFixture('2024-11-public-profile-de.html');
    const result = inspect(join(ROOT, 'tests/fixtures/linkedin', fixture.file), '--url', fixture.url);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ page: fixture.expected });
  });

  it('reports a page saved from a browser, whose styles, scripts and images are on LinkedIn CDNs it cannot reach', () => {
    const result = inspect(join(ROOT, 'tests/fixtures', SAVED_PROFILE.file), '--url', SAVED_PROFILE.url);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ page: SAVED_PROFILE.expected });
  });

  it('works on a country subdomain it has never seen', () => {
    const result = inspect(join(ROOT, 'tests/fixtures/linkedin/2024-07-public-profile.html'), '--url', 'https://fr.linkedin.com/in/priya-raman-castillo/');
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ page: { kind: 'person', person: { name: 'Priya Raman-Castillo', linkedinUrl: 'https://www.linkedin.com/in/priya-raman-castillo/' } } });
  });

  it('reports what the Gmail content script sees on a saved Gmail page', () => {
    const result = inspect(join(ROOT, 'tests/fixtures/gmail/2025-03-thread-localised.html'), '--url', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzAngebot');
    expect(result.status, result.stderr).toBe(0);
    const seen = JSON.parse(result.stdout);
    expect(seen.page).toMatchObject({
      kind: 'mail-thread',
      thread: { subject: 'Angebot Antriebstechnik', participants: [{ email: 'jürgen.müller@nordvik-antrieb.example' }, { email: 'einkauf@nordvik-antrieb.example' }] },
    });
    // The open thread's messages from others are replies too, their localised time read.
    expect(seen).toMatchObject({
      inbox: [],
      replies: [{ from: { email: 'jürgen.müller@nordvik-antrieb.example' }, messageId: 'msg-f:1780000000000000701', timeText: 'Fr., 30. Okt. 2026, 16:45', time: localTime(2026, 10, 30, 16, 45) }],
      compose: [],
    });
  });

  it('prints the inbox rows offered as replies and the open compose window of a saved Gmail inbox, its Google CDNs unreachable', () => {
    const result = inspect(join(ROOT, 'tests/fixtures', SAVED_INBOX.file), '--url', SAVED_INBOX.url);
    expect(result.status, result.stderr).toBe(0);
    const ottilie = { email: 'o.brandt@havel-metalworks.example', name: 'Ottilie Brandt' };
    const ingrid = { email: 'ingrid.solvang@nordlys-packaging.example', name: 'Ingrid Solvang' };
    expect(JSON.parse(result.stdout)).toEqual({
      page: { kind: 'none', url: SAVED_INBOX.url },
      me: 'casey@groundwork-partners.example',
      inbox: [
        { senders: [ottilie], subject: 'Forming-line study: a few questions', timeText: 'Tue, Sep 23, 2025, 9:41 AM', time: localTime(2025, 9, 23, 9, 41), unread: true, reply: true },
        { senders: [ingrid], subject: 'Re: Trial run in October', timeText: 'Mon, Sep 22, 2025, 4:02 PM', time: localTime(2025, 9, 22, 16, 2), unread: true, reply: true },
        // Read, and several people: not a reply (the rep, among them, is never a sender).
        {
          senders: [
            { email: 'adaeze@sable-ridge-foods.example', name: 'Adaeze Okonkwo-Reyes' },
            { email: 'marcus.lindqvist@sable-ridge-foods.example', name: 'Marcus Lindqvist' },
          ],
          subject: 'Re: Line-speed study',
          timeText: 'Fri, Sep 19, 2025, 11:15 AM',
          time: localTime(2025, 9, 19, 11, 15),
          unread: false,
          reply: false,
        },
        // Unread, but two senders: which one wrote last the list does not say.
        {
          senders: [
            { email: 'priya@raman-castillo.example', name: 'Priya Raman-Castillo' },
            { email: 'soren@fjordline-automation.example', name: 'Søren Kjærgaard' },
          ],
          subject: 'Intro: Fjordline × Groundwork',
          timeText: 'Thu, Sep 18, 2025, 7:05 PM',
          time: localTime(2025, 9, 18, 19, 5),
          unread: true,
          reply: false,
        },
      ],
      replies: [
        { from: ottilie, subject: 'Forming-line study: a few questions', timeText: 'Tue, Sep 23, 2025, 9:41 AM', time: localTime(2025, 9, 23, 9, 41) },
        { from: ingrid, subject: 'Re: Trial run in October', timeText: 'Mon, Sep 22, 2025, 4:02 PM', time: localTime(2025, 9, 22, 16, 2) },
      ],
      compose: [
        {
          kind: 'new',
          to: [ottilie, { email: 'info@havel-metalworks.example' }],
          cc: [ingrid],
          bcc: [{ email: 'bcc-log@groundwork-partners.example', name: 'Casey CRM' }],
          subject: 'Forming-line study: answers and a trial date',
          draftId: 'msg-a:r-4718303117451269802',
          sendButton: true,
        },
      ],
    });
  });

  it('reports what the Outlook content script sees, allowing Outlook first as a rep would', () => {
    const result = inspect(join(ROOT, 'tests/fixtures/outlook/2021-owa-de-conversation-and-reply.html'), '--url', 'https://outlook.office365.com/mail/inbox/id/AAQkAGE0');
    expect(result.status, result.stderr).toBe(0);
    const seen = JSON.parse(result.stdout);
    expect(seen.page).toMatchObject({
      kind: 'mail-thread',
      thread: { subject: 'Angebot Antriebstechnik', participants: expect.arrayContaining([{ email: 'jürgen.müller@nordvik-antrieb.example', name: 'Jürgen Müller-Lüdenscheidt' }]) },
    });
    // The inline reply under the conversation, read by Outlook's own reader.
    expect(seen.compose).toMatchObject([{ kind: 'reply', to: expect.arrayContaining([expect.objectContaining({ email: 'jürgen.müller@nordvik-antrieb.example' })]) }]);
  });

  it('explains its usage when arguments are missing', () => {
    const result = inspect('--url', 'https://www.linkedin.com/in/x/');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Usage: npm run inspect -- <saved-page.html> --url <page URL>/);
  });
});
