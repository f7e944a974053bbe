import { sendMessage } from '../../messaging/client';
import type { LoggedRecipient, OfferedRecipient, SentMail } from '../../messaging/protocol';
import type { Lifetime } from '../lifetime';
import { reportPages } from '../watching';
import { inboundNoticer } from './inbound';
import { watchSends } from './send';
import { createToast, isToastShortcut, type ToastContent } from './toast';
import type { MailSiteReader } from './types';
import { watchMail } from './watch';

/**
 * Everything a webmail content script does, for any site's reader: report the open thread's
 * people, notice replies, and log sent email with a toast to undo it or to log new recipients.
 * Every listener, observer, timer and the toast end when the extension is updated or disabled.
 */

/** "Jane Doe", "Jane Doe and Ottilie Brandt", "Jane Doe and 2 others". */
export function namesOf(people: readonly { name?: string; email: string }[]): string {
  const names = people.map((p) => p.name ?? p.email);
  if (names.length <= 2) return names.join(' and ');
  return `${names[0]} and ${names.length - 1} others`;
}

function loggedContent(logged: LoggedRecipient[], extra?: ToastContent): ToastContent {
  return {
    text: `Logged for ${namesOf(logged)}${extra ? ` · ${extra.text}` : ''}`,
    actions: [
      {
        label: 'Undo',
        async run() {
          const reply = await sendMessage({ type: 'mail/undo', touchIds: logged.map((l) => l.touchId) });
          if (!reply.ok) throw new Error(reply.error);
          return { text: `Removed from Groundwork: ${namesOf(logged)}` };
        },
      },
      ...(extra?.actions ?? []),
    ],
  };
}

function offerContent(mail: SentMail, offered: OfferedRecipient[]): ToastContent {
  const unsaved = offered.filter((o) => !o.saved);
  const text =
    unsaved.length === offered.length
      ? `${namesOf(offered)} ${offered.length === 1 ? 'is' : 'are'} not in Groundwork`
      : `Log this email for ${namesOf(offered)}?`;
  return {
    text,
    actions: [
      {
        label: 'Log to Groundwork',
        async run() {
          const reply = await sendMessage({ type: 'mail/log-recipients', mail, emails: offered.map((o) => o.email) });
          if (!reply.ok) throw new Error(reply.error);
          return loggedContent(reply.value.logged);
        },
      },
    ],
  };
}

/** What the toast says after a send; nothing when nobody was logged or offered. */
export function afterSendContent(mail: SentMail, logged: LoggedRecipient[], offered: OfferedRecipient[]): ToastContent | undefined {
  const offer = offered.length > 0 ? offerContent(mail, offered) : undefined;
  if (logged.length > 0) return loggedContent(logged, offer);
  return offer;
}

export function runMailContentScript(life: Lifetime, reader: MailSiteReader): void {
  const toast = createToast(document);
  life.onEnd(() => toast.close());
  life.listen<KeyboardEvent>(
    document,
    'keydown',
    (event) => {
      if (isToastShortcut(event) && toast.focus()) event.preventDefault();
    },
    { capture: true },
  );

  const notice = inboundNoticer(reader, document, async (messages, me) => {
    if (!life.alive) return false;
    const reply = await sendMessage({ type: 'mail/inbound', site: reader.site, ...(me ? { me } : {}), messages });
    return reply.ok;
  });

  reportPages(life, (url, afterNavigation, base) =>
    watchMail(reader, document, url, afterNavigation ? reader.threadMarkerOrUndefined(document) : undefined, { ...base, onRead: notice }),
  );

  // New mail changes the unread count in the title: a cheap signal to look at the list again.
  const title = document.querySelector('title');
  if (title) {
    let queued: number | undefined;
    const observer = new MutationObserver(() => {
      if (queued === undefined && life.alive) queued = life.setTimeout(() => ((queued = undefined), notice()), 500);
    });
    observer.observe(title, { childList: true, characterData: true, subtree: true });
    life.onEnd(() => observer.disconnect());
  }
  life.listen(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible') notice();
  });

  watchSends({
    reader,
    doc: document,
    url: () => location.href,
    signal: life.signal,
    timers: { setTimeout: (f, ms) => life.setTimeout(f, ms), clearTimeout: (id) => life.clearTimeout(id) },
    onSent(mail) {
      if (!life.alive) return;
      void sendMessage({ type: 'mail/sent', mail }).then((reply) => {
        if (!reply.ok) {
          toast.show({ text: `Could not log this email: ${reply.error}` });
          return;
        }
        const content = afterSendContent(mail, reply.value.logged, reply.value.offered);
        if (content) toast.show(content);
      });
    },
  });
}
