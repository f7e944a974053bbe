import { OPTIONAL_HOSTS, mailSiteOfUrl } from '../sites/hosts';
import { allTabContexts, forgetTabContextIfStill, type SessionArea } from '../tabContext';
import { runFreshScriptsInOpenTabs } from './freshScripts';

/**
 * Outlook on the web is optional (wxt.config.ts: optional host permissions): Gmail-only reps grant
 * nothing for it. When the rep allows it from the options page, the Outlook content script is
 * registered for exactly the hosts granted, and runs at once in Outlook tabs already open; when
 * they take it back, it is unregistered. Called on every worker start and permission change, so
 * the registration always matches the permissions Chrome holds.
 */

export const OUTLOOK_SCRIPT_ID = 'groundwork-outlook';
/** Where WXT writes entrypoints/outlook.content.ts (registration: 'runtime'). */
export const OUTLOOK_SCRIPT_FILE = 'content-scripts/outlook.js';

export interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
}

/** The slices of chrome.scripting, chrome.permissions and chrome.tabs this module needs. */
export interface OutlookAccessApis {
  scripting: {
    getRegisteredContentScripts(filter: { ids: string[] }): Promise<RegisteredScript[]>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
    updateContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
    executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  };
  permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
  tabs: { query(query: { url: string[] }): Promise<{ id?: number }[]> };
}

export async function grantedOutlookHosts(apis: Pick<OutlookAccessApis, 'permissions'>): Promise<string[]> {
  const granted = await Promise.all(OPTIONAL_HOSTS.map(async (host): Promise<string | undefined> => ((await apis.permissions.contains({ origins: [host] })) ? host : undefined)));
  return granted.filter((host) => host !== undefined);
}

/**
 * Makes the registered Outlook script match the granted hosts. With `injectIntoOpenTabs` (just
 * granted), it also runs in Outlook tabs already open, so the rep need not reload them.
 */
export async function syncOutlookScript(apis: OutlookAccessApis, { injectIntoOpenTabs = false } = {}): Promise<string[]> {
  const granted = await grantedOutlookHosts(apis);
  const registered = await apis.scripting.getRegisteredContentScripts({ ids: [OUTLOOK_SCRIPT_ID] });
  if (granted.length === 0) {
    if (registered.length > 0) await apis.scripting.unregisterContentScripts({ ids: [OUTLOOK_SCRIPT_ID] });
    return granted;
  }
  const script: RegisteredScript = { id: OUTLOOK_SCRIPT_ID, matches: granted, js: [OUTLOOK_SCRIPT_FILE], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true };
  const current = registered[0];
  if (!current) await apis.scripting.registerContentScripts([script]);
  else if (JSON.stringify([...(current.matches ?? [])].sort()) !== JSON.stringify([...granted].sort())) await apis.scripting.updateContentScripts([script]);
  if (injectIntoOpenTabs) await runOutlookScriptInOpenTabs(apis, granted);
  return granted;
}

/**
 * Runs the Outlook script in the open tabs of the granted hosts (just granted, or after an
 * update replaced the script running there: lib/sites/lifetime.ts ends the older copy).
 */
export async function runOutlookScriptInOpenTabs(apis: OutlookAccessApis, granted?: string[]): Promise<number> {
  const hosts = granted ?? (await grantedOutlookHosts(apis));
  return runFreshScriptsInOpenTabs(apis, [{ matches: hosts, js: [OUTLOOK_SCRIPT_FILE] }]);
}

/**
 * After access was taken back: forgets what tabs on webmail Groundwork may no longer read were
 * showing, so the side panel stops showing that thread's people. Their scripts, still running
 * until the tab reloads, are refused from now on (lib/background/handlers.ts).
 */
export async function forgetDisallowedMailPages(session: SessionArea, allowed: (url: string) => Promise<boolean>): Promise<number> {
  const contexts = (await allTabContexts(session)).filter((context) => mailSiteOfUrl(context.page.url) !== undefined);
  const gone = await Promise.all(contexts.map(async (context) => !(await allowed(context.page.url)) && (await forgetTabContextIfStill(session, context))));
  return gone.filter(Boolean).length;
}
