import { isSupportedPageUrl } from '../sites/hosts';

/** The parts of runtime.MessageSender the checks read; matches both polyfill and chrome types. */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
  documentLifecycle?: string;
  documentId?: string;
}

export type SenderKind = 'content-script' | 'extension-page';

export interface ClassifiedSender {
  kind: SenderKind;
  /** The tab a content script runs in. */
  tabId?: number;
  /** The page a content script runs on. */
  url?: string;
  /** The content script's document (Chrome 106+). */
  documentId?: string;
}

/**
 * The one place that decides who sent a message (Bitwarden's rule: sender classification happens
 * in exactly one function). A content script counts only when it is ours, runs in the top frame of
 * a tab, on an https page of a supported host. An extension page counts only when it is ours.
 * Anything else — another extension, a web page, an iframe, a prerendered document — is refused.
 */
export function classifySender(
  sender: MessageSenderLike,
  ownId: string,
  ownOrigin: string,
): ClassifiedSender | undefined {
  if (sender.id !== ownId) return undefined;
  const origin = ownOrigin.replace(/\/$/, '');
  if (sender.url?.startsWith(`${origin}/`) && (sender.origin === undefined || sender.origin === origin)) {
    return { kind: 'extension-page' };
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return undefined;
  if (sender.frameId !== 0) return undefined;
  if (sender.documentLifecycle !== undefined && sender.documentLifecycle !== 'active') return undefined;
  if (!isSupportedPageUrl(sender.url)) return undefined;
  return { kind: 'content-script', tabId, url: sender.url, ...(sender.documentId ? { documentId: sender.documentId } : {}) };
}
