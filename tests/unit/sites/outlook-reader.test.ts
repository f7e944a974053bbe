import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outlookReader } from '../../../lib/sites/outlook/reader';

const load = (file: string) => new DOMParser().parseFromString(readFileSync(join(__dirname, '../../fixtures/outlook', file), 'utf8'), 'text/html');
const html = (markup: string) => new DOMParser().parseFromString(markup, 'text/html');

const REP = 'casey@groundwork-partners.example';
const ADAEZE = { email: 'adaeze@sable-ridge-foods.example', name: 'Adaeze Okonkwo-Reyes' };
const MARCUS = { email: 'marcus.lindqvist@sable-ridge-foods.example', name: 'Marcus Lindqvist' };
const SIOBHAN = { email: 'siobhan.nibhriain@corrib-automation.example', name: "Siobhán Ní Bhriain-O'Connor" };
const SOREN = { email: 'søren.ærø@fjordlys.example', name: 'Søren Ærø' };
const JURGEN = { email: 'jürgen.müller@nordvik-antrieb.example', name: 'Jürgen Müller-Lüdenscheidt' };
const CRM = { email: 'crm-log@groundwork-partners.example', name: 'Casey CRM' };

/** The compose containing the element `selector` finds, as the content script would reach it. */
function composeOf(doc: Document, selector: string): Element {
  const root = outlookReader.composeRootOrUndefined(doc.querySelector(selector)!);
  expect(root).toBeDefined();
  return root!;
}

function buttonByLabel(root: Element, label: string): Element {
  return [...root.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === label)!;
}

describe('Outlook: new Outlook 2024–25, list and a three-message conversation (English)', () => {
  const doc = load('2025-01-new-outlook-conversation.html');

  it('finds the rep in the account manager', () => {
    expect(outlookReader.site).toBe('outlook');
    expect(outlookReader.signedInAddressOrUndefined(doc)).toBe(REP);
  });

  it('reads subject, conversation id, each message, and participants without the rep', () => {
    expect(outlookReader.readThreadOrUndefined(doc)).toEqual({
      id: 'AAQkADAwATM3ZmYAZS1kNTQ4LTk2NzQtMDACLTAwCgAQAOnr5qPFr0BJn7dd0pYhv1g=',
      subject: 'Re: Line-speed study',
      messages: [
        {
          id: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAEMAAAiIsqMbYjsT5e-T7KzowPTAAAYbvZDAAA=',
          from: { email: REP, name: 'Casey Viewer' },
          to: [],
          timeText: 'Fri 10/30/2026 9:02 AM',
        },
        {
          id: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAEMAAAiIsqMbYjsT5e-T7KzowPTAAAYbvZEAAA=',
          from: ADAEZE,
          to: [{ email: REP, name: 'Casey Viewer' }, MARCUS],
          timeText: 'Mon 11/2/2026 10:14 AM',
        },
        {
          id: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAEMAAAiIsqMbYjsT5e-T7KzowPTAAAYbvZFAAA=',
          from: { email: REP, name: 'Casey Viewer' },
          to: [{ email: ADAEZE.email, name: 'Adaeze' }, MARCUS, { email: 'priya.raman@sable-ridge-foods.example', name: 'Priya Raman' }],
          timeText: 'Mon 11/2/2026 11:30 AM',
        },
      ],
      // The address in the body (ops@…) is not a participant; the fullest name wins.
      participants: [ADAEZE, MARCUS, { email: 'priya.raman@sable-ridge-foods.example', name: 'Priya Raman' }],
    });
  });

  it('marks the thread by its subject heading', () => {
    const marker = outlookReader.threadMarkerOrUndefined(doc);
    expect(marker?.getAttribute('role')).toBe('heading');
    expect(marker?.textContent).toContain('Re: Line-speed study');
  });

  it('reads the list rows without the rep, controls and container titles ignored', () => {
    expect(outlookReader.readListRows(doc)).toEqual([
      { senders: [ADAEZE], subject: 'Re: Line-speed study', timeText: 'Mon 11/2/2026 10:14 AM' },
      {
        senders: [{ email: 'newsletter@trade-weekly.example', name: 'Trade Weekly' }],
        subject: 'This week in packaging: 12 lines, 3 closures',
        timeText: 'Sun 11/1/2026 7:00 AM',
      },
      { senders: [JURGEN], subject: 'Angebot Antriebstechnik', timeText: 'Fri 10/30/2026 4:45 PM' },
      // The rep's own "Note to self" row has no one else: left out.
    ]);
  });

  it('no element of the conversation or list is in a compose', () => {
    expect(outlookReader.composeRootOrUndefined(doc.querySelector('[role="option"]')!)).toBeUndefined();
    expect(outlookReader.composeRootOrUndefined(doc.querySelector('[data-item-id]')!)).toBeUndefined();
  });
});

describe('Outlook: new Outlook 2024–25 compose', () => {
  it('reads a new message in the reading pane: pills, typed address, Bcc text, subject, draft id', () => {
    const doc = load('2025-01-new-outlook-compose-new.html');
    const root = composeOf(doc, '[data-testid="ComposeSendButton"] svg');
    expect(root.getAttribute('data-app-section')).toBe('MailCompose');
    expect(outlookReader.composeRootOrUndefined(doc.querySelector('[aria-label="Cc"] .textContainer')!)).toBe(root);
    expect(outlookReader.readComposeOrUndefined(root, 'https://outlook.office.com/mail/inbox')).toEqual({
      kind: 'new',
      to: [SIOBHAN, { email: 'ottilie.brandt@havel-metalworks.example', name: 'Ottilie Brandt' }, { email: 'info@havel-metalworks.example' }],
      cc: [SOREN],
      bcc: [CRM],
      subject: 'Thought you might like this: forming-line study',
      draftId: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAEPAAAiIsqMbYjsT5e-T7KzowPTAAAZc0aaAAA=',
    });
    // With no conversation open, the list stays readable and there is no thread.
    expect(outlookReader.readThreadOrUndefined(doc)).toBeUndefined();
    expect(outlookReader.threadMarkerOrUndefined(doc)).toBeUndefined();
    expect(outlookReader.readListRows(doc)).toEqual([{ senders: [ADAEZE], subject: 'Re: Line-speed study', timeText: 'Mon 11/2/2026 10:14 AM' }]);
  });

  it('knows the Send button from Discard, Attach, the send-options chevron and a nested dialog’s OK', () => {
    const doc = load('2025-01-new-outlook-compose-new.html');
    const root = composeOf(doc, '#editorParent_1');
    expect(outlookReader.isSendControl(doc.querySelector('#sendButton path')!, root)).toBe(true);
    expect(outlookReader.isSendControl(doc.querySelector('#sendButton')!, root)).toBe(true);
    for (const label of ['Discard', 'Attach file', 'More send options', 'OK', 'To']) {
      expect(outlookReader.isSendControl(buttonByLabel(root, label), root), label).toBe(false);
    }
    expect(outlookReader.isSendControl(doc.querySelector('#editorParent_1')!, root)).toBe(false);
    // A Send button of another compose is not this compose's Send.
    const elsewhere = html('<div data-app-section="MailCompose"><button aria-label="Send" title="Send (Ctrl+Enter)">Send</button></div>');
    expect(outlookReader.isSendControl(elsewhere.querySelector('button')!, root)).toBe(false);
  });

  it('reads an inline reply (no subject field, Send by its shortcut hint) and keeps the draft out of the thread', () => {
    const doc = load('2025-01-new-outlook-inline-reply.html');
    const root = composeOf(doc, '[data-app-section="MailCompose"] [aria-label="Message body"]');
    expect(outlookReader.readComposeOrUndefined(root, 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM3')).toEqual({
      kind: 'reply',
      // The pill shows "Siobhán"; its aria-label has the full name. Hostile pill titles are refused.
      to: [SIOBHAN],
      cc: [SOREN],
      bcc: [],
      draftId: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAEPAAAiIsqMbYjsT5e-T7KzowPTAAAZc0bbAAA=',
    });
    expect(outlookReader.isSendControl(buttonByLabel(root, 'Send').querySelector('svg')!, root)).toBe(true);
    expect(outlookReader.isSendControl(buttonByLabel(root, 'Discard'), root)).toBe(false);
    expect(outlookReader.isSendControl(buttonByLabel(root, 'Attach file'), root)).toBe(false);

    expect(outlookReader.signedInAddressOrUndefined(doc)).toBe(REP);
    expect(outlookReader.readThreadOrUndefined(doc)).toEqual({
      id: 'AAQkADAwATM3ZmYAZS1kNTQ4LTk2NzQtMDACLTAwCgAQAF3nGm0rHUJOk2dFQsL4bYw=',
      subject: 'Forming-line retrofit: next steps',
      messages: [
        {
          id: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAEMAAAiIsqMbYjsT5e-T7KzowPTAAAYbwAAAAA=',
          from: SIOBHAN,
          to: [{ email: REP, name: 'Casey Viewer' }, SOREN],
          timeText: 'Tue 11/3/2026 8:40 AM',
        },
        {
          id: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAEMAAAiIsqMbYjsT5e-T7KzowPTAAAYbwAAAAE=',
          from: SOREN,
          to: [{ email: SIOBHAN.email, name: 'Siobhán' }, { email: REP, name: 'Casey Viewer' }],
          timeText: 'Tue 11/3/2026 9:05 AM',
        },
      ],
      participants: [SIOBHAN, SOREN],
    });
  });

  it('a compose in a pop-out window is a pop-out', () => {
    const doc = load('2025-01-new-outlook-compose-new.html');
    const root = composeOf(doc, '#editorParent_1');
    expect(outlookReader.readComposeOrUndefined(root, 'https://outlook.office.com/mail/deeplink/compose?popoutv2=1')?.kind).toBe('pop-out');
    expect(outlookReader.readComposeOrUndefined(root, 'https://outlook.live.com/mail/0/deeplink/compose')?.kind).toBe('pop-out');
    expect(outlookReader.readComposeOrUndefined(root, 'https://outlook.office.com/mail/compose-notes')?.kind).toBe('new');
  });
});

describe('Outlook: OWA 2019–22 in German (labels localised; only stable attributes work)', () => {
  const doc = load('2021-owa-de-conversation-and-reply.html');

  it('finds the rep in the suite header’s Me button title', () => {
    expect(outlookReader.signedInAddressOrUndefined(doc)).toBe(REP);
  });

  it('reads the conversation: "Von:" label stripped, date-like title as the time, body ignored', () => {
    expect(outlookReader.readThreadOrUndefined(doc)).toEqual({
      id: 'AAQkAGE0ZjdjYjM2LWU1NmUtNGE3Ni1iZDYzLTY4ZGQ1ZWQ0MzRiOQAQAJ2o9Y0zyUhNvR1w3fX7Kc4=',
      subject: 'Angebot Antriebstechnik',
      messages: [
        {
          id: 'AAMkAGE0ZjdjYjM2LWU1NmUtNGE3Ni1iZDYzLTY4ZGQ1ZWQ0MzRiOQBGAAAAAAD1nq1MY0bUSavDE9nN2YJgBwDp-LlmAAA=',
          from: JURGEN,
          to: [{ email: REP, name: 'Casey Viewer' }, { email: 'einkauf@nordvik-antrieb.example', name: 'Einkauf Nordvik' }],
          timeText: 'Mo 02.11.2026 16:45',
        },
      ],
      participants: [JURGEN, { email: 'einkauf@nordvik-antrieb.example', name: 'Einkauf Nordvik' }],
    });
    expect(outlookReader.threadMarkerOrUndefined(doc)?.textContent).toBe('Angebot Antriebstechnik');
  });

  it('reads the list rows (non-ASCII addresses lower-cased; "Ungelesen" marks the unread one)', () => {
    expect(outlookReader.readListRows(doc)).toEqual([
      { senders: [JURGEN], subject: 'Angebot Antriebstechnik', timeText: 'Mo 02.11.2026 16:45', unread: true },
      { senders: [{ email: 'élodie.garnier@atelier-vosges.example', name: 'Élodie Garnier' }], subject: 'Devis ligne 3 / 2027', timeText: 'Fr 30.10.2026 09:12' },
    ]);
  });

  it('finds the unnamed inline reply by structure and reads it, draft id from its wrapper', () => {
    const root = composeOf(doc, '.ms-Button--primary .ms-Button-label');
    expect(outlookReader.readComposeOrUndefined(root, 'https://outlook.office365.com/mail/inbox/id/AAQkAGE0')).toEqual({
      kind: 'reply',
      to: [JURGEN],
      cc: [{ email: 'einkauf@nordvik-antrieb.example' }],
      bcc: [],
      draftId: 'AAMkAGE0ZjdjYjM2LWU1NmUtNGE3Ni1iZDYzLTY4ZGQ1ZWQ0MzRiOQBGAAAAAAD1nq1MY0bUSavDE9nN2YJgBwDp-LlmAAE=',
    });
    expect(outlookReader.isSendControl(root.querySelector('.ms-Button--primary .ms-Button-label')!, root)).toBe(true);
    expect(outlookReader.isSendControl(buttonByLabel(root, 'Verwerfen'), root)).toBe(false);
    expect(outlookReader.isSendControl(buttonByLabel(root, 'Anfügen'), root)).toBe(false);
    expect(outlookReader.isSendControl(buttonByLabel(root, 'Entfernen'), root)).toBe(false);
  });

  it('reads the pop-out compose page: To by position, Bcc by label with Cc hidden, draft id from the URL', () => {
    const popOut = load('2021-owa-de-popout-compose.html');
    const root = composeOf(popOut, '[aria-label="Nachrichtentext"]');
    const url = 'https://outlook.office365.com/mail/deeplink/compose/AAMkAGE0ZjdjYjM2LWU1NmUtNGE3Ni1iZDYzLTY4ZGQ1ZWQ0MzRiOQBGAAAAAAD1nq1MY0bUSavDE9nN2YJgBwDp-LlmAAI%3D?popoutv2=1';
    expect(outlookReader.readComposeOrUndefined(root, url)).toEqual({
      kind: 'pop-out',
      to: [SOREN],
      cc: [],
      bcc: [CRM],
      subject: 'Angebot Antriebstechnik – Rückfragen',
      draftId: 'AAMkAGE0ZjdjYjM2LWU1NmUtNGE3Ni1iZDYzLTY4ZGQ1ZWQ0MzRiOQBGAAAAAAD1nq1MY0bUSavDE9nN2YJgBwDp-LlmAAI=',
    });
    expect(outlookReader.signedInAddressOrUndefined(popOut)).toBe(REP);
    expect(outlookReader.readThreadOrUndefined(popOut)).toBeUndefined();
    expect(outlookReader.readListRows(popOut)).toEqual([]);
    // Send is the primary button with no shortcut hint; "Senden" is only a fallback word.
    expect(outlookReader.isSendControl(buttonByLabel(root, 'Senden'), root)).toBe(true);
    expect(outlookReader.isSendControl(buttonByLabel(root, 'Verwerfen'), root)).toBe(false);
    expect(outlookReader.isSendControl(buttonByLabel(root, 'Anfügen'), root)).toBe(false);
  });
});

describe('Outlook: outlook.live.com, list only, rep unknown', () => {
  const doc = load('2025-02-outlook-live-list-only.html');

  it('has no thread, no marker (the empty pane’s heading is not a subject), no rep', () => {
    expect(outlookReader.readThreadOrUndefined(doc)).toBeUndefined();
    expect(outlookReader.threadMarkerOrUndefined(doc)).toBeUndefined();
    expect(outlookReader.signedInAddressOrUndefined(doc)).toBeUndefined();
  });

  it('reads every row with a valid sender (the rep included, since unknown; hostile titles refused)', () => {
    expect(outlookReader.readListRows(doc)).toEqual([
      {
        senders: [
          { email: 'tomasz.wisniewski@baltic-crane.example', name: 'Tomasz Wiśniewski' },
          { email: 'hana.kobayashi@baltic-crane.example', name: 'Hana Kobayashi' },
        ],
        subject: 'Crane controls: site visit',
        timeText: 'Wed 11/4/2026 2:05 PM',
      },
      { senders: [{ email: 'casey.viewer@outlook.example', name: 'Casey Viewer' }], subject: 'Draft: intro to Baltic Crane', timeText: 'Tue 11/3/2026 5:40 PM' },
    ]);
  });
});

describe('Outlook: hostile and degenerate markup', () => {
  it.each([
    ['<script>@x', undefined],
    ['<script>@x.example', undefined],
    ['"evil"@x.example', undefined],
    ['a b@x.example', undefined],
    ['Evil <a@b.example> <c@d.example>', undefined],
    [`${'a'.repeat(320)}@x.example`, undefined],
    ['Ana Lima <Ana@Lima.example>', { email: 'ana@lima.example', name: 'Ana Lima' }],
    ["o'connor@corrib-automation.example", { email: "o'connor@corrib-automation.example", name: 'Shown Name' }],
  ])('a sender titled %j', (title, from) => {
    const doc = html(
      `<div id="ReadingPaneContainerId"><div role="heading" aria-level="2">S</div><div data-item-id="AAMkAG1"><div role="heading" aria-level="3"><span>Shown Name</span></div></div></div>`,
    );
    doc.querySelector('[aria-level="3"] span')!.setAttribute('title', title);
    const thread = outlookReader.readThreadOrUndefined(doc);
    if (from === undefined) expect(thread).toBeUndefined();
    else expect(thread?.messages[0]?.from).toEqual(title.startsWith('Ana') ? from : { ...from, name: 'Shown Name' });
  });

  it('a reply composed inside the message it answers: the message stays, the pills are not its recipients', () => {
    const doc = html(
      `<div id="ReadingPaneContainerId"><div data-item-id="AAMkAG1"><div role="heading" aria-level="3"><span title="a@b.example">Ana</span></div><span title="me@c.example">Me</span>` +
        `<div id="UniqueMessageBody_1">Hi</div><div class="reply"><div class="ms-BasePicker"><span title="x@y.example">X</span></div><div contenteditable="true" aria-multiline="true"></div></div></div></div>`,
    );
    expect(outlookReader.readThreadOrUndefined(doc)?.messages).toEqual([{ id: 'AAMkAG1', from: { email: 'a@b.example', name: 'Ana' }, to: [{ email: 'me@c.example', name: 'Me' }] }]);
    const root = outlookReader.composeRootOrUndefined(doc.querySelector('[aria-multiline]')!)!;
    expect(root.className).toBe('reply');
    expect(outlookReader.readComposeOrUndefined(root, 'https://outlook.office.com/mail/')).toEqual({ kind: 'reply', to: [{ email: 'x@y.example', name: 'X' }], cc: [], bcc: [] });
  });

  it('caps names at 200 characters and refuses hostile item ids', () => {
    const long = 'N'.repeat(300);
    const doc = html(
      `<div id="ReadingPaneContainerId"><div data-item-id="AAMkAG1"><div role="heading" aria-level="3"><span title="a@b.example">${long}</span></div></div><div data-item-id="&lt;img src=x&gt;"><div role="heading" aria-level="3"><span title="c@d.example">C</span></div></div></div>`,
    );
    expect(outlookReader.readThreadOrUndefined(doc)).toEqual({
      messages: [{ id: 'AAMkAG1', from: { email: 'a@b.example', name: 'N'.repeat(200) }, to: [] }],
      participants: [{ email: 'a@b.example', name: 'N'.repeat(200) }],
    });
  });

  it('no reading pane, or a pane without messages → undefined; a detached or bare element is no compose', () => {
    expect(outlookReader.readThreadOrUndefined(html('<div role="main"></div>'))).toBeUndefined();
    expect(outlookReader.readThreadOrUndefined(html('<div id="ReadingPaneContainerId"><div role="heading" aria-level="2">Hi</div></div>'))).toBeUndefined();
    expect(outlookReader.readListRows(html('<div role="listbox"><div role="option">no conversation id</div></div>'))).toEqual([]);
    const bare = html('<div id="x"><button>Send</button></div>');
    expect(outlookReader.composeRootOrUndefined(bare.querySelector('button')!)).toBeUndefined();
    expect(outlookReader.readComposeOrUndefined(bare.querySelector('#x')!, 'https://outlook.office.com/mail/')).toBeUndefined();
    const doc = load('2025-01-new-outlook-compose-new.html');
    const root = composeOf(doc, '#editorParent_1');
    root.remove();
    expect(outlookReader.readComposeOrUndefined(root, 'https://outlook.office.com/mail/')).toBeUndefined();
  });

  it.each([
    ['Envoyer', true],
    ['Enviar', true],
    ['Invia', true],
    ['Verzenden', true],
    ['Skicka', true],
    ['Wyślij', true],
    ['送信', true],
    ['发送', true],
    ['Envoyer plus tard', false],
    ['Abbrechen', false],
  ])('a %s button with no other marker', (label, expected) => {
    const doc = html(
      `<div data-app-section="MailCompose"><div role="textbox" contenteditable="true" aria-label="À"></div><div contenteditable="true" aria-multiline="true"></div><button aria-label="\u200e${label}\u200e"><span>${label}</span></button></div>`,
    );
    const root = doc.querySelector('[data-app-section]')!;
    expect(outlookReader.isSendControl(doc.querySelector('button span')!, root)).toBe(expected);
  });

  it.each([
    ['Envoyer (Ctrl+Entrée)', true],
    ['Senden (Strg+Eingabe)', true],
    ['Gras (Ctrl+B)', false],
    ['Joindre (Ctrl+Maj+A)', false],
  ])('a button titled %j by its shortcut hint', (title, expected) => {
    const doc = html(`<div data-app-section="MailCompose"><div contenteditable="true" aria-multiline="true"></div><button title="${title}"><svg></svg></button></div>`);
    expect(outlookReader.isSendControl(doc.querySelector('svg')!, doc.querySelector('[data-app-section]')!)).toBe(expected);
  });

  it('tells Cc from Bcc by the well’s label in other languages when Cc is hidden', () => {
    const doc = html(
      `<div data-app-section="MailCompose"><div role="textbox" contenteditable="true" aria-label="À">a@b.example</div><div role="textbox" contenteditable="true" aria-label="Cci">c@d.example</div><div contenteditable="true" aria-multiline="true"></div></div>`,
    );
    expect(outlookReader.readComposeOrUndefined(doc.querySelector('[data-app-section]')!, 'https://outlook.live.com/mail/0/')).toEqual({
      kind: 'new',
      to: [{ email: 'a@b.example' }],
      cc: [],
      bcc: [{ email: 'c@d.example' }],
    });
  });
});
