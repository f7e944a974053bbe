import { loadAppAfterPaint, paintFromSnapshot } from './popup/paint';

/**
 * The popup's first script (issue 20): a classic script, first in popup.html's head, the only one
 * the page asks for while it loads (lib/build/popupAppAfterPaint.ts). It asks for the worker's
 * snapshot while the page is parsed and paints today's list from it as soon as #root is there;
 * then it loads the popup's module (entrypoints/popup/main.tsx), where React and Dexie take over.
 */
export default defineUnlistedScript(() => {
  // Read now: `currentScript` is this script only while it runs.
  const app = document.currentScript?.dataset.app;
  globalThis.groundworkPopupPaint = paintFromSnapshot();
  if (app !== undefined) void loadAppAfterPaint(globalThis.groundworkPopupPaint, app);
});
