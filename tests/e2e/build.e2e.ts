import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GMAIL_MATCHES, LINKEDIN_MATCHES, OPTIONAL_HOSTS } from '../../lib/sites/hosts';
import { builtPopupApp, EXTENSION_DIR, readBuiltManifest } from './harness';

/** Deterministic checks on the built extension: what it asks for and what it injects. */

export const CONTENT_SCRIPT_BUDGET_BYTES = 15 * 1024;

describe('built manifest', () => {
  it('asks for exactly the permissions Groundwork uses, and no more', async () => {
    const manifest = await readBuiltManifest();
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions as string[])].sort()).toEqual(['alarms', 'notifications', 'scripting', 'sidePanel', 'storage']);
    // The content scripts' own hosts, no more (to run the fresh scripts in open tabs after an update).
    expect([...(manifest.host_permissions as string[])].sort()).toEqual([...LINKEDIN_MATCHES, ...GMAIL_MATCHES].sort());
    expect(manifest.optional_host_permissions).toEqual([...OPTIONAL_HOSTS]);
    expect(manifest.optional_permissions).toBeUndefined();
  });

  it('exposes nothing to web pages or other extensions', async () => {
    const manifest = await readBuiltManifest();
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('externally_connectable');
    const csp = manifest.content_security_policy as { extension_pages?: string } | undefined;
    // (Nor a style-src: the popup carries its styles in the page.)
    if (csp?.extension_pages) expect(csp.extension_pages).not.toMatch(/unsafe-eval|https?:|style-src/);
  });

  it('injects content scripts only into LinkedIn and Gmail (Outlook is asked for at run time)', async () => {
    const manifest = await readBuiltManifest();
    const scripts = manifest.content_scripts as { matches: string[]; js: string[] }[];
    expect(scripts.flatMap((s) => s.matches).sort()).toEqual([...LINKEDIN_MATCHES, ...GMAIL_MATCHES].sort());
    for (const script of scripts) expect(script).not.toHaveProperty('css');
  });

  it('opens the popup from the toolbar, the side panel and the workspace from shortcuts, options in a tab', async () => {
    const manifest = await readBuiltManifest();
    expect(manifest.action).toMatchObject({ default_popup: 'popup.html' });
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.options_ui).toMatchObject({ page: 'options.html', open_in_tab: true });
    expect(manifest.commands).toMatchObject({
      'open-side-panel': { suggested_key: { default: expect.any(String) } },
      'open-workspace': { suggested_key: { default: 'Alt+Shift+W' } },
      'log-touch': { suggested_key: { default: 'Alt+Shift+L' } },
    });
  });

  it('the popup’s page asks for its first script alone while it loads: styles in the page, the app loaded by that script', async () => {
    const page = await readFile(join(EXTENSION_DIR, 'popup.html'), 'utf8');
    const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((tag) => tag[0]);
    expect(scripts).toEqual([expect.stringMatching(/^<script src="\/popup-paint\.js" data-app="\/chunks\/popup-[\w-]+\.js">$/)]);
    expect(page).not.toMatch(/<link\b/);
    expect(page).toMatch(/<style>[^<]*\.row\{[^<]*<\/style>/);
    // The module it hands on is in the build, and is the popup's app (React's page marks when it takes over).
    expect(await readFile(join(EXTENSION_DIR, await builtPopupApp()), 'utf8')).toContain('groundwork:popup-interactive');
  });
});

describe('content-script budget', () => {
  it(`every built content script is at most ${CONTENT_SCRIPT_BUDGET_BYTES / 1024} KB gzipped`, async () => {
    const dir = join(EXTENSION_DIR, 'content-scripts');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const gzipped = gzipSync(await readFile(join(dir, file)), { level: 9 }).length;
      expect(gzipped, `${file}: ${gzipped} bytes gzipped`).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_BYTES);
    }
  });

  it('content scripts say nothing a page can hear: no window messages, no DOM events, no WXT context', async () => {
    // WXT's content-script context posted the extension id to every page and stopped on a
    // page-dispatched event (issue 15); tests/e2e/hostile.e2e.ts checks the behaviour.
    const dir = join(EXTENSION_DIR, 'content-scripts');
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.js'))) {
      const code = await readFile(join(dir, file), 'utf8');
      expect(code, file).not.toMatch(/postMessage\(|dispatchEvent\(|content-script-started|wxt:locationchange/);
    }
  });

  it('content scripts carry no Zod, React or Dexie, and no eval', async () => {
    const dir = join(EXTENSION_DIR, 'content-scripts');
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.js'))) {
      const code = await readFile(join(dir, file), 'utf8');
      expect(code, file).not.toMatch(/ZodError|react\.element|Dexie|\beval\(|new Function\(/);
    }
  });
});
