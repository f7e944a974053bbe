import type { SeenPage } from '../../messaging/protocol';
import { dedupedReport, observation, type WatchBase } from '../watching';
import { extractLinkedInPage } from './extract';
import { mainOf } from './person';

/**
 * Waits for what a LinkedIn page shows and reports it, on first load and after every in-app
 * (SPA) navigation. LinkedIn swaps content after changing the URL, so right after a navigation
 * the old person is still on screen: a report waits until the content is new (the heading or the
 * title changed), so one person's fields are never reported under another's URL.
 *
 * Cost discipline (uBlock Origin's habits): one MutationObserver per navigation, its callback
 * only compares two element references and two strings until something changed, and it is
 * disconnected once the page has settled or a time limit passes. No polling; nothing left running.
 */

export type { WatchTimers } from '../watching';

export interface WatchOptions extends WatchBase {
  /** Give up waiting for content after this long and report the identity from the URL alone. */
  readyTimeoutMs?: number;
  /** After the first report, keep listening this long for late-rendering fields. */
  settleMs?: number;
}

/** What was on screen: compared by reference and text to tell new content from old. */
export interface ScreenSignature {
  heading: Element | null;
  headingText: string;
  title: string;
}

export function screenSignature(doc: Document): ScreenSignature {
  const heading = mainOf(doc).querySelector('h1');
  return { heading, headingText: heading?.textContent ?? '', title: doc.title };
}

function sameScreen(a: ScreenSignature, b: ScreenSignature): boolean {
  return a.heading === b.heading && a.headingText === b.headingText && a.title === b.title;
}

/** The identity alone, when the page never showed more in time. */
export function identityOnly(page: SeenPage): SeenPage {
  if (page.kind === 'person') return { kind: 'person', url: page.url, person: { linkedinUrl: page.person.linkedinUrl } };
  if (page.kind === 'company') {
    const { linkedinUrl } = page.company;
    return { kind: 'company', url: page.url, company: linkedinUrl ? { linkedinUrl } : {} };
  }
  return page;
}

function isComplete(page: SeenPage): boolean {
  if (page.kind === 'person') return page.person.name !== undefined;
  if (page.kind === 'company') return page.company.name !== undefined;
  return true;
}

/**
 * Reports the page at `url` once its content is there. `stale` is the screen as it was when the
 * navigation started (undefined on first load).
 */
export function watchPage(doc: Document, url: string, stale: ScreenSignature | undefined, options: WatchOptions): void {
  const { signal, readyTimeoutMs = 10_000, settleMs = 1_500 } = options;
  const send = dedupedReport(options.report);
  const watching = observation(doc, options);
  let lastChecked: ScreenSignature | undefined;
  let reported = false;
  let reportedNone = false;

  const check = () => {
    if (signal.aborted) return;
    const now = screenSignature(doc);
    if (!reported && lastChecked && sameScreen(now, lastChecked)) return;
    lastChecked = now;
    if (!reported && stale && sameScreen(now, stale)) return; // still the previous page
    const page = extractLinkedInPage(doc, url);
    if (page.kind !== 'none' && !reported && !isComplete(page)) return;
    send(page);
    if (!reported) {
      reported = true;
      reportedNone = page.kind === 'none';
      watching.limit(settleMs);
    }
  };

  check();
  // A page that shows no prospect has nothing to settle.
  if (signal.aborted || reportedNone) {
    watching.stop();
    return;
  }
  watching.observe(check, { childList: true, subtree: true, characterData: true });
  if (!reported) {
    watching.limit(readyTimeoutMs, () => {
      if (!reported) send(identityOnly(extractLinkedInPage(doc, url)));
    });
  }
}
