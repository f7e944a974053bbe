import { foldText } from '../identity/names';
import type { Account } from '../model';
import { searchWords } from '../search/keys';
import type { PersonRow } from './rows';

/**
 * One line of the workspace's accounts list (issue 18): the account's facts and what its people's
 * rows say of it — how many are saved, the latest touch, and whether anyone at VP level or above
 * has been touched (the accounts "without an executive relationship" a rep reviews).
 */
export interface AccountRow {
  id: string;
  name: string;
  industry?: string;
  sizeBand?: string;
  location?: string;
  people: number;
  lastTouchAt?: number;
  executiveRelationship: boolean;
  /** Folded words of the name, for matching as the rep types, and the folded name to sort by. */
  words: string[];
  sortKey: string;
}

export function accountRows(accounts: readonly Account[], people: readonly PersonRow[]): AccountRow[] {
  const atAccount = new Map<string, PersonRow[]>();
  for (const person of people) {
    if (!person.accountId) continue;
    const theirs = atAccount.get(person.accountId);
    if (theirs) theirs.push(person);
    else atAccount.set(person.accountId, [person]);
  }
  return accounts.map((account) => {
    const theirs = atAccount.get(account.id) ?? [];
    const lastTouchAt = theirs.reduce<number | undefined>((latest, p) => (p.lastTouchAt !== undefined && (latest === undefined || p.lastTouchAt > latest) ? p.lastTouchAt : latest), undefined);
    const row: AccountRow = {
      id: account.id,
      name: account.name,
      people: theirs.length,
      executiveRelationship: theirs.some((p) => p.lastTouchAt !== undefined && (p.level === 'executive' || p.level === 'vp')),
      words: searchWords(account.name),
      sortKey: foldText(account.name),
    };
    if (account.industry) row.industry = account.industry;
    if (account.sizeBand) row.sizeBand = account.sizeBand;
    if (account.location) row.location = account.location;
    if (lastTouchAt !== undefined) row.lastTouchAt = lastTouchAt;
    return row;
  });
}

/** Accounts any of whose name's words start with each word typed, accents and case aside; by name. */
export function matchAccounts(rows: readonly AccountRow[], text: string, { withoutExecutive = false } = {}): AccountRow[] {
  const typed = searchWords(text);
  return rows
    .filter((row) => typed.every((word) => row.words.some((w) => w.startsWith(word))))
    .filter((row) => !withoutExecutive || !row.executiveRelationship)
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}
