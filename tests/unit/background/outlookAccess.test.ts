import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { forgetDisallowedMailPages, OUTLOOK_SCRIPT_FILE, OUTLOOK_SCRIPT_ID, syncOutlookScript, type OutlookAccessApis, type RegisteredScript } from '../../../lib/background/outlookAccess';
import { allTabContexts, recordTabContext, type TabContext } from '../../../lib/tabContext';

const OFFICE = 'https://outlook.office.com/*';
const OFFICE365 = 'https://outlook.office365.com/*';
const LIVE = 'https://outlook.live.com/*';

/** chrome.scripting, chrome.permissions and chrome.tabs as far as outlookAccess uses them, in memory. */
function fakeChrome({ granted = [] as string[], tabs = [] as { id?: number; url: string }[] } = {}) {
  const registered = new Map<string, RegisteredScript>();
  const calls: string[] = [];
  const injected: number[] = [];
  const grantedHosts = new Set(granted);
  // Match patterns here are all "https://host/*": a prefix test is the whole of Chrome's rule for them.
  const matches = (url: string, pattern: string) => url.startsWith(pattern.slice(0, -1));
  const apis: OutlookAccessApis = {
    scripting: {
      async getRegisteredContentScripts({ ids }) {
        return ids.flatMap((id) => (registered.has(id) ? [structuredClone(registered.get(id)!)] : []));
      },
      async registerContentScripts(scripts) {
        calls.push('register');
        for (const s of scripts) {
          if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          registered.set(s.id, structuredClone(s));
        }
      },
      async updateContentScripts(scripts) {
        calls.push('update');
        for (const s of scripts) {
          if (!registered.has(s.id)) throw new Error(`No script with ID '${s.id}'`);
          registered.set(s.id, { ...registered.get(s.id)!, ...structuredClone(s) });
        }
      },
      async unregisterContentScripts({ ids }) {
        calls.push('unregister');
        for (const id of ids) registered.delete(id);
      },
      async executeScript({ target, files }) {
        expect(files).toEqual([OUTLOOK_SCRIPT_FILE]);
        if (target.tabId === 13) throw new Error('Frame with ID 0 was removed.');
        injected.push(target.tabId);
        return [];
      },
    },
    permissions: {
      async contains({ origins }) {
        return origins.every((o) => grantedHosts.has(o));
      },
    },
    tabs: {
      async query({ url }) {
        return tabs.filter((tab) => url.some((pattern) => matches(tab.url, pattern))).map(({ id }) => ({ id }));
      },
    },
  };
  return { apis, registered, calls, injected, grantedHosts };
}

describe('syncOutlookScript', () => {
  it('with nothing granted, registers nothing', async () => {
    const chrome = fakeChrome();
    expect(await syncOutlookScript(chrome.apis, { injectIntoOpenTabs: true })).toEqual([]);
    expect(chrome.registered.size).toBe(0);
    expect(chrome.calls).toEqual([]);
    expect(chrome.injected).toEqual([]);
  });

  it('registers the Outlook script for exactly the granted hosts', async () => {
    const chrome = fakeChrome({ granted: [OFFICE, LIVE] });
    expect(await syncOutlookScript(chrome.apis)).toEqual([OFFICE, LIVE]);
    expect(chrome.registered.get(OUTLOOK_SCRIPT_ID)).toEqual({
      id: OUTLOOK_SCRIPT_ID,
      matches: [OFFICE, LIVE],
      js: [OUTLOOK_SCRIPT_FILE],
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    });
  });

  it('does not register again when nothing changed (every worker start)', async () => {
    const chrome = fakeChrome({ granted: [OFFICE] });
    await syncOutlookScript(chrome.apis);
    await syncOutlookScript(chrome.apis);
    await syncOutlookScript(chrome.apis);
    expect(chrome.calls).toEqual(['register']);
  });

  it('updates the matches when the granted hosts change, and unregisters when all are taken back', async () => {
    const chrome = fakeChrome({ granted: [OFFICE] });
    await syncOutlookScript(chrome.apis);
    chrome.grantedHosts.add(OFFICE365);
    await syncOutlookScript(chrome.apis);
    expect(chrome.registered.get(OUTLOOK_SCRIPT_ID)?.matches).toEqual([OFFICE, OFFICE365]);
    chrome.grantedHosts.delete(OFFICE);
    await syncOutlookScript(chrome.apis);
    expect(chrome.registered.get(OUTLOOK_SCRIPT_ID)?.matches).toEqual([OFFICE365]);
    chrome.grantedHosts.clear();
    expect(await syncOutlookScript(chrome.apis)).toEqual([]);
    expect(chrome.registered.size).toBe(0);
    expect(chrome.calls).toEqual(['register', 'update', 'update', 'unregister']);
  });

  it('runs at once in open tabs of granted hosts when asked, and only then', async () => {
    const tabs = [
      { id: 11, url: 'https://outlook.office.com/mail/inbox' },
      { id: 12, url: 'https://outlook.live.com/mail/0/' }, // not granted
      { id: 13, url: 'https://outlook.office.com/mail/sent' }, // closes meanwhile
      { id: 14, url: 'https://mail.google.com/mail/u/0/' },
      { url: 'https://outlook.office.com/mail/' }, // no id (devtools, say)
    ];
    const chrome = fakeChrome({ granted: [OFFICE], tabs });
    await syncOutlookScript(chrome.apis);
    expect(chrome.injected).toEqual([]);
    await expect(syncOutlookScript(chrome.apis, { injectIntoOpenTabs: true })).resolves.toEqual([OFFICE]);
    expect(chrome.injected).toEqual([11]);
  });
});

describe('forgetDisallowedMailPages', () => {
  it('after access is taken back, forgets what Outlook tabs showed, and only that', async () => {
    const session = browser.storage.session;
    const thread = (tabId: number, url: string): TabContext => ({ tabId, reportedAt: 1, page: { kind: 'mail-thread', url, thread: { participants: [{ email: 'adaeze@sable-ridge-foods.example' }] } } });
    await recordTabContext(session, thread(1, 'https://outlook.office.com/mail/inbox/id/AAQk1'));
    await recordTabContext(session, thread(2, 'https://outlook.live.com/mail/0/inbox/id/AAQk2'));
    await recordTabContext(session, thread(3, 'https://mail.google.com/mail/u/0/#inbox/FMfcg'));
    await recordTabContext(session, { tabId: 4, reportedAt: 1, page: { kind: 'none', url: 'https://www.linkedin.com/feed/' } });
    // Access kept for outlook.live.com only; Gmail needs none.
    const allowed = async (url: string) => !url.startsWith('https://outlook.office.com/');
    expect(await forgetDisallowedMailPages(session, allowed)).toBe(1);
    expect((await allTabContexts(session)).map((c) => c.tabId).sort()).toEqual([2, 3, 4]);
  });
});
