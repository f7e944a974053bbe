import { PRESENCE_PING } from '../sites/presence';
import { forgetTabContextIfStill, readTabContext, type SessionArea } from '../tabContext';

/** The slice of chrome.tabs this needs. */
export interface TabMessenger {
  sendMessage(tabId: number, message: unknown, options: { documentId: string }): Promise<unknown>;
}

/**
 * A tab's page context lasts as long as the document that reported it. Chrome reports "loading"
 * both for a full page load and for LinkedIn's and webmail's in-app navigations
 * (history.pushState), and Groundwork has no host permissions to read the tab's URL; so on each
 * load status the reporting document is asked whether it is still there. In-app navigations keep
 * it (the content script reports the new page itself, and the panel never flashes "No prospect"
 * between two profiles); a page Groundwork does not read, or any document that replaced it,
 * ends the context. A context without a document id (older Chrome) ends as before.
 */
export async function endContextIfDocumentGone(session: SessionArea, tabs: TabMessenger, tabId: number): Promise<void> {
  const context = await readTabContext(session, tabId);
  if (!context) return;
  if (context.documentId !== undefined) {
    const alive = await tabs.sendMessage(tabId, { type: PRESENCE_PING }, { documentId: context.documentId }).then(
      (answer) => answer === true,
      () => false,
    );
    if (alive) return;
  }
  // A newer page may have reported while the old document was asked, or may report now.
  await forgetTabContextIfStill(session, context);
}
