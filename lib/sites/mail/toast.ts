/**
 * Groundwork's one piece of in-page UI, in webmail only (never on LinkedIn, DESIGN.md principle
 * 9): a small toast after a send — "Logged for Jane Doe · Undo" or "… · Log to Groundwork". It
 * lives in a closed shadow root (the page's styles and scripts cannot reach into it), is built
 * with createElement and textContent only (names come from the page: never HTML), announces
 * itself politely to screen readers without taking focus from the rep, is reachable with Tab,
 * closes with Escape, stays while hovered or focused, and is removed with the content script.
 */

export interface ToastAction {
  label: string;
  /** Runs on click; the toast shows what it returns next (or closes when it returns nothing). */
  run(): Promise<ToastContent | undefined>;
}

export interface ToastContent {
  text: string;
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

const STYLE = `
:host { all: initial; }
.toast { position: fixed; left: 24px; bottom: 88px; z-index: 2147483647; max-width: 420px;
  display: flex; align-items: center; gap: 12px; padding: 10px 12px 10px 16px; border-radius: 8px;
  background: #1f2933; color: #f5f7fa; font: 14px/1.4 system-ui, sans-serif; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
.text { flex: 1; overflow-wrap: anywhere; }
.mark { font-weight: 600; color: #9fd3a9; margin-right: 6px; }
button { font: inherit; font-weight: 600; color: #9ccaff; background: transparent; border: 0; border-radius: 4px;
  padding: 4px 8px; cursor: pointer; }
button:hover { background: rgba(255,255,255,.08); }
button:focus-visible { outline: 2px solid #9ccaff; outline-offset: 1px; }
button.close { color: #cbd2d9; font-weight: 400; }
button[disabled] { opacity: .6; cursor: default; }
`;

export function createToast(doc: Document, { visibleMs = 10_000 }: { visibleMs?: number } = {}): Toast {
  let host: HTMLElement | undefined;
  let box: HTMLElement | undefined;
  let timer: number | undefined;
  let held = false;

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
  };

  const render = ({ text, actions = [] }: ToastContent) => {
    if (!host?.isConnected) build();
    const mark = doc.createElement('span');
    mark.className = 'mark';
    mark.textContent = 'Groundwork';
    const line = doc.createElement('span');
    line.className = 'text';
    line.append(mark, doc.createTextNode(text));
    const buttons = actions.map((action) => {
      const button = doc.createElement('button');
      button.type = 'button';
      button.textContent = action.label;
      button.addEventListener('click', (event) => {
        // Only the rep's own click: a page script cannot reach a closed root, but be sure.
        if (!event.isTrusted) return;
        for (const b of buttons) b.disabled = true;
        void action.run().then(
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
    box!.replaceChildren(line, ...buttons, close);
    arm();
  };

  const toast: Toast = {
    show: render,
    focus() {
      const first = box?.querySelector('button');
      if (!host?.isConnected || !first) return false;
      first.focus();
      return true;
    },
    close() {
      clearTimer();
      held = false;
      host?.remove();
      host = undefined;
    },
  };
  return toast;
}
