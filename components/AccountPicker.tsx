import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { accountsNamed, db, setPersonAccount } from '../lib/db';
import type { Person } from '../lib/model';
import { useAction } from './useAction';

/**
 * The person's account, and "Change…" to move them to another saved account (found by the start
 * of its name) or to none (issue 18): a rep who learns Ruth moved to Kestrel Labs says so here.
 */
export function AccountPicker({ person, onOpenAccount }: { person: Person; onOpenAccount?: (id: string) => void }) {
  const account = useLiveQuery(async () => (person.accountId ? ((await db.accounts.get(person.accountId)) ?? null) : null), [person.accountId]);
  const [choosing, setChoosing] = useState(false);
  const [query, setQuery] = useState('');
  const { run, alert } = useAction();
  const inputId = useId();
  const options = useLiveQuery(() => (choosing ? accountsNamed(db, query) : Promise.resolve([])), [choosing, query]);
  if (account === undefined) return null;

  const move = async (accountId: string | undefined) => {
    if (await run(() => setPersonAccount(db, person.id, accountId))) {
      setChoosing(false);
      setQuery('');
    }
  };

  return (
    <div className="stack small" data-testid="account-picker">
      <div className="row">
        <span>
          Account:{' '}
          {account ? (
            onOpenAccount ? (
              <button type="button" className="link" onClick={() => onOpenAccount(account.id)}>
                {account.name}
              </button>
            ) : (
              <strong>{account.name}</strong>
            )
          ) : (
            <span className="muted">none saved</span>
          )}
        </span>
        {!choosing && (
          <button type="button" className="link" onClick={() => setChoosing(true)} aria-label={`Change ${person.name}’s account`}>
            Change…
          </button>
        )}
      </div>
      {choosing && (
        <div className="stack">
          <label htmlFor={inputId}>Move {person.name} to</label>
          <input id={inputId} value={query} placeholder="Type the account’s name" onChange={(e) => setQuery(e.target.value)} autoFocus />
          <ul className="plain" aria-label="Accounts to move to">
            {(options ?? [])
              .filter((a) => a.id !== person.accountId)
              .map((a) => (
                <li key={a.id} className="row" style={{ justifyContent: 'space-between', padding: '2px 0' }}>
                  <span>
                    {a.name} {a.industry && <span className="muted">· {a.industry}</span>}
                  </span>
                  <button type="button" onClick={() => void move(a.id)} aria-label={`Move to ${a.name}`}>
                    Move here
                  </button>
                </li>
              ))}
          </ul>
          <div className="row">
            {account && (
              <button type="button" onClick={() => void move(undefined)}>
                No account
              </button>
            )}
            <button type="button" onClick={() => (setChoosing(false), setQuery(''))}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {alert}
    </div>
  );
}
