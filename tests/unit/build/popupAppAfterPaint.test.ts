import type { ConfigEnv, IndexHtmlTransformContext, IndexHtmlTransformHook, Rollup, UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { loadPopupAppAfterPaint, popupAppAfterPaint } from '../../../lib/build/popupAppAfterPaint';

/** popup.html as Vite emits it: the first script, then the module, its preloads and the stylesheet it injected. */
const BUILT = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <title>Groundwork</title>
    <script src="/popup-paint.js"></script>
    <script type="module" crossorigin src="/chunks/popup-AbC_12.js"></script>
    <link rel="modulepreload" crossorigin href="/chunks/ui-X1.js">
    <link rel="modulepreload" crossorigin href="/chunks/preload-helper-Y2.js">
    <link rel="stylesheet" crossorigin href="/assets/ui-Z3.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

const CSS = ':root{--fg:#1d2433}.row{display:flex}';

type OutputBundle = Rollup.OutputBundle;

function bundleWith(files: Record<string, string | Uint8Array>): OutputBundle {
  return Object.fromEntries(Object.entries(files).map(([fileName, source]) => [fileName, { type: 'asset', fileName, source } as Rollup.OutputAsset]));
}

describe('the built popup page', () => {
  const page = loadPopupAppAfterPaint(BUILT, bundleWith({ 'assets/ui-Z3.css': CSS }));

  it('asks for nothing but its first script while it loads: the app’s module is handed to it, the preloads are gone', () => {
    expect(page).toContain('<script src="/popup-paint.js" data-app="/chunks/popup-AbC_12.js"></script>');
    expect(page).not.toContain('type="module"');
    expect(page).not.toContain('modulepreload');
    expect(page.match(/<script/g)).toHaveLength(1);
  });

  it('carries its stylesheet in the page', () => {
    expect(page).toContain(`<style>${CSS}</style>`);
    expect(page).not.toContain('rel="stylesheet"');
  });

  it('keeps the rest of the page as it was', () => {
    expect(page).toContain('<title>Groundwork</title>');
    expect(page).toContain('<body>\n    <div id="root"></div>\n  </body>');
  });

  it('reads a stylesheet emitted as bytes', () => {
    const bytes = loadPopupAppAfterPaint(BUILT, bundleWith({ 'assets/ui-Z3.css': new TextEncoder().encode(CSS) }));
    expect(bytes).toContain(`<style>${CSS}</style>`);
  });

  it('fails the build on any other shape rather than ship a popup whose app never loads', () => {
    const css = bundleWith({ 'assets/ui-Z3.css': CSS });
    const noModule = BUILT.replace(/<script type="module"[^\n]+\n/, '');
    expect(() => loadPopupAppAfterPaint(noModule, css)).toThrow(/one module script, found 0/);
    const twoModules = BUILT.replace('<link rel="stylesheet"', '<script type="module" src="/chunks/other.js"></script><link rel="stylesheet"');
    expect(() => loadPopupAppAfterPaint(twoModules, css)).toThrow(/one module script, found 2/);
    expect(() => loadPopupAppAfterPaint(BUILT.replace('/popup-paint.js', '/other.js'), css)).toThrow(/first script/);
    expect(() => loadPopupAppAfterPaint(BUILT.replace('/chunks/popup-AbC_12.js', '/chunks/a"b.js'), css)).toThrow(/one module script/);
    expect(() => loadPopupAppAfterPaint(BUILT.replace('/chunks/popup-AbC_12.js', 'https://cdn.example/app.js'), css)).toThrow(/unexpected module path/);
  });

  it('fails the build when anything else would still load before the paint', () => {
    const css = bundleWith({ 'assets/ui-Z3.css': CSS });
    expect(() => loadPopupAppAfterPaint(BUILT.replace('</head>', '<link rel="preload" href="/chunks/big.js" as="script"></head>'), css)).toThrow(/cannot load <link rel="preload"/);
    expect(() => loadPopupAppAfterPaint(BUILT.replace('</head>', '<script src="/other.js"></script></head>'), css)).toThrow(/cannot load <script src="\/other.js">/);
    expect(() => loadPopupAppAfterPaint(BUILT.replace('<link rel="stylesheet" crossorigin href="/assets/ui-Z3.css">', '<link href="/assets/ui-Z3.css" rel="stylesheet">'), css)).toThrow(/cannot load <link href/);
  });

  it('refuses a stylesheet missing from the build, or one that could end its <style> element', () => {
    expect(() => loadPopupAppAfterPaint(BUILT, bundleWith({}))).toThrow(/not in the build/);
    expect(() => loadPopupAppAfterPaint(BUILT, bundleWith({ 'assets/ui-Z3.css': '.a{}</STYLE><script>' }))).toThrow(/cannot be put in a <style>/);
  });
});

describe('the plugin', () => {
  const plugin = popupAppAfterPaint();
  const hook = plugin.transformIndexHtml as { order: string; handler: IndexHtmlTransformHook };
  const context = (path: string, bundle?: OutputBundle) => ({ path, filename: path, bundle }) as IndexHtmlTransformContext;
  const applies = (mode: string, command: ConfigEnv['command'] = 'build') => (plugin.apply as (config: UserConfig, env: ConfigEnv) => boolean)({}, { mode, command });
  const generateBundle = (bundle: OutputBundle) => (plugin.generateBundle as (this: unknown, options: unknown, bundle: OutputBundle, isWrite: boolean) => void).call({}, {}, bundle, true);
  const start = () => (plugin.buildStart as (this: unknown, options: unknown) => void).call({}, {});

  it('applies to production builds only, after Vite has injected its tags: `wxt dev` keeps the page as written', () => {
    expect(applies('production')).toBe(true);
    expect(applies('development')).toBe(false);
    // WXT's dev server builds its pages with Vite too.
    expect(applies('development', 'serve')).toBe(false);
    expect(plugin.enforce).toBe('post');
    expect(hook.order).toBe('post');
  });

  it('changes the popup’s page only', async () => {
    const bundle = bundleWith({ 'assets/ui-Z3.css': CSS });
    expect(await hook.handler.call({} as never, BUILT, context('/entrypoints/popup/index.html', bundle))).toContain('data-app="/chunks/popup-AbC_12.js"');
    expect(await hook.handler.call({} as never, BUILT, context('/entrypoints/sidepanel/index.html', bundle))).toBe(BUILT);
    expect(await hook.handler.call({} as never, BUILT, context('/entrypoints/notpopup/index.html', bundle))).toBe(BUILT);
    await expect(async () => hook.handler.call({} as never, BUILT, context('/entrypoints/popup/index.html'))).rejects.toThrow(/without its bundle/);
  });

  it('fails a build of pages in which the popup’s page was not rewritten (moved or renamed), not one of scripts alone', async () => {
    const pages = bundleWith({ 'sidepanel.html': '', 'popup.html': '' });
    start();
    expect(() => generateBundle(pages)).toThrow(/popup's page was not rewritten/);
    expect(() => generateBundle(bundleWith({ 'background.js': '' }))).not.toThrow();
    await hook.handler.call({} as never, BUILT, context('/entrypoints/popup/index.html', bundleWith({ 'assets/ui-Z3.css': CSS })));
    expect(() => generateBundle(pages)).not.toThrow();
    // Each build starts afresh.
    start();
    expect(() => generateBundle(pages)).toThrow(/not rewritten/);
  });
});
