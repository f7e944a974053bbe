import { sendMessage } from '../../messaging/client';
import { describeCandidate, soleConfidentCandidate } from '../../identity/describe';
import type { LoggedRecipient, OfferedRecipient, SentMail } from '../../messaging/protocol';
import type { Lifetime } from '../lifetime';
import { reportPages } from '../watching';
import { inboundNoticer } from './inbound';
import { watchSends } from './send';
import { createToast, isToastShortcut, type ToastContent, type ToastRow } from './toast';
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

function loggedContent(logged: LoggedRecipient[], extra?: ToastContent, unlink: string[] = [], intent?: 'give' | 'ask'): ToastContent {
  const touchIds = logged.map((l) => l.touchId);
  const undo = {
    label: 'Undo',
    async run() {
      const reply = await sendMessage({ type: 'mail/undo', touchIds, ...(unlink.length ? { unlink } : {}) });
      if (!reply.ok) throw new Error(reply.error);
      return { text: `Removed from Groundwork: ${namesOf(logged)}` };
    },
  };
  // One click says what the email was, so give before ask sees email too (it is neutral unless said).
  const mark = (as: 'give' | 'ask') => ({
    label: as === 'give' ? 'Give' : 'Ask',
    async run() {
      const reply = await sendMessage({ type: 'mail/set-intent', touchIds, intent: as });
      if (!reply.ok) throw new Error(reply.error);
      return loggedContent(logged, undefined, unlink, as);
    },
  });
  return {
    text: `Logged for ${namesOf(logged)}${intent ? ` as ${intent === 'give' ? 'a give' : 'an ask'}` : ''}${extra ? ` · ${extra.text}` : ''}`,
    ...(extra?.rows ? { rows: extra.rows } : {}),
    actions: [undo, ...(intent ? [] : [mark('give'), mark('ask')]), ...(extra?.actions ?? [])],
  };
}

/** The one saved person to link an unknown address to in one click, if there is exactly one sure one. */
const soleConfident = (recipient: OfferedRecipient) => soleConfidentCandidate(recipient.candidates);

const NEW_PERSON = 'new';
const UNDECIDED = '';

/**
 * Logs what the rep chose: each ticked recipient linked to the saved person picked for them
 * ("Link this address"), or saved as a new person; one reply per kind of choice.
 */
async function logChosen(mail: SentMail, chosen: { email: string; personId?: string }[]): Promise<ToastContent> {
  const logged: LoggedRecipient[] = [];
  const linked: string[] = [];
  const failed: { emails: string[]; reason: string }[] = [];
  // Each reply is its own transaction: one refused (the address was linked elsewhere meanwhile)
  // leaves the others logged, and the toast says which were not, with Undo for those that were.
  const attempt = async (emails: string[], message: Parameters<typeof sendMessage>[0]) => {
    const reply = await sendMessage(message);
    if (reply.ok && 'logged' in reply.value) logged.push(...(reply.value.logged as LoggedRecipient[]));
    else failed.push({ emails, reason: reply.ok ? 'no answer' : reply.error });
    return reply.ok;
  };
  for (const { email, personId } of chosen.filter((c) => c.personId)) {
    if (await attempt([email], { type: 'mail/link-recipient', mail, email, personId: personId! })) linked.push(email);
  }
  const fresh = chosen.filter((c) => !c.personId).map((c) => c.email);
  if (fresh.length > 0) await attempt(fresh, { type: 'mail/log-recipients', mail, emails: fresh });
  if (logged.length === 0 && failed.length > 0) throw new Error(failed.map((f) => f.reason).join('; '));
  const notLogged = failed.length ? { text: `not logged for ${failed.map((f) => `${f.emails.join(', ')} (${f.reason})`).join('; ')}` } : undefined;
  return loggedContent(logged, notLogged, linked);
}

/**
 * What the toast offers for recipients not logged: one unknown address that is surely a saved
 * person is linked in one click ("Adaeze Okonkwo-Reyes (Sable Ridge Foods, from LinkedIn)? · Link
 * this address"); otherwise each recipient is a row to tick (role and bulk addresses unticked),
 * with a choice of who they are when they may be someone saved. Role addresses alone are never
 * offered.
 */
function offerContent(mail: SentMail, offered: OfferedRecipient[]): ToastContent | undefined {
  const people = offered.filter((o) => !o.role);
  if (people.length === 0) return undefined;
  const unsaved = offered.filter((o) => !o.saved);
  // One person offered (role addresses beside them are never offered alone, nor logged unasked).
  const only = people.length === 1 ? people[0]! : undefined;
  const sure = only && !only.saved ? soleConfident(only) : undefined;
  if (only && sure) {
    return {
      text: `${describeCandidate(sure)}? ${only.email} is not in Groundwork yet`,
      actions: [
        { label: 'Link this address', run: () => logChosen(mail, [{ email: only.email, personId: sure.personId }]) },
        { label: 'New person', run: () => logChosen(mail, [{ email: only.email }]) },
      ],
    };
  }
  const text = unsaved.length === offered.length ? `${namesOf(people)} ${people.length === 1 ? 'is' : 'are'} not in Groundwork` : `Log this email for ${namesOf(people)}?`;
  const plain = offered.length === 1 && !offered[0]!.candidates?.length;
  if (plain) {
    return { text, actions: [{ label: 'Log to Groundwork', run: () => logChosen(mail, [{ email: offered[0]!.email }]) }] };
  }
  const rows: ToastRow[] = offered.map((o) => ({
    key: o.email,
    label: o.name ? `${o.name} <${o.email}>` : o.email,
    checked: !o.role,
    ...(o.candidates?.length
      ? {
          options: [
            ...(soleConfident(o) ? [] : [{ value: UNDECIDED, label: 'Who is this?' }]),
            ...o.candidates.map((c) => ({ value: c.personId, label: `Is ${describeCandidate(c)}` })),
            { value: NEW_PERSON, label: 'Someone new' },
          ],
          selected: soleConfident(o)?.personId ?? UNDECIDED,
        }
      : {}),
  }));
  return {
    text,
    rows,
    actions: [
      {
        label: 'Log to Groundwork',
        async run(choices) {
          const chosen = offered.flatMap((o) => {
            const choice = choices.get(o.email);
            if (!choice?.checked) return [];
            if (choice.option === UNDECIDED) throw new Error(`choose who ${o.name ?? o.email} is, or untick them`);
            return [{ email: o.email, ...(choice.option && choice.option !== NEW_PERSON ? { personId: choice.option } : {}) }];
          });
          if (chosen.length === 0) throw new Error('nobody is ticked');
          return logChosen(mail, chosen);
        },
      },
    ],
  };
}

/** What the toast says after a send; nothing when nobody was logged or offered. */
export function afterSendContent(mail: SentMail, logged: LoggedRecipient[], offered: OfferedRecipient[]): ToastContent | undefined {
  const offer = offerContent(mail, offered);
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
