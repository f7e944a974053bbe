import { browser } from 'wxt/browser';
import type { Lifetime } from './lifetime';

/** The background's question to the document that reported a tab's page (lib/background/tabLoads.ts). */
export const PRESENCE_PING = 'page/still-here';

/**
 * Answers "is this document still there?", only to Groundwork's own worker (an extension sender
 * without a tab); anything else gets no answer. Ends with the content script.
 */
export function answerPresence(life: Pick<Lifetime, 'onEnd'>): void {
  const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
    if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== PRESENCE_PING) return undefined;
    return Promise.resolve(true);
  };
  browser.runtime.onMessage.addListener(listener);
  // An orphaned script has no runtime left: its listener went with it.
  life.onEnd(() => browser.runtime?.onMessage.removeListener(listener));
}
