import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkedInFixture } from '../fixtures/linkedin/expected';

/** The maintainer's tool prints what the built content script reported, and fails clearly. */

const ROOT = join(__dirname, '../..');
const inspect = (...args: string[]) =>
  spawnSync(join(ROOT, 'node_modules/.bin/vite-node'), ['scripts/inspect.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

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
