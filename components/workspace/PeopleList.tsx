import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { calendarOf } from '../../lib/cadence/propose';
import { db } from '../../lib/db';
import type { Settings } from '../../lib/model';
import { matchedText } from '../../lib/search/matchedText';
import type { PeopleSearch } from '../../lib/search/searchPeople';
import { activeFilterCount, byName, dueBounds, formatFilters, parseFilters, visibleRows, type PeopleFilters, type SortKey } from '../../lib/workspace/filters';
import type { PersonRow } from '../../lib/workspace/rows';
import { count } from '../../lib/text/words';
import { Avatar } from '../Avatar';
import { formatDue, isOverdue } from '../dueTime';
import { formatWhen } from '../format';
import { STAGE_LABELS } from '../PersonDetails';
import { BulkBar } from './BulkBar';
import { FilterBar } from './FilterBar';
import type { LiveRows } from './usePeopleRows';
import { useSearch } from './useSearch';
import { useSlashFocus } from './useSlashFocus';

const ROW_HEIGHT = 44;

/** The typed words marked in `text` ([start, end) pairs). */
function Marked({ text, marks }: { text: string; marks: readonly [number, number][] }) {
  const parts: (string | { mark: string })[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at) continue;
    parts.push(text.slice(at, start), { mark: text.slice(start, end) });
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts.map((part, i) => (typeof part === 'string' ? part : <mark key={i}>{part.mark}</mark>))}</>;
}

/** What the search matched in a field other than the name ("Notes: … Ohio plant …"), read for rows on screen only. */
function MatchNote({ id, search }: { id: string; search: PeopleSearch }) {
  const fields = search.fields.get(id);
  const other = fields?.find((field) => field !== 'name');
  const person = useLiveQuery(() => (other ? db.people.get(id) : undefined), [id, other]);
  if (!other || !person) return null;
  const match = matchedText(person, other, search.words, 90);
  if (!match) return null;
  return (
    <span className="match small" data-testid="match">
      {match.label}: <Marked text={match.text} marks={match.marks} />
    </span>
  );
}

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'fit', label: 'Fit' },
  { key: 'last', label: 'Last touch' },
  { key: 'next', label: 'Next follow-up' },
];

/**
 * The people list (issue 18): search as you type, filters, sortable columns, selection for bulk
 * actions, and a virtualised grid (only the rows on screen are in the DOM, whether 30 or 50k match).
 * Keyboard: "/" focuses search, arrows move, Enter opens, Escape clears the search, Space ticks.
 */
export function PeopleList({
  live,
  query,
  openId,
  settings,
  onQuery,
  onOpen,
}: {
  live: LiveRows;
  query: string;
  openId?: string;
  settings: Settings;
  onQuery(query: string, replace: boolean): void;
  onOpen(id: string): void;
}) {
  const filters = useMemo(() => parseFilters(query), [query]);
  const setFilters = (next: PeopleFilters, replace = false) => onQuery(formatFilters(next), replace);
  const { search, searching, error: searchError } = useSearch(filters.q, live.version);
  const byNameRows = useMemo(() => [...live.rows].sort(byName), [live.rows]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const bounds = useMemo(() => dueBounds(now, calendarOf(settings)), [now, settings]);
  // Until everyone is read, only the plain list (by name) can be shown: its first screen is.
  const plain = !filters.q && activeFilterCount(filters) === 0 && (filters.sort ?? 'name') === 'name' && !filters.reverse;
  const waiting = !live.complete && !plain;
  const rows = useMemo(
    () => (waiting || (filters.q && !search) ? [] : visibleRows(byNameRows, filters, now, bounds, filters.q ? search : undefined)),
    [waiting, byNameRows, filters, now, bounds, search],
  );
  const accountName = useLiveQuery(async () => (filters.account ? ((await db.accounts.get(filters.account))?.name ?? null) : null), [filters.account]);

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  /** The person last ticked: a shift-click ticks everyone between them and the one clicked, as listed now. */
  const anchor = useRef<string | undefined>(undefined);
  // A new search or filter starts a new selection: a bulk action acts only on people the rep can see.
  const listQuery = formatFilters({ ...filters, sort: undefined, reverse: undefined });
  useEffect(() => {
    setSelected(new Set());
    anchor.current = undefined;
  }, [listQuery]);
  // Not copied at every render: scrolling renders the list at every frame, and all 50k may be ticked.
  const selectedIds = useMemo(() => [...selected], [selected]);
  const [active, setActive] = useState(0);
  const searchBox = useRef<HTMLInputElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const gridFocus = useRef<HTMLDivElement>(null);
  // No React Compiler here: the virtualizer re-renders the list itself as it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => grid.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  // Selection keeps only people still in the data (a delete elsewhere); the active row stays in range.
  useEffect(() => {
    const known = new Set(live.rows.map((r) => r.id));
    setSelected((current) => ([...current].every((id) => known.has(id)) ? current : new Set([...current].filter((id) => known.has(id)))));
  }, [live.rows]);
  useEffect(() => setActive((a) => Math.max(0, Math.min(a, rows.length - 1))), [rows.length]);

  useSlashFocus(searchBox);

  const toggle = (index: number, event: { shiftKey: boolean }) => {
    const row = rows[index];
    if (!row) return;
    setSelected((current) => {
      const next = new Set(current);
      const on = !current.has(row.id);
      const from0 = anchor.current === undefined ? -1 : rows.findIndex((r) => r.id === anchor.current);
      if (event.shiftKey && from0 >= 0) {
        const [from, to] = [Math.min(from0, index), Math.max(from0, index)];
        for (const r of rows.slice(from, to + 1)) {
          if (on) next.add(r.id);
          else next.delete(r.id);
        }
      } else if (on) next.add(row.id);
      else next.delete(row.id);
      return next;
    });
    anchor.current = row.id;
  };

  const moveTo = (index: number) => {
    const clamped = Math.max(0, Math.min(index, rows.length - 1));
    setActive(clamped);
    virtualizer.scrollToIndex(clamped);
  };

  // Rows are memoised, so that scrolling renders only the rows it brings into view: their handlers
  // stay the same functions and reach the latest list through a ref.
  const openRow = (index: number) => {
    const row = rows[index];
    if (!row) return;
    setActive(index);
    onOpen(row.id);
  };
  const rowActions = useRef({ toggle, open: openRow });
  useLayoutEffect(() => {
    rowActions.current = { toggle, open: openRow };
  });
  const onRowToggle = useCallback((index: number, event: { shiftKey: boolean }) => rowActions.current.toggle(index, event), []);
  const onRowOpen = useCallback((index: number) => rowActions.current.open(index), []);

  const onGridKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const page = Math.max(1, Math.floor((grid.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: rows.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]!);
    } else if (event.key === 'Enter' && rows[active]) {
      event.preventDefault();
      onOpen(rows[active].id);
    } else if (event.key === ' ' && rows[active]) {
      event.preventDefault();
      toggle(active, event);
    } else if (event.key === 'Escape' && selected.size > 0) {
      setSelected(new Set());
    }
  };

  const sortBy = (key: SortKey) => {
    const same = (filters.sort ?? (filters.q ? undefined : 'name')) === key;
    setFilters({ ...filters, sort: key, reverse: same ? !filters.reverse : undefined });
  };
  const ariaSort = (key: SortKey): 'ascending' | 'descending' | 'none' => {
    const sort = filters.sort ?? (filters.q ? undefined : 'name');
    if (sort !== key) return 'none';
    const natural = key === 'name' || key === 'next' ? 'ascending' : 'descending';
    return filters.reverse ? (natural === 'ascending' ? 'descending' : 'ascending') : natural;
  };

  const allShownSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const activeRow = rows[active];
  return (
    <section className="people-list" aria-label="People">
      <div className="list-head stack">
        <div className="row">
          <label className="search">
            <span className="visually-hidden">Search people</span>
            <input
              ref={searchBox}
              type="search"
              value={filters.q ?? ''}
              placeholder="Search names, companies, titles, emails, tags, notes   ( / )"
              aria-label="Search people"
              aria-describedby="people-count"
              onChange={(e) => setFilters({ ...filters, q: e.target.value || undefined }, true)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setFilters({ ...filters, q: undefined }, true);
                if (e.key === 'ArrowDown' || e.key === 'Enter') {
                  e.preventDefault();
                  gridFocus.current?.focus();
                  // Only a result for what is typed now: never the previous keystroke's first row.
                  if (e.key === 'Enter' && rows[0] && !searching) onOpen(rows[0].id);
                }
              }}
            />
          </label>
        </div>
        <FilterBar filters={filters} settings={settings} accountName={accountName ?? undefined} onChange={(next) => setFilters(next)} />
        <div className="row">
          <span id="people-count" aria-live="polite" data-testid="people-count">
            {!live.complete ? (
              'Reading all your prospects…'
            ) : (
              <>
                {searching ? 'Searching… ' : ''}
                {count(rows.length, 'person', 'people')}
                {rows.length !== live.rows.length ? ` of ${live.rows.length.toLocaleString()}` : ''}
              </>
            )}
          </span>
          {live.complete && rows.length > 0 && (
            <button type="button" className="link" onClick={() => setSelected(allShownSelected ? new Set() : new Set([...selected, ...rows.map((r) => r.id)]))}>
              {allShownSelected ? 'Unselect all' : `Select all ${rows.length.toLocaleString()} matching`}
            </button>
          )}
        </div>
        {searchError && (
          <p role="alert" className="error">
            Search failed: {searchError}
          </p>
        )}
        {live.error && (
          <p role="alert" className="error">
            The list could not be read again ({live.error}); it shows what it last read, and tries again with the next change.
          </p>
        )}
        <BulkBar selected={selectedIds} settings={settings} onClear={() => setSelected(new Set())} />
      </div>
      <div
        ref={gridFocus}
        className="grid"
        role="grid"
        aria-label="People"
        aria-rowcount={rows.length + 1}
        aria-multiselectable="true"
        tabIndex={0}
        aria-activedescendant={activeRow && virtualizer.getVirtualItems().some((item) => item.index === active) ? `row-${activeRow.id}` : undefined}
        onFocus={(event) => event.target === event.currentTarget && rows.length > 0 && virtualizer.scrollToIndex(active)}
        onKeyDown={onGridKey}
      >
        <div className="grid-head" role="row" aria-rowindex={1}>
          <span role="columnheader" className="cell tick">
            <span className="visually-hidden">Selected</span>
          </span>
          {COLUMNS.map((column) => (
            <span key={column.key} role="columnheader" aria-sort={ariaSort(column.key)} className={`cell col-${column.key}`}>
              <button type="button" className="link" onClick={() => sortBy(column.key)}>
                {column.label}
                {ariaSort(column.key) === 'ascending' ? ' ▲' : ariaSort(column.key) === 'descending' ? ' ▼' : ''}
              </button>
            </span>
          ))}
        </div>
        <div ref={grid} className="grid-body" role="rowgroup">
          {rows.length === 0 ? (
            <div className="empty" role="row">
              <span role="gridcell">{!live.complete ? 'Reading your prospects…' : live.rows.length === 0 ? 'No one saved yet. Save prospects from LinkedIn or email, or import LinkedIn’s Connections.csv in Options.' : 'No one matches. Try fewer words or clear a filter.'}</span>
            </div>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index]!;
                return (
                  <PersonLine
                    key={row.id}
                    row={row}
                    index={item.index}
                    top={item.start}
                    active={item.index === active}
                    open={row.id === openId}
                    selected={selected.has(row.id)}
                    search={filters.q ? search : undefined}
                    now={now}
                    onToggle={onRowToggle}
                    onOpen={onRowOpen}
                  />
                );
              })}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

const PersonLine = memo(function PersonLine({
  row,
  index,
  top,
  active,
  open,
  selected,
  search,
  now,
  onToggle,
  onOpen,
}: {
  row: PersonRow;
  index: number;
  top: number;
  active: boolean;
  open: boolean;
  selected: boolean;
  search?: PeopleSearch;
  now: number;
  onToggle(index: number, event: { shiftKey: boolean }): void;
  onOpen(index: number): void;
}) {
  const nameMarks = search?.fields.get(row.id)?.includes('name') ? matchedText({ ...row, emails: [], tags: [] }, 'name', search.words) : undefined;
  return (
    <div
      id={`row-${row.id}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`grid-row${active ? ' active' : ''}${open ? ' open' : ''}`}
      style={{ position: 'absolute', top, left: 0, right: 0, height: ROW_HEIGHT }}
      data-testid="person-row"
    >
      <span role="gridcell" className="cell tick">
        <input
          type="checkbox"
          checked={selected}
          aria-label={`Select ${row.name}`}
          onChange={() => undefined}
          onClick={(event: MouseEvent<HTMLInputElement>) => onToggle(index, event)}
          tabIndex={-1}
        />
      </span>
      <span role="gridcell" className="cell col-name">
        <Avatar name={row.name} size={28} />
        <span className="who">
          <button type="button" className="link name" onClick={() => onOpen(index)} tabIndex={-1}>
            {nameMarks ? <Marked text={nameMarks.text} marks={nameMarks.marks} /> : row.name}
          </button>
          {row.flagged && (
            <span className="badge warn-badge" title="Crisis-mode brain-picker">
              ⚑ flagged
            </span>
          )}
          <span className="muted small sub">
            {[row.title, row.companyName, STAGE_LABELS[row.stage]].filter(Boolean).join(' · ')}
            {row.tags.length > 0 && ` · ${row.tags.join(', ')}`}
          </span>
          {search && <MatchNote id={row.id} search={search} />}
        </span>
      </span>
      <span role="gridcell" className="cell col-fit">
        {row.fitBand ? <span className={`badge band-${row.fitBand}`}>{row.fitBand} {row.fitScore}</span> : <span className="muted">—</span>}
      </span>
      <span role="gridcell" className="cell col-last">
        {row.lastTouchAt !== undefined ? formatWhen(row.lastTouchAt, now) : <span className="muted">never</span>}
      </span>
      <span role="gridcell" className={`cell col-next${row.nextDueAt !== undefined && isOverdue(row.nextDueAt, now) ? ' error' : ''}`}>
        {row.nextDueAt !== undefined ? formatDue(row.nextDueAt, now) : <span className="muted">none</span>}
      </span>
    </div>
  );
});
