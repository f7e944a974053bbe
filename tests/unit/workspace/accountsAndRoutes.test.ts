import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from '../../../components/workspace/route';
import type { Account } from '../../../lib/model';
import { accountRows, matchAccounts } from '../../../lib/workspace/accountRows';
import type { PersonRow } from '../../../lib/workspace/rows';
import { listRow } from './support';

/** The accounts list's rows and the workspace's links (issue 18). */

const account = (id: string, name: string): Account => ({ id, name, domains: [], createdAt: 1, updatedAt: 1 }) as Account;
const person = (id: string, accountId: string, extra: Partial<PersonRow> = {}): PersonRow => listRow(id, id, { accountId, ...extra });

describe('accounts', () => {
  const rows = accountRows(
    [account('a', 'Sable Ridge Foods'), account('b', 'Kestrel Labs'), account('c', 'Älvsjö Verkstad')],
    [
      person('ruth', 'a', { level: 'vp', lastTouchAt: 50 }),
      person('marcus', 'a', { level: 'individual', lastTouchAt: 90 }),
      person('noor', 'b', { level: 'executive' }),
      person('leo', 'b', { level: 'manager', lastTouchAt: 10 }),
    ],
  );

  it('counts people, keeps the latest touch, and knows whether anyone at VP level or above was touched', () => {
    expect(rows.map(({ id, people, lastTouchAt, executiveRelationship }) => ({ id, people, lastTouchAt, executiveRelationship }))).toEqual([
      { id: 'a', people: 2, lastTouchAt: 90, executiveRelationship: true },
      // Noor is an executive, but never touched: no relationship yet.
      { id: 'b', people: 2, lastTouchAt: 10, executiveRelationship: false },
      { id: 'c', people: 0, lastTouchAt: undefined, executiveRelationship: false },
    ]);
  });

  it('matches the start of any word of the name, accents aside, and filters to those without an executive relationship', () => {
    expect(matchAccounts(rows, 'alvs').map((r) => r.id)).toEqual(['c']);
    expect(matchAccounts(rows, 'ridge').map((r) => r.id)).toEqual(['a']);
    expect(matchAccounts(rows, '').map((r) => r.name)).toEqual(['Älvsjö Verkstad', 'Kestrel Labs', 'Sable Ridge Foods']);
    expect(matchAccounts(rows, '', { withoutExecutive: true }).map((r) => r.id)).toEqual(['c', 'b']);
  });
});

describe('links', () => {
  it('round-trips every view, ids with odd characters included', () => {
    for (const view of [
      { list: 'people', query: '' },
      { list: 'people', personId: 'p/1 ?x', query: 'q=ines&flagged=1' },
      { list: 'accounts', query: 'exec=none' },
      { list: 'accounts', accountId: 'a-kestrel', query: '' },
    ] as const) {
      expect(parseRoute(formatRoute(view))).toEqual(view);
    }
  });

  it('opens the people list for anything it cannot read', () => {
    expect(parseRoute('')).toEqual({ list: 'people', query: '' });
    expect(parseRoute('#person/%E0%A4%A')).toEqual({ list: 'people', query: '' });
    expect(parseRoute('#nonsense/x?stage=client')).toEqual({ list: 'people', query: 'stage=client' });
  });
});
