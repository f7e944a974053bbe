import { addDays, startOfDay, startOfWeek } from 'date-fns';
import { zoned, type WorkCalendar } from '../cadence/workdays';
import { FIT_BANDS, OWNER_ROLES, STAGES, type FitBand, type OwnerRole, type Stage } from '../model';
import type { PersonRow } from './rows';

/**
 * The workspace's filters and sort, in the words reps think in (issue 18), and their place in the
 * page's URL (`#people?stage=client&due=overdue&sort=-fit`) so a view can be bookmarked. Parsing
 * never throws: an unknown or malformed parameter is dropped, so an old or hand-edited link opens.
 */

export const DUE_CHOICES = ['overdue', 'today', 'week', 'none'] as const;
export type DueChoice = (typeof DUE_CHOICES)[number];
export const LAST_TOUCH_CHOICES = ['never', '30', '90'] as const;
export type LastTouchChoice = (typeof LAST_TOUCH_CHOICES)[number];
export const SORT_KEYS = ['name', 'fit', 'last', 'next'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface PeopleFilters {
  q?: string;
  stage?: Stage;
  /** A fit band, or "none" for people too little is known about to score. */
  fit?: FitBand | 'none';
  flagged?: boolean;
  due?: DueChoice;
  owner?: OwnerRole;
  tag?: string;
  account?: string;
  last?: LastTouchChoice;
  /** Only people the rep asked before giving anything (DESIGN: give before you ask). */
  askedFirst?: boolean;
  sort?: SortKey;
  /** Descending; each column's natural order otherwise (name A–Z, best fit, latest touch, soonest due). */
  reverse?: boolean;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined => (value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined);

export function parseFilters(query: string): PeopleFilters {
  const params = new URLSearchParams(query);
  const filters: PeopleFilters = {};
  const q = params.get('q');
  if (q && q.trim()) filters.q = q.slice(0, 200);
  const stage = oneOf(STAGES, params.get('stage'));
  if (stage) filters.stage = stage;
  const fit = oneOf([...FIT_BANDS, 'none'] as const, params.get('fit'));
  if (fit) filters.fit = fit;
  if (params.get('flagged') === '1') filters.flagged = true;
  const due = oneOf(DUE_CHOICES, params.get('due'));
  if (due) filters.due = due;
  const owner = oneOf(OWNER_ROLES, params.get('owner'));
  if (owner) filters.owner = owner;
  const tag = params.get('tag');
  if (tag && tag.trim()) filters.tag = tag.slice(0, 60);
  const account = params.get('account');
  if (account && account.trim()) filters.account = account.slice(0, 100);
  const last = oneOf(LAST_TOUCH_CHOICES, params.get('last'));
  if (last) filters.last = last;
  if (params.get('asked') === 'first') filters.askedFirst = true;
  const sort = params.get('sort');
  const key = oneOf(SORT_KEYS, sort?.replace(/^-/, '') ?? null);
  if (key) {
    filters.sort = key;
    if (sort!.startsWith('-')) filters.reverse = true;
  }
  return filters;
}

export function formatFilters(filters: PeopleFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.stage) params.set('stage', filters.stage);
  if (filters.fit) params.set('fit', filters.fit);
  if (filters.flagged) params.set('flagged', '1');
  if (filters.due) params.set('due', filters.due);
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.account) params.set('account', filters.account);
  if (filters.last) params.set('last', filters.last);
  if (filters.askedFirst) params.set('asked', 'first');
  if (filters.sort) params.set('sort', `${filters.reverse ? '-' : ''}${filters.sort}`);
  return params.toString();
}

/** How many filters narrow the list (search and sort aside). */
export function activeFilterCount(filters: PeopleFilters): number {
  return [filters.stage, filters.fit, filters.flagged, filters.due, filters.owner, filters.tag, filters.account, filters.last, filters.askedFirst].filter(Boolean).length;
}

const DAY = 86_400_000;

/** The day bounds "due" is judged by, in the rep's calendar. */
export interface DueBounds {
  startOfToday: number;
  endOfToday: number;
  endOfWeek: number;
}

export function dueBounds(now: number, calendar: WorkCalendar): DueBounds {
  const today = startOfDay(zoned(now, calendar));
  const monday = startOfWeek(today, { weekStartsOn: 1 });
  return { startOfToday: today.getTime(), endOfToday: addDays(today, 1).getTime(), endOfWeek: addDays(monday, 7).getTime() };
}

/** Whether `row` passes every filter but the search (which the index answers). */
export function passes(row: PersonRow, filters: PeopleFilters, now: number, bounds: DueBounds): boolean {
  if (filters.stage && row.stage !== filters.stage) return false;
  if (filters.fit && (row.fitBand ?? 'none') !== filters.fit) return false;
  if (filters.flagged && !row.flagged) return false;
  if (filters.owner && row.owner !== filters.owner) return false;
  if (filters.tag) {
    const tag = filters.tag.toLowerCase();
    if (!row.tags.some((t) => t.toLowerCase() === tag)) return false;
  }
  if (filters.account && row.accountId !== filters.account) return false;
  if (filters.due) {
    const due = row.nextDueAt;
    if (filters.due === 'none' ? due !== undefined : due === undefined) return false;
    // Overdue as the list shows it in red: past due by more than a minute (earlier today included).
    if (filters.due === 'overdue' && due! >= now - 60_000) return false;
    if (filters.due === 'today' && (due! < bounds.startOfToday || due! >= bounds.endOfToday)) return false;
    // This week: from today to Sunday night, what is overdue included (it is due this week too).
    if (filters.due === 'week' && due! >= bounds.endOfWeek) return false;
  }
  if (filters.last) {
    if (filters.last === 'never') {
      if (row.lastTouchAt !== undefined) return false;
    } else if (row.lastTouchAt === undefined || row.lastTouchAt > now - Number(filters.last) * DAY) return false;
  }
  if (filters.askedFirst && (row.firstAskAt === undefined || (row.firstGiveAt !== undefined && row.firstGiveAt < row.firstAskAt))) return false;
  return true;
}

/**
 * Name order, accents and case aside (the rows' folded `sortKey`), then id: the list's base order.
 * Plain comparisons, not a collator: re-sorting 50k rows after each change must not be felt.
 */
export const byName = (a: PersonRow, b: PersonRow) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Rows without a value for the column go last, whichever the direction. */
function byValue(a: number | undefined, b: number | undefined, descending: boolean): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return descending ? b - a : a - b;
}

/** The column's order; ties keep the order they came in (the sort is stable: name order). */
function byColumn(sort: Exclude<SortKey, 'name'>, reverse: boolean): (a: PersonRow, b: PersonRow) => number {
  switch (sort) {
    case 'fit':
      return (a, b) => byValue(a.fitScore, b.fitScore, !reverse);
    case 'last':
      return (a, b) => byValue(a.lastTouchAt, b.lastTouchAt, !reverse);
    case 'next':
      return (a, b) => byValue(a.nextDueAt, b.nextDueAt, reverse);
  }
}

/**
 * The list as shown: filtered, then ordered by the chosen column; while searching and no column is
 * chosen, by relevance (`rank`, from lib/search/searchPeople.ts). `rowsByName` must be in name order
 * (`byName`), sorted once per change of the data rather than on every keystroke: ties keep it.
 */
export function visibleRows(
  rowsByName: readonly PersonRow[],
  filters: PeopleFilters,
  now: number,
  bounds: DueBounds,
  search?: { rank: ReadonlyMap<string, number> },
): PersonRow[] {
  const source = search ? rowsByName.filter((row) => search.rank.has(row.id)) : rowsByName;
  const shown = source.filter((row) => passes(row, filters, now, bounds));
  const sort = filters.sort ?? (search ? undefined : 'name');
  if (sort === undefined) return shown.sort((a, b) => search!.rank.get(a.id)! - search!.rank.get(b.id)!);
  if (sort === 'name') return filters.reverse ? shown.reverse() : shown;
  return shown.sort(byColumn(sort, filters.reverse ?? false));
}
