import { paintThenLoadApp } from './popup/paint';

/**
 * The popup's first script (issue 20): a classic script, first in popup.html's head and, in the
 * built page, the only one it loads before the paint (lib/build/popupAppAfterPaint.ts). It asks
 * for the worker's snapshot while the page is parsed, paints today's list from it as soon as #root
 * is there, then loads the popup's module (entrypoints/popup/main.tsx), where React and Dexie take
 * over.
 */
export default defineUnlistedScript(() => {
  // Read now: `currentScript` is this script only while it runs.
  globalThis.groundworkPopupPaint = paintThenLoadApp(document.currentScript?.dataset.app);
});
