import { build } from 'esbuild';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

let bundle: Promise<string> | undefined;

/** bench/pageApi.ts as one script (esbuild, which Vite already brings), built once per run. */
function pageApiBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [join(__dirname, 'pageApi.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return bundle;
}

/**
 * Makes `globalThis.groundworkBench` available in an extension page. The script is evaluated over
 * the DevTools protocol (an extension page's CSP refuses injected script tags; the protocol's
 * evaluation is the debugger's, not the page's).
 */
export async function installPageApi(page: Page): Promise<void> {
  await page.evaluate(await pageApiBundle());
}
