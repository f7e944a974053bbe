import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractGmailInboxRows, extractGmailThreadOrUndefined, signedInAddressOrUndefined } from '../../../lib/sites/gmail/thread';

const load = (file: string) => new DOMParser().parseFromString(readFileSync(join(__dirname, '../../fixtures/gmail', file), 'utf8'), 'text/html');

describe('Gmail thread recognition', () => {
  it('reads subject, participants and each message (2020–25, inbox and thread on screen at once)', () => {
    const doc = load('2024-06-thread-and-inbox.html');
    expect(signedInAddressOrUndefined(doc)).toBe('casey@groundwork-partners.example');
    expect(extractGmailThreadOrUndefined(doc)).toEqual({
      id: 'thread-f:1781234567890123456',
      subject: 'Re: Line-speed study',
      messages: [
        {
          id: 'msg-f:1781234567890123001',
          from: { email: 'casey@groundwork-partners.example', name: 'Casey Viewer' },
          to: [{ email: 'adaeze@sable-ridge-foods.example', name: 'Adaeze' }],
          timeText: 'Fri, Oct 30, 2026, 9:02 AM',
        },
        {
          id: 'msg-f:1781234567890123002',
          from: { email: 'adaeze@sable-ridge-foods.example', name: 'Adaeze Okonkwo-Reyes' },
          to: [{ email: 'marcus.lindqvist@sable-ridge-foods.example', name: 'Marcus Lindqvist' }],
          timeText: 'Mon, Nov 2, 2026, 10:14 AM',
        },
      ],
      participants: [
        { email: 'adaeze@sable-ridge-foods.example', name: 'Adaeze Okonkwo-Reyes' },
        { email: 'marcus.lindqvist@sable-ridge-foods.example', name: 'Marcus Lindqvist' },
      ],
    });
  });

  it('relies on attributes, not English: a German UI with bidi marks and non-ASCII addresses', () => {
    const thread = extractGmailThreadOrUndefined(load('2025-03-thread-localised.html'))!;
    expect(thread.subject).toBe('Angebot Antriebstechnik');
    expect(thread.messages.map((m) => [m.id, m.from.email, m.to.map((t) => t.email)])).toEqual([
      ['msg-f:1780000000000000701', 'jürgen.müller@nordvik-antrieb.example', []],
      ['msg-f:1780000000000000702', 'casey@groundwork-partners.example', ['jürgen.müller@nordvik-antrieb.example', 'einkauf@nordvik-antrieb.example']],
    ]);
    expect(thread.participants.map((p) => p.email)).toEqual(['jürgen.müller@nordvik-antrieb.example', 'einkauf@nordvik-antrieb.example']);
    expect(thread.messages[0]!.timeText).toBe('Fr., 30. Okt. 2026, 16:45');
  });

  it('reads the inbox rows beside the thread, without the rep', () => {
    expect(extractGmailInboxRows(load('2024-06-thread-and-inbox.html'))).toEqual([
      { senders: [{ email: 'adaeze@sable-ridge-foods.example', name: 'Adaeze Okonkwo-Reyes' }], subject: 'Re: Line-speed study', timeText: 'Mon, Nov 2, 2026, 10:14 AM' },
      { senders: [{ email: 'newsletter@trade-weekly.example', name: 'Trade Weekly' }], subject: 'This week in packaging', timeText: 'Sun, Nov 1, 2026, 7:00 AM' },
      { senders: [{ email: 'jürgen.müller@nordvik-antrieb.example', name: 'Jürgen Müller-Lüdenscheidt' }], subject: 'Angebot Antriebstechnik', timeText: 'Fri, Oct 30, 2026, 4:45 PM' },
    ]);
  });

  it('no thread open → undefined; hostile attributes are refused, not stored', () => {
    const doc = new DOMParser().parseFromString(
      '<div role="main"><div data-message-id="#m1"><h3><span email="&lt;script&gt;@x" name="x">x</span></h3></div></div>',
      'text/html',
    );
    expect(extractGmailThreadOrUndefined(doc)).toBeUndefined();
    expect(extractGmailThreadOrUndefined(new DOMParser().parseFromString('<div role="main"></div>', 'text/html'))).toBeUndefined();
  });
});
