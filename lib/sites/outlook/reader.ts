import { MAX_PAGE_TEXT } from '../../messaging/limits';
import { addressInWindowTitleOrUndefined } from '../mail/title';
import { parseAddressList } from '../gmail/compose';
import type { ComposeKind, MailCompose, MailListRow, MailMessage, MailParticipant, MailSiteReader, MailThread } from '../mail/types';
import { normaliseSpace } from '../text';
import { addressInTextOrUndefined, itemIdOrUndefined, participantOrUndefined, participantsOf, unique } from './persona';
import {
  ACCOUNT,
  BCC_LABEL,
  BUTTON,
  CC_LABEL,
  COMPOSE_BODY,
  COMPOSE_ROOT,
  COMPOSE_SUBJECT,
  CONVERSATION_ID,
  ITEM_ID,
  LIST_ROW,
  MESSAGE_BODY,
  MESSAGE_ITEM,
  MESSAGE_SENDER_AREA,
  MESSAGE_TIME,
  NESTED_DIALOG,
  NOT_CONTENT,
  PERSONA,
  POP_OUT_URL,
  READING_PANE,
  RECIPIENT_WELL,
  SELECTED_ROW,
  SEND_BUTTON,
  SEND_SHORTCUT,
  SEND_WORDS,
  THREAD_SUBJECT,
  UNREAD_ROW_WORDS,
} from './selectors';

/**
 * What Outlook on the web shows (new Outlook 2023–25, OWA 2019–22, outlook.live.com): the open
 * conversation, the message list's rows and compose forms, as pure functions of a Document or an
 * element. Selectors and the generations they serve are in ./selectors.ts.
 */

function firstMatchOrUndefined(scope: ParentNode, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    const found = scope.querySelector(selector);
    if (found) return found;
  }
  return undefined;
}

const BODY = MESSAGE_BODY.join(', ');
const WELL = RECIPIENT_WELL.join(', ');

/** Numbers shaped like a time or a numeric date: the same in every UI language ("10:14", "2.11.2026"). */
const DATE_LIKE = /\d{1,2}[:.h]\d{2}|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/;

function attributeTextOrUndefined(element: Element): string | undefined {
  const text = normaliseSpace(
    element.getAttribute('title') ?? element.getAttribute('aria-label') ?? element.getAttribute('datetime') ?? element.textContent ?? '',
  );
  return text ? text.slice(0, 200) : undefined;
}

/** Titled elements of `scope` that are content (no controls, no people, no containers of people). */
function titledContent(scope: Element, keep: (element: Element) => boolean = () => true): Element[] {
  return [...scope.querySelectorAll('[title]')].filter(
    (element) =>
      keep(element) &&
      normaliseSpace(element.getAttribute('title') ?? '') !== '' &&
      !element.closest(NOT_CONTENT) &&
      !participantOrUndefined(element) &&
      ![...element.querySelectorAll(PERSONA)].some((inner) => participantOrUndefined(inner)),
  );
}

/** The last titled element that reads as a date or time (OWA 2019–22 has no time marker). */
function dateLikeOrUndefined(titled: Element[]): Element | undefined {
  return titled.filter((element) => DATE_LIKE.test(element.getAttribute('title') ?? '')).at(-1);
}

// ---------------------------------------------------------------------------------------------
// The signed-in rep

/** The rep's address: the account manager (MeControl) or a header control, else the page title. */
function signedInAddressOrUndefined(doc: Document): string | undefined {
  for (const selector of ACCOUNT) {
    for (const element of doc.querySelectorAll(selector)) {
      for (const text of [element.getAttribute('aria-label'), element.getAttribute('title'), element.textContent]) {
        const email = text ? addressInTextOrUndefined(text) : undefined;
        if (email) return email;
      }
    }
  }
  return addressInWindowTitleOrUndefined(doc.title);
}

// ---------------------------------------------------------------------------------------------
// The reading pane

/** The open conversation's subject heading (not the empty pane's "Select an item to read"). */
function threadMarkerOrUndefined(doc: Document): Element | undefined {
  for (const selector of THREAD_SUBJECT) {
    for (const heading of doc.querySelectorAll(selector)) {
      if (heading.closest(READING_PANE.join(', '))?.querySelector(MESSAGE_ITEM)) return heading;
    }
  }
  return undefined;
}

function readMessageOrUndefined(item: Element): MailMessage | undefined {
  const id = itemIdOrUndefined(item.getAttribute(ITEM_ID));
  if (!id) return undefined;
  // The header: the item's own elements outside its body, any nested item and any reply
  // composed inside it (its recipient pills are not this message's recipients).
  const inHeader = (element: Element) => {
    const body = element.closest(BODY);
    const compose = element.closest(`${COMPOSE_ROOT.join(', ')}, ${WELL}`);
    return !(body && item.contains(body)) && !(compose && item.contains(compose)) && element.closest(MESSAGE_ITEM) === item;
  };
  const personas = [...item.querySelectorAll(PERSONA)].filter(inHeader);
  const senderArea = [...item.querySelectorAll(MESSAGE_SENDER_AREA)].find(inHeader);
  const senderElements = senderArea ? personas.filter((element) => senderArea.contains(element)) : [];
  // Every generation puts the sender first in the header: the fallback when no heading holds it.
  const from = unique(participantsOf(senderElements))[0] ?? participantsOf(personas)[0];
  if (!from) return undefined;
  const to = unique(participantsOf(personas.filter((element) => !senderArea?.contains(element)))).filter((p) => p.email !== from.email);
  const timeElement =
    MESSAGE_TIME.flatMap((selector) => [...item.querySelectorAll(selector)]).find(inHeader) ?? dateLikeOrUndefined(titledContent(item, inHeader));
  const timeText = timeElement ? attributeTextOrUndefined(timeElement) : undefined;
  return { id, from, to, ...(timeText ? { timeText } : {}) };
}

/**
 * An item that is a draft: inside a compose region, or holding a compose editor and no read body
 * (a read message may hold the inline reply to it, and is still a message).
 */
function isDraft(item: Element): boolean {
  return item.closest(COMPOSE_ROOT.join(', ')) !== null || (item.querySelector(COMPOSE_BODY) !== null && item.querySelector(BODY) === null);
}

/** The open conversation in the reading pane, or undefined when none is open. */
function readThreadOrUndefined(doc: Document): MailThread | undefined {
  const pane = firstMatchOrUndefined(doc, READING_PANE);
  if (!pane) return undefined;
  const messages = [...pane.querySelectorAll(MESSAGE_ITEM)]
    // A draft (inline reply) carries an item id too; it is not a message of the conversation.
    .filter((item) => !item.parentElement?.closest(MESSAGE_ITEM) && !isDraft(item))
    .map(readMessageOrUndefined)
    .filter((m): m is MailMessage => m !== undefined);
  if (messages.length === 0) return undefined;
  const heading = threadMarkerOrUndefined(doc);
  const titled = heading ? [heading, ...heading.querySelectorAll('[title]')].find((element) => element.hasAttribute('title')) : undefined;
  const subject = normaliseSpace(titled?.getAttribute('title') ?? heading?.textContent ?? '').slice(0, MAX_PAGE_TEXT);
  const conversation = heading?.closest(`[${CONVERSATION_ID}]`) ?? pane.closest(`[${CONVERSATION_ID}]`) ?? doc.querySelector(SELECTED_ROW);
  const id = itemIdOrUndefined(conversation?.getAttribute(CONVERSATION_ID));
  const me = signedInAddressOrUndefined(doc);
  const participants = unique(messages.flatMap((m) => [m.from, ...m.to])).filter((p) => p.email !== me);
  return { ...(id ? { id } : {}), ...(subject ? { subject } : {}), messages, participants };
}

// ---------------------------------------------------------------------------------------------
// The message list

/** The list's rows on screen: senders (without the rep), subject and time, all from attributes. */
function readListRows(doc: Document): MailListRow[] {
  const me = signedInAddressOrUndefined(doc);
  return [...doc.querySelectorAll(LIST_ROW.join(', '))].flatMap((row) => {
    const senders = unique(participantsOf(row.querySelectorAll(PERSONA))).filter((p) => p.email !== me);
    if (senders.length === 0) return [];
    const titled = titledContent(row);
    const timeElement = dateLikeOrUndefined(titled);
    const subjectElement = titled.find((element) => element !== timeElement);
    const subject = normaliseSpace(subjectElement?.getAttribute('title') ?? '').slice(0, MAX_PAGE_TEXT);
    const timeText = timeElement ? attributeTextOrUndefined(timeElement) : undefined;
    const label = normaliseSpace(row.getAttribute('aria-label') ?? '').toLowerCase();
    const unread = UNREAD_ROW_WORDS.some((word) => label.startsWith(`${word} `));
    return [{ senders, ...(subject ? { subject } : {}), ...(timeText ? { timeText } : {}), ...(unread ? { unread } : {}) }];
  });
}

// ---------------------------------------------------------------------------------------------
// Compose forms

function wellsOf(root: Element): Element[] {
  const wells = [...root.querySelectorAll(WELL)];
  return wells.filter((well) => !wells.some((other) => other !== well && other.contains(well)));
}

/**
 * The compose form containing `element`: new Outlook's named region, else (OWA 2019–22, pop-outs)
 * the smallest ancestor holding a recipient well and a body editor, provided it holds exactly one
 * body editor and no list rows or read messages (so a list row or a message beside a compose is
 * never taken for part of it).
 */
function composeRootOrUndefined(element: Element): Element | undefined {
  const named = element.closest(COMPOSE_ROOT.join(', '));
  if (named) return named;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const bodies = [...(node.matches(COMPOSE_BODY) ? [node] : []), ...node.querySelectorAll(COMPOSE_BODY)];
    if (bodies.length === 0 || node.querySelector(WELL) === null) continue;
    const readMessages = [...node.querySelectorAll(MESSAGE_ITEM)].filter((item) => item.querySelector(COMPOSE_BODY) === null);
    const listRows = node.querySelector(LIST_ROW.join(', '));
    return bodies.length === 1 && readMessages.length === 0 && listRows === null ? node : undefined;
  }
  return undefined;
}

type WellKind = 'to' | 'cc' | 'bcc';

function wellLabel(well: Element): string {
  const labelledBy = well.getAttribute('aria-labelledby');
  const label =
    well.getAttribute('aria-label') ??
    well.querySelector('input[aria-label]')?.getAttribute('aria-label') ??
    (labelledBy ? well.ownerDocument.getElementById(labelledBy)?.textContent : undefined) ??
    '';
  return normaliseSpace(label);
}

function wellKind(well: Element, index: number): WellKind {
  const label = wellLabel(well);
  if (BCC_LABEL.test(label)) return 'bcc';
  if (CC_LABEL.test(label)) return 'cc';
  return (['to', 'cc', 'bcc'] as const)[index] ?? 'bcc';
}

/** Resolved pills (persona attributes) plus any typed-but-unresolved address text. */
function recipientsOf(well: Element): MailParticipant[] {
  const pills = participantsOf(well.querySelectorAll(PERSONA));
  const typed = well.cloneNode(true) as Element;
  for (const pill of typed.querySelectorAll(PERSONA)) if (participantOrUndefined(pill)) pill.remove();
  const inputs = [...typed.querySelectorAll('input')].map((input) => input.value);
  const text = [typed.textContent ?? '', ...inputs].join(', ');
  return unique([...pills, ...parseAddressList(text)]);
}

function draftIdOrUndefined(root: Element, url: string): string | undefined {
  // The id is on the compose itself, inside it, or on a wrapper holding only the draft (OWA
  // 2019–22); never on a read message (one with a read body) that the reply happens to sit in.
  const host = root.parentElement?.closest(MESSAGE_ITEM);
  const draftHost = host && host.querySelector(BODY) === null && host.querySelectorAll(COMPOSE_BODY).length === 1 ? host : undefined;
  const fromMarkup = itemIdOrUndefined(
    root.getAttribute(ITEM_ID) ?? root.querySelector(MESSAGE_ITEM)?.getAttribute(ITEM_ID) ?? draftHost?.getAttribute(ITEM_ID),
  );
  if (fromMarkup) return fromMarkup;
  try {
    const { pathname, searchParams } = new URL(url);
    const segment = /\/deeplink\/compose\/([^/]+)/.exec(pathname)?.[1];
    return itemIdOrUndefined(segment ? decodeURIComponent(segment) : searchParams.get('itemid'));
  } catch {
    return undefined;
  }
}

/** What a compose form holds; undefined when `root` is not (or no longer) one. */
function readComposeOrUndefined(root: Element, url: string): MailCompose | undefined {
  if (!root.isConnected || root.querySelector(COMPOSE_BODY) === null) return undefined;
  const wells = wellsOf(root);
  if (wells.length === 0) return undefined;
  const recipients: Record<WellKind, MailParticipant[]> = { to: [], cc: [], bcc: [] };
  wells.forEach((well, index) => recipients[wellKind(well, index)].push(...recipientsOf(well)));
  const subjectInput = [...root.querySelectorAll<HTMLInputElement>(COMPOSE_SUBJECT)].find((input) => !input.closest(WELL));
  const subject = normaliseSpace(subjectInput?.value ?? '').slice(0, MAX_PAGE_TEXT);
  // A reply sits in the reading pane beside the conversation's messages; a new message has none.
  const pane = root.closest(READING_PANE.join(', '));
  const besideMessages = pane !== null && [...pane.querySelectorAll(MESSAGE_ITEM)].some((item) => !root.contains(item));
  const kind: ComposeKind = POP_OUT_URL.test(url) ? 'pop-out' : besideMessages ? 'reply' : 'new';
  const draftId = draftIdOrUndefined(root, url);
  return {
    kind,
    to: unique(recipients.to),
    cc: unique(recipients.cc),
    bcc: unique(recipients.bcc),
    ...(subject ? { subject } : {}),
    ...(draftId ? { draftId } : {}),
  };
}

/** True when `element` is (inside) the Send button of the compose form `root`. */
function isSendControl(element: Element, root: Element): boolean {
  const button = element.closest(BUTTON);
  if (!button || !root.contains(button) || button.closest(WELL)) return false;
  const dialog = button.closest(NESTED_DIALOG);
  if (dialog && dialog !== root && root.contains(dialog)) return false;
  if (button.matches(SEND_BUTTON.join(', '))) return true;
  const labels = [button.getAttribute('aria-label'), button.getAttribute('title'), button.textContent].map((text) => normaliseSpace(text ?? ''));
  if (labels.some((label) => SEND_SHORTCUT.test(label))) return true;
  return labels.some((label) => SEND_WORDS.has(label.replace(/\s*\([^()]*\)$/, '').toLowerCase()));
}

export const outlookReader: MailSiteReader = {
  site: 'outlook',
  signedInAddressOrUndefined,
  readThreadOrUndefined,
  threadMarkerOrUndefined,
  readListRows,
  composeRootOrUndefined,
  readComposeOrUndefined,
  isSendControl,
};
