import { browser } from 'wxt/browser';

/**
 * A content script's lifetime, in place of WXT's ContentScriptContext (issue 15). WXT's context
 * announces every start to the page (`window.postMessage` with the extension id, and a
 * `CustomEvent` on `document`) and stops when the page dispatches that event back; its location
 * watcher dispatches an event named after the extension id on `window`. A page hears all three
 * and can pull the second, which is how LinkedIn or a webmail could tell Groundwork is installed
 * or switch it off. This lifetime says nothing to the page and listens to nothing the page can
 * forge:
 *
 * - It ends by its own means: `runtime.id` is gone once the extension that started the script was
 *   updated, reloaded or removed, and every timer, listener and navigation callback checks that
 *   before doing anything. An orphaned script goes quiet on its next event; nothing it started
 *   outlives it.
 * - A newer copy of the same script in the same isolated world (the background injects the fresh
 *   script into open tabs after an update, and Outlook's when access is granted) ends the older
 *   one through a property of that world's own global object, which page scripts cannot see.
 * - Only the browser's own events count (`isTrusted`); navigations come from the Navigation API.
 */

export interface Lifetime {
  /** Aborted when the script ends; pass it to listeners and observations. */
  readonly signal: AbortSignal;
  /** True until the script ends; checks the extension is still there each time it is read. */
  readonly alive: boolean;
  /** Ends the script: every listener, timer and callback registered through it stops. */
  end(): void;
  onEnd(callback: () => void): void;
  /** A timer that never fires after the end. */
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
  /** Listens for events the browser dispatched (`isTrusted`), never a page's own, until the end. */
  listen<E extends Event = Event>(target: EventTarget, type: string, handler: (event: E) => void, options?: { capture?: boolean; passive?: boolean }): void;
  /** Calls back with the new address after each navigation within the tab's document (SPA routes). */
  onNavigation(callback: (url: string) => void): void;
}

/** The part of `browser.runtime` a lifetime reads: its id disappears when the script is orphaned. */
export interface RuntimeIdentity {
  readonly id?: string;
}

/** The slice of the Navigation API used here (not yet in TypeScript's DOM library). */
interface NavigationLike extends EventTarget {
  /** The entry the document is at now (its URL is null for an opaque origin). */
  readonly currentEntry: { readonly url: string | null } | null;
}

export interface LifetimeOptions {
  runtime?: RuntimeIdentity;
  /** The isolated world's global object (the page's scripts see another one). */
  world?: object;
  location?: { readonly href: string };
  navigation?: NavigationLike;
}

const CURRENT = Symbol.for('groundwork.content-script');

type World = { [CURRENT]?: Map<string, Lifetime> };

/**
 * Starts the lifetime of the content script `name`, ending an older copy of it running in this
 * same world.
 */
export function startLifetime(name: string, options: LifetimeOptions = {}): Lifetime {
  const runtime = options.runtime ?? browser.runtime;
  const world = (options.world ?? globalThis) as World;
  const where = options.location ?? location;
  const navigation = options.navigation ?? (globalThis as { navigation?: NavigationLike }).navigation;

  const controller = new AbortController();
  const timers = new Set<number>();
  const isOrphaned = () => {
    try {
      return !runtime?.id;
    } catch {
      return true; // reading runtime of a removed extension may throw
    }
  };

  const lifetime: Lifetime = {
    signal: controller.signal,
    get alive() {
      if (!controller.signal.aborted && isOrphaned()) lifetime.end();
      return !controller.signal.aborted;
    },
    end() {
      if (controller.signal.aborted) return;
      for (const id of timers) clearTimeout(id);
      timers.clear();
      if (world[CURRENT]?.get(name) === lifetime) world[CURRENT].delete(name);
      controller.abort();
    },
    onEnd(callback) {
      // Ending never throws: in an orphaned script the extension APIs a callback tidies are gone.
      const quietly = () => {
        try {
          callback();
        } catch {
          // nothing left to tidy
        }
      };
      if (controller.signal.aborted) quietly();
      else controller.signal.addEventListener('abort', quietly, { once: true });
    },
    setTimeout(callback, ms) {
      const id = setTimeout(() => {
        timers.delete(id);
        if (lifetime.alive) callback();
      }, ms) as unknown as number;
      timers.add(id);
      return id;
    },
    clearTimeout(id) {
      timers.delete(id);
      clearTimeout(id);
    },
    listen(target, type, handler, listenOptions = {}) {
      target.addEventListener(
        type,
        (event) => {
          if (event.isTrusted && lifetime.alive) handler(event as never);
        },
        { ...listenOptions, signal: controller.signal },
      );
    },
    onNavigation(callback) {
      if (!navigation) return;
      let last = where.href;
      // `currententrychange` fires once a same-document navigation has committed (a SPA route,
      // back and forward): never for one the page cancels, a download, or a load of another
      // document. The address comes from the browser's entry, not from the event.
      navigation.addEventListener(
        'currententrychange',
        (event) => {
          const url = navigation.currentEntry?.url;
          if (!event.isTrusted || !url || url === last || !lifetime.alive) return;
          last = url;
          callback(url);
        },
        { signal: controller.signal },
      );
    },
  };

  const scripts = (world[CURRENT] ??= new Map());
  scripts.get(name)?.end();
  scripts.set(name, lifetime);
  return lifetime;
}
