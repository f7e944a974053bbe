import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { pendingOf } from '../lib/cadence/followUps';
import { db } from '../lib/db';
import { addFollowUp } from '../lib/db/followUps';
import { TOUCH_CATALOGUE, TOUCH_TYPES, touchTypeInfo, type TouchType } from '../lib/model';
import { DATE_INPUT_BOUNDS } from '../lib/model/timeBounds';
import { formatDue } from './dueTime';
import { DoneNotice, type Done } from './DoneNotice';
import { FollowUpActions, fromDateTimeInputs } from './FollowUpActions';
import { notifyDataChanged } from './notify';

/** Sets a follow-up by hand: a date, a reason, a kind of touch. */
function SetFollowUp({ personId, onDone }: { personId: string; onDone(): void }) {
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    try {
      const date = String(data.get('date') ?? '');
      if (!date) throw new Error('Choose a date');
      await addFollowUp(db, {
        personId,
        dueAt: fromDateTimeInputs(date, String(data.get('time') ?? '')),
        reason: String(data.get('reason') ?? '').trim() || 'Follow up',
        suggestedType: String(data.get('type')) as TouchType,
        origin: 'manual',
      });
      notifyDataChanged();
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form className="stack card" onSubmit={submit} aria-label="Set a follow-up">
      <div className="row">
        <input type="date" name="date" aria-label="Follow-up date" required {...DATE_INPUT_BOUNDS} />
        <input type="time" name="time" aria-label="Follow-up time" defaultValue="09:00" />
        <select name="type" aria-label="Follow-up touch type" defaultValue="call">
          {TOUCH_TYPES.map((t) => (
            <option key={t} value={t}>
              {TOUCH_CATALOGUE[t].label}
            </option>
          ))}
        </select>
      </div>
      <input name="reason" placeholder="Why (optional)" aria-label="Follow-up reason" />
      <div className="row">
        <button type="submit" className="primary">
          Set follow-up
        </button>
        <button type="button" onClick={onDone}>
          Never mind
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

/** The person's next open or snoozed follow-up, with its actions; or a way to set one. */
export function NextFollowUp({ personId, name }: { personId: string; name: string }) {
  const [setting, setSetting] = useState(false);
  const [done, setDone] = useState<Done>();
  const next = useLiveQuery(
    async () => {
      const pending = await pendingOf(db, personId);
      return { followUp: pending.sort((a, b) => a.dueAt - b.dueAt)[0] };
    },
    [personId],
  );
  if (!next) return null;
  const notice = done && <DoneNotice done={done} onClose={() => setDone(undefined)} />;
  if (setting) return <SetFollowUp personId={personId} onDone={() => setSetting(false)} />;
  if (!next.followUp) {
    return (
      <div className="stack">
        {notice}
        <div className="row" data-testid="next-follow-up">
          <span className="muted">No follow-up scheduled.</span>
          <button type="button" onClick={() => setSetting(true)}>
            Set a follow-up
          </button>
        </div>
      </div>
    );
  }
  const { followUp } = next;
  return (
    <div className="stack">
      {notice}
      <div className="stack" data-testid="next-follow-up">
        <p>
          <strong>{followUp.reason}</strong>{' '}
          <span className="muted small">
            · {touchTypeInfo(followUp.suggestedType).label} · {formatDue(followUp.dueAt)}
            {followUp.status === 'snoozed' ? ' · snoozed' : ''}
          </span>
        </p>
        <FollowUpActions followUp={followUp} name={name} full onDone={setDone} />
      </div>
    </div>
  );
}
