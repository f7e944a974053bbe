import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../messaging/client';
import type { SeenPage } from '../messaging/protocol';
import { answerPresence } from './presence';

/**
 * What every site's page watcher shares: timers that die with the content script, a report that
 * never repeats itself, and one MutationObserver per navigation that is disconnected when the
 * page has settled, a time limit passes, or a newer navigation aborts it.
 */

export interface WatchTimers {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface WatchBase {
  report(page: SeenPage): void;
  signal: AbortSignal;
  timers: WatchTimers;
}

/** `report`, skipping a page identical to the one reported last. */
export function dedupedReport(report: (page: SeenPage) => void): (page: SeenPage) => void {
  let last = '';
  return (page) => {
    const serialised = JSON.stringify(page);
    if (serialised === last) return;
    last = serialised;
    report(page);
  };
}

/** One bounded observation of the document: an observer and a time limit, both ended by `stop`. */
export function observation(doc: Document, { signal, timers }: Pick<WatchBase, 'signal' | 'timers'>) {
  let observer: MutationObserver | undefined;
  let limit: number | undefined;
  const stop = () => {
    observer?.disconnect();
    observer = undefined;
    if (limit !== undefined) timers.clearTimeout(limit);
    limit = undefined;
  };
  signal.addEventListener('abort', stop, { once: true });
  return {
    observe(callback: () => void, options: MutationObserverInit): void {
      observer = new MutationObserver(callback);
      observer.observe(doc.documentElement, options);
    },
    /** (Re)sets the time limit: after `ms`, `onLimit` runs and the observation stops. */
    limit(ms: number, onLimit: () => void = () => {}): void {
      if (limit !== undefined) timers.clearTimeout(limit);
      limit = timers.setTimeout(() => {
        onLimit();
        stop();
      }, ms);
    },
    stop,
  };
}

/**
 * A content script's loop: watch the page on load and after every in-app navigation (WXT
 * dispatches `wxt:locationchange` before the new content renders), aborting the previous watch,
 * and report through the background. Everything stops when the extension is updated or disabled.
 */
export function reportPages(ctx: ContentScriptContext, watch: (url: string, afterNavigation: boolean, base: WatchBase) => void): void {
  let current: AbortController | undefined;
  ctx.onInvalidated(() => current?.abort());
  const start = (url: string, afterNavigation: boolean) => {
    current?.abort();
    current = new AbortController();
    watch(url, afterNavigation, {
      signal: current.signal,
      timers: { setTimeout: (f, ms) => ctx.setTimeout(f, ms), clearTimeout: (id) => clearTimeout(id) },
      report: (page) => {
        if (!ctx.isInvalid) void sendMessage({ type: 'page/report', page });
      },
    });
  };
  start(location.href, false);
  ctx.addEventListener(window, 'wxt:locationchange', (event) => start(event.newUrl.href, true));
  answerPresence(ctx);
}
