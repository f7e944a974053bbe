import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { parseTabContextOrUndefined, tabContextKey, type TabContext } from '../lib/tabContext';

/**
 * The tab the side panel follows: the active tab of the panel's window. When the panel page is
 * itself open as a tab (popped out, or under test automation, which cannot open the real side
 * panel), it follows the most recently active *other* tab of its window instead.
 */
export function useTrackedTabId(): number | null | undefined {
  // undefined while looking; null when the window has no other tab.
  const [tabId, setTabId] = useState<number | null>();

  useEffect(() => {
    let cancelled = false;
    let ownTabId: number | undefined;
    let windowId: number | undefined;
    // The tab followed right now, kept here too so event handlers can read it.
    let followed: number | null | undefined;
    const follow = (id: number | null) => {
      followed = id;
      if (!cancelled) setTabId(id);
    };

    const pick = async () => {
      const tabs = await browser.tabs.query({ windowId });
      const others = tabs.filter((t) => t.id !== undefined && t.id !== ownTabId);
      const active = others.find((t) => t.active);
      const latest = active ?? others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
      follow(latest?.id ?? null);
    };

    const onActivated = ({ tabId: activated, windowId: inWindow }: { tabId: number; windowId: number }) => {
      if (inWindow === windowId && activated !== ownTabId) follow(activated);
    };
    const onRemoved = (removed: number) => {
      if (removed === followed) void pick();
    };

    void (async () => {
      ownTabId = (await browser.tabs.getCurrent())?.id;
      windowId = (await browser.windows.getCurrent()).id;
      await pick();
    })();
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onRemoved.addListener(onRemoved);
    return () => {
      cancelled = true;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onRemoved.removeListener(onRemoved);
    };
  }, []);

  return tabId;
}

export type TabContextState =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'ready'; context: TabContext };

/** The page context of `tabId`, kept current from storage.session. */
export function useTabContext(tabId: number | null | undefined): TabContextState {
  // The context read for one tab id; a different id means "still loading".
  const [read, setRead] = useState<{ tabId: number; context: TabContext | undefined }>();

  useEffect(() => {
    if (tabId === undefined || tabId === null) return;
    const key = tabContextKey(tabId);
    let cancelled = false;
    // A change that arrives before the first read is newer than what the read returns.
    let changed = false;
    const apply = (value: unknown) => {
      if (!cancelled) setRead({ tabId, context: parseTabContextOrUndefined(value) });
    };
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && key in changes) {
        changed = true;
        apply(changes[key]?.newValue);
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    void browser.storage.session.get(key).then((stored) => {
      if (!changed) apply(stored[key]);
    });
    return () => {
      cancelled = true;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [tabId]);

  if (tabId === null) return { status: 'none' };
  if (tabId === undefined || read?.tabId !== tabId) return { status: 'loading' };
  return read.context ? { status: 'ready', context: read.context } : { status: 'none' };
}
