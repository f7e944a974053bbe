/**
 * Chrome runs a manifest's content scripts only in pages loaded after the extension: tabs open
 * when Groundwork is installed, or when an update replaces it, keep no script or an orphaned one
 * (which stops by itself: lib/sites/lifetime.ts). So after an install or update the fresh scripts
 * are run in LinkedIn and Gmail tabs already open, and the rep need not reload them. A browser
 * start-up needs nothing: its tabs load anew.
 */

export interface ManifestContentScript {
  matches?: string[];
  js?: string[];
}

/** The slices of chrome.tabs and chrome.scripting this needs. */
export interface FreshScriptApis {
  tabs: { query(query: { url: string[] }): Promise<{ id?: number; discarded?: boolean }[]> };
  scripting: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown> };
}

/** Whether runtime.onInstalled's reason leaves open tabs without a live script (not a browser update). */
export function leavesTabsWithoutScripts(reason: string): boolean {
  return reason === 'install' || reason === 'update';
}

/** Runs each manifest content script in the open tabs it matches; returns how many ran. */
export async function runFreshScriptsInOpenTabs(apis: FreshScriptApis, scripts: readonly ManifestContentScript[]): Promise<number> {
  const runs = await Promise.all(
    scripts.map(async ({ matches = [], js = [] }) => {
      if (matches.length === 0 || js.length === 0) return 0;
      const tabs = await apis.tabs.query({ url: matches });
      // A discarded tab reloads (and gets the script) when the rep returns to it; a tab closing
      // or navigating meanwhile simply misses out and gets the script with its next load.
      const results = await Promise.all(
        tabs.map((tab) =>
          tab.id === undefined || tab.discarded
            ? false
            : apis.scripting.executeScript({ target: { tabId: tab.id }, files: js }).then(
                () => true,
                () => false,
              ),
        ),
      );
      return results.filter(Boolean).length;
    }),
  );
  return runs.reduce((sum, n) => sum + n, 0);
}
