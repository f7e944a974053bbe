import { sendMessage } from '../lib/messaging/client';

/** Tells the background the data changed, so toolbar badges are recomputed. Fire and forget. */
export function notifyDataChanged(): void {
  void sendMessage({ type: 'data/changed' });
}
