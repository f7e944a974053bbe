import { openSidePanel, type SidePanelApi } from './sidePanel';

export const COMMANDS = { openSidePanel: 'open-side-panel' } as const;

/**
 * Keyboard shortcuts (manifest `commands`). Synchronous up to the API call: Chrome honours
 * sidePanel.open only while the shortcut's user gesture is current.
 */
export function handleCommand(
  sidePanel: SidePanelApi,
  command: string,
  tab: { id?: number; windowId?: number } | undefined,
): Promise<void> | undefined {
  if (command === COMMANDS.openSidePanel && tab) {
    return openSidePanel(sidePanel, { windowId: tab.windowId, tabId: tab.id });
  }
  return undefined;
}
