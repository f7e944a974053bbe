import { describe, expect, it } from 'vitest';
import { leavesTabsWithoutScripts, runFreshScriptsInOpenTabs, type FreshScriptApis } from '../../../lib/background/freshScripts';

/** After an install or update, open LinkedIn and Gmail tabs get the fresh content scripts (issue 15). */

const SCRIPTS = [
  { matches: ['https://mail.google.com/*'], js: ['content-scripts/gmail.js'] },
  { matches: ['https://*.linkedin.com/*'], js: ['content-scripts/linkedin.js'] },
];

function apis(tabsByPattern: Record<string, { id?: number; discarded?: boolean }[]>, failing: number[] = []) {
  const ran: [number, string[]][] = [];
  const api: FreshScriptApis = {
    tabs: { query: async ({ url }) => url.flatMap((pattern) => tabsByPattern[pattern] ?? []) },
    scripting: {
      executeScript: async ({ target, files }) => {
        if (failing.includes(target.tabId)) throw new Error('The tab was closed.');
        ran.push([target.tabId, files]);
      },
    },
  };
  return { api, ran };
}

describe('fresh content scripts in open tabs', () => {
  it('runs each script in the tabs its hosts match, not in discarded or closing ones', async () => {
    const { api, ran } = apis({ 'https://mail.google.com/*': [{ id: 1 }, { id: 2, discarded: true }], 'https://*.linkedin.com/*': [{ id: 3 }, { id: 4 }, {}] }, [4]);
    expect(await runFreshScriptsInOpenTabs(api, SCRIPTS)).toBe(2);
    expect(ran.sort()).toEqual([
      [1, ['content-scripts/gmail.js']],
      [3, ['content-scripts/linkedin.js']],
    ]);
  });

  it('only after an install or an update of Groundwork: a browser update reloads its tabs anyway', () => {
    expect(leavesTabsWithoutScripts('install')).toBe(true);
    expect(leavesTabsWithoutScripts('update')).toBe(true);
    expect(leavesTabsWithoutScripts('chrome_update')).toBe(false);
    expect(leavesTabsWithoutScripts('shared_module_update')).toBe(false);
  });
});
