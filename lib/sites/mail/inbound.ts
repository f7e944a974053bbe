import { MAIL_KEY, MAX_INBOUND_BATCH, MAX_PAGE_TEXT, MAX_TIME_TEXT } from '../../messaging/limits';
import type { InboundMail } from '../../messaging/protocol';
import type { MailSiteReader } from './types';

/**
 * Replies noticed on screen: every message in the open thread written by someone other than the
 * rep, and every unread inbox row with one sender besides the rep (their message is the newest).
 * The background logs those from saved prospects, once; this side only avoids resending.
 */

export function inboundOnScreen(reader: MailSiteReader, doc: Document): InboundMail[] {
  const me = reader.signedInAddressOrUndefined(doc);
  const out: InboundMail[] = [];
  const thread = reader.readThreadOrUndefined(doc);
  for (const message of thread?.messages ?? []) {
    if (message.from.email === me || !message.timeText) continue;
    out.push({
      from: message.from,
      ...(MAIL_KEY.test(message.id) ? { messageId: message.id } : {}),
      timeText: message.timeText.slice(0, MAX_TIME_TEXT),
      ...(thread?.subject ? { subject: thread.subject } : {}),
    });
  }
  for (const row of reader.readListRows(doc)) {
    const sender = row.senders[0];
    if (!row.unread || row.senders.length !== 1 || !sender || !row.timeText) continue;
    out.push({ from: sender, timeText: row.timeText.slice(0, MAX_TIME_TEXT), ...(row.subject ? { subject: row.subject.slice(0, MAX_PAGE_TEXT) } : {}) });
  }
  return out;
}

/**
 * Returns `notice()`: reads the screen and hands messages not handed before to `send`, which
 * answers whether they were delivered (undelivered ones are tried again on the next notice).
 */
export function inboundNoticer(reader: MailSiteReader, doc: Document, send: (messages: InboundMail[], me: string | undefined) => Promise<boolean>): () => void {
  const handed = new Set<string>();
  return () => {
    const keyOf = (m: InboundMail) => `${m.from.email}|${m.timeText}`;
    // At most MAX_INBOUND_BATCH per message; the rest go with the next notice.
    const batch: InboundMail[] = [];
    for (const m of inboundOnScreen(reader, doc)) {
      if (batch.length === MAX_INBOUND_BATCH) break;
      if (handed.has(keyOf(m))) continue;
      handed.add(keyOf(m));
      batch.push(m);
    }
    if (batch.length === 0) return;
    void send(batch, reader.signedInAddressOrUndefined(doc)).then((delivered) => {
      if (!delivered) for (const m of batch) handed.delete(keyOf(m));
    });
  };
}
