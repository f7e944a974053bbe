import { useEffect, useState } from 'react';

/**
 * Where the workspace is, in its URL's hash, so every view is a link the rep can bookmark or be sent:
 * `#people?stage=client`, `#person/<id>?q=ohio`, `#accounts?q=sable`, `#account/<id>`. The query
 * keeps the list's filters while a record is open beside it.
 */
export type WorkspaceView = { list: 'people'; personId?: string; query: string } | { list: 'accounts'; accountId?: string; query: string };

export function parseRoute(hash: string): WorkspaceView {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split(/\?(.*)/s, 2);
  const [kind, id] = path.split('/', 2);
  let decoded: string | undefined;
  try {
    decoded = id ? decodeURIComponent(id) : undefined;
  } catch {
    decoded = undefined;
  }
  if (kind === 'accounts' || kind === 'account') return { list: 'accounts', query, ...(kind === 'account' && decoded ? { accountId: decoded } : {}) };
  return { list: 'people', query, ...(kind === 'person' && decoded ? { personId: decoded } : {}) };
}

export function formatRoute(view: WorkspaceView): string {
  const path = view.list === 'people' ? (view.personId ? `person/${encodeURIComponent(view.personId)}` : 'people') : view.accountId ? `account/${encodeURIComponent(view.accountId)}` : 'accounts';
  return `#${path}${view.query ? `?${view.query}` : ''}`;
}

/** The view in the page's hash, and a way to go to another (a history entry unless `replace`). */
export function useRoute(): [WorkspaceView, (view: WorkspaceView, options?: { replace?: boolean }) => void] {
  const [view, setView] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setView(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = (next: WorkspaceView, { replace = false }: { replace?: boolean } = {}) => {
    const hash = formatRoute(next);
    if (hash === location.hash) return;
    if (replace) history.replaceState(null, '', hash);
    else history.pushState(null, '', hash);
    setView(parseRoute(hash));
  };
  return [view, go];
}
