import { browser } from 'wxt/browser';
import { openSidePanel, type SidePanelApi } from '../lib/background/sidePanel';

/**
 * Opens Chrome's side panel in this extension page's window (the popup's button, the welcome's).
 * Called straight from a click: Chrome honours sidePanel.open only while its gesture is current.
 */
export async function openSidePanelHere(): Promise<void> {
  const win = await browser.windows.getCurrent();
  // sidePanel is not in the polyfill's types; Chrome's promise API is called directly.
  await openSidePanel((browser as unknown as { sidePanel: SidePanelApi }).sidePanel, { windowId: win.id });
}
