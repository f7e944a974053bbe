import { useState, type FormEvent } from 'react';
import { db, logTouch } from '../lib/db';
import { TOUCH_CATALOGUE, TOUCH_TYPES, type TouchType } from '../lib/model';

/** One-click touch logging: pick a type, optionally a note, Log. Nothing is required. */
export function LogTouchForm({ personId }: { personId: string }) {
  const [type, setType] = useState<TouchType>('email');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus({ kind: 'saving' });
    try {
      await logTouch(db, { personId, type, note: note || undefined, loggedBy: 'one-click' });
      setNote('');
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form className="stack" onSubmit={submit} aria-label="Log a touch">
      <div className="row">
        <label>
          <span className="visually-hidden">Touch type</span>
          <select value={type} onChange={(e) => setType(e.target.value as TouchType)} aria-label="Touch type">
            {TOUCH_TYPES.map((t) => (
              <option key={t} value={t}>
                {TOUCH_CATALOGUE[t].label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={status.kind === 'saving'}>
          Log touch
        </button>
        {status.kind === 'saved' && (
          <span role="status" className="muted small">
            Logged
          </span>
        )}
      </div>
      <label>
        <span className="visually-hidden">Note (optional)</span>
        <textarea
          rows={2}
          placeholder="Note (optional)"
          aria-label="Note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          style={{ width: '100%' }}
        />
      </label>
      {status.kind === 'error' && (
        <p role="alert" className="error">
          Could not log the touch: {status.message}
        </p>
      )}
    </form>
  );
}
