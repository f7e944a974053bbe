/**
 * Maintainer's tool: what does Groundwork see on this page?
 *
 *   npm run inspect -- <saved-page.html> --url <page URL>
 *
 * Loads the saved page at its real URL in Chromium with the *built* extension (the same harness
 * as the end-to-end tests), and prints as JSON exactly what the content script reported to the
 * background: the page kind and its fields (LinkedIn, Gmail, and Outlook on the web, which it
 * allows first as a rep would). Run it when LinkedIn or webmail changes its markup and a rep
 * sends a saved page. Builds the extension first when there is no build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { mailSiteOfUrl, OPTIONAL_HOSTS } from '../lib/sites/hosts';
import { waitForReport } from '../tests/e2e/db';
import { EXTENSION_DIR, launch } from '../tests/e2e/harness';

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
    const page = await harness.openSitePage(args.url);
    const report = await Promise.race([
      waitForReport(control, page.url()),
      new Promise<undefined>((done) => setTimeout(done, args.timeoutMs)),
    ]);
    if (!report) {
      console.error(`No report within ${args.timeoutMs / 1000} s: no Groundwork content script runs on ${args.url}?`);
      return 1;
    }
    console.log(JSON.stringify(report.page, null, 2));
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
