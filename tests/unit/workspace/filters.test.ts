import { describe, expect, it } from 'vitest';
import { dueBounds, formatFilters, parseFilters, passes, visibleRows, type PeopleFilters } from '../../../lib/workspace/filters';
import type { PersonRow } from '../../../lib/workspace/rows';
import { listRow } from './support';

/** The workspace's filters in reps' words, their place in the URL, and the order of the list (issue 18). */

const NOW = Date.UTC(2026, 11, 9, 15, 0); // Wednesday 9 December 2026, 15:00 UTC
const DAY = 86_400_000;
const calendar = { days: [1, 2, 3, 4, 5], timeZone: 'UTC' };
const bounds = dueBounds(NOW, calendar);

const row = listRow;

const ROWS: PersonRow[] = [
  row('a', 'Ada Obi', { fitScore: 82, fitBand: 'A', lastTouchAt: NOW - 100 * DAY, nextDueAt: NOW - 2 * DAY, firstAskAt: NOW - 120 * DAY }),
  row('b', 'Bo Lind', { fitScore: 40, fitBand: 'C', lastTouchAt: NOW - 3 * DAY, nextDueAt: NOW + 2 * 3_600_000, firstGiveAt: NOW - 20 * DAY, firstAskAt: NOW - 10 * DAY, tags: ['Trade show'] }),
  row('c', 'Cleo Park', { stage: 'client', owner: 'executive', flagged: true, lastTouchAt: NOW - 40 * DAY, nextDueAt: NOW + 6 * DAY, accountId: 'acc-1' }),
  row('d', 'Dev Rao', { fitScore: 82, fitBand: 'A' }),
];
const ids = (filters: PeopleFilters, search?: { rank: Map<string, number> }) => visibleRows(ROWS, filters, NOW, bounds, search).map((r) => r.id);

describe('filters', () => {
  it('due: overdue, today, this week (overdue included), none scheduled', () => {
    expect(ids({ due: 'overdue' })).toEqual(['a']);
    expect(ids({ due: 'today' })).toEqual(['b']);
    expect(ids({ due: 'week' })).toEqual(['a', 'b']);
    expect(ids({ due: 'none' })).toEqual(['d']);
    // Due at nine this morning: overdue, as the list shows it in red, and due today too.
    const nine = row('e', 'Eve', { nextDueAt: NOW - 6 * 3_600_000 });
    expect(passes(nine, { due: 'overdue' }, NOW, bounds)).toBe(true);
    expect(passes(nine, { due: 'today' }, NOW, bounds)).toBe(true);
    expect(passes(row('f', 'Fay', { nextDueAt: NOW - 30_000 }), { due: 'overdue' }, NOW, bounds)).toBe(false);
  });

  it('last touch: never, more than 30 or 90 days ago', () => {
    expect(ids({ last: 'never' })).toEqual(['d']);
    expect(ids({ last: '30' })).toEqual(['a', 'c']);
    expect(ids({ last: '90' })).toEqual(['a']);
  });

  it('asked before giving: an ask with no give before it', () => {
    expect(ids({ askedFirst: true })).toEqual(['a']);
  });

  it('stage, fit, flagged, owner, tag (any case), account — together they all apply', () => {
    expect(ids({ stage: 'client' })).toEqual(['c']);
    expect(ids({ fit: 'A' })).toEqual(['a', 'd']);
    expect(ids({ fit: 'none' })).toEqual(['c']);
    expect(ids({ flagged: true })).toEqual(['c']);
    expect(ids({ owner: 'executive' })).toEqual(['c']);
    expect(ids({ tag: 'trade SHOW' })).toEqual(['b']);
    expect(ids({ account: 'acc-1' })).toEqual(['c']);
    expect(ids({ fit: 'A', last: 'never' })).toEqual(['d']);
    expect(passes(ROWS[0]!, { fit: 'A', stage: 'client' }, NOW, bounds)).toBe(false);
  });
});

describe('order', () => {
  it('by name A–Z unless a column is chosen; fit best first, last touch latest first, next follow-up soonest first; empty values last', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ sort: 'name', reverse: true })).toEqual(['d', 'c', 'b', 'a']);
    expect(ids({ sort: 'fit' })).toEqual(['a', 'd', 'b', 'c']);
    expect(ids({ sort: 'fit', reverse: true })).toEqual(['b', 'a', 'd', 'c']);
    expect(ids({ sort: 'last' })).toEqual(['b', 'c', 'a', 'd']);
    expect(ids({ sort: 'next' })).toEqual(['a', 'b', 'c', 'd']);
  });

  it('while searching, by relevance, then name; a chosen column still wins', () => {
    const search = { rank: new Map([['d', 0], ['b', 6], ['a', 0]]) };
    expect(ids({}, search)).toEqual(['a', 'd', 'b']);
    expect(ids({ sort: 'last' }, search)).toEqual(['b', 'a', 'd']);
  });
});

describe('the URL', () => {
  it('round-trips every filter and the sort', () => {
    const filters: PeopleFilters = { q: 'inès ohio', stage: 'nurture', fit: 'B', flagged: true, due: 'week', owner: 'manager', tag: 'Q3 push', account: 'acc-9', last: '90', askedFirst: true, sort: 'last', reverse: true };
    expect(parseFilters(formatFilters(filters))).toEqual(filters);
    expect(formatFilters({ stage: 'client', sort: 'fit' })).toBe('stage=client&sort=fit');
  });

  it('drops what it does not know, so an old or hand-edited link still opens', () => {
    expect(parseFilters('stage=legend&fit=Z&due=soon&flagged=yes&sort=-colour&owner=ceo&q=%20&tag=ok')).toEqual({ tag: 'ok' });
    expect(parseFilters('%E0%A4%A')).toEqual({});
  });
});
