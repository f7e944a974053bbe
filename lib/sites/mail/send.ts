import { MAIL_KEY, MAX_RECIPIENTS } from '../../messaging/limits';
import type { SentMail } from '../../messaging/protocol';
import type { WatchTimers } from '../watching';
import type { MailCompose, MailParticipant, MailSiteReader } from './types';

/**
 * Notices the rep sending an email: a real click (or Enter/Space) on a compose window's Send
 * button, or Ctrl/Cmd+Enter inside it. The compose is read at that moment, before the site
 * removes it, and counts as sent only when the site then closes it: a send the site refused (no
 * recipient, say) leaves the window open and logs nothing. A pop-out's window closes with the
 * send, so it counts at once. Synthetic events (a page script's `click()`) are ignored.
 */

export interface SendWatchOptions {
  reader: MailSiteReader;
  doc: Document;
  url(): string;
  signal: AbortSignal;
  timers: WatchTimers;
  onSent(mail: SentMail): void;
  /** How long the site may take to close the compose after Send. */
  confirmMs?: number;
}

/** FNV-1a: a short, stable digest for an email that has no draft id. Not security. */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export function sentMailOf(site: SentMail['site'], compose: MailCompose, from: string | undefined, at: number): SentMail {
  // Past Gmail's own limit a field is cut rather than the whole send refused by the background.
  const capped = (field: readonly MailParticipant[]) => field.slice(0, MAX_RECIPIENTS);
  const [to, cc, bcc] = [capped(compose.to), capped(compose.cc), capped(compose.bcc)];
  const everyone = [...to, ...cc, ...bcc].map((p) => p.email).join(',');
  // Without a usable draft id (none, or one the background would refuse as a key: Outlook's can be
  // escaped or long), the same recipients and subject in the same minute are the same email.
  const draftId = compose.draftId !== undefined && MAIL_KEY.test(compose.draftId) ? compose.draftId : undefined;
  const key = draftId ?? `d-${digest(`${everyone}|${compose.subject ?? ''}|${Math.floor(at / 60_000)}`)}`;
  return { site, key, ...(from ? { from } : {}), to, cc, bcc, ...(compose.subject ? { subject: compose.subject } : {}) };
}

export function watchSends({ reader, doc, url, signal, timers, onSent, confirmMs = 15_000 }: SendWatchOptions): void {
  const pending = new Set<Element>();

  const gone = (root: Element) =>
    reader.readComposeOrUndefined(root, url()) === undefined || (typeof root.checkVisibility === 'function' && !root.checkVisibility());

  const sendFrom = (target: EventTarget | null) => {
    if (!(target instanceof Element)) return;
    const root = reader.composeRootOrUndefined(target);
    if (!root || pending.has(root)) return;
    const compose = reader.readComposeOrUndefined(root, url());
    if (!compose || compose.to.length + compose.cc.length + compose.bcc.length === 0) return;
    const mail = sentMailOf(reader.site, compose, reader.signedInAddressOrUndefined(doc), Date.now());
    if (compose.kind === 'pop-out') {
      onSent(mail);
      return;
    }
    pending.add(root);
    const done = (sent: boolean) => {
      observer.disconnect();
      timers.clearTimeout(limit);
      pending.delete(root);
      if (sent && !signal.aborted) onSent(mail);
    };
    // One observer per send, ended when the compose closes or the limit passes.
    const observer = new MutationObserver(() => {
      if (gone(root)) done(true);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'aria-hidden'] });
    const limit = timers.setTimeout(() => done(gone(root)), confirmMs);
    signal.addEventListener('abort', () => done(false), { once: true });
  };

  const findRoot = (target: EventTarget | null) => (target instanceof Element ? reader.composeRootOrUndefined(target) : undefined);

  doc.addEventListener(
    'click',
    (event) => {
      const root = findRoot(event.target);
      if (event.isTrusted && root && reader.isSendControl(event.target as Element, root)) sendFrom(event.target);
    },
    { capture: true, signal },
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      // Every keystroke in the page passes here: anything but Enter or Space leaves at once.
      if (!event.isTrusted || event.repeat || (event.key !== 'Enter' && event.key !== ' ')) return;
      const shortcut = event.key === 'Enter' && (event.ctrlKey || event.metaKey);
      const root = findRoot(event.target);
      const onSendButton = root !== undefined && reader.isSendControl(event.target as Element, root);
      if (shortcut || onSendButton) sendFrom(event.target);
    },
    { capture: true, signal },
  );
}
