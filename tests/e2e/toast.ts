import type { CDPSession, Page } from 'playwright-core';

/**
 * Groundwork's webmail toast lives in a closed shadow root, which Playwright's locators (and the
 * page's own scripts) cannot enter. The DevTools protocol can: it reads the flat DOM, shadow
 * roots included, and clicks go through the real mouse at the button's position, as a rep's do.
 */

interface DomNode {
  nodeType: number;
  localName: string;
  nodeValue: string;
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
}

export interface ToastView {
  /** The toast's text, buttons excluded; undefined when no toast is on the page. */
  text: string;
  buttons: string[];
  role: string | undefined;
  shadowRootType: string | undefined;
}

function textOf(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.localName === 'style') return '';
  return (node.children ?? []).map(textOf).join('');
}

function find(node: DomNode, test: (n: DomNode) => boolean): DomNode | undefined {
  if (test(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

function findAll(node: DomNode, test: (n: DomNode) => boolean, out: DomNode[] = []): DomNode[] {
  if (test(node)) out.push(node);
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) findAll(child, test, out);
  return out;
}

const attr = (node: DomNode, name: string) => {
  const list = node.attributes ?? [];
  const i = list.indexOf(name);
  return i >= 0 && i % 2 === 0 ? list[i + 1] : undefined;
};

export class Toasts {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<Toasts> {
    return new Toasts(page, await page.context().newCDPSession(page));
  }

  private async box(): Promise<DomNode | undefined> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = find(root, (n) => n.localName === 'groundwork-toast');
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return undefined;
    const box = find(shadow, (n) => n.localName === 'div');
    return box ? Object.assign(box, { shadowRootType: shadow.shadowRootType }) : undefined;
  }

  async read(): Promise<ToastView | undefined> {
    const box = await this.box();
    if (!box) return undefined;
    const text = find(box, (n) => n.localName === 'span' && attr(n, 'class') === 'text');
    const buttons = findAll(box, (n) => n.localName === 'button').map((b) => attr(b, 'aria-label') ?? textOf(b));
    return { text: text ? textOf(text) : '', buttons, role: attr(box, 'role'), shadowRootType: (box as { shadowRootType?: string }).shadowRootType };
  }

  /** Resolves with the toast once its text contains `wanted` (checked once per frame). */
  async waitForText(wanted: string): Promise<ToastView> {
    for (;;) {
      const view = await this.read();
      if (view?.text.includes(wanted)) return view;
      await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    }
  }

  private async waitForButtonState(label: string, disabled: boolean): Promise<void> {
    for (;;) {
      const box = await this.box();
      const button = box && findAll(box, (n) => n.localName === 'button').find((b) => (attr(b, 'aria-label') ?? textOf(b)) === label);
      if (button && (attr(button, 'aria-disabled') === 'true') === disabled) return;
      await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    }
  }

  /** Resolves once the toast's button `label` can be clicked (Chrome has seen the toast fully visible a moment). */
  waitUntilEnabled(label: string): Promise<void> {
    return this.waitForButtonState(label, false);
  }

  /** Resolves once the toast's button `label` can no longer be clicked (Chrome saw the toast hidden or covered). */
  waitUntilDisabled(label: string): Promise<void> {
    return this.waitForButtonState(label, true);
  }

  /**
   * Clicks the toast's button labelled `label` with the mouse, once it can be clicked: the toast's
   * buttons act only after Chrome has seen it fully visible for a moment (aria-disabled until then).
   */
  async click(label: string, { whenEnabled = true }: { whenEnabled?: boolean } = {}): Promise<void> {
    const findButton = async () => {
      const box = await this.box();
      return box && findAll(box, (n) => n.localName === 'button').find((b) => (attr(b, 'aria-label') ?? textOf(b)) === label);
    };
    if (whenEnabled) await this.waitUntilEnabled(label);
    const button = await findButton();
    if (!button) throw new Error(`No toast button "${label}"`);
    const { model } = (await this.cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await this.page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  }
}
