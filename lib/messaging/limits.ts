/**
 * Bounds the background's message schemas (protocol.ts) enforce, in a module without Zod that the
 * content scripts share. What a content script sends must already be inside them: one field out
 * of bounds gets the whole message refused — a batch of inbox rows, a thread, a send — and with it
 * every reply or email in it that was fine.
 */

/** A page's address. */
export const MAX_URL = 2048;

/** Any text read from a page: a name, a headline, a subject. */
export const MAX_PAGE_TEXT = 500;

/** A site's id for a draft or message, or our digest: what makes "this email" one touch. */
export const MAIL_KEY = /^[\w:.#@+=/-]{1,200}$/;

/**
 * Recipients per field (To, Cc, Bcc) of one sent email: Gmail lets a whole message have 500, so
 * no real field holds more.
 */
export const MAX_RECIPIENTS = 500;

/** Everyone one send can name, its three fields at their bound: what its logging, offer and Undo cover. */
export const MAX_PEOPLE_PER_SEND = 3 * MAX_RECIPIENTS;

/** Characters, not UTF-16 units: the email pattern counts them so (lib/model/email.ts). */
const length = (text: string) => [...text].length;

/**
 * Whether an address has the lengths the background's email pattern allows: 1–64 characters
 * before its one @, 1–255 after, 320 UTF-16 units in all. Each site's reader checks the
 * characters; an address longer than this is no real mailbox, so it is dropped like hostile text.
 */
export function withinAddressLengths(email: string): boolean {
  const at = email.indexOf('@');
  if (at < 1 || email.length > 320 || email.indexOf('@', at + 1) !== -1) return false;
  const domain = email.slice(at + 1);
  return length(email.slice(0, at)) <= 64 && domain.length > 0 && length(domain) <= 255;
}

/** The time of a message as the page shows it ("Mon, Nov 2, 2026, 10:14 AM"), in any language. */
export const MAX_TIME_TEXT = 120;

/** People of one email thread reported to the side panel. */
export const MAX_THREAD_PEOPLE = 100;

/** Messages noticed on screen per report; the rest go with the next. */
export const MAX_INBOUND_BATCH = 200;
