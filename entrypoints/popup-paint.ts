import { paintFromSnapshot } from './popup/paint';

/**
 * The popup's first script (issue 20): a classic script, first in popup.html's head,
 * before its styles and modules: it asks for the worker's snapshot while the page is parsed, and
 * paints today's list from it as soon as #root is there. The popup's module waits for it
 * (entrypoints/popup/main.tsx), then loads React and Dexie, which take over.
 */
export default defineUnlistedScript(() => {
  globalThis.groundworkPopupPaint = paintFromSnapshot();
});
