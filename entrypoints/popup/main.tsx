// The styles come with the page, before the first paint, not with React (the build puts them in
// popup.html itself).
import '../../components/ui.css';
import { mountPopup } from './mountPopup';
import { showLoadFailure, type PaintHandOff } from './paint';

/**
 * The popup's module, with React and Dexie. In the built page its first script
 * (entrypoints/popup-paint.ts) loads it once it has painted today's list from the worker's snapshot,
 * or found none to paint (lib/build/popupAppAfterPaint.ts); under `wxt dev` the page loads it
 * beside that script, so it still waits for the paint. React then takes over without a visible
 * change.
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
