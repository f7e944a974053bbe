import { browser } from 'wxt/browser';
import type { BadgeApi } from '../lib/background/badge';
import { createClock, type NotificationsApi } from '../lib/background/clock';
import { handleCommand } from '../lib/background/commands';
import { leavesTabsWithoutScripts, runFreshScriptsInOpenTabs, type FreshScriptApis } from '../lib/background/freshScripts';
import { createHandlers } from '../lib/background/handlers';
import { createPopupSnapshotKeeper } from '../lib/background/popupSnapshot';
import { forgetDisallowedMailPages, runOutlookScriptInOpenTabs, syncOutlookScript, type OutlookAccessApis } from '../lib/background/outlookAccess';
import type { AlarmsApi } from '../lib/background/schedule';
import { createRescorer } from '../lib/background/scoring';
import type { SidePanelApi } from '../lib/background/sidePanel';
import { endContextIfDocumentGone, type TabMessenger } from '../lib/background/tabLoads';
import { db } from '../lib/db';
import { markWorkerStart } from '../lib/db/changeMark';
import { createRouter } from '../lib/messaging/router';
import { mailSiteOfUrl } from '../lib/sites/hosts';
import { CHANGE_MARK_KEY } from '../lib/popup/snapshot';
import { forgetTabContext } from '../lib/tabContext';

// Wiring only: logic lives in lib/ where it is tested. Every listener is registered synchronously
// at start-up so the event that woke the worker is delivered.
export default defineBackground(() => {
  const session = browser.storage.session;
  const badge = browser.action as unknown as BadgeApi;
  const rescorer = createRescorer(db);
  const clock = createClock({
    db,
    alarms: browser.alarms as unknown as AlarmsApi,
    badge,
    notifications: browser.notifications as unknown as NotificationsApi,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    openToday: async () => {
      // The real popup where Chrome allows it (a focused window); otherwise the same page in a tab.
      const action = browser.action as unknown as { openPopup?: () => Promise<void> };
      try {
        if (!action.openPopup) throw new Error('openPopup unavailable');
        await action.openPopup();
      } catch {
        await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
      }
    },
    now: Date.now,
  });
  // Outlook's hosts are optional: a tab left open after access was removed is refused.
  const mailAccess = async (url: string) => mailSiteOfUrl(url) === 'gmail' || browser.permissions.contains({ origins: [`${new URL(url).origin}/*`] });
  const route = createRouter(createHandlers({ db, session, badge, now: Date.now, rescore: rescorer.run, reschedule: clock.reschedule, mailAccess }), {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTabContext(session, tabId);
  });
  // A load in a tab ends its page context unless the document that reported it is still there
  // (in-app navigations on LinkedIn and webmail): lib/background/tabLoads.ts.
  const tabMessenger = browser.tabs as unknown as TabMessenger;
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' || change.status === 'complete') void endContextIfDocumentGone(session, tabMessenger, tabId).catch(() => undefined);
  });

  // The popup's snapshot (lib/popup/snapshot.ts): remade after every change mark a write leaves,
  // and whenever an alarm fires (the rep's midnight makes tomorrow's list today's).
  const popupSnapshots = createPopupSnapshotKeeper({ db, session, now: Date.now });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && CHANGE_MARK_KEY in changes) popupSnapshots.changed();
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    void clock.onAlarm(alarm.name).catch(() => undefined);
    void popupSnapshots.refresh().catch(() => undefined);
  });
  browser.notifications.onButtonClicked.addListener((id, index) => void clock.onNotificationButton(id, index).catch(() => undefined));
  browser.notifications.onClicked.addListener((id) => void clock.onNotificationClicked(id).catch(() => undefined));

  const sidePanel = (browser as unknown as { sidePanel: SidePanelApi }).sidePanel;
  browser.commands.onCommand.addListener((command, tab) => {
    // A refusal (no gesture, window closing) leaves nothing to do: the rep can press again.
    const workspace = { tabs: browser.tabs, urlOf: (path: string) => browser.runtime.getURL(path as '/workspace.html') };
    void handleCommand(sidePanel, command, tab, workspace, browser.storage.session)?.catch(() => undefined);
  });

  // Outlook on the web: the content script follows the optional host permissions.
  const outlookApis = { scripting: browser.scripting, permissions: browser.permissions, tabs: browser.tabs } as unknown as OutlookAccessApis;
  browser.permissions.onAdded.addListener(() => void syncOutlookScript(outlookApis, { injectIntoOpenTabs: true }).catch(() => undefined));
  // After an install or update, open LinkedIn, Gmail and allowed Outlook tabs get the fresh
  // content scripts; the orphaned ones stop by themselves (lib/sites/lifetime.ts).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // A new rep starts at the welcome: their ideal customer profile first (issue 19).
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
    if (!leavesTabsWithoutScripts(reason)) return;
    const freshScriptApis = { tabs: browser.tabs, scripting: browser.scripting } as unknown as FreshScriptApis;
    void runFreshScriptsInOpenTabs(freshScriptApis, browser.runtime.getManifest().content_scripts ?? []).catch(() => undefined);
    void runOutlookScriptInOpenTabs(outlookApis).catch(() => undefined);
  });
  browser.permissions.onRemoved.addListener(() => {
    void syncOutlookScript(outlookApis).catch(() => undefined);
    void forgetDisallowedMailPages(session, mailAccess).catch(() => undefined);
  });

  // Every start (install, browser start-up, or the worker waking for an event) re-checks the
  // alarms and the due count, and resumes re-scoring if a stopped worker left it unfinished.
  void clock.reschedule().catch(() => undefined);
  void rescorer.run().catch(() => undefined);
  void popupSnapshots.refresh().catch(() => undefined);
  // The toolbar's popup address carries a worker mark from the start (lib/popup/snapshot.ts).
  void markWorkerStart().catch(() => undefined);
  void syncOutlookScript(outlookApis).catch(() => undefined);
});
