import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { db } from '../../lib/db';
import { accountRows, matchAccounts } from '../../lib/workspace/accountRows';
import { count } from '../../lib/text/words';
import { formatWhen } from '../format';
import type { LiveRows } from './usePeopleRows';
import { useSlashFocus } from './useSlashFocus';

const ROW_HEIGHT = 44;

/**
 * The accounts list (issue 18): find one by the start of its name's words, or review those where no
 * one at VP level or above has been touched; open one to see its people by level beside the list.
 */
export function AccountsList({ live, query, openId, onQuery, onOpen }: { live: LiveRows; query: string; openId?: string; onQuery(query: string): void; onOpen(id: string): void }) {
  const params = useMemo(() => new URLSearchParams(query), [query]);
  const text = params.get('q') ?? '';
  const withoutExecutive = params.get('exec') === 'none';
  const accounts = useLiveQuery(() => db.accounts.toArray(), []);
  // Built when the data changes; only the matching runs as the rep types.
  const all = useMemo(() => (accounts ? accountRows(accounts, live.rows) : []), [accounts, live.rows]);
  const rows = useMemo(() => matchAccounts(all, text, { withoutExecutive }), [all, text, withoutExecutive]);
  const searchBox = useRef<HTMLInputElement>(null);
  useSlashFocus(searchBox);
  const set = (q: string, exec: boolean) => {
    const next = new URLSearchParams();
    if (q) next.set('q', q);
    if (exec) next.set('exec', 'none');
    onQuery(next.toString());
  };
  const [active, setActive] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  // No React Compiler here: the virtualizer re-renders the list itself as it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const activeRow = rows[Math.min(active, rows.length - 1)];

  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: rows.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      const next = Math.max(0, Math.min(moves[event.key]!, rows.length - 1));
      setActive(next);
      virtualizer.scrollToIndex(next);
    } else if (event.key === 'Enter' && activeRow) onOpen(activeRow.id);
  };

  if (!accounts) return null;
  return (
    <section className="people-list" aria-label="Accounts">
      <div className="list-head stack">
        <label className="search">
          <span className="visually-hidden">Search accounts</span>
          <input ref={searchBox} type="search" value={text} aria-label="Search accounts" placeholder="Search accounts by name   ( / )" onChange={(e) => set(e.target.value, withoutExecutive)} onKeyDown={(e) => e.key === 'Escape' && set('', withoutExecutive)} />
        </label>
        <label className="filter check">
          <input type="checkbox" checked={withoutExecutive} onChange={(e) => set(text, e.target.checked)} />
          <span>Without an executive relationship</span>
        </label>
        <span aria-live="polite" data-testid="accounts-count">
          {count(rows.length, 'account')}
          {rows.length !== accounts.length ? ` of ${accounts.length.toLocaleString()}` : ''}
        </span>
      </div>
      <div
        className="grid"
        role="grid"
        aria-label="Accounts"
        aria-rowcount={rows.length + 1}
        tabIndex={0}
        aria-activedescendant={activeRow && virtualizer.getVirtualItems().some((item) => item.index === active) ? `account-${activeRow.id}` : undefined}
        onFocus={(event) => event.target === event.currentTarget && rows.length > 0 && virtualizer.scrollToIndex(active)}
        onKeyDown={onKey}
      >
        <div className="grid-head accounts" role="row" aria-rowindex={1}>
          <span role="columnheader" className="cell col-name">
            Account
          </span>
          <span role="columnheader" className="cell">
            People
          </span>
          <span role="columnheader" className="cell">
            Last touch
          </span>
          <span role="columnheader" className="cell">
            Executive relationship
          </span>
        </div>
        <div ref={scroller} className="grid-body" role="rowgroup">
          {rows.length === 0 ? (
            <div className="empty" role="row">
              <span role="gridcell">{accounts.length === 0 ? 'No accounts saved yet. Save one from its LinkedIn company page.' : 'No account matches.'}</span>
            </div>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index]!;
                return (
                  <div
                    key={row.id}
                    id={`account-${row.id}`}
                    role="row"
                    aria-rowindex={item.index + 2}
                    aria-selected={row.id === openId}
                    className={`grid-row accounts${item.index === active ? ' active' : ''}${row.id === openId ? ' open' : ''}`}
                    style={{ position: 'absolute', top: item.start, left: 0, right: 0, height: ROW_HEIGHT }}
                    data-testid="account-row"
                  >
                    <span role="gridcell" className="cell col-name">
                      <button type="button" className="link name" tabIndex={-1} onClick={() => (setActive(item.index), onOpen(row.id))}>
                        {row.name}
                      </button>
                      <span className="muted small sub">{[row.industry, row.sizeBand && `${row.sizeBand} employees`, row.location].filter(Boolean).join(' · ')}</span>
                    </span>
                    <span role="gridcell" className="cell">
                      {row.people}
                    </span>
                    <span role="gridcell" className="cell">
                      {row.lastTouchAt !== undefined ? formatWhen(row.lastTouchAt) : <span className="muted">never</span>}
                    </span>
                    <span role="gridcell" className="cell">
                      {row.executiveRelationship ? 'Yes' : <span className="warning-text">None</span>}
                    </span>
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
