/**
 * What `wxt/utils/content-script-context` resolves to in Groundwork's builds (wxt.config.ts).
 * WXT's content-script entrypoint wrapper constructs a ContentScriptContext before it calls
 * `main()`, and the real one speaks to the page as it starts (a `window.postMessage` carrying the
 * extension id and script name, a `CustomEvent` on `document`) and stops when a page dispatches
 * that event back (wxt-dev/wxt issue 1752). Groundwork's scripts take no context: each runs its
 * own lifetime (lib/sites/lifetime.ts), so this stand-in only has to be constructible.
 */
export class ContentScriptContext {
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}
}
