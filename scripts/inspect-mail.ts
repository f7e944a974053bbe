import { parseMailTimeOrUndefined } from '../lib/mail/mailTime';
import { gmailReader } from '../lib/sites/gmail/reader';
import { inboundOnScreen } from '../lib/sites/mail/inbound';
import type { MailCompose, MailListRow, MailParticipant, MailSiteReader } from '../lib/sites/mail/types';
import { outlookReader } from '../lib/sites/outlook/reader';

/**
 * What `npm run inspect` shows of a webmail page besides the page report: the signed-in rep, the
 * inbox rows, the replies the content script hands to the background, and the open compose
 * windows. scripts/inspect.ts bundles this file (esbuild) and evaluates it in an isolated world of
 * the page, so it reads the DOM with the content script's own readers and the background's own
 * time parser, and adds nothing to the page's world.
 */

/** A time as the page shows it, and the instant the background reads from it (null: undated, not logged). */
interface TimeSeen {
  timeText?: string;
  /** ISO 8601 in UTC, read in the browser's time zone as the background does. */
  time: string | null;
}

export interface InboxRowSeen extends TimeSeen {
  senders: MailParticipant[];
  subject?: string;
  unread: boolean;
  /** Handed to the background as a reply: unread, one sender besides the rep, a time. */
  reply: boolean;
}

export interface ReplySeen extends TimeSeen {
  from: MailParticipant;
  subject?: string;
  messageId?: string;
}

export interface ComposeSeen extends MailCompose {
  /** The content script recognises a Send button in it (without one, only Ctrl/Cmd+Enter is noticed). */
  sendButton: boolean;
}

export interface MailScreen {
  /** The signed-in rep's address as the page shows it: their own messages are never replies. */
  me: string | null;
  inbox: InboxRowSeen[];
  /** Exactly what the content script sends as `mail/inbound`: thread messages and inbox rows. */
  replies: ReplySeen[];
  compose: ComposeSeen[];
}

const READERS: Record<MailSiteReader['site'], MailSiteReader> = { gmail: gmailReader, outlook: outlookReader };

function timeOf(timeText: string | undefined): TimeSeen {
  const at = timeText === undefined ? undefined : parseMailTimeOrUndefined(timeText);
  return { ...(timeText === undefined ? {} : { timeText }), time: at === undefined ? null : new Date(at).toISOString() };
}

/**
 * Every compose window on screen. The content script finds one from the element a Send click or
 * keystroke lands on; here every editable element stands in for that element (each site's compose
 * body and Outlook's recipient wells are contenteditable), so a window is found the same way.
 */
function composeRoots(reader: MailSiteReader, doc: Document): Element[] {
  const roots = new Set<Element>();
  for (const editable of doc.querySelectorAll('[contenteditable="true"], [g_editable="true"]')) {
    const root = reader.composeRootOrUndefined(editable);
    if (root) roots.add(root);
  }
  return [...roots];
}

export function readMailScreen(site: MailSiteReader['site'], doc: Document, url: string): MailScreen {
  const reader = READERS[site];
  // The content script's own rule, asked of one row at a time: a screen holding only that row.
  const isReply = (row: MailListRow) => inboundOnScreen({ ...reader, readThreadOrUndefined: () => undefined, readListRows: () => [row] }, doc).length > 0;
  const inbox = reader.readListRows(doc).map(
    (row): InboxRowSeen => ({
      senders: row.senders,
      ...(row.subject ? { subject: row.subject } : {}),
      ...timeOf(row.timeText),
      unread: row.unread === true,
      reply: isReply(row),
    }),
  );
  const compose = composeRoots(reader, doc).flatMap((root): ComposeSeen[] => {
    const read = reader.readComposeOrUndefined(root, url);
    if (!read) return [];
    const sendButton = [...root.querySelectorAll('button, [role="button"]')].some((button) => reader.isSendControl(button, root));
    return [{ ...read, sendButton }];
  });
  return {
    me: reader.signedInAddressOrUndefined(doc) ?? null,
    inbox,
    replies: inboundOnScreen(reader, doc).map(({ from, subject, messageId, timeText }) => ({ from, ...(subject ? { subject } : {}), ...(messageId ? { messageId } : {}), ...timeOf(timeText) })),
    compose,
  };
}
