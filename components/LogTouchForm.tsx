import { useState, type FormEvent } from 'react';
import { recordTouch } from '../lib/cadence/followUps';
import { db, loadSettings } from '../lib/db';
import { TOUCH_CATALOGUE, TOUCH_TYPES, type TouchType } from '../lib/model';
import { askWarningOrUndefined, costNoteOrUndefined } from '../lib/relationships/balance';
import { notifyDataChanged } from './notify';
import { personTouches, usePersonTouches, useSettings } from './relationships/useRelationshipData';

/**
 * One-click touch logging: pick a type, Log. A note, minutes spent and a free-advice mark (for
 * calls, meetings, visits) are there when wanted; nothing is required. The cadence proposes the
 * next follow-up from it. An early ask (before enough gives, never answered) gets a gentle,
 * dismissible warning first; lunch says it is the costliest, least effective touch.
 */
export function LogTouchForm({ personId, name }: { personId: string; name: string }) {
  const touches = usePersonTouches(personId);
  const settings = useSettings();
  const [warning, setWarning] = useState<string>();
  const [type, setType] = useState<TouchType>('email');
  const [note, setNote] = useState('');
  const [minutes, setMinutes] = useState('');
  const [freeAdvice, setFreeAdvice] = useState(false);
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const canCarryAdvice = TOUCH_CATALOGUE[type].canCarryAdvice;

  const submit = async (event: FormEvent, confirmed = false) => {
    event.preventDefault();
    // Submitted before the live reads arrived: read now rather than skip the warning.
    const [history, rules] = await Promise.all([touches ?? personTouches(personId), settings ?? loadSettings(db)]);
    const early = askWarningOrUndefined(type, history, rules, name);
    if (early && !confirmed) {
      setWarning(early);
      return;
    }
    setWarning(undefined);
    setStatus({ kind: 'saving' });
    try {
      const spent = minutes.trim() === '' ? undefined : Number(minutes);
      if (spent !== undefined && (!Number.isInteger(spent) || spent < 0 || spent > 1440)) throw new Error('Minutes must be a whole number from 0 to 1440');
      await recordTouch(db, {
        personId,
        type,
        note: note || undefined,
        loggedBy: 'one-click',
        minutes: canCarryAdvice ? spent : undefined,
        freeAdvice: canCarryAdvice && freeAdvice,
      });
      setNote('');
      setMinutes('');
      setFreeAdvice(false);
      setStatus({ kind: 'saved' });
      notifyDataChanged();
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form className="stack" onSubmit={submit} aria-label="Log a touch">
      <div className="row">
        <select
          value={type}
          onChange={(e) => {
            setType(e.target.value as TouchType);
            setWarning(undefined);
          }}
          aria-label="Touch type"
        >
          {TOUCH_TYPES.map((t) => {
            const cost = costNoteOrUndefined(t);
            return (
              <option key={t} value={t}>
                {TOUCH_CATALOGUE[t].label}
                {cost ? ` (${cost})` : ''}
              </option>
            );
          })}
        </select>
        <button type="submit" className="primary" disabled={status.kind === 'saving'}>
          Log touch
        </button>
        {status.kind === 'saved' && (
          <span role="status" className="muted small">
            Logged
          </span>
        )}
      </div>
      {costNoteOrUndefined(type) && (
        <p className="muted small" data-testid="cost-note">
          {TOUCH_CATALOGUE[type].label} is the costliest, least effective touch: a personal note or a useful article usually does more.
        </p>
      )}
      {warning && (
        <div className="warning stack" role="alert" aria-label="Before you ask">
          <p>{warning}</p>
          <div className="row">
            <button type="button" onClick={(e) => void submit(e, true)}>
              Log the ask anyway
            </button>
            <button type="button" onClick={() => setWarning(undefined)}>
              Not now
            </button>
          </div>
        </div>
      )}
      {canCarryAdvice && (
        <div className="row">
          <label>
            Minutes{' '}
            <input type="number" min={0} max={1440} value={minutes} onChange={(e) => setMinutes(e.target.value)} style={{ width: '5em' }} />
          </label>
          <label>
            <input type="checkbox" checked={freeAdvice} onChange={(e) => setFreeAdvice(e.target.checked)} /> Free advice
          </label>
        </div>
      )}
      <textarea rows={2} placeholder="Note (optional)" aria-label="Note" value={note} onChange={(e) => setNote(e.target.value)} style={{ width: '100%' }} />
      {status.kind === 'error' && (
        <p role="alert" className="error">
          Could not log the touch: {status.message}
        </p>
      )}
    </form>
  );
}
