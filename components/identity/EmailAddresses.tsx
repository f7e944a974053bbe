import { useState, type FormEvent } from 'react';
import { addEmailAddress, db, removeEmailAddress } from '../../lib/db';
import type { Person } from '../../lib/model';
import { useAction } from '../useAction';

/**
 * A person's email addresses, editable (issue 16): LinkedIn rarely shows one, so the rep adds it,
 * and Gmail and Outlook recognise them from then on. An address that is someone else's is
 * refused (merge them instead); the last way Groundwork knows someone cannot be removed.
 */
export function EmailAddresses({ person }: { person: Person }) {
  const [adding, setAdding] = useState(false);
  const [value, setValue] = useState('');
  const { run, alert } = useAction();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => addEmailAddress(db, person.id, value))) {
      setValue('');
      setAdding(false);
    }
  };

  return (
    <div className="stack small" data-testid="email-addresses">
      <ul className="plain row" aria-label={`Email addresses of ${person.name}`}>
        {person.emails.length === 0 && <li className="muted">No email address yet</li>}
        {person.emails.map((email) => (
          <li key={email} className="chip">
            {email}{' '}
            <button type="button" className="link" aria-label={`Remove ${email}`} onClick={() => void run(() => removeEmailAddress(db, person.id, email))}>
              ×
            </button>
          </li>
        ))}
        {!adding && (
          <li>
            <button type="button" className="link" onClick={() => setAdding(true)}>
              + Add address
            </button>
          </li>
        )}
      </ul>
      {adding && (
        <form className="row" onSubmit={add} aria-label="Add an email address">
          <input type="email" required value={value} onChange={(e) => setValue(e.target.value)} aria-label="Email address" placeholder="name@company.com" autoFocus />
          <button type="submit">Add</button>
          <button type="button" onClick={() => setAdding(false)}>
            Cancel
          </button>
        </form>
      )}
      {alert}
    </div>
  );
}
