// The styles load with the page, before the first paint, not with React.
import '../../components/ui.css';
import type { PaintHandOff } from './paint';

/**
 * The popup's module. Its first script (entrypoints/popup-paint.ts) has painted today's list from
 * the worker's snapshot, or is doing so; once it is on screen, React and Dexie load
 * (./mountPopup.tsx) and take over without a visible change. Loading them only then keeps their
 * 350 KB of JavaScript from running before the first paint.
 */
async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('Missing #root element');
  const handOff: PaintHandOff = (await globalThis.groundworkPopupPaint?.catch(() => undefined)) ?? { now: Date.now() };
  try {
    const { mountPopup } = await import('./mountPopup');
    mountPopup(root, handOff);
  } catch (error) {
    // Never a painted list whose buttons do nothing: say so in its place.
    console.error('Groundwork could not load the popup', error);
    const alert = document.createElement('p');
    alert.setAttribute('role', 'alert');
    alert.className = 'error';
    alert.textContent = 'Groundwork could not load its list. Close the popup and open it again.';
    root.replaceChildren(alert);
  }
}

void start();
