import { MAX_PAGE_TEXT, withinAddressLengths } from '../../messaging/limits';
import { addressInWindowTitleOrUndefined } from '../mail/title';
import { normaliseSpace } from '../text';
import { UNREAD_ROW_CLASS, ACCOUNT_BUTTON, INBOX_ROW, MESSAGE_BODY, MESSAGE_SENDER, MESSAGE_TIME, PERSON_CHIP, ROW_SUBJECT, ROW_TIME, THREAD_MESSAGE, THREAD_SUBJECT } from './selectors';

/**
 * What Gmail shows: the open thread (subject, participants, each message's sender, recipients,
 * time and id) and the inbox list's rows. Pure functions of a Document.
 */

export interface GmailParticipant {
  email: string;
  name?: string;
}

export interface GmailMessage {
  id: string;
  from: GmailParticipant;
  to: GmailParticipant[];
  /** The time as Gmail shows it in the UI language ("Mon, Nov 2, 2026, 10:14 AM"). */
  timeText?: string;
}

export interface GmailThread {
  id?: string;
  subject?: string;
  messages: GmailMessage[];
  /** Everyone in the thread except the signed-in rep. */
  participants: GmailParticipant[];
}

export interface GmailInboxRow {
  senders: GmailParticipant[];
  subject?: string;
  timeText?: string;
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/u;

function participantOrUndefined(chip: Element): GmailParticipant | undefined {
  const email = chip.getAttribute('email')?.trim().toLowerCase();
  if (!email || !EMAIL.test(email) || !withinAddressLengths(email)) return undefined;
  const name = normaliseSpace(chip.getAttribute('name') ?? '');
  // Gmail calls the rep "me" in lists; that is not a name.
  return name && name.toLowerCase() !== 'me' && name !== email ? { email, name: name.slice(0, 200) } : { email };
}

function unique(participants: GmailParticipant[]): GmailParticipant[] {
  const byEmail = new Map<string, GmailParticipant>();
  for (const p of participants) {
    const known = byEmail.get(p.email);
    // Keep the fullest name seen ("Adaeze Okonkwo-Reyes" over "Adaeze").
    if (!known || (p.name && (!known.name || p.name.length > known.name.length))) byEmail.set(p.email, p);
  }
  return [...byEmail.values()];
}

/** The signed-in rep's address: from the account button, else the window title. */
export function signedInAddressOrUndefined(doc: Document): string | undefined {
  const label = doc.querySelector(ACCOUNT_BUTTON)?.getAttribute('aria-label') ?? '';
  const fromLabel = /\(([^()\s]+@[^()\s]+)\)/.exec(label)?.[1];
  const fromTitle = addressInWindowTitleOrUndefined(doc.title);
  const email = (fromLabel ?? fromTitle)?.toLowerCase();
  return email && EMAIL.test(email) && withinAddressLengths(email) ? email : undefined;
}

export function extractGmailThreadOrUndefined(doc: Document): GmailThread | undefined {
  const messages: GmailMessage[] = [];
  for (const element of doc.querySelectorAll(THREAD_MESSAGE)) {
    const id = (element.getAttribute('data-message-id') ?? element.getAttribute('data-legacy-message-id') ?? '').replace(/^#/, '');
    // Chips quoted inside the body ("On Tue, … <x@y> wrote:") are never the message's people.
    const chips = [...element.querySelectorAll(PERSON_CHIP)].filter((chip) => !chip.closest(MESSAGE_BODY));
    // Expanded: the h3 chip. Collapsed (2025, no h3): the header shows the sender's chip alone.
    const senderChip = chips.find((chip) => chip.matches(MESSAGE_SENDER)) ?? (chips.length === 1 ? chips[0] : undefined);
    const from = senderChip ? participantOrUndefined(senderChip) : undefined;
    if (!id || !from) continue;
    const to = chips
      .filter((chip) => chip !== senderChip && !senderChip?.contains(chip))
      .map(participantOrUndefined)
      .filter((p): p is GmailParticipant => p !== undefined && p.email !== from.email);
    const time = element.querySelector(MESSAGE_TIME)?.getAttribute('title');
    messages.push({ id, from, to: unique(to), ...(time ? { timeText: normaliseSpace(time) } : {}) });
  }
  if (messages.length === 0) return undefined;
  const heading = THREAD_SUBJECT.map((s) => doc.querySelector(s)).find((h) => h !== null);
  const subject = heading ? normaliseSpace(heading.textContent ?? '') || undefined : undefined;
  const id = heading?.getAttribute('data-thread-perm-id') ?? heading?.getAttribute('data-legacy-thread-id') ?? undefined;
  const me = signedInAddressOrUndefined(doc);
  const participants = unique(messages.flatMap((m) => [m.from, ...m.to])).filter((p) => p.email !== me);
  return { ...(id ? { id } : {}), ...(subject ? { subject: subject.slice(0, MAX_PAGE_TEXT) } : {}), messages, participants };
}

export function extractGmailInboxRows(doc: Document): GmailInboxRow[] {
  const me = signedInAddressOrUndefined(doc);
  return [...doc.querySelectorAll(INBOX_ROW)].flatMap((row) => {
    const senders = unique(
      [...row.querySelectorAll(PERSON_CHIP)].map(participantOrUndefined).filter((p): p is GmailParticipant => p !== undefined && p.email !== me),
    );
    if (senders.length === 0) return [];
    const subjectElement = ROW_SUBJECT.map((selector) => row.querySelector(selector)).find((element) => element !== null);
    const subject = normaliseSpace(subjectElement?.textContent ?? '') || undefined;
    const timeText = row.querySelector(ROW_TIME)?.getAttribute('title');
    const unread = row.classList.contains(UNREAD_ROW_CLASS);
    return [{ senders, ...(subject ? { subject } : {}), ...(timeText ? { timeText: normaliseSpace(timeText) } : {}), ...(unread ? { unread } : {}) }];
  });
}
