import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { endContextIfDocumentGone, type TabMessenger } from '../../../lib/background/tabLoads';
import { classifySender } from '../../../lib/messaging/sender';
import { startLifetime } from '../../../lib/sites/lifetime';
import { answerPresence, PRESENCE_PING } from '../../../lib/sites/presence';
import { readTabContext, recordTabContext, type SessionArea } from '../../../lib/tabContext';

const page = { kind: 'none' as const, url: 'https://www.linkedin.com/feed/' };
const session = () => browser.storage.session;

function messenger(alive: Set<string>): TabMessenger & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    sendMessage: vi.fn(async (_tabId: number, message: unknown, { documentId }: { documentId: string }) => {
      asked.push(documentId);
      expect(message).toEqual({ type: PRESENCE_PING });
      if (!alive.has(documentId)) throw new Error('Could not establish connection. Receiving end does not exist.');
      return true;
    }),
  };
}

describe('a load in a tab and its page context', () => {
  it('keeps the context while the reporting document is still there (an in-app navigation)', async () => {
    await recordTabContext(session(), { tabId: 3, page, reportedAt: 5, documentId: 'doc-a' });
    const tabs = messenger(new Set(['doc-a']));
    await endContextIfDocumentGone(session(), tabs, 3);
    expect(tabs.asked).toEqual(['doc-a']);
    expect(await readTabContext(session(), 3)).toMatchObject({ documentId: 'doc-a' });
  });

  it('ends it when that document is gone (a full load, another site)', async () => {
    await recordTabContext(session(), { tabId: 3, page, reportedAt: 5, documentId: 'doc-a' });
    await endContextIfDocumentGone(session(), messenger(new Set()), 3);
    expect(await readTabContext(session(), 3)).toBeUndefined();
  });

  it('keeps a newer page reported while the old document was asked', async () => {
    await recordTabContext(session(), { tabId: 3, page, reportedAt: 5, documentId: 'doc-a' });
    const tabs: TabMessenger = {
      async sendMessage() {
        await recordTabContext(session(), { tabId: 3, page, reportedAt: 9, documentId: 'doc-b' });
        throw new Error('gone');
      },
    };
    await endContextIfDocumentGone(session(), tabs, 3);
    expect(await readTabContext(session(), 3)).toMatchObject({ reportedAt: 9, documentId: 'doc-b' });
  });

  it('keeps a page reported while the old one is being forgotten (a reload: the old document’s load ends it as the new one reports)', async () => {
    await recordTabContext(session(), { tabId: 3, page, reportedAt: 5, documentId: 'doc-a' });
    // The new document reports just after the forget has read the old context, before it removes it.
    let reads = 0;
    let reported: Promise<void> | undefined;
    const area: SessionArea = {
      get: async (keys) => {
        const stored = await session().get(keys);
        if (++reads === 2) reported = recordTabContext(area, { tabId: 3, page, reportedAt: 9, documentId: 'doc-b' });
        return stored;
      },
      set: (items) => session().set(items),
      remove: (keys) => session().remove(keys),
    };
    await endContextIfDocumentGone(area, messenger(new Set()), 3);
    await reported;
    expect(reads).toBe(2);
    expect(await readTabContext(session(), 3)).toMatchObject({ reportedAt: 9, documentId: 'doc-b' });
  });

  it('ends a context without a document id at once, and does nothing for a tab without one', async () => {
    await recordTabContext(session(), { tabId: 3, page, reportedAt: 5 });
    const tabs = messenger(new Set());
    await endContextIfDocumentGone(session(), tabs, 3);
    await endContextIfDocumentGone(session(), tabs, 4);
    expect(tabs.asked).toEqual([]);
    expect(await readTabContext(session(), 3)).toBeUndefined();
  });

  it('a content script’s document id comes with its classified sender', () => {
    const sender = { id: 'ext', url: 'https://www.linkedin.com/in/jane/', frameId: 0, tab: { id: 3 }, documentId: 'doc-a' };
    expect(classifySender(sender, 'ext', 'chrome-extension://ext/')).toEqual({ kind: 'content-script', tabId: 3, url: sender.url, documentId: 'doc-a' });
  });
});

describe('the content script’s answer', () => {
  it('answers only Groundwork’s worker, only the presence question, and stops with the script', async () => {
    const life = startLifetime('test', { runtime: { id: 'ext' }, world: {} });
    const listeners: ((message: unknown, sender: object) => unknown)[] = [];
    vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((l) => void listeners.push(l as never));
    const removed = vi.spyOn(fakeBrowser.runtime.onMessage, 'removeListener');
    answerPresence(life);
    const answer = (message: unknown, sender: object) => listeners[0]!(message, sender);
    await expect(answer({ type: PRESENCE_PING }, { id: browser.runtime.id })).resolves.toBe(true);
    expect(answer({ type: PRESENCE_PING }, { id: 'another-extension' })).toBeUndefined();
    expect(answer({ type: PRESENCE_PING }, { id: browser.runtime.id, tab: { id: 4 } })).toBeUndefined();
    expect(answer({ type: 'page/report' }, { id: browser.runtime.id })).toBeUndefined();
    expect(answer('page/still-here', { id: browser.runtime.id })).toBeUndefined();
    life.end();
    expect(removed).toHaveBeenCalled();
  });
});
