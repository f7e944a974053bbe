import { browser } from 'wxt/browser';
import type { Message, ReplyFor } from './protocol';

/**
 * The content scripts' side of the protocol: typed, and deliberately tiny (no Zod; the background
 * validates). A reply that is not of the protocol's shape, or a failure to reach the background
 * (the extension was updated and this script is orphaned), becomes an error reply, never a throw.
 */
export async function sendMessage<M extends Message>(message: M): Promise<ReplyFor<M['type']>> {
  try {
    const reply: unknown = await browser.runtime.sendMessage(message);
    if (typeof reply === 'object' && reply !== null && 'ok' in reply) return reply as ReplyFor<M['type']>;
    return { ok: false, error: 'No reply from Groundwork' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
