import { sendMessage } from '../messaging/client';
import { MAX_URL } from '../messaging/limits';
import type { ReplyFor, SeenPage } from '../messaging/protocol';
import type { Lifetime } from './lifetime';
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
 * The page's address as reported. The background takes at most MAX_URL characters; past that
 * (tracking parameters), the query and fragment go. The address only tells pages apart there:
 * who is on the page travels in the report itself.
 */
export function reportedUrl(url: string): string {
  if (url.length <= MAX_URL) return url;
  const { origin, pathname } = new URL(url);
  return `${origin}${pathname}`.slice(0, MAX_URL);
}

/**
 * Reports `page` through `send`. When the background refuses it (a field of hostile or
 * unforeseen page text out of bounds), it reports no prospect instead: the side panel must never
 * go on showing the previous page's person as if they were on this one. Unless `stillLatest()`
 * says a newer report went out meanwhile: that one stands.
 */
export async function reportPage(
  page: SeenPage,
  send: (page: SeenPage) => Promise<ReplyFor<'page/report'>>,
  stillLatest: () => boolean = () => true,
): Promise<void> {
  const bounded = { ...page, url: reportedUrl(page.url) };
  const reply = await send(bounded);
  if (!reply.ok && bounded.kind !== 'none' && stillLatest()) await send({ kind: 'none', url: bounded.url });
}

/**
 * A content script's loop: watch the page on load and after every in-app navigation (the
 * Navigation API's `navigate`, before the new content renders), aborting the previous watch,
 * and report through the background. Everything stops when the script's lifetime ends.
 */
export function reportPages(life: Lifetime, watch: (url: string, afterNavigation: boolean, base: WatchBase) => void): void {
  let current: AbortController | undefined;
  let reports = 0;
  life.onEnd(() => current?.abort());
  const start = (url: string, afterNavigation: boolean) => {
    current?.abort();
    current = new AbortController();
    watch(url, afterNavigation, {
      signal: current.signal,
      timers: { setTimeout: (f, ms) => life.setTimeout(f, ms), clearTimeout: (id) => life.clearTimeout(id) },
      report: (page) => {
        if (!life.alive) return;
        const sent = ++reports;
        void reportPage(page, (seen) => sendMessage({ type: 'page/report', page: seen }), () => sent === reports && life.alive);
      },
    });
  };
  start(location.href, false);
  life.onNavigation((url) => start(url, true));
  answerPresence(life);
}
