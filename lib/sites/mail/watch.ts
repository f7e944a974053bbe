import { MAX_THREAD_PEOPLE } from '../../messaging/limits';
import type { SeenPage } from '../../messaging/protocol';
import { dedupedReport, observation, type WatchBase } from '../watching';
import type { MailSiteReader } from './types';

/**
 * Reports what a webmail page shows after each load and in-app navigation: the open thread's
 * people, or no prospect. Webmail renders a thread after the URL changes, so a report waits (with
 * one bounded, disconnecting observer) until the thread on screen is a new one. Each time the
 * screen is read, `onRead` gets a chance to notice replies (lib/sites/mail/inbound.ts).
 */

export function readMailPage(reader: MailSiteReader, doc: Document, url: string): SeenPage {
  const thread = reader.readThreadOrUndefined(doc);
  if (!thread || thread.participants.length === 0) return { kind: 'none', url };
  return {
    kind: 'mail-thread',
    url,
    thread: { ...(thread.subject ? { subject: thread.subject } : {}), participants: thread.participants.slice(0, MAX_THREAD_PEOPLE) },
  };
}

export interface MailWatchOptions extends WatchBase {
  /** Stop waiting for a thread to render after this long. */
  limitMs?: number;
  /** Called after each reading of the screen (thread found, or the wait ended without one). */
  onRead?: () => void;
}

export function watchMail(reader: MailSiteReader, doc: Document, url: string, staleMarker: Element | undefined, options: MailWatchOptions): void {
  const { signal, limitMs = 10_000, onRead = () => {} } = options;
  const send = dedupedReport(options.report);
  const watching = observation(doc, options);

  const check = (): boolean => {
    if (signal.aborted) return true;
    // The previous thread is still on screen: wait for the new one.
    if (staleMarker && reader.threadMarkerOrUndefined(doc) === staleMarker) return false;
    const page = readMailPage(reader, doc, url);
    if (page.kind === 'mail-thread') {
      send(page);
      onRead();
      return true;
    }
    return false;
  };

  if (check()) return;
  // No thread (yet): say so, and watch a while for one to render.
  send({ kind: 'none', url });
  onRead();
  watching.observe(() => {
    if (check()) watching.stop();
  }, { childList: true, subtree: true });
  watching.limit(limitMs, onRead);
}
