/** The slice of chrome.sidePanel this module needs (absent from the polyfill's types and fakes). */
export interface SidePanelApi {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}

/**
 * Opens the side panel for the tab the rep is looking at. Chrome only allows this in direct
 * response to a user gesture (toolbar, keyboard shortcut, popup button), so callers must not
 * await anything before calling it.
 */
export function openSidePanel(
  sidePanel: SidePanelApi,
  target: { tabId?: number; windowId?: number },
): Promise<void> {
  if (target.windowId !== undefined) return sidePanel.open({ windowId: target.windowId });
  if (target.tabId !== undefined) return sidePanel.open({ tabId: target.tabId });
  return Promise.reject(new Error('No window to open the side panel in'));
}
