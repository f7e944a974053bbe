import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SentMail } from '../../../lib/messaging/protocol';
import { gmailReader } from '../../../lib/sites/gmail/reader';
import { sentMailOf, watchSends } from '../../../lib/sites/mail/send';
import type { MailCompose } from '../../../lib/sites/mail/types';
import { rep, trustRepEvents } from '../../support/trustedEvents';

const ME = 'casey@groundwork-partners.example';
const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A Gmail compose window, cut down from tests/fixtures/gmail/2024-06-send-flow.html. */
function compose({ draft = '#msg-a:r-4711', to = 'Adaeze Okonkwo-Reyes &lt;adaeze@sable-ridge-foods.example&gt;', cc = '', bcc = 'crm@bcc.example', subject = 'Line-speed study' } = {}) {
  return `
  <div role="dialog" aria-label="New Message">
    <input type="hidden" name="draft" value="${draft}">
    <input type="hidden" name="to" value="${to}">
    <input type="hidden" name="cc" value="${cc}">
    <input type="hidden" name="bcc" value="${bcc}">
    <input name="subjectbox" value="${subject}">
    <div role="textbox" contenteditable="true" g_editable="true">Hi Adaeze, here are the numbers.</div>
    <div role="button" class="T-I J-J5-Ji aoO v7 T-I-atl L3" data-tooltip="Send ‪(Ctrl-Enter)‬" aria-label="Send ‪(Ctrl-Enter)‬" tabindex="1"><span>Send</span></div>
    <div role="button" class="T-I J-J5-Ji hG T-I-atl hF" aria-label="More send options" aria-haspopup="true" tabindex="1"></div>
    <div role="button" class="og T-I-J3" aria-label="Discard draft ‪(Ctrl-Shift-D)‬" data-tooltip="Discard draft ‪(Ctrl-Shift-D)‬" tabindex="1"></div>
  </div>`;
}

function show(html: string) {
  const page = `<div role="banner"><a aria-label="Google Account: Casey Viewer (${ME})" href="#"></a></div>${html}`;
  document.body.replaceChildren(...new DOMParser().parseFromString(page, 'text/html').body.childNodes);
}

const el = (selector: string) => document.querySelector<HTMLElement>(selector)!;
const sendButton = () => el('[role="dialog"] .aoO');
const body = () => el('[role="dialog"] [role="textbox"]');
const closeCompose = () => el('[role="dialog"]').remove();

// The rep's own clicks and keys are events passed through rep(): jsdom cannot dispatch trusted
// events, so tests/support/trustedEvents.ts shows them to listeners as trusted (see there).
const click = (target: Element, trusted = true) => {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  target.dispatchEvent(trusted ? rep(event) : event);
};
const key = (target: Element, init: KeyboardEventInit) => target.dispatchEvent(rep(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })));

function timers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    setTimeout: (f: () => void) => (pending.set(next, f), next++),
    clearTimeout: (id: number) => void pending.delete(id),
    fire: () => [...pending.values()].forEach((f) => f()),
    pending: () => pending.size,
  };
}

let controller: AbortController;
let t: ReturnType<typeof timers>;
let sent: SentMail[];
function watch(url = INBOX) {
  watchSends({ reader: gmailReader, doc: document, url: () => url, signal: controller.signal, timers: t, onSent: (mail) => sent.push(mail) });
}

beforeEach(() => {
  trustRepEvents();
  controller = new AbortController();
  t = timers();
  sent = [];
});
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

const ADAEZE_MAIL: SentMail = {
  site: 'gmail',
  key: 'msg-a:r-4711',
  from: ME,
  to: [{ email: 'adaeze@sable-ridge-foods.example', name: 'Adaeze Okonkwo-Reyes' }],
  cc: [],
  bcc: [{ email: 'crm@bcc.example' }],
  subject: 'Line-speed study',
};

describe('watchSends', () => {
  it('a click on Send counts once Gmail closes the compose, not before', async () => {
    show(compose());
    watch();
    click(sendButton().querySelector('span')!);
    await flush();
    expect(sent).toEqual([]);
    closeCompose();
    await flush();
    expect(sent).toEqual([ADAEZE_MAIL]);
    expect(t.pending()).toBe(0);
    // Later changes to the page do not report it again.
    document.body.append(document.createElement('div'));
    await flush();
    expect(sent).toHaveLength(1);
  });

  it('a second click while the send is pending reports the email once', async () => {
    show(compose());
    watch();
    click(sendButton());
    click(sendButton());
    closeCompose();
    await flush();
    expect(sent).toHaveLength(1);
  });

  it('a compose still open when the limit passes was not sent (Gmail refused it): nothing', async () => {
    show(compose());
    watch();
    click(sendButton());
    t.fire();
    closeCompose();
    await flush();
    expect(sent).toEqual([]);
  });

  it('a compose closed by the time the limit passes counts', async () => {
    show(compose());
    watch();
    click(sendButton());
    // Removed without a mutation the observer could see in time: the limit reads the page again.
    closeCompose();
    t.fire();
    await flush();
    expect(sent).toEqual([ADAEZE_MAIL]);
  });

  it('a synthetic click (a page script’s click()) is ignored', async () => {
    show(compose());
    watch();
    click(sendButton(), false);
    sendButton().click();
    closeCompose();
    await flush();
    expect(sent).toEqual([]);
    expect(t.pending()).toBe(0);
  });

  it.each<[string, () => Element, KeyboardEventInit]>([
    ['Ctrl+Enter in the body', body, { key: 'Enter', ctrlKey: true }],
    ['Cmd+Enter in the body', body, { key: 'Enter', metaKey: true }],
    ['Enter on the focused Send button', sendButton, { key: 'Enter' }],
    ['Space on the focused Send button', sendButton, { key: ' ' }],
  ])('%s sends', async (_label, target, init) => {
    show(compose());
    watch();
    key(target(), init);
    closeCompose();
    await flush();
    expect(sent).toEqual([ADAEZE_MAIL]);
  });

  it.each<[string, () => Element, KeyboardEventInit]>([
    ['Enter alone in the body (a new line)', body, { key: 'Enter' }],
    ['Shift+Enter in the body', body, { key: 'Enter', shiftKey: true }],
    ['a held-down Ctrl+Enter (key repeat)', body, { key: 'Enter', ctrlKey: true, repeat: true }],
    ['Space in the body', body, { key: ' ' }],
  ])('%s does not send', async (_label, target, init) => {
    show(compose());
    watch();
    key(target(), init);
    closeCompose();
    await flush();
    expect(sent).toEqual([]);
  });

  it.each([
    ['Discard draft', '[aria-label^="Discard draft"]'],
    ['More send options', '[aria-label="More send options"]'],
  ])('%s is not Send, even when the compose then closes', async (_label, selector) => {
    show(compose());
    watch();
    click(el(selector));
    key(el(selector), { key: 'Enter' });
    closeCompose();
    await flush();
    expect(sent).toEqual([]);
  });

  it('a compose without recipients is not reported', async () => {
    show(compose({ to: '', bcc: '' }));
    watch();
    click(sendButton());
    closeCompose();
    await flush();
    expect(sent).toEqual([]);
  });

  it('a pop-out compose counts at once (its window closes with the send)', () => {
    show(compose());
    watch('https://mail.google.com/mail/u/0/?view=cm&fs=1');
    click(sendButton());
    expect(sent).toEqual([ADAEZE_MAIL]);
  });

  it('a compose without a draft id is keyed by a digest', async () => {
    show(compose({ draft: 'undefined' }));
    watch();
    click(sendButton());
    closeCompose();
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.key).toMatch(/^d-[0-9a-z]+$/);
  });

  it('the abort signal stops a pending send and all further watching', async () => {
    show(compose());
    watch();
    click(sendButton());
    controller.abort();
    expect(t.pending()).toBe(0);
    closeCompose();
    await flush();
    show(compose());
    click(sendButton());
    key(body(), { key: 'Enter', ctrlKey: true });
    closeCompose();
    await flush();
    expect(sent).toEqual([]);
    expect(t.pending()).toBe(0);
  });
});

describe('sentMailOf', () => {
  const MINUTE = 60_000;
  const at = Date.UTC(2026, 10, 2, 9, 0, 30);
  const draftless: MailCompose = { kind: 'new', to: [{ email: 'adaeze@sable-ridge-foods.example' }], cc: [], bcc: [], subject: 'Line-speed study' };

  it('uses the draft id when there is one', () => {
    expect(sentMailOf('gmail', { ...draftless, draftId: 'msg-a:r-1' }, ME, at).key).toBe('msg-a:r-1');
  });

  it('without a draft id, the same recipients and subject in the same minute get the same key', () => {
    const key = sentMailOf('gmail', draftless, ME, at).key;
    expect(key).toMatch(/^d-[0-9a-z]+$/);
    expect(sentMailOf('gmail', draftless, undefined, at + 20_000).key).toBe(key);
    expect(sentMailOf('gmail', draftless, ME, at + MINUTE).key).not.toBe(key);
    expect(sentMailOf('gmail', { ...draftless, subject: 'Another' }, ME, at).key).not.toBe(key);
    expect(sentMailOf('gmail', { ...draftless, cc: [{ email: 'x@y.example' }] }, ME, at).key).not.toBe(key);
  });

  it('leaves out what is unknown rather than sending empty fields', () => {
    const { subject: _subject, ...noSubject } = draftless;
    expect(sentMailOf('outlook', { ...noSubject, draftId: 'AAMk1' }, undefined, at)).toEqual({ site: 'outlook', key: 'AAMk1', to: draftless.to, cc: [], bcc: [] });
  });
});

describe('gmailReader compose reading', () => {
  function button(attributes: Record<string, string>) {
    show(compose());
    const root = el('[role="dialog"]');
    const probe = document.createElement('div');
    probe.setAttribute('role', 'button');
    for (const [name, value] of Object.entries(attributes)) probe.setAttribute(name, value);
    root.append(probe);
    return { root, probe };
  }

  it.each<[string, Record<string, string>, boolean]>([
    ['German Send tooltip without the aoO class', { 'data-tooltip': 'Senden \u202a(Strg + Eingabetaste)\u202c' }, true],
    ['French Send label', { 'aria-label': 'Envoyer \u202a(Ctrl-Entrée)\u202c' }, true],
    ['an unlisted word with the Send shortcut hint', { 'data-tooltip': 'Skicka nu \u202a(Ctrl-Enter)\u202c' }, true],
    ['German Discard tooltip', { 'data-tooltip': 'Entwurf verwerfen \u202a(Strg + Umschalttaste + D)\u202c' }, false],
    ['a menu button', { 'aria-label': 'Senden', 'aria-haspopup': 'true' }, false],
    ['a button without a label', {}, false],
  ])('isSendControl: %s → %s', (_label, attributes, expected) => {
    const { root, probe } = button(attributes);
    expect(gmailReader.isSendControl(probe, root)).toBe(expected);
  });

  it('isSendControl: a Send button outside this compose is not its Send', () => {
    show(`${compose()}<div role="button" class="aoO" id="elsewhere">Send</div>`);
    expect(gmailReader.isSendControl(el('#elsewhere'), el('[role="dialog"]'))).toBe(false);
  });

  it.each([
    ['#msg-a:r-4711', 'msg-a:r-4711'],
    ['undefined', undefined],
    ['', undefined],
    ['a b<script>', undefined],
  ])('readComposeOrUndefined: draft field %j → draftId %j', (value, expected) => {
    show(compose());
    const root = el('[role="dialog"]');
    root.querySelector<HTMLInputElement>('input[name="draft"]')!.value = value;
    const read = gmailReader.readComposeOrUndefined(root, INBOX);
    expect(read?.draftId).toBe(expected);
    expect(read?.to).toEqual([{ email: 'adaeze@sable-ridge-foods.example', name: 'Adaeze Okonkwo-Reyes' }]);
  });

  it('readComposeOrUndefined: a removed compose is no compose', () => {
    show(compose());
    const root = el('[role="dialog"]');
    root.remove();
    expect(gmailReader.readComposeOrUndefined(root, INBOX)).toBeUndefined();
  });
});
