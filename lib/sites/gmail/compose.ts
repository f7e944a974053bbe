import { MAX_PAGE_TEXT, withinAddressLengths } from '../../messaging/limits';
import { normaliseSpace } from '../text';
import { COMPOSE_BODY, COMPOSE_FIELD, COMPOSE_ROOT, COMPOSE_SUBJECT, PERSON_CHIP } from './selectors';
import type { ComposeKind, MailCompose, MailParticipant } from '../mail/types';

/**
 * Gmail compose windows: new message, reply, inline reply and pop-out, with their To, Cc and Bcc
 * and subject. Pure functions of a Document (or a compose root element).
 */


const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/u;

/** `Jane Doe <jane@acme.example>, "Roe, John" <jr@x.example>, bob@y.example` → participants. */
export function parseAddressList(text: string): MailParticipant[] {
  const out: MailParticipant[] = [];
  // Split on commas outside quotes and angle brackets.
  let depth = 0;
  let quoted = false;
  let current = '';
  const parts: string[] = [];
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (char === '<') depth++;
    else if (char === '>') depth = Math.max(0, depth - 1);
    if ((char === ',' || char === ';') && !quoted && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  for (const part of parts) {
    const trimmed = normaliseSpace(part);
    if (!trimmed) continue;
    const angled = /^(.*)<([^<>]+)>$/.exec(trimmed);
    const email = (angled ? angled[2]! : trimmed).trim().toLowerCase();
    if (!ADDRESS.test(email) || !withinAddressLengths(email)) continue;
    const name = angled ? normaliseSpace(angled[1]!).replace(/^"|"$/g, '').trim() : '';
    out.push(name && name !== email ? { email, name: name.slice(0, 200) } : { email });
  }
  return out;
}

function field(root: Element, name: 'to' | 'cc' | 'bcc'): MailParticipant[] {
  const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(COMPOSE_FIELD(name));
  const fromInput = input ? parseAddressList(input.value) : [];
  if (fromInput.length > 0 || name !== 'to') return fromInput;
  // Newer compose rows show chips only: fall back to the chips of the To row.
  return [...root.querySelectorAll(`[name="to"] ${PERSON_CHIP}`)].flatMap((chip) => parseAddressList(`${chip.getAttribute('name') ?? ''} <${chip.getAttribute('email') ?? ''}>`));
}

/** One compose window. `url` tells a pop-out (its own window) from the others. */
export function extractGmailCompose(root: Element, url: string): MailCompose {
  const popOut = /[?&#](view=cm|compose=)/.test(url);
  const subject = normaliseSpace(root.querySelector<HTMLInputElement>(COMPOSE_SUBJECT)?.value ?? '') || undefined;
  const kind: ComposeKind = popOut ? 'pop-out' : root.getAttribute('role') === 'region' || root.querySelector('input[name="subjectbox"]') === null ? 'reply' : 'new';
  return { kind, to: field(root, 'to'), cc: field(root, 'cc'), bcc: field(root, 'bcc'), ...(subject ? { subject: subject.slice(0, MAX_PAGE_TEXT) } : {}) };
}

/** Every compose window on screen. */
export function extractGmailComposes(doc: Document, url: string): MailCompose[] {
  const roots = [...doc.querySelectorAll(COMPOSE_ROOT)].filter((root) => root.querySelector(COMPOSE_BODY) && root.querySelector(`${COMPOSE_FIELD('to')}, [name="to"]`));
  return roots.map((root) => extractGmailCompose(root, url));
}
