import type { MailCompose, MailSiteReader } from '../mail/types';
import { normaliseSpace } from '../text';
import { extractGmailCompose } from './compose';
import { COMPOSE_BODY, COMPOSE_DRAFT_ID, COMPOSE_FIELD, COMPOSE_ROOT, SEND_BUTTON_CLASS, THREAD_SUBJECT } from './selectors';
import { extractGmailInboxRows, extractGmailThreadOrUndefined, signedInAddressOrUndefined } from './thread';

/**
 * Gmail's reading of the page for the shared webmail code (lib/sites/mail/): threads, inbox rows,
 * compose windows and their Send button, all by stable attributes first.
 */

/** "Send" in the UI languages reps use most; only a fallback after the class and the shortcut hint. */
const SEND_WORDS = new Set(['send', 'senden', 'envoyer', 'enviar', 'invia', 'verzenden', 'skicka', 'sende', 'send nu', 'wyślij', 'odeslat', 'lähetä', '送信', '发送', '傳送', '보내기']);

/** The keyboard hint every localisation puts in the Send tooltip: "(Ctrl-Enter)", "(Strg + Eingabe)", "(⌘Enter)". */
const SEND_SHORTCUT = /\((?:ctrl|strg|ctrl\.|⌘|cmd|commande|control)\s*[-+]?\s*[^()]{1,20}\)/i;

function isComposeRoot(element: Element): boolean {
  return element.matches(COMPOSE_ROOT) && element.querySelector(COMPOSE_BODY) !== null && element.querySelector(`${COMPOSE_FIELD('to')}, [name="to"]`) !== null;
}

function composeRootOrUndefined(element: Element): Element | undefined {
  // Compose regions nest inside thread regions: the nearest one holding a body and a To field.
  for (let node: Element | null = element.closest(COMPOSE_ROOT); node; node = node.parentElement?.closest(COMPOSE_ROOT) ?? null) {
    if (isComposeRoot(node)) return node;
  }
  return undefined;
}

function readComposeOrUndefined(root: Element, url: string): MailCompose | undefined {
  if (!root.isConnected || !isComposeRoot(root)) return undefined;
  const compose = extractGmailCompose(root, url);
  const draft = root.querySelector<HTMLInputElement>(COMPOSE_DRAFT_ID)?.value.trim().replace(/^#/, '');
  // Before Gmail saves a draft the field holds "undefined" or nothing: no id yet.
  return draft && /^[\w:.-]{3,120}$/.test(draft) && draft !== 'undefined' ? { ...compose, draftId: draft } : compose;
}

function isSendControl(element: Element, root: Element): boolean {
  const button = element.closest('[role="button"], button');
  if (!button || !root.contains(button)) return false;
  if (button.classList.contains(SEND_BUTTON_CLASS)) return true;
  const label = normaliseSpace(button.getAttribute('data-tooltip') ?? button.getAttribute('aria-label') ?? '');
  if (!label || button.getAttribute('aria-haspopup') === 'true') return false;
  const word = label.replace(/\(.*\)$/, '').trim().toLowerCase();
  return SEND_WORDS.has(word) || (SEND_SHORTCUT.test(label) && /enter|eingabe|entrée|intro|invio|retur|↵/i.test(label));
}

export const gmailReader: MailSiteReader = {
  site: 'gmail',
  signedInAddressOrUndefined,
  readThreadOrUndefined: extractGmailThreadOrUndefined,
  threadMarkerOrUndefined(doc) {
    for (const selector of THREAD_SUBJECT) {
      const heading = doc.querySelector(selector);
      if (heading) return heading;
    }
    return undefined;
  },
  readListRows: extractGmailInboxRows,
  composeRootOrUndefined,
  readComposeOrUndefined,
  isSendControl,
};
