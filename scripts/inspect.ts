/**
 * Maintainer's tool: what does Groundwork see on this page?
 *
 *   npm run inspect -- <saved-page.html> --url <page URL>
 *
 * Loads the saved page at its real URL in Chromium with the *built* extension (the same harness
 * as the end-to-end tests), and prints as JSON what the content script reads there. Run it when
 * LinkedIn or webmail changes its markup and a rep sends a saved page. Builds the extension first
 * when there is no build.
 *
 * A page saved from a real browser still references LinkedIn's and Google's CDNs: the harness
 * resolves only the hosts it serves, so those fail at once, and the page is read as soon as it is
 * parsed and the content script has reported it, never waiting for the load event.
 *
 * It prints one JSON object. For LinkedIn:
 *
 *   { "page": <report> }
 *
 * `page` is exactly what the content script reported to the background: the page kind and its
 * fields. For webmail (Gmail; Outlook on the web, allowed first from the options page as a rep
 * would), also what the content script reads besides, with its own readers
 * (scripts/inspect-mail.ts), so a maintainer sees why a reply or a send was or was not logged:
 *
 *   { "page": <report>,
 *     "me": "rep@…" | null,            the signed-in rep (their own messages are never replies)
 *     "inbox": [{ "senders": [{ "email", "name"? }], "subject"?, "timeText"?, "time": ISO | null,
 *                 "unread": bool, "reply": bool }],     every list row; reply: handed over as one
 *     "replies": [{ "from", "subject"?, "messageId"?, "timeText"?, "time": ISO | null }],
 *                                      exactly what it hands over: the open thread's messages
 *                                      from others and the unread rows with one sender
 *     "compose": [{ "kind", "to", "cc", "bcc", "subject"?, "draftId"?, "sendButton": bool }] }
 *                                      open compose windows; sendButton: its Send is recognised
 *
 * `timeText` is the time as the page shows it; `time` the instant the background reads from it
 * (in the browser's time zone), null when it cannot: such a reply is not logged.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { mailSiteOfUrl, OPTIONAL_HOSTS } from '../lib/sites/hosts';
import { waitForReport } from '../tests/e2e/db';
import { EXTENSION_DIR, launch } from '../tests/e2e/harness';
import type { MailScreen } from './inspect-mail';

const USAGE = 'Usage: npm run inspect -- <saved-page.html> --url <page URL> [--timeout <seconds>]';

function parseArgs(argv: string[]): { file: string; url: string; timeoutMs: number } {
  const positional: string[] = [];
  let url: string | undefined;
  let timeoutMs = 20_000;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--url') url = argv[++i];
    else if (arg === '--timeout') timeoutMs = Number(argv[++i]) * 1000;
    else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else positional.push(arg);
  }
  const file = positional[0];
  if (!file || !url) throw new Error(USAGE);
  if (!existsSync(file)) throw new Error(`No such file: ${file}`);
  try {
    if (new URL(url).protocol !== 'https:') throw new Error();
  } catch {
    throw new Error(`Not an https URL: ${url}`);
  }
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error(USAGE);
  return { file: resolve(file), url, timeoutMs };
}

/**
 * Runs scripts/inspect-mail.ts in an isolated world of the page (a world of its own over the
 * DOM, as a content script's): nothing is added to the page's own scripts' world.
 */
async function readMailScreen(page: Page, site: 'gmail' | 'outlook'): Promise<MailScreen> {
  const bundle = await build({
    entryPoints: [join(__dirname, 'inspect-mail.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'groundworkInspect',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'groundwork-inspect' });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: `${bundle.outputFiles[0]!.text}\ngroundworkInspect.readMailScreen(${JSON.stringify(site)}, document, location.href)`,
      contextId: executionContextId,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`Reading the mail screen failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as MailScreen;
  } finally {
    await cdp.detach();
  }
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
    console.error('No build yet: building the extension…');
    const built = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) return 1;
  }
  const harness = await launch((server) => server.route(args.url, { path: args.file }));
  try {
    const control = await harness.openExtensionPage('options.html');
    if (mailSiteOfUrl(args.url) === 'outlook') {
      // Outlook is opt-in: allow it as a rep would, from the options page.
      await harness.allowSitesInChromeSettings(OPTIONAL_HOSTS);
      await control.getByRole('button', { name: 'Allow Outlook on the web' }).click();
      await control.getByText(/^Allowed/).waitFor();
    }
    // Parsed is enough: the content script reads at document_idle, which does not wait for load.
    const page = await harness.openSitePage(args.url, { waitUntil: 'domcontentloaded' });
    const report = await Promise.race([
      waitForReport(control, page.url()),
      new Promise<undefined>((done) => setTimeout(done, args.timeoutMs)),
    ]);
    if (!report) {
      console.error(`No report within ${args.timeoutMs / 1000} s: no Groundwork content script runs on ${args.url}?`);
      return 1;
    }
    const site = mailSiteOfUrl(args.url);
    const seen = site ? { page: report.page, ...(await readMailScreen(page, site)) } : { page: report.page };
    console.log(JSON.stringify(seen, null, 2));
    return 0;
  } finally {
    await harness.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
