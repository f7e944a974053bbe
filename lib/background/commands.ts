import { openSidePanel, type SidePanelApi } from './sidePanel';

export const COMMANDS = { openSidePanel: 'open-side-panel', openWorkspace: 'open-workspace', logTouch: 'log-touch' } as const;

/**
 * storage.session key: when the rep last pressed the log-a-touch shortcut. The side panel's log
 * form takes the keyboard focus when it is set within `LOG_TOUCH_FRESH_MS` (issue 19).
 */
export const LOG_TOUCH_KEY = 'shortcut:log-touch';
export const LOG_TOUCH_FRESH_MS = 10_000;

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
  session?: { set(items: Record<string, unknown>): Promise<void> },
  now: number = Date.now(),
): Promise<unknown> | undefined {
  if (command === COMMANDS.openSidePanel && tab) {
    return openSidePanel(sidePanel, { windowId: tab.windowId, tabId: tab.id });
  }
  if (command === COMMANDS.logTouch && tab) {
    // The panel first, while the gesture is current; then the log form is asked to take the focus.
    const opened = openSidePanel(sidePanel, { windowId: tab.windowId, tabId: tab.id });
    return Promise.all([opened, session?.set({ [LOG_TOUCH_KEY]: now })]);
  }
  if (command === COMMANDS.openWorkspace && workspace) {
    return workspace.tabs.create({ url: workspace.urlOf(WORKSPACE_PATH) });
  }
  return undefined;
}
