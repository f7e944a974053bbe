import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { InboundMail } from '../../../lib/messaging/protocol';
import { gmailReader } from '../../../lib/sites/gmail/reader';
import { inboundNoticer, inboundOnScreen } from '../../../lib/sites/mail/inbound';

const load = (file: string) => new DOMParser().parseFromString(readFileSync(join(__dirname, '../../fixtures/gmail', file), 'utf8'), 'text/html');
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const ME = 'casey@groundwork-partners.example';
const ADAEZE = { email: 'adaeze@sable-ridge-foods.example', name: 'Adaeze Okonkwo-Reyes' };
const OTTILIE = { email: 'o.brandt@havel-metalworks.example', name: 'Ottilie Brandt' };
const senders = (messages: InboundMail[]) => messages.map((m) => m.from.email);

describe('inboundOnScreen', () => {
  it('an open thread: every message but the rep’s own; the unread inbox row beside it', () => {
    // The thread holds Casey's email and Adaeze's reply; the list shows Adaeze's row unread,
    // a read newsletter and a read thread with Jürgen.
    expect(inboundOnScreen(gmailReader, load('2024-06-thread-and-inbox.html'))).toEqual([
      { from: ADAEZE, messageId: 'msg-f:1781234567890123002', timeText: 'Mon, Nov 2, 2026, 10:14 AM', subject: 'Re: Line-speed study' },
      { from: ADAEZE, timeText: 'Mon, Nov 2, 2026, 10:14 AM', subject: 'Re: Line-speed study' },
    ]);
  });

  it('the inbox alone: the unread single-sender row, not the read ones', () => {
    expect(inboundOnScreen(gmailReader, load('2024-06-inbox-only.html'))).toEqual([
      { from: OTTILIE, timeText: 'Tue, Jun 11, 2024, 9:41 AM', subject: 'Forming-line study: a few questions' },
    ]);
  });

  it('a row with several senders stays out even when unread (who wrote last is unknown)', () => {
    const doc = load('2024-06-inbox-only.html');
    // Adaeze, me and Marcus: two senders besides the rep.
    doc.querySelector('tr[id=":2c"]')!.classList.replace('yO', 'zE');
    expect(senders(inboundOnScreen(gmailReader, doc))).toEqual([OTTILIE.email]);
  });

  it('the rep in a row does not count as a second sender', () => {
    const doc = load('2024-06-thread-and-inbox.html');
    // Jürgen and me: once unread, Jürgen wrote last.
    doc.querySelector('tr[id=":3c"]')!.classList.replace('yO', 'zE');
    expect(senders(inboundOnScreen(gmailReader, doc))).toEqual([ADAEZE.email, ADAEZE.email, 'jürgen.müller@nordvik-antrieb.example']);
  });

  it('a localised thread keeps the time text as shown, for the background to read', () => {
    expect(inboundOnScreen(gmailReader, load('2025-03-thread-localised.html'))).toEqual([
      expect.objectContaining({ from: expect.objectContaining({ email: 'jürgen.müller@nordvik-antrieb.example' }), timeText: 'Fr., 30. Okt. 2026, 16:45' }),
    ]);
  });

  it('when the rep reads their own sent thread, nothing is from others', () => {
    const doc = load('2024-06-thread-and-inbox.html');
    doc.querySelector('[data-message-id="#msg-f:1781234567890123002"]')!.remove();
    doc.querySelector('[role="grid"]')!.remove();
    expect(inboundOnScreen(gmailReader, doc)).toEqual([]);
  });
});

describe('inboundNoticer', () => {
  it('hands each message to the background once, with the signed-in rep', async () => {
    const doc = load('2024-06-thread-and-inbox.html');
    const send = vi.fn(async (_messages: InboundMail[], _me: string | undefined) => true);
    const notice = inboundNoticer(gmailReader, doc, send);
    notice();
    await flush();
    notice();
    await flush();
    // The thread's message and its inbox row are the same sender and time: handed once.
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith([expect.objectContaining({ from: ADAEZE, timeText: 'Mon, Nov 2, 2026, 10:14 AM' })], ME);

    // New mail arrives: only it is handed on.
    doc.querySelector('tr[id=":3c"]')!.classList.replace('yO', 'zE');
    notice();
    await flush();
    expect(send).toHaveBeenCalledTimes(2);
    expect(senders(send.mock.calls[1]![0])).toEqual(['jürgen.müller@nordvik-antrieb.example']);
  });

  it('sends nothing when nothing on screen is from others', async () => {
    const doc = load('2024-06-thread-and-inbox.html');
    doc.querySelector('[data-message-id="#msg-f:1781234567890123002"]')!.remove();
    doc.querySelector('[role="grid"]')!.remove();
    const send = vi.fn(async () => true);
    inboundNoticer(gmailReader, doc, send)();
    await flush();
    expect(send).not.toHaveBeenCalled();
  });

  it('tries again on the next notice when a send was not delivered', async () => {
    const doc = load('2024-06-inbox-only.html');
    const send = vi.fn<(messages: InboundMail[], me: string | undefined) => Promise<boolean>>().mockResolvedValueOnce(false).mockResolvedValue(true);
    const notice = inboundNoticer(gmailReader, doc, send);
    notice();
    await flush();
    notice();
    await flush();
    notice();
    await flush();
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls.map(([messages]) => senders(messages))).toEqual([[OTTILIE.email], [OTTILIE.email]]);
  });
});
