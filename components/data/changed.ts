import { sendMessage } from '../../lib/messaging/client';
import { notifyDataChanged } from '../notify';

/**
 * After a restore, an import or a delete: badges and alarms refresh, and the background re-scores
 * whoever has no current fit (the write marked the stored fits stale). Fire and forget.
 */
export function dataReplaced(): void {
  notifyDataChanged();
  void sendMessage({ type: 'scores/recompute' }).catch(() => undefined);
}
