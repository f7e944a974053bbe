import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { db } from '../../lib/db';
import type { Person } from '../../lib/model';
import { peopleNamedLike, referralsOf, setReferrer } from '../../lib/relationships/queries';
import { notifyDataChanged } from '../notify';

/**
 * The referral chain on both people: who referred this person, and whom they referred. The rep
 * sets the referrer by typing a saved person's name.
 */
export function Referrals({ person }: { person: Person }) {
  const referrals = useLiveQuery(() => referralsOf(db, person), [person.id, person.referredById]);
  const [editing, setEditing] = useState(false);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string>();
  const listId = useId();
  const matches = useLiveQuery(async () => (editing ? (await peopleNamedLike(db, query)).filter((p) => p.id !== person.id) : []), [editing, query, person.id]);
  if (!referrals) return null;

  const choose = async (referrerId: string | undefined) => {
    setError(undefined);
    try {
      await setReferrer(db, person.id, referrerId);
      setEditing(false);
      setQuery('');
      notifyDataChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="stack small" data-testid="referrals">
      <div className="row">
        <span>
          Referred by: {referrals.referredBy ? <strong>{referrals.referredBy.name}</strong> : <span className="muted">nobody recorded</span>}
        </span>
        {!editing && (
          <button type="button" onClick={() => setEditing(true)}>
            {referrals.referredBy ? 'Change' : 'Set referrer'}
          </button>
        )}
        {referrals.referredBy && !editing && (
          <button type="button" onClick={() => void choose(undefined)}>
            Clear
          </button>
        )}
      </div>
      {editing && (
        <div className="stack">
          <label htmlFor={listId}>Who referred {person.name}?</label>
          <input id={listId} value={query} placeholder="Start typing a saved person’s name" onChange={(e) => setQuery(e.target.value)} autoFocus />
          <ul className="plain" aria-label="Matching people">
            {(matches ?? []).map((p) => (
              <li key={p.id} className="row" style={{ justifyContent: 'space-between', padding: '4px 0' }}>
                <span>
                  {p.name} {p.companyName && <span className="muted">· {p.companyName}</span>}
                </span>
                <button type="button" onClick={() => void choose(p.id)} aria-label={`Referred by ${p.name}`}>
                  Choose
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      )}
      {referrals.referred.length > 0 && (
        <div>
          Referred: <strong>{referrals.referred.map((p) => p.name).join(', ')}</strong>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
