import { browser } from 'wxt/browser';
import { WORKSPACE_PATH } from '../../lib/background/commands';

/** Opens the workspace in a new tab, at a view such as `#person/<id>` (components/workspace/route.ts). */
export function openWorkspace(hash = ''): Promise<unknown> {
  return browser.tabs.create({ url: browser.runtime.getURL(WORKSPACE_PATH) + hash });
}
