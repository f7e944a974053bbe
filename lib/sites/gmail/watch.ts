import type { SeenPage } from '../../messaging/protocol';
import { dedupedReport, observation, type WatchBase } from '../watching';
import { THREAD_SUBJECT } from './selectors';
import { extractGmailThreadOrUndefined } from './thread';

/**
 * Reports what Gmail shows after each load and in-app navigation: the open thread's people, or no
 * prospect. Gmail renders a thread after the URL changes, so a report waits (with one bounded,
 * disconnecting observer) until the thread on screen is a new one.
 */

function threadHeading(doc: Document): Element | null {
  for (const selector of THREAD_SUBJECT) {
    const heading = doc.querySelector(selector);
    if (heading) return heading;
  }
  return null;
}

export function readMailPage(doc: Document, url: string): SeenPage {
  const thread = extractGmailThreadOrUndefined(doc);
  if (!thread || thread.participants.length === 0) return { kind: 'none', url };
  return {
    kind: 'mail-thread',
    url,
    thread: { ...(thread.subject ? { subject: thread.subject } : {}), participants: thread.participants.slice(0, 100) },
  };
}

export interface MailWatchOptions extends WatchBase {
  /** Stop waiting for a thread to render after this long. */
  limitMs?: number;
}

export function watchMail(doc: Document, url: string, staleHeading: Element | null | undefined, options: MailWatchOptions): void {
  const { signal, limitMs = 10_000 } = options;
  const send = dedupedReport(options.report);
  const watching = observation(doc, options);

  const check = (): boolean => {
    if (signal.aborted) return true;
    const heading = threadHeading(doc);
    // The previous thread is still on screen: wait for the new one.
    if (staleHeading && heading === staleHeading) return false;
    const page = readMailPage(doc, url);
    if (page.kind === 'mail-thread') {
      send(page);
      return true;
    }
    return false;
  };

  if (check()) return;
  // No thread (yet): say so, and watch a while for one to render.
  send({ kind: 'none', url });
  watching.observe(() => {
    if (check()) watching.stop();
  }, { childList: true, subtree: true });
  watching.limit(limitMs);
}

/** The heading of the thread on screen, to tell it from the next one after a navigation. */
export function currentThreadHeading(doc: Document): Element | null {
  return threadHeading(doc);
}
