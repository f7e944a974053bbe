/**
 * Groundwork's one piece of in-page UI, in webmail only (never on LinkedIn, DESIGN.md principle
 * 9): a small toast after a send — "Logged for Jane Doe · Undo" or "… · Log to Groundwork". It
 * lives in a closed shadow root (the page's styles and scripts cannot reach into it), is built
 * with createElement and textContent only (names come from the page: never HTML), announces
 * itself politely to screen readers without taking focus from the rep, is reachable with Tab,
 * closes with Escape, stays while hovered or focused, and is removed with the content script.
 *
 * The page cannot hide or restyle it to trick the rep into a click (issue 15): the host's own
 * style attribute carries every property that could hide or move it, `!important`, which no page
 * stylesheet outranks; and a button acts only while Chrome's IntersectionObserver v2 — built
 * against clickjacking — has seen the toast fully visible (no opacity, filter or transform on it
 * or an ancestor, nothing drawn over it) for a moment. A page script that restyles the host, or
 * covers it, gets a toast that does nothing and says so.
 */

/** What the rep chose in one row of the toast: ticked or not, and the option picked. */
export interface ToastChoice {
  checked: boolean;
  option?: string;
}

export interface ToastAction {
  label: string;
  /** Runs on click with the rows' choices, by key; the toast shows what it returns next (or closes when it returns nothing). */
  run(choices: ReadonlyMap<string, ToastChoice>): Promise<ToastContent | undefined>;
}

/** A row the rep can tick, and (with `options`) say what it is: a recipient, and who they are. */
export interface ToastRow {
  key: string;
  label: string;
  checked: boolean;
  options?: { value: string; label: string }[];
  selected?: string;
}

export interface ToastContent {
  text: string;
  rows?: ToastRow[];
  actions?: ToastAction[];
}

export interface Toast {
  show(content: ToastContent): void;
  /** Moves keyboard focus to the toast's first button; false when no toast is showing. */
  focus(): boolean;
  /** Removes the toast from the page (also when the extension is updated or disabled). */
  close(): void;
}

/** Alt+G (Option+G) reaches the toast from the keyboard while it shows; it never takes focus itself. */
export function isToastShortcut(event: KeyboardEvent): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyG';
}

/**
 * The host's inline style. Page stylesheets can select the host element (`groundwork-toast`,
 * `html > *`), and an inline `!important` declaration outranks all of them.
 */
const HOST_STYLE = [
  'all: initial',
  'display: block',
  'position: fixed',
  'inset: auto auto 0 0',
  'width: 0',
  'height: 0',
  'opacity: 1',
  'visibility: visible',
  'transform: none',
  'filter: none',
  'clip-path: none',
  'mask: none',
  'z-index: 2147483647',
  'pointer-events: auto',
  'content-visibility: visible',
]
  .map((declaration) => `${declaration} !important`)
  .join('; ');

/** How long the toast must have been seen fully visible before a click on it counts. */
export const VISIBLE_BEFORE_CLICK_MS = 300;

/**
 * Calls `onChange` with whether `element` is fully visible to the rep, as Chrome judges it
 * (IntersectionObserver v2's `isVisible`); returns the way to stop watching.
 */
export type VisibilityWatch = (element: Element, onChange: (visible: boolean) => void) => () => void;

export const watchVisibility: VisibilityWatch = (element, onChange) => {
  if (typeof IntersectionObserver !== 'function' || !('isVisible' in IntersectionObserverEntry.prototype)) {
    // Not Chrome (or a Chrome before v2): nothing tells occlusion, so nothing is trusted.
    onChange(false);
    return () => undefined;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      const entry = entries.at(-1) as (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
      if (entry) onChange(entry.isIntersecting && entry.isVisible === true);
    },
    { trackVisibility: true, delay: 100, threshold: [1] } as IntersectionObserverInit,
  );
  observer.observe(element);
  return () => observer.disconnect();
};

/** What the toast says instead of acting when the page hid or covered it. */
export const NOT_VISIBLE_TEXT = 'This page hid or covered Groundwork’s message, so nothing was done. Use the side panel instead.';

const STYLE = `
:host { all: initial; }
.toast { position: fixed; left: 24px; bottom: 88px; z-index: 2147483647; max-width: 420px;
  display: flex; align-items: center; gap: 12px; padding: 10px 12px 10px 16px; border-radius: 8px;
  background: #1f2933; color: #f5f7fa; font: 14px/1.4 system-ui, sans-serif; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
.text { flex: 1; overflow-wrap: anywhere; }
.toast.with-rows { flex-wrap: wrap; }
.rows { flex-basis: 100%; order: 1; list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.rows li { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.rows label { display: flex; align-items: center; gap: 6px; overflow-wrap: anywhere; }
.rows select { font: inherit; font-size: 13px; color: #f5f7fa; background: #323f4b; border: 1px solid #52606d; border-radius: 4px; padding: 2px 4px; max-width: 260px; }
.rows input, .rows select { accent-color: #9ccaff; }
.rows input:focus-visible, .rows select:focus-visible { outline: 2px solid #9ccaff; outline-offset: 1px; }
.toast.with-rows > button { order: 2; }
.mark { font-weight: 600; color: #9fd3a9; margin-right: 6px; }
button { font: inherit; font-weight: 600; color: #9ccaff; background: transparent; border: 0; border-radius: 4px;
  padding: 4px 8px; cursor: pointer; }
button:hover { background: rgba(255,255,255,.08); }
button:focus-visible { outline: 2px solid #9ccaff; outline-offset: 1px; }
button.close { color: #cbd2d9; font-weight: 400; }
button[disabled] { opacity: .6; cursor: default; }
button[aria-disabled="true"] { cursor: default; }
`;

export interface ToastOptions {
  visibleMs?: number;
  watch?: VisibilityWatch;
  /** How long the toast must have been fully visible before its buttons act. */
  armAfterMs?: number;
}

export function createToast(doc: Document, { visibleMs = 10_000, watch = watchVisibility, armAfterMs = VISIBLE_BEFORE_CLICK_MS }: ToastOptions = {}): Toast {
  let host: HTMLElement | undefined;
  let box: HTMLElement | undefined;
  let timer: number | undefined;
  let held = false;
  // Whether Chrome sees the toast fully visible (undefined until it first says), and whether it has
  // for long enough that a click on it is the rep's informed choice ("armed"). Buttons say so with
  // aria-disabled meanwhile. New content, or anything done to the toast's element, disarms it: the
  // rep reads what the buttons now do before one acts (a double click never hits the next button).
  let visible: boolean | undefined;
  let armed = false;
  let arming: number | undefined;
  let unwatch: (() => void) | undefined;
  let guard: MutationObserver | undefined;
  const setArmed = (value: boolean) => {
    armed = value;
    for (const button of box?.querySelectorAll('button.action') ?? []) button.setAttribute('aria-disabled', String(!armed));
  };
  const disarm = () => {
    if (arming !== undefined) window.clearTimeout(arming);
    arming = undefined;
    setArmed(false);
    if (visible) arming = window.setTimeout(() => ((arming = undefined), setArmed(visible === true)), armAfterMs);
  };
  const onVisibility = (now: boolean) => {
    visible = now;
    if (!now) disarm();
    else if (!armed && arming === undefined) disarm();
  };

  /** The page restyled or re-attributed the toast's element: put it back as it was, and disarm. */
  const onHostMutated = () => {
    if (!host) return;
    const foreign = host.getAttributeNames().filter((name) => name !== 'style');
    if (foreign.length === 0 && host.getAttribute('style') === HOST_STYLE) return;
    for (const name of foreign) host.removeAttribute(name);
    host.setAttribute('style', HOST_STYLE);
    disarm();
  };

  const clearTimer = () => {
    if (timer !== undefined) window.clearTimeout(timer);
    timer = undefined;
  };
  const arm = () => {
    clearTimer();
    if (!held) timer = window.setTimeout(() => toast.close(), visibleMs);
  };

  const build = () => {
    host = doc.createElement('groundwork-toast');
    host.setAttribute('style', HOST_STYLE);
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    box = doc.createElement('div');
    box.className = 'toast';
    box.setAttribute('role', 'status');
    box.setAttribute('aria-live', 'polite');
    box.setAttribute('aria-label', 'Groundwork (Alt+G to reach)');
    box.addEventListener('mouseenter', () => ((held = true), clearTimer()));
    box.addEventListener('mouseleave', () => ((held = false), arm()));
    box.addEventListener('focusin', () => ((held = true), clearTimer()));
    box.addEventListener('focusout', () => ((held = false), arm()));
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') toast.close();
    });
    shadow.append(style, box);
    doc.documentElement.append(host);
    unwatch = watch(box, onVisibility);
    guard = new MutationObserver(onHostMutated);
    guard.observe(host, { attributes: true });
  };

  /** The rows as checkboxes and, where a row can be several things, a choice of what it is. */
  const renderRows = (rows: readonly ToastRow[]) => {
    const list = doc.createElement('ul');
    list.className = 'rows';
    list.setAttribute('aria-label', 'Recipients');
    const read = new Map<string, () => ToastChoice>();
    for (const row of rows) {
      const item = doc.createElement('li');
      const label = doc.createElement('label');
      const tick = doc.createElement('input');
      tick.type = 'checkbox';
      tick.checked = row.checked;
      label.append(tick, doc.createTextNode(row.label));
      item.append(label);
      let select: HTMLSelectElement | undefined;
      if (row.options?.length) {
        select = doc.createElement('select');
        select.setAttribute('aria-label', `Who is ${row.label}?`);
        for (const option of row.options) {
          const element = doc.createElement('option');
          element.value = option.value;
          element.textContent = option.label;
          select.append(element);
        }
        select.value = row.selected ?? row.options[0]!.value;
        item.append(select);
      }
      read.set(row.key, () => ({ checked: tick.checked, ...(select ? { option: select.value } : {}) }));
      list.append(item);
    }
    return { list, choices: () => new Map([...read].map(([key, choice]) => [key, choice()])) };
  };

  const render = ({ text, rows = [], actions = [] }: ToastContent) => {
    if (!host?.isConnected) build();
    const { list, choices } = renderRows(rows);
    const mark = doc.createElement('span');
    mark.className = 'mark';
    mark.textContent = 'Groundwork';
    const line = doc.createElement('span');
    line.className = 'text';
    line.append(mark, doc.createTextNode(text));
    const buttons = actions.map((action) => {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'action';
      button.setAttribute('aria-disabled', String(!armed));
      button.textContent = action.label;
      button.addEventListener('click', (event) => {
        // Only the rep's own click: a page script cannot reach a closed root, but be sure.
        if (!event.isTrusted) return;
        // A click on a toast the page made invisible or covered is not the rep's informed choice;
        // one in the instant it appeared is too early to be (it becomes clickable a moment later).
        if (!armed) {
          if (visible === false) render({ text: NOT_VISIBLE_TEXT });
          return;
        }
        for (const b of buttons) b.disabled = true;
        void action.run(choices()).then(
          (next) => (next ? render(next) : toast.close()),
          (error: unknown) => render({ text: `Not done: ${error instanceof Error ? error.message : String(error)}` }),
        );
      });
      return button;
    });
    const close = doc.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Dismiss');
    close.addEventListener('click', () => toast.close());
    box!.classList.toggle('with-rows', rows.length > 0);
    box!.replaceChildren(line, ...(rows.length > 0 ? [list] : []), ...buttons, close);
    if (buttons.length > 0) disarm();
    arm();
  };

  const toast: Toast = {
    show: render,
    focus() {
      const first = box?.querySelector<HTMLElement>('input, select, button');
      if (!host?.isConnected || !first) return false;
      first.focus();
      return true;
    },
    close() {
      clearTimer();
      held = false;
      unwatch?.();
      unwatch = undefined;
      guard?.disconnect();
      guard = undefined;
      onVisibility(false);
      visible = undefined;
      host?.remove();
      host = undefined;
    },
  };
  return toast;
}
