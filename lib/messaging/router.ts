import type { z } from 'zod';
import { Message, type MessageType, type Reply, type ReplyValues } from './protocol';
import { classifySender, type ClassifiedSender, type MessageSenderLike, type SenderKind } from './sender';

type MessageOf<K extends MessageType> = Extract<Message, { type: K }>;

export interface Handler<K extends MessageType> {
  /** Which senders may send this message. */
  from: readonly SenderKind[];
  handle(message: MessageOf<K>, sender: ClassifiedSender): Promise<ReplyValues[K]>;
}

export type HandlerMap = { [K in MessageType]: Handler<K> };

export interface RouterIdentity {
  extensionId: string;
  /** e.g. chrome-extension://<id> */
  extensionOrigin: string;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`)
    .join('; ');
}

/**
 * Builds the background's single message entry point. It checks, in order: the sender, the
 * message's shape against the protocol, and that this sender may send this message. Anything
 * refused gets `{ ok: false, error }` and no handler runs, so a malformed or unknown message
 * changes nothing.
 */
export function createRouter(handlers: HandlerMap, identity: RouterIdentity) {
  return async function route(message: unknown, sender: MessageSenderLike): Promise<Reply<unknown>> {
    const from = classifySender(sender, identity.extensionId, identity.extensionOrigin);
    if (!from) return { ok: false, error: 'Refused: unknown sender' };

    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) {
      return { ok: false, error: `Unknown message type: ${typeof type === 'string' ? type.slice(0, 60) : typeof type}` };
    }
    const parsed = Message.safeParse(message);
    if (!parsed.success) return { ok: false, error: `Malformed ${type} message: ${describeIssues(parsed.error)}` };

    const handler = handlers[parsed.data.type] as Handler<MessageType>;
    if (!handler.from.includes(from.kind)) return { ok: false, error: `Refused: ${type} is not accepted from ${from.kind}` };
    try {
      return { ok: true, value: await handler.handle(parsed.data as never, from) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
