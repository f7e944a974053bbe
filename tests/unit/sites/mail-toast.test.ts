import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { LoggedRecipient, OfferedRecipient, SentMail } from '../../../lib/messaging/protocol';
import { afterSendContent, namesOf } from '../../../lib/sites/mail/contentScript';
import { createToast, NOT_VISIBLE_TEXT, type Toast, type ToastContent, type VisibilityWatch } from '../../../lib/sites/mail/toast';
import { rep, trustRepEvents } from '../../support/trustedEvents';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const VISIBLE_MS = 10_000;

// The toast's shadow root is closed: the page (and so the test) cannot reach it through
// host.shadowRoot. To look inside, the test captures the root as attachShadow returns it.
let roots: ShadowRoot[];
let toast: Toast;
// Chrome's judgement of whether the toast is fully visible (IntersectionObserver v2), played by
// the test: visible as soon as shown unless a test says otherwise; clickable a macrotask later.
let seeVisible: (visible: boolean) => void;
const watch: VisibilityWatch = (_element, onChange) => {
  seeVisible = onChange;
  onChange(true);
  return () => undefined;
};
beforeEach(() => {
  roots = [];
  const attachShadow = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    return root;
  });
  trustRepEvents();
  toast = createToast(document, { visibleMs: VISIBLE_MS, watch, armAfterMs: 0 });
});
afterEach(() => {
  toast.close();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const host = () => document.querySelector('groundwork-toast');
const root = () => roots.at(-1)!;
const box = () => root().querySelector<HTMLElement>('.toast')!;
const text = () => root().querySelector('.text')!.textContent;
const buttons = () => [...root().querySelectorAll('button')];
const button = (label: string) => buttons().find((b) => b.textContent === label)!;
/** The rep's click, once the toast has been on screen a moment. */
const click = async (target: Element) => {
  await flush();
  target.dispatchEvent(rep(new MouseEvent('click', { bubbles: true })));
};
/** The rep's click at once: on a toast that just appeared, or that the page just hid. */
const clickNow = (target: Element) => target.dispatchEvent(rep(new MouseEvent('click', { bubbles: true })));

describe('the toast', () => {
  it('lives in a closed shadow root the page cannot reach, and announces itself politely', () => {
    toast.show({ text: 'Logged for Jane Doe' });
    expect(host()).not.toBeNull();
    expect(host()!.shadowRoot).toBeNull();
    expect(document.querySelector('[role="status"], .toast')).toBeNull();
    expect(box()).toHaveAttribute('role', 'status');
    expect(box()).toHaveAttribute('aria-live', 'polite');
    expect(text()).toBe('GroundworkLogged for Jane Doe');
  });

  it('shows names from the page as text, never as markup', () => {
    const name = '<img src=x onerror=alert(1)>';
    toast.show(afterSendContent(mail, [{ touchId: 't1', personId: 'p1', name, email: 'x@evil.example' }], [])!);
    expect(text()).toBe(`GroundworkLogged for ${name}`);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect(root().querySelectorAll('img')).toHaveLength(0);
  });

  it('showing again replaces the content in the one toast', () => {
    toast.show({ text: 'First' });
    toast.show({ text: 'Second', actions: [{ label: 'Undo', run: async () => undefined }] });
    expect(document.querySelectorAll('groundwork-toast')).toHaveLength(1);
    expect(text()).toBe('GroundworkSecond');
    expect(buttons().map((b) => b.textContent)).toEqual(['Undo', '×']);
  });

  it('closes with Escape, and with its × button', async () => {
    toast.show({ text: 'Logged for Jane Doe', actions: [{ label: 'Undo', run: async () => undefined }] });
    button('Undo').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(host()).toBeNull();
    toast.show({ text: 'Again' });
    expect(host()).not.toBeNull();
    await click(button('×'));
    expect(host()).toBeNull();
  });

  it('runs an action on the rep’s click and shows what comes next', async () => {
    let finish: (next: ToastContent) => void = () => {};
    const run = vi.fn(() => new Promise<ToastContent>((resolve) => (finish = resolve)));
    toast.show({ text: 'Logged for Jane Doe', actions: [{ label: 'Undo', run }] });
    await click(button('Undo'));
    expect(run).toHaveBeenCalledTimes(1);
    // While it runs, a second click cannot run it again.
    expect(button('Undo').disabled).toBe(true);
    finish({ text: 'Removed from Groundwork: Jane Doe' });
    await flush();
    expect(text()).toBe('GroundworkRemoved from Groundwork: Jane Doe');
    expect(buttons().map((b) => b.textContent)).toEqual(['×']);
  });

  it('an action with nothing more to say closes the toast', async () => {
    toast.show({ text: 'x', actions: [{ label: 'Undo', run: async () => undefined }] });
    await click(button('Undo'));
    await flush();
    expect(host()).toBeNull();
  });

  it('a failing action says it was not done, and why', async () => {
    toast.show({ text: 'Logged for Jane Doe', actions: [{ label: 'Undo', run: () => Promise.reject(new Error('Groundwork was updated; reload the page')) }] });
    await click(button('Undo'));
    await flush();
    expect(text()).toBe('GroundworkNot done: Groundwork was updated; reload the page');
  });

  it('does nothing while the page hides or covers it, and says so; acts once it has been visible a moment', async () => {
    const run = vi.fn(async () => undefined);
    toast.show({ text: 'Logged for Jane Doe', actions: [{ label: 'Undo', run }] });
    seeVisible(false);
    expect(button('Undo')).toHaveAttribute('aria-disabled', 'true');
    await click(button('Undo'));
    await flush();
    expect(run).not.toHaveBeenCalled();
    expect(text()).toBe(`Groundwork${NOT_VISIBLE_TEXT}`);

    toast.show({ text: 'Logged for Jane Doe', actions: [{ label: 'Undo', run }] });
    seeVisible(false);
    seeVisible(true);
    clickNow(button('Undo')); // visible again only this instant: a flash is not an informed click
    await flush();
    expect(run).not.toHaveBeenCalled();

    toast.show({ text: 'Logged for Jane Doe', actions: [{ label: 'Undo', run }] });
    await flush();
    expect(button('Undo')).toHaveAttribute('aria-disabled', 'false');
    await click(button('Undo'));
    await flush();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('before Chrome has judged it at all, a click is only too early: no claim that the page hid it', async () => {
    const silent = createToast(document, { visibleMs: VISIBLE_MS, watch: () => () => undefined, armAfterMs: 0 });
    const run = vi.fn(async () => undefined);
    silent.show({ text: 'Logged for Jane Doe', actions: [{ label: 'Undo', run }] });
    await click(button('Undo'));
    await flush();
    expect(run).not.toHaveBeenCalled();
    expect(text()).toBe('GroundworkLogged for Jane Doe');
    silent.close();
  });

  it('new content disarms it: a double click never reaches the button that replaced the first', async () => {
    const undo = vi.fn(async () => undefined);
    toast.show({ text: 'Ottilie Brandt is not in Groundwork', actions: [{ label: 'Log to Groundwork', run: async () => ({ text: 'Logged for Ottilie Brandt', actions: [{ label: 'Undo', run: undo }] }) }] });
    await click(button('Log to Groundwork'));
    await vi.waitFor(() => expect(button('Undo')).toBeDefined());
    expect(button('Undo')).toHaveAttribute('aria-disabled', 'true');
    clickNow(button('Undo'));
    await flush();
    expect(undo).not.toHaveBeenCalled();
    await click(button('Undo'));
    await vi.waitFor(() => expect(undo).toHaveBeenCalledTimes(1));
  });

  it('whatever the page does to its element is undone at once, and disarms it until seen again', async () => {
    const run = vi.fn(async () => undefined);
    toast.show({ text: 'Logged for Jane Doe', actions: [{ label: 'Undo', run }] });
    await flush();
    expect(button('Undo')).toHaveAttribute('aria-disabled', 'false');
    host()!.setAttribute('style', 'opacity: 0 !important');
    host()!.setAttribute('class', 'hidden-by-page');
    await Promise.resolve(); // the toast's MutationObserver has run; no time has passed
    expect(button('Undo')).toHaveAttribute('aria-disabled', 'true');
    expect(host()!.getAttribute('style')).toContain('opacity: 1 !important');
    expect(host()!.hasAttribute('class')).toBe(false);
    clickNow(button('Undo'));
    await flush();
    expect(run).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(button('Undo')).toHaveAttribute('aria-disabled', 'false'));
  });

  it('the page’s stylesheets cannot hide or move it: its own style outranks them', () => {
    toast.show({ text: 'x' });
    const style = host()!.getAttribute('style')!;
    for (const declaration of ['opacity: 1 !important', 'visibility: visible !important', 'display: block !important', 'position: fixed !important', 'transform: none !important', 'filter: none !important', 'z-index: 2147483647 !important']) {
      expect(style).toContain(declaration);
    }
  });

  it('ignores a click the rep did not make', async () => {
    const run = vi.fn(async () => undefined);
    toast.show({ text: 'x', actions: [{ label: 'Undo', run }] });
    button('Undo').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await flush();
    expect(run).not.toHaveBeenCalled();
    expect(host()).not.toBeNull();
  });

  it('goes away after its time', () => {
    vi.useFakeTimers();
    toast.show({ text: 'x' });
    vi.advanceTimersByTime(VISIBLE_MS - 1);
    expect(host()).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(host()).toBeNull();
  });

  it.each([
    ['hovered', 'mouseenter', 'mouseleave'],
    ['focused', 'focusin', 'focusout'],
  ])('stays while %s, and goes its full time after', (_label, hold, release) => {
    vi.useFakeTimers();
    toast.show({ text: 'x', actions: [{ label: 'Undo', run: async () => undefined }] });
    box().dispatchEvent(new Event(hold, { bubbles: true }));
    vi.advanceTimersByTime(5 * VISIBLE_MS);
    expect(host()).not.toBeNull();
    box().dispatchEvent(new Event(release, { bubbles: true }));
    vi.advanceTimersByTime(VISIBLE_MS - 1);
    expect(host()).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(host()).toBeNull();
  });

  it('new content starts the time again', () => {
    vi.useFakeTimers();
    toast.show({ text: 'first' });
    vi.advanceTimersByTime(VISIBLE_MS - 1);
    toast.show({ text: 'second' });
    vi.advanceTimersByTime(VISIBLE_MS - 1);
    expect(text()).toBe('Groundworksecond');
  });
});

const mail: SentMail = { site: 'gmail', key: 'msg-a:r-4711', to: [{ email: 'adaeze@sable-ridge-foods.example' }], cc: [], bcc: [] };
const adaeze: LoggedRecipient = { touchId: 't1', personId: 'p1', name: 'Adaeze Okonkwo-Reyes', email: 'adaeze@sable-ridge-foods.example' };
const ottilie: OfferedRecipient = { email: 'o.brandt@havel-metalworks.example', name: 'Ottilie Brandt', saved: false };

describe('namesOf', () => {
  it.each([
    [[{ email: 'jane@acme.example', name: 'Jane Doe' }], 'Jane Doe'],
    [[{ email: 'jane@acme.example' }], 'jane@acme.example'],
    [[{ email: 'a@x.example', name: 'Jane Doe' }, { email: 'b@x.example', name: 'Ottilie Brandt' }], 'Jane Doe and Ottilie Brandt'],
    [[{ email: 'a@x.example', name: 'Jane Doe' }, { email: 'b@x.example' }, { email: 'c@x.example' }], 'Jane Doe and 2 others'],
  ])('%j → %s', (people, expected) => {
    expect(namesOf(people)).toBe(expected);
  });
});

/** The background, as the content script's sendMessage reaches it: answers `reply`, keeps what it got. */
function background(reply: unknown) {
  const received: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    received.push(message);
    return Promise.resolve(reply);
  });
  return received;
}

describe('afterSendContent', () => {
  const labels = (content: ToastContent | undefined) => content?.actions?.map((a) => a.label);

  it.each<[string, LoggedRecipient[], OfferedRecipient[], string | undefined, string[] | undefined]>([
    ['nobody logged or offered', [], [], undefined, undefined],
    ['a saved prospect logged', [adaeze], [], 'Logged for Adaeze Okonkwo-Reyes', ['Undo', 'Give', 'Ask']],
    ['one new recipient', [], [ottilie], 'Ottilie Brandt is not in Groundwork', ['Log to Groundwork']],
    ['two new recipients', [], [ottilie, { email: 'jo@havel-metalworks.example', saved: false }], 'Ottilie Brandt and jo@havel-metalworks.example are not in Groundwork', ['Log to Groundwork']],
    ['a role address alone: never offered', [], [{ email: 'info@havel-metalworks.example', saved: false, role: true }], undefined, undefined],
    ['a new person and a role address', [], [ottilie, { email: 'info@havel-metalworks.example', saved: false, role: true }], 'Ottilie Brandt is not in Groundwork', ['Log to Groundwork']],
    ['a saved prospect with automatic logging off', [], [{ email: adaeze.email, name: 'Adaeze', saved: true }], 'Log this email for Adaeze?', ['Log to Groundwork']],
    ['one logged and one new', [adaeze], [ottilie], 'Logged for Adaeze Okonkwo-Reyes · Ottilie Brandt is not in Groundwork', ['Undo', 'Give', 'Ask', 'Log to Groundwork']],
  ])('%s', (_label, logged, offered, text, actions) => {
    const content = afterSendContent(mail, logged, offered);
    expect(content?.text).toBe(text);
    expect(labels(content)).toEqual(actions);
  });

  const unknownAdaeze: OfferedRecipient = {
    email: 'adaeze@sable-ridge-foods.example',
    name: 'Adaeze Okonkwo-Reyes',
    saved: false,
    candidates: [{ personId: 'p-adaeze', name: 'Adaeze Okonkwo-Reyes', company: 'Sable Ridge Foods', source: 'linkedin', confident: true }],
  };

  it('one unknown address that is surely a saved prospect: "Link this address" in one click, or "New person"', async () => {
    const content = afterSendContent(mail, [], [unknownAdaeze])!;
    expect(content.text).toBe('Adaeze Okonkwo-Reyes (Sable Ridge Foods, from LinkedIn)? adaeze@sable-ridge-foods.example is not in Groundwork yet');
    expect(labels(content)).toEqual(['Link this address', 'New person']);
    const linked: LoggedRecipient = { touchId: 't7', personId: 'p-adaeze', name: 'Adaeze Okonkwo-Reyes', email: unknownAdaeze.email };
    const received = background({ ok: true, value: { logged: [linked] } });
    const next = await content.actions![0]!.run(new Map());
    expect(received).toEqual([{ type: 'mail/link-recipient', mail, email: unknownAdaeze.email, personId: 'p-adaeze' }]);
    expect(next?.text).toBe('Logged for Adaeze Okonkwo-Reyes');
    // Its Undo takes the address back from her too.
    await next!.actions![0]!.run(new Map());
    expect(received.at(-1)).toEqual({ type: 'mail/undo', touchIds: ['t7'], unlink: [unknownAdaeze.email] });
  });

  it('several recipients: one row each to tick, role addresses unticked, and who each may be', () => {
    const chris: OfferedRecipient = {
      email: 'chris@gmail.example',
      name: 'Chris Miller',
      saved: false,
      candidates: [
        { personId: 'p-1', name: 'Chris Miller', company: 'Northwind Foods', source: 'linkedin', confident: true },
        { personId: 'p-2', name: 'Chris Miller', company: 'Lumen Labs', source: 'linkedin', confident: true },
      ],
    };
    const content = afterSendContent(mail, [], [unknownAdaeze, chris, { email: 'updates@mailer.example', saved: false, role: true }])!;
    expect(content.rows).toEqual([
      expect.objectContaining({ key: unknownAdaeze.email, checked: true, selected: 'p-adaeze' }),
      expect.objectContaining({ key: 'chris@gmail.example', checked: true, selected: '', options: [
        { value: '', label: 'Who is this?' },
        { value: 'p-1', label: 'Is Chris Miller (Northwind Foods, from LinkedIn)' },
        { value: 'p-2', label: 'Is Chris Miller (Lumen Labs, from LinkedIn)' },
        { value: 'new', label: 'Someone new' },
      ] }),
      expect.objectContaining({ key: 'updates@mailer.example', checked: false }),
    ]);
  });

  it('logs what was ticked as chosen: a link, someone new; a row left undecided is asked about first', async () => {
    const content = afterSendContent(mail, [], [unknownAdaeze, ottilie, { email: 'updates@mailer.example', saved: false, role: true }])!;
    const received = background({ ok: true, value: { logged: [] } });
    const choices = new Map([
      [unknownAdaeze.email, { checked: true, option: 'p-adaeze' }],
      [ottilie.email, { checked: true }],
      ['updates@mailer.example', { checked: false }],
    ]);
    await content.actions![0]!.run(choices);
    expect(received).toEqual([
      { type: 'mail/link-recipient', mail, email: unknownAdaeze.email, personId: 'p-adaeze' },
      { type: 'mail/log-recipients', mail, emails: [ottilie.email] },
    ]);
    await expect(content.actions![0]!.run(new Map([[unknownAdaeze.email, { checked: true, option: '' }]]))).rejects.toThrow(/choose who Adaeze Okonkwo-Reyes is/);
    await expect(content.actions![0]!.run(new Map())).rejects.toThrow(/nobody is ticked/);
  });

  it('one choice refused, the others logged: the toast says who was not logged, and offers Undo for who was', async () => {
    const content = afterSendContent(mail, [], [unknownAdaeze, ottilie])!;
    const loggedOttilie: LoggedRecipient = { touchId: 't8', personId: 'p8', name: 'Ottilie Brandt', email: ottilie.email };
    fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
      Promise.resolve((message as { type: string }).type === 'mail/link-recipient' ? { ok: false, error: `${unknownAdaeze.email} is already Ada Reyes's address` } : { ok: true, value: { logged: [loggedOttilie] } }),
    );
    const next = await content.actions![0]!.run(new Map([[unknownAdaeze.email, { checked: true, option: 'p-adaeze' }], [ottilie.email, { checked: true }]]));
    expect(next?.text).toBe(`Logged for Ottilie Brandt · not logged for ${unknownAdaeze.email} (${unknownAdaeze.email} is already Ada Reyes's address)`);
    expect(next?.actions?.map((a) => a.label)).toEqual(['Undo', 'Give', 'Ask']);
  });

  it('in the page, the rows are checkboxes and choices the rep sets; Log sends what they set', async () => {
    const received = background({ ok: true, value: { logged: [] } });
    toast.show(afterSendContent(mail, [], [ottilie, { email: 'info@havel-metalworks.example', saved: false, role: true }])!);
    const ticks = [...root().querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(ticks.map((t) => t.checked)).toEqual([true, false]);
    ticks[1]!.checked = true;
    await click(button('Log to Groundwork'));
    await vi.waitFor(() => expect(received).toEqual([{ type: 'mail/log-recipients', mail, emails: [ottilie.email, 'info@havel-metalworks.example'] }]));
  });

  it('Undo asks the background to remove what was logged', async () => {
    const received = background({ ok: true, value: { removed: 1 } });
    const next = await afterSendContent(mail, [adaeze], [])!.actions![0]!.run(new Map());
    expect(received).toEqual([{ type: 'mail/undo', touchIds: ['t1'] }]);
    expect(next).toEqual({ text: 'Removed from Groundwork: Adaeze Okonkwo-Reyes' });
  });

  it('Log to Groundwork logs the offered recipients and then offers Undo', async () => {
    const logged: LoggedRecipient = { touchId: 't9', personId: 'p9', name: 'Ottilie Brandt', email: ottilie.email };
    const received = background({ ok: true, value: { logged: [logged] } });
    const next = await afterSendContent(mail, [], [ottilie])!.actions![0]!.run(new Map());
    expect(received).toEqual([{ type: 'mail/log-recipients', mail, emails: [ottilie.email] }]);
    expect(next?.text).toBe('Logged for Ottilie Brandt');
    expect(labels(next)).toEqual(['Undo', 'Give', 'Ask']);
  });

  it('"Give" says what the logged email was, in one click, and the toast says so', async () => {
    const received = background({ ok: true, value: { changed: 1 } });
    const content = afterSendContent(mail, [adaeze], [])!;
    const next = await content.actions!.find((a) => a.label === 'Give')!.run(new Map());
    expect(received).toEqual([{ type: 'mail/set-intent', touchIds: ['t1'], intent: 'give' }]);
    expect(next?.text).toBe('Logged for Adaeze Okonkwo-Reyes as a give');
    expect(labels(next)).toEqual(['Undo']);
  });

  it('Undo that cannot reach the background says so', async () => {
    // No listener: as when the extension was updated and this content script is orphaned.
    await expect(afterSendContent(mail, [adaeze], [])!.actions![0]!.run(new Map())).rejects.toThrow(/No listeners/);
  });

  it('in the toast, a refusal from the background shows as not done', async () => {
    background({ ok: false, error: 'o.brandt@havel-metalworks.example is never logged (a colleague or on the never-log list)' });
    toast.show(afterSendContent(mail, [], [ottilie])!);
    await click(button('Log to Groundwork'));
    await vi.waitFor(() => expect(text()).toMatch(/^GroundworkNot done: o\.brandt@havel-metalworks\.example is never logged/));
  });
});
