import { paintFromSnapshot } from './popup/paint';

/**
 * The popup's first script (issue 20): a classic script, listed in popup.html right after #root,
 * that runs while the page is still being parsed — before the page's modules have loaded — and
 * paints today's list from the worker's snapshot. The popup's module waits for it
 * (entrypoints/popup/main.tsx), then loads React and Dexie, which take over.
 */
export default defineUnlistedScript(() => {
  globalThis.groundworkPopupPaint = paintFromSnapshot();
});
