import { browser } from 'wxt/browser';
import { createHandlers } from '../lib/background/handlers';
import type { BadgeApi } from '../lib/background/badge';
import { handleCommand } from '../lib/background/commands';
import { createRescorer } from '../lib/background/scoring';
import type { SidePanelApi } from '../lib/background/sidePanel';
import { db } from '../lib/db';
import { createRouter } from '../lib/messaging/router';
import { forgetTabContext } from '../lib/tabContext';

// Wiring only: logic lives in lib/ where it is tested. Every listener is registered synchronously
// at start-up so events that woke the worker are delivered.
export default defineBackground(() => {
  const session = browser.storage.session;
  const badge = browser.action as unknown as BadgeApi;
  const rescorer = createRescorer(db);
  const route = createRouter(createHandlers({ db, session, badge, now: Date.now, rescore: rescorer.run }), {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTabContext(session, tabId);
  });
  // A full page load in a tab ends whatever it showed; the new page's content script reports
  // afresh. (LinkedIn's in-app navigations do not reload and are reported by the content script.)
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetTabContext(session, tabId);
  });

  // A worker stopped mid-way through re-scoring picks up where it left off (a no-op when done).
  void rescorer.run().catch(() => undefined);

  const sidePanel = (browser as unknown as { sidePanel: SidePanelApi }).sidePanel;
  browser.commands.onCommand.addListener((command, tab) => {
    // A refusal (no gesture, window closing) leaves nothing to do: the rep can press again.
    void handleCommand(sidePanel, command, tab)?.catch(() => undefined);
  });
});
