// The styles load with the page, before the first paint, not with React.
import '../../components/ui.css';
import { CHANGE_MARK_KEY, SNAPSHOT_KEY, usableSnapshot } from '../../lib/popup/snapshot';
import { keepEarlyInteraction, paintPopup } from './paint';

/**
 * The popup's first script: a few kilobytes that paint today's list from the background's
 * snapshot (lib/popup/snapshot.ts) at the speed of a blank page, then load React and Dexie
 * (./mountPopup.tsx), which take over without a visible change. `chrome.storage` is called
 * directly: the polyfill would add its weight before the first paint.
 */
type Session = { get(keys: string[]): Promise<Record<string, unknown>> };
const session = (globalThis as { chrome?: { storage?: { session?: Session } } }).chrome?.storage?.session;

/** After the browser has drawn what is in the document (a frame, then the task after it). */
const afterNextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('Missing #root element');
  const now = Date.now();
  let early: ReturnType<typeof keepEarlyInteraction> | undefined;
  let painted = false;
  try {
    const snapshot = session && usableSnapshot(await session.get([SNAPSHOT_KEY, CHANGE_MARK_KEY]), now);
    if (snapshot) {
      const page = document.createElement('div');
      page.append(paintPopup(snapshot.view, now));
      root.replaceChildren(page);
      performance.mark('groundwork:popup-painted', { detail: 'snapshot' });
      early = keepEarlyInteraction(page);
      painted = true;
      await afterNextPaint();
    }
  } catch (error) {
    // No snapshot to paint: React shows the list when its reads answer, as without one.
    console.warn('Groundwork: the popup’s snapshot could not be painted', error);
  }
  // Whether the snapshot was painted or refused (tests and the bench read it).
  performance.mark('groundwork:popup-snapshot-checked', { detail: painted ? 'painted' : 'refused' });
  const { mountPopup } = await import('./mountPopup');
  mountPopup(root, { now, early });
}

void start();
