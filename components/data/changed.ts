import { sendMessage } from '../../lib/messaging/client';
import { notifyDataChanged } from '../notify';

/**
 * After a restore, an import or a delete: badges and alarms refresh, and the background re-scores
 * whoever has no current fit (the write marked the stored fits stale). Fire and forget.
 */
export function dataReplaced(): void {
  replaced.dispatchEvent(new Event('replaced'));
  notifyDataChanged();
  void sendMessage({ type: 'scores/recompute' }).catch(() => undefined);
}

const replaced = new EventTarget();

/** Runs `listener` after each restore, import or delete made on this page; returns the unsubscribe. */
export function onDataReplaced(listener: () => void): () => void {
  replaced.addEventListener('replaced', listener);
  return () => replaced.removeEventListener('replaced', listener);
}
