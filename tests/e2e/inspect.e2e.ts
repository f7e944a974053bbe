import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { linkedInFixture } from '../fixtures/linkedin/expected';
import { waitForReport } from './db';
import { launch } from './harness';

/** The maintainer's tool prints what the built content script reported, and fails clearly. */

const ROOT = join(__dirname, '../..');
const inspect = (...args: string[]) =>
  spawnSync(join(ROOT, 'node_modules/.bin/vite-node'), ['scripts/inspect.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

/** tests/fixtures/linkedin/2025-04-logged-in-profile.html as a browser saves it: the same page, with LinkedIn's CDNs. */
const SAVED_PROFILE = { ...linkedInFixture('2025-04-logged-in-profile.html'), file: 'saved/2025-04-linkedin-profile-saved.html' };

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
    expect(JSON.parse(result.stdout)).toEqual(fixture.expected);
  });

  it('works on a country subdomain it has never seen', () => {
    const result = inspect(join(ROOT, 'tests/fixtures/linkedin/2024-07-public-profile.html'), '--url', 'https://fr.linkedin.com/in/priya-raman-castillo/');
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ kind: 'person', person: { name: 'Priya Raman-Castillo', linkedinUrl: 'https://www.linkedin.com/in/priya-raman-castillo/' } });
  });

  it('reports what the Gmail content script sees on a saved Gmail page', () => {
    const result = inspect(join(ROOT, 'tests/fixtures/gmail/2025-03-thread-localised.html'), '--url', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzAngebot');
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      kind: 'mail-thread',
      thread: { subject: 'Angebot Antriebstechnik', participants: [{ email: 'jürgen.müller@nordvik-antrieb.example' }, { email: 'einkauf@nordvik-antrieb.example' }] },
    });
  });

  it('reports what the Outlook content script sees, allowing Outlook first as a rep would', () => {
    const result = inspect(join(ROOT, 'tests/fixtures/outlook/2021-owa-de-conversation-and-reply.html'), '--url', 'https://outlook.office365.com/mail/inbox/id/AAQkAGE0');
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      kind: 'mail-thread',
      thread: { subject: 'Angebot Antriebstechnik', participants: expect.arrayContaining([{ email: 'jürgen.müller@nordvik-antrieb.example', name: 'Jürgen Müller-Lüdenscheidt' }]) },
    });
  });

  it('explains its usage when arguments are missing', () => {
    const result = inspect('--url', 'https://www.linkedin.com/in/x/');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Usage: npm run inspect -- <saved-page.html> --url <page URL>/);
  });
});
