// The styles load with the page, before the first paint, not with React.
import '../../components/ui.css';
import { mountPopup } from './mountPopup';
import { showLoadFailure, type PaintHandOff } from './paint';

/**
 * The popup's module, with React and Dexie. Its first script (entrypoints/popup-paint.ts) has
 * painted today's list from the worker's snapshot, or found none to paint, before it loaded this
 * module (lib/build/popupAppAfterPaint.ts): React takes over without a visible change.
 */
async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('Missing #root element');
  const handOff: PaintHandOff = (await globalThis.groundworkPopupPaint?.catch(() => undefined)) ?? { now: Date.now() };
  try {
    mountPopup(root, handOff);
  } catch (error) {
    showLoadFailure(error);
  }
}

void start();
