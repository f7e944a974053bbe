import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;

/**
 * The popup loads React and Dexie only once today's list is on screen (issue 20). Its first
 * script (entrypoints/popup-paint.ts) paints the list from the worker's snapshot; any other
 * resource the page asks for while it loads — the app's module and the chunks Vite preloads for it
 * — is read from the extension's files alongside that script and slows it (about 5 ms of a 30 ms
 * first paint on the bench machine, bench/README.md). So in the built popup.html the app's module
 * script and its preloads go, and the first script is told where the module is (`data-app`): it
 * imports it once the list is painted, or as soon as storage says there is none to paint. The
 * stylesheet, which the paint waits for, comes in the page itself (`<style>`: extension pages'
 * policy restricts scripts, not styles). `wxt dev` keeps the page as written (its modules come
 * from the dev server): the first script then finds no `data-app` and the module tag loads the app.
 */

const MODULE = /<script type="module"(?: crossorigin)? src="([^"]+)"><\/script>\s*/g;
const PRELOAD = /<link rel="modulepreload"[^>]*>\s*/g;
const FIRST_SCRIPT = '<script src="/popup-paint.js"></script>';
const STYLESHEET = /<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g;

/** A stylesheet's text, to put in a `<style>` element: it must not be able to end that element. */
function styleText(path: string, bundle: OutputBundle): string {
  const asset = bundle[path];
  if (asset?.type !== 'asset') throw new Error(`popup.html: stylesheet ${path} is not in the build`);
  const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
  if (/<\/style/i.test(css)) throw new Error(`popup.html: ${path} cannot be put in a <style> element`);
  return css;
}

/**
 * popup.html as Vite built it → the same page with its app loaded by the first script and its
 * stylesheets in the page (`bundle`: the build's files). Throws on any other shape: a popup whose
 * app never loads must fail the build, not a rep.
 */
export function loadPopupAppAfterPaint(html: string, bundle: OutputBundle): string {
  const modules = [...html.matchAll(MODULE)].map((match) => match[1]!);
  if (modules.length !== 1) throw new Error(`popup.html: expected one module script, found ${modules.length}`);
  if (html.split(FIRST_SCRIPT).length !== 2) throw new Error(`popup.html: expected its first script once (${FIRST_SCRIPT})`);
  const app = modules[0]!;
  if (!/^\/[\w./-]+\.js$/.test(app)) throw new Error(`popup.html: unexpected module path ${app}`);
  const page = html
    .replace(MODULE, '')
    .replace(PRELOAD, '')
    .replace(FIRST_SCRIPT, `<script src="/popup-paint.js" data-app="${app}"></script>`)
    .replace(STYLESHEET, (_, path: string) => `<style>${styleText(path, bundle)}</style>`);
  // Any tag left that makes the page load something besides its first script.
  const left = /<link\b[^>]*>|<script\b(?![^>]*data-app=)[^>]*>/.exec(page);
  if (left) throw new Error(`popup.html: cannot load ${left[0]} before the paint`);
  return page;
}

/**
 * The Vite plugin applying it to the popup's page in production builds (wxt.config.ts). Not in
 * `wxt dev`, which also builds its pages with Vite (mode `development`, modules on the dev server).
 * A production build in which no popup page passed through it fails: a popup moved or renamed
 * must not quietly go back to loading its app before the paint.
 */
export function popupAppAfterPaint(): Plugin {
  let rewritten = false;
  return {
    name: 'groundwork:popup-app-after-paint',
    apply: (_config, env) => env.mode === 'production',
    // After Vite's HTML plugin, whose bundle step writes the pages (and runs the hook below).
    enforce: 'post',
    buildStart() {
      rewritten = false;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!/(^|\/)popup\/index\.html$/.test(context.path)) return html;
        if (!context.bundle) throw new Error('popup.html: built without its bundle');
        rewritten = true;
        return loadPopupAppAfterPaint(html, context.bundle);
      },
    },
    generateBundle(_options, bundle) {
      // WXT builds its pages together, scripts apart: only a build with HTML pages must have had the popup.
      const pages = Object.keys(bundle).filter((file) => file.endsWith('.html'));
      if (pages.length > 0 && !rewritten) throw new Error(`popup.html: the popup's page was not rewritten (pages built: ${pages.join(', ')})`);
    },
  };
}
