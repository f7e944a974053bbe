import { openSidePanel, type SidePanelApi } from './sidePanel';

export const COMMANDS = { openSidePanel: 'open-side-panel', openWorkspace: 'open-workspace' } as const;

/** The workspace page (issue 18), with a view (`#person/<id>`, `#people?flagged=1`) or its list. */
export const WORKSPACE_PATH = '/workspace.html' as const;

/** Opens the workspace in a new tab, at `hash` if given. */
export interface TabOpener {
  create(options: { url: string }): Promise<unknown>;
}

/**
 * Keyboard shortcuts (manifest `commands`). Synchronous up to the API call: Chrome honours
 * sidePanel.open only while the shortcut's user gesture is current.
 */
export function handleCommand(
  sidePanel: SidePanelApi,
  command: string,
  tab: { id?: number; windowId?: number } | undefined,
  workspace?: { tabs: TabOpener; urlOf(path: string): string },
): Promise<unknown> | undefined {
  if (command === COMMANDS.openSidePanel && tab) {
    return openSidePanel(sidePanel, { windowId: tab.windowId, tabId: tab.id });
  }
  if (command === COMMANDS.openWorkspace && workspace) {
    return workspace.tabs.create({ url: workspace.urlOf(WORKSPACE_PATH) });
  }
  return undefined;
}
