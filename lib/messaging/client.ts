import { browser } from 'wxt/browser';
import type { Message, ReplyFor } from './protocol';

/**
 * The content scripts' side of the protocol: typed, and deliberately tiny (no Zod; the background
 * validates). A reply that is not of the protocol's shape, or a failure to reach the background,
 * becomes an error reply, never a throw.
 *
 * Chrome stops an idle service worker at any moment; a message in flight then fails ("message
 * port closed", "receiving end does not exist") though the next one would wake a fresh worker.
 * Such a failure is tried again, a few times, while the extension is still there (an orphaned
 * script, after an update, has no runtime id and gives up at once). Every content-script message
 * is idempotent in the background (source keys, reports of the same page), so a message that was
 * handled but whose reply was lost is harmless when repeated (issue 15).
 */

/** Waits before each retry, in milliseconds: the worker's restart takes tens of milliseconds. */
export const RETRY_DELAYS_MS = [50, 250, 1000] as const;

export interface Transport {
  send(message: unknown): Promise<unknown>;
  /** False once the extension that started this script is gone. */
  connected(): boolean;
  wait(ms: number): Promise<void>;
}

const runtimeTransport: Transport = {
  send: (message) => browser.runtime.sendMessage(message),
  connected: () => {
    try {
      return Boolean(browser.runtime?.id);
    } catch {
      return false;
    }
  },
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export async function sendMessage<M extends Message>(message: M, transport: Transport = runtimeTransport): Promise<ReplyFor<M['type']>> {
  let lastError = 'Groundwork could not be reached';
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
    if (attempt > 0) {
      if (!transport.connected()) break;
      await transport.wait(RETRY_DELAYS_MS[attempt - 1]!);
    }
    try {
      const reply = await transport.send(message);
      if (typeof reply === 'object' && reply !== null && 'ok' in reply) return reply as ReplyFor<M['type']>;
      // No listener answered (the worker was stopping): the same as an undelivered message.
      lastError = 'No reply from Groundwork';
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
  }
  return { ok: false, error: lastError };
}
