import { endOfDay, format } from 'date-fns';
import { useRef, useState, type FormEvent } from 'react';
import { recordTouch } from '../lib/cadence/followUps';
import { assertNotFuture } from '../lib/cadence/touchEdits';
import { db, loadSettings } from '../lib/db';
import { brainPickerStory } from '../lib/cadence/brainPickerStory';
import { TOUCH_CATALOGUE, TOUCH_TYPES, type Person, type TouchIntent, type TouchType } from '../lib/model';
import { askWarningOrUndefined, costNoteOrUndefined } from '../lib/relationships/balance';
import { notifyDataChanged } from './notify';
import { useLogTouchShortcut } from './useLogTouchShortcut';
import { personTouches, usePersonTouches, useSettings } from './relationships/useRelationshipData';

/** A time as a datetime-local input shows it (the rep's local time, to the minute). */
export const toDateTimeInput = (at: number) => format(at, "yyyy-MM-dd'T'HH:mm");

const INTENT_LABELS: Record<TouchIntent, string> = { give: 'Give', ask: 'Ask', neutral: 'Neutral' };

type Caution = 'ask' | 'back-burner';

/**
 * Another attempt at someone on the back burner — flagged as a crisis-mode brain-picker, or put
 * there by the rep — asks first (issue 17): the cadence deliberately stopped chasing them.
 */
export function backBurnerWarningOrUndefined(person: Person, type: TouchType): string | undefined {
  const info = TOUCH_CATALOGUE[type];
  if (info.usualDirection !== 'outbound' || !info.reachesThem) return undefined;
  if (!person.flags.includes('brain-picker') && person.stage !== 'back-burner') return undefined;
  const why = person.brainPicker ? ` ${brainPickerStory(person.brainPicker)}` : '';
  return `${person.name} is on the back burner${person.flags.includes('brain-picker') ? ' as a crisis-mode brain-picker' : ''}.${why} Log another attempt anyway?`;
}

/**
 * One-click touch logging: pick a type, Log. When it happened (now unless the rep says — "I left
 * a voicemail yesterday" — never in the future), give / ask / neutral (the type's own unless
 * changed), a note, minutes spent (calls, meetings, visits, research) and a free-advice mark are
 * there when wanted; nothing is required. The cadence proposes the next follow-up from it. An
 * early ask (before enough gives, never answered) gets a gentle, dismissible warning first; lunch
 * says it is the costliest, least effective touch.
 */
export function LogTouchForm({ personId, name }: { personId: string; name: string }) {
  const touches = usePersonTouches(personId);
  const settings = useSettings();
  // A question before logging: an early ask, or another attempt at someone on the back burner.
  const [warning, setWarning] = useState<{ kind: Caution; text: string; confirmed: Caution[] }>();
  const [type, setType] = useState<TouchType>('email');
  const [when, setWhen] = useState('');
  const [intent, setIntent] = useState<TouchIntent>();
  // The picker's limit: the end of today (a time later today is refused when logged).
  const [latest] = useState(() => toDateTimeInput(endOfDay(Date.now()).getTime()));
  const [note, setNote] = useState('');
  const [minutes, setMinutes] = useState('');
  const [freeAdvice, setFreeAdvice] = useState(false);
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const { canCarryAdvice, takesMinutes } = TOUCH_CATALOGUE[type];
  const chosenIntent = intent ?? TOUCH_CATALOGUE[type].intent;
  const typeField = useRef<HTMLSelectElement>(null);
  const shortcut = useLogTouchShortcut(typeField);

  const submit = async (event: FormEvent, confirmed: Caution[] = []) => {
    event.preventDefault();
    // Submitted before the live reads arrived: read now rather than skip the warning.
    const [history, rules, person] = await Promise.all([touches ?? personTouches(personId), settings ?? loadSettings(db), db.people.get(personId)]);
    const cautions: { kind: Caution; text?: string }[] = [
      { kind: 'back-burner', text: person ? backBurnerWarningOrUndefined(person, type) : undefined },
      { kind: 'ask', text: askWarningOrUndefined(type, history, rules, name, chosenIntent) },
    ];
    const first = cautions.find((c) => c.text && !confirmed.includes(c.kind));
    if (first) {
      setWarning({ kind: first.kind, text: first.text!, confirmed });
      return;
    }
    setWarning(undefined);
    setStatus({ kind: 'saving' });
    try {
      const spent = minutes.trim() === '' ? undefined : Number(minutes);
      if (spent !== undefined && (!Number.isInteger(spent) || spent < 0 || spent > 1440)) throw new Error('Minutes must be a whole number from 0 to 1440');
      const at = when ? new Date(when).getTime() : undefined;
      if (at !== undefined) assertNotFuture(at);
      await recordTouch(db, {
        personId,
        type,
        ...(at !== undefined ? { at } : {}),
        intent: chosenIntent,
        note: note || undefined,
        loggedBy: 'one-click',
        minutes: takesMinutes ? spent : undefined,
        freeAdvice: canCarryAdvice && freeAdvice,
      });
      setNote('');
      setMinutes('');
      setFreeAdvice(false);
      setWhen('');
      setIntent(undefined);
      setStatus({ kind: 'saved' });
      notifyDataChanged();
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form className="stack" onSubmit={submit} aria-label="Log a touch">
      <div className="row log-row">
        <select
          ref={typeField}
          value={type}
          aria-keyshortcuts={shortcut?.replace(/\s*\+\s*/g, '+')}
          onChange={(e) => {
            setType(e.target.value as TouchType);
            setIntent(undefined);
            setWarning(undefined);
            setStatus({ kind: 'idle' });
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
        {shortcut && <kbd title="The shortcut that opens this form from any page; change it at chrome://extensions/shortcuts">{shortcut}</kbd>}
        {status.kind === 'saved' && (
          <span role="status" className="muted small">
            Logged
          </span>
        )}
      </div>
      <div className="row small">
        <label>
          When{' '}
          <input type="datetime-local" aria-label="When" value={when} max={latest} onChange={(e) => setWhen(e.target.value)} />
        </label>
        <button type="button" className="link" onClick={() => setWhen(toDateTimeInput(Date.now() - 86_400_000))}>
          Yesterday
        </button>
        {when && (
          <button type="button" className="link" onClick={() => setWhen('')}>
            Now
          </button>
        )}
        <label>
          <select aria-label="Give, ask or neutral" value={chosenIntent} onChange={(e) => setIntent(e.target.value as TouchIntent)}>
            {(['give', 'ask', 'neutral'] as const).map((value) => (
              <option key={value} value={value}>
                {INTENT_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {costNoteOrUndefined(type) && (
        <p className="muted small" data-testid="cost-note">
          {TOUCH_CATALOGUE[type].label} is the costliest, least effective touch: a personal note or a useful article usually does more.
        </p>
      )}
      {warning && (
        <div className="warning stack" role="alert" aria-label={warning.kind === 'ask' ? 'Before you ask' : 'On the back burner'}>
          <p>{warning.text}</p>
          <div className="row">
            <button type="button" onClick={(e) => void submit(e, [...warning.confirmed, warning.kind])}>
              {warning.kind === 'ask' ? 'Log the ask anyway' : 'Log the attempt anyway'}
            </button>
            <button type="button" onClick={() => setWarning(undefined)}>
              Not now
            </button>
          </div>
        </div>
      )}
      {takesMinutes && (
        <div className="row">
          <label>
            Minutes{' '}
            <input type="number" min={0} max={1440} value={minutes} onChange={(e) => setMinutes(e.target.value)} style={{ width: '5em' }} />
          </label>
          {canCarryAdvice && (
            <label>
              <input type="checkbox" checked={freeAdvice} onChange={(e) => setFreeAdvice(e.target.checked)} /> Free advice
            </label>
          )}
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
