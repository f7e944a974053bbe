import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMailTimeOrUndefined } from '../../../lib/mail/mailTime';
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
      { senders: [{ email: 'adaeze@sable-ridge-foods.example', name: 'Adaeze Okonkwo-Reyes' }], subject: 'Re: Line-speed study', timeText: 'Mon, Nov 2, 2026, 10:14 AM', unread: true },
      { senders: [{ email: 'newsletter@trade-weekly.example', name: 'Trade Weekly' }], subject: 'This week in packaging', timeText: 'Sun, Nov 1, 2026, 7:00 AM' },
      { senders: [{ email: 'jürgen.müller@nordvik-antrieb.example', name: 'Jürgen Müller-Lüdenscheidt' }], subject: 'Angebot Antriebstechnik', timeText: 'Fri, Oct 30, 2026, 4:45 PM' },
    ]);
  });

  it('reads the 2014–17 markup: legacy ids only, no ARIA rows, the rep only in the title', () => {
    const doc = load('2016-09-legacy-thread.html');
    expect(signedInAddressOrUndefined(doc)).toBe('casey@groundwork-partners.example');
    expect(extractGmailThreadOrUndefined(doc)).toEqual({
      id: '1573a9c2be41d7f0',
      subject: 'Re: Conveyor retrofit quote',
      messages: [
        {
          id: '1573a9c2be41d7f0',
          from: { email: 'casey@groundwork-partners.example', name: 'Casey Viewer' },
          to: [{ email: 'tobias@kestrel-conveyors.example', name: 'Tobias Vermeulen-Adeyemi' }],
          timeText: 'Wed, Sep 14, 2016 at 9:12 AM',
        },
        {
          id: '1573c41d09e2aa35',
          from: { email: 'tobias@kestrel-conveyors.example', name: 'Tobias Vermeulen-Adeyemi' },
          // The rep's "me" chip is a recipient; "me" is not a name.
          to: [{ email: 'casey@groundwork-partners.example' }, { email: 'ingrid.halvorsen@kestrel-conveyors.example', name: 'Ingrid Halvorsen' }],
          timeText: 'Fri, Sep 16, 2016 at 2:30 PM',
        },
      ],
      participants: [
        { email: 'tobias@kestrel-conveyors.example', name: 'Tobias Vermeulen-Adeyemi' },
        { email: 'ingrid.halvorsen@kestrel-conveyors.example', name: 'Ingrid Halvorsen' },
      ],
    });
    // Subjects from `span.bog` (bold <b> when unread); times from the date cell, not the star's title.
    expect(extractGmailInboxRows(doc)).toEqual([
      { senders: [{ email: 'tobias@kestrel-conveyors.example', name: 'Tobias Vermeulen-Adeyemi' }], subject: 'Re: Conveyor retrofit quote', timeText: 'Fri, Sep 16, 2016 at 2:30 PM', unread: true },
      { senders: [{ email: 'ingrid.halvorsen@kestrel-conveyors.example', name: 'Ingrid Halvorsen' }], subject: 'Site visit: Tilburg plant', timeText: 'Wed, Sep 14, 2016 at 11:05 AM' },
      { senders: [{ email: 'orders@brightwater-supply.example' }], subject: 'Your order BW-20931 has shipped', timeText: 'Mon, Sep 12, 2016 at 7:48 AM' },
    ]);
  });

  it('reads the 2025 conversation view: hashed classes, a collapsed message, quoted chips ignored, the rep from the banner', () => {
    const doc = load('2025-09-thread-new-ui.html');
    expect(doc.title).not.toContain('@');
    expect(signedInAddressOrUndefined(doc)).toBe('casey@groundwork-partners.example');
    expect(extractGmailThreadOrUndefined(doc)).toEqual({
      id: 'thread-f:1842276415509931204',
      subject: 'Quote for the Limerick line',
      messages: [
        {
          // Collapsed: no h3, no recipients shown; the header's one chip is the sender (address lower-cased).
          id: 'msg-f:1842276415509931204',
          from: { email: 'siobhan.orourke@cliffside-freight.example', name: "Siobhán O'Rourke-Nakamura" },
          to: [],
          timeText: 'Mon, Sep 1, 2025, 8:17 AM',
        },
        {
          // To and Cc (from the details popover) are both recipients; Hamish and Procurement are only quoted in the body.
          id: 'msg-f:1842371097724414830',
          from: { email: 'siobhan.orourke@cliffside-freight.example', name: "Siobhán O'Rourke-Nakamura" },
          to: [
            { email: 'casey@groundwork-partners.example', name: 'Casey Viewer' },
            { email: 'søren.kjærgaard@fjordlys-båt.example', name: 'Søren Kjærgaard' },
          ],
          timeText: 'Tue, Sep 2, 2025, 10:03 AM',
        },
        {
          // The body here is a bare div[dir=ltr]: its quoted chips are ignored too.
          id: 'msg-f:1842390771266120507',
          from: { email: 'casey@groundwork-partners.example', name: 'Casey Viewer' },
          to: [
            { email: 'siobhan.orourke@cliffside-freight.example', name: 'Siobhán' },
            { email: 'søren.kjærgaard@fjordlys-båt.example', name: 'Søren Kjærgaard' },
          ],
          timeText: 'Tue, Sep 2, 2025, 1:26 PM',
        },
      ],
      participants: [
        { email: 'siobhan.orourke@cliffside-freight.example', name: "Siobhán O'Rourke-Nakamura" },
        { email: 'søren.kjærgaard@fjordlys-båt.example', name: 'Søren Kjærgaard' },
      ],
    });
    expect(extractGmailInboxRows(doc)).toEqual([]);
  });

  it('reads an inbox with no thread open: unread and read subjects, several senders without the rep, a mailing list', () => {
    const doc = load('2024-06-inbox-only.html');
    expect(signedInAddressOrUndefined(doc)).toBe('casey@groundwork-partners.example');
    expect(extractGmailThreadOrUndefined(doc)).toBeUndefined();
    expect(extractGmailInboxRows(doc)).toEqual([
      { senders: [{ email: 'o.brandt@havel-metalworks.example', name: 'Ottilie Brandt' }], subject: 'Forming-line study: a few questions', timeText: 'Tue, Jun 11, 2024, 9:41 AM', unread: true },
      {
        senders: [
          { email: 'adaeze@sable-ridge-foods.example', name: 'Adaeze Okonkwo-Reyes' },
          { email: 'marcus.lindqvist@sable-ridge-foods.example', name: 'Marcus Lindqvist' },
        ],
        subject: 'Re: Line-speed study',
        timeText: 'Mon, Jun 10, 2024, 4:02 PM',
      },
      // The list's address is what the row shows; its label chip's title is not the time.
      {
        senders: [{ email: 'packaging-forum@groups.trade-assoc.example', name: "'Priya Raman' via Packaging Forum" }],
        subject: '[packaging-forum] Shrink-sleeve tolerances',
        timeText: 'Fri, Jun 7, 2024, 7:15 PM',
      },
    ]);
  });

  it.each(['2016-09-legacy-thread.html', '2024-06-inbox-only.html', '2024-06-thread-and-inbox.html', '2025-03-thread-localised.html', '2025-09-thread-new-ui.html'])(
    'every time text in %s reads as an instant',
    (file) => {
      const doc = load(file);
      const texts = [...(extractGmailThreadOrUndefined(doc)?.messages ?? []), ...extractGmailInboxRows(doc)].map((m) => m.timeText);
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) expect([text, parseMailTimeOrUndefined(text ?? '')]).toEqual([text, expect.any(Number)]);
    },
  );

  it('no thread open → undefined; hostile attributes are refused, not stored', () => {
    const doc = new DOMParser().parseFromString(
      '<div role="main"><div data-message-id="#m1"><h3><span email="&lt;script&gt;@x" name="x">x</span></h3></div></div>',
      'text/html',
    );
    expect(extractGmailThreadOrUndefined(doc)).toBeUndefined();
    expect(extractGmailThreadOrUndefined(new DOMParser().parseFromString('<div role="main"></div>', 'text/html'))).toBeUndefined();
  });
});
