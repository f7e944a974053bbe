import { SeenPage } from './messaging/protocol';

/**
 * Each tab's page context: what the content script last reported for it. Kept in
 * `storage.session` (memory-backed, cleared when the browser closes, readable only by the
 * extension's own pages and worker) so it survives the service worker being stopped at any moment
 * (DESIGN.md §4). The side panel reads it directly and listens for changes.
 */
export interface TabContext {
  tabId: number;
  page: SeenPage;
  reportedAt: number;
  /** The reporting document (Chrome's sender.documentId): the context lasts as long as it does. */
  documentId?: string;
}

/** The slice of a storage area this module needs; storage.session in the extension, a Map in tests. */
export interface SessionArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const PREFIX = 'tab:';

export function tabContextKey(tabId: number): string {
  return `${PREFIX}${tabId}`;
}

/** Parses a stored value; anything not of the expected shape reads as "no context". */
export function parseTabContextOrUndefined(value: unknown): TabContext | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { tabId, page, reportedAt, documentId } = value as Record<string, unknown>;
  if (typeof tabId !== 'number' || typeof reportedAt !== 'number') return undefined;
  if (documentId !== undefined && typeof documentId !== 'string') return undefined;
  const parsed = SeenPage.safeParse(page);
  if (!parsed.success) return undefined;
  return documentId === undefined ? { tabId, page: parsed.data, reportedAt } : { tabId, page: parsed.data, reportedAt, documentId };
}

/**
 * Changes to one tab's context run one after another. A conditional forget reads, compares and
 * removes in three steps; a report written between its read and its remove would otherwise be
 * removed with the page it replaced (a reload: the old document's load event ends its context
 * while the new document reports). All writers live in the background worker, one realm.
 */
const queues = new WeakMap<SessionArea, Map<number, Promise<unknown>>>();

function inTurn<T>(area: SessionArea, tabId: number, change: () => Promise<T>): Promise<T> {
  let tabs = queues.get(area);
  if (!tabs) queues.set(area, (tabs = new Map()));
  const result = (tabs.get(tabId) ?? Promise.resolve()).then(change);
  const settled = result.catch(() => undefined);
  tabs.set(tabId, settled);
  void settled.then(() => {
    if (tabs.get(tabId) === settled) tabs.delete(tabId);
  });
  return result;
}

export function recordTabContext(area: SessionArea, context: TabContext): Promise<void> {
  return inTurn(area, context.tabId, () => area.set({ [tabContextKey(context.tabId)]: context }));
}

export async function readTabContext(area: SessionArea, tabId: number): Promise<TabContext | undefined> {
  const key = tabContextKey(tabId);
  const stored = await area.get(key);
  return parseTabContextOrUndefined(stored[key]);
}

export function forgetTabContext(area: SessionArea, tabId: number): Promise<void> {
  return inTurn(area, tabId, () => area.remove(tabContextKey(tabId)));
}

/** Forgets the tab's context only if it is still `expected` (no newer report replaced it). */
export function forgetTabContextIfStill(area: SessionArea, expected: TabContext): Promise<boolean> {
  return inTurn(area, expected.tabId, async () => {
    const latest = await readTabContext(area, expected.tabId);
    if (!latest || latest.reportedAt !== expected.reportedAt || latest.documentId !== expected.documentId) return false;
    await area.remove(tabContextKey(expected.tabId));
    return true;
  });
}

/** Every tab's recorded context (for refreshing all badges after the data changed). */
export async function allTabContexts(area: SessionArea): Promise<TabContext[]> {
  const stored = await area.get(null);
  return Object.entries(stored)
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([, value]) => parseTabContextOrUndefined(value))
    .filter((context): context is TabContext => context !== undefined);
}
