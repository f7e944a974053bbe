import { endOfDay } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { deleteTouch, editTouch, restoreTouch, type TouchUndo } from '../lib/cadence/touchEdits';
import { reachOutIds } from '../lib/cadence/brainPicker';
import { db, loadSettings, timeline, touchesOfPerson, type TimelineCursor } from '../lib/db';
import { reachesThem, TOUCH_CATALOGUE, TOUCH_TYPES, touchTypeInfo, type Touch, type TouchIntent, type TouchType } from '../lib/model';
import { ErrorCard } from './ErrorCard';
import { formatWhen } from './format';
import { toDateTimeInput } from './LogTouchForm';
import { useAction } from './useAction';

const PAGE = 20;

/** The last correction, said with a way to take it back. */
interface Correction {
  text: string;
  undo(): Promise<void>;
}

function TouchRow({
  touch,
  reachedOut,
  onEdit,
  onDelete,
  onMarkReachedOut,
}: {
  touch: Touch;
  /** Whether this counts as them reaching out: as the rep marked it, or as Groundwork judges. */
  reachedOut: boolean;
  onEdit(): void;
  onDelete(): void;
  onMarkReachedOut(reachedOut: boolean | null): void;
}) {
  const info = touchTypeInfo(touch.type);
  const theirs = touch.direction === 'inbound' && reachesThem(touch);
  const judged = touch.reachedOut === undefined;
  return (
    <>
      <div className="row">
        <strong>{info.label}</strong>
        <span className="badge">{!reachesThem(touch) ? 'your research' : touch.direction === 'inbound' ? 'from them' : 'from you'}</span>
        {touch.intent !== 'neutral' && <span className="badge">{touch.intent}</span>}
        {theirs && reachedOut && (
          <span className="badge" title={judged ? 'Nothing of yours came before it: Groundwork counts it as them reaching out' : 'You marked it'}>
            came with a problem{judged ? '' : ' (marked)'}
          </span>
        )}
        {touch.minutes !== undefined && <span className="muted small">{touch.minutes} min</span>}
        <span className="muted small">{formatWhen(touch.at)}</span>
        <span className="touch-actions">
          <button type="button" className="link" onClick={onEdit} aria-label={`Edit ${info.label} of ${formatWhen(touch.at)}`}>
            Edit
          </button>
          <button type="button" className="link" onClick={onDelete} aria-label={`Delete ${info.label} of ${formatWhen(touch.at)}`}>
            Delete
          </button>
        </span>
      </div>
      {touch.subject && <div>{touch.subject}</div>}
      {touch.note && <div className="muted">{touch.note}</div>}
      {theirs && (
        // Seed 004: "You only get that phone call or email when they have a problem."
        <div className="row">
          <button type="button" className="link small" onClick={() => onMarkReachedOut(!reachedOut)}>
            {reachedOut ? 'Not them coming with a problem' : 'They came to us with a problem'}
          </button>
          {!judged && (
            <button type="button" className="link small" onClick={() => onMarkReachedOut(null)}>
              Let Groundwork judge
            </button>
          )}
        </div>
      )}
    </>
  );
}

/** A touch corrected in place: what it was, when, give / ask / neutral, minutes, the words. */
function TouchEditor({ touch, onSaved, onCancel }: { touch: Touch; onSaved(undo: TouchUndo): void; onCancel(): void }) {
  const [type, setType] = useState<TouchType>(touch.type);
  const [latest] = useState(() => toDateTimeInput(endOfDay(Date.now()).getTime()));
  const { run, alert } = useAction();
  const info = TOUCH_CATALOGUE[type];
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const minutes = String(form.get('minutes') ?? '').trim();
    await run(async () => {
      const { undo } = await editTouch(db, touch.id, {
        type,
        // A type that flows the other way by nature (their call, not yours) takes its direction with it.
        direction: info.usualDirection !== TOUCH_CATALOGUE[touch.type].usualDirection ? info.usualDirection : touch.direction,
        at: new Date(String(form.get('at'))).getTime(),
        intent: String(form.get('intent')) as TouchIntent,
        minutes: info.takesMinutes && minutes !== '' ? Number(minutes) : null,
        freeAdvice: info.canCarryAdvice && form.get('freeAdvice') === 'on',
        subject: String(form.get('subject') ?? ''),
        note: String(form.get('note') ?? ''),
      });
      onSaved(undo);
    });
  };
  return (
    <form className="stack card" onSubmit={(e) => void submit(e)} aria-label="Edit touch">
      <div className="row">
        <select aria-label="Touch type" value={type} onChange={(e) => setType(e.target.value as TouchType)}>
          {TOUCH_TYPES.map((t) => (
            <option key={t} value={t}>
              {TOUCH_CATALOGUE[t].label}
            </option>
          ))}
        </select>
        <input type="datetime-local" name="at" aria-label="When" required defaultValue={toDateTimeInput(touch.at)} max={latest} />
        <select name="intent" aria-label="Give, ask or neutral" defaultValue={touch.intent}>
          <option value="give">Give</option>
          <option value="ask">Ask</option>
          <option value="neutral">Neutral</option>
        </select>
      </div>
      {info.takesMinutes && (
        <div className="row">
          <label>
            Minutes <input type="number" name="minutes" min={0} max={1440} defaultValue={touch.minutes ?? ''} style={{ width: '5em' }} />
          </label>
          {info.canCarryAdvice && (
            <label>
              <input type="checkbox" name="freeAdvice" defaultChecked={touch.freeAdvice} /> Free advice
            </label>
          )}
        </div>
      )}
      <input name="subject" aria-label="Subject" placeholder="Subject" defaultValue={touch.subject ?? ''} />
      <textarea name="note" aria-label="Note" rows={2} placeholder="Note" defaultValue={touch.note ?? ''} />
      <div className="row">
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {alert}
    </form>
  );
}

/**
 * A person's touches, newest first; "Show older" pages through with a keyset cursor. Each touch
 * can be corrected or deleted, and the last correction undone.
 */
export function Timeline({ personId }: { personId: string }) {
  const [pages, setPages] = useState<TimelineCursor[]>([]);
  const [editing, setEditing] = useState<string>();
  const [correction, setCorrection] = useState<Correction>();
  const { run, error } = useAction();
  const first = useLiveQuery(() => timeline(db, personId, { limit: PAGE }), [personId]);
  // Which of their messages count as them reaching out is a question about the whole history.
  const reachedOut = useLiveQuery(async () => {
    const [touches, settings] = await Promise.all([touchesOfPerson(db, personId).toArray(), loadSettings(db)]);
    return reachOutIds(touches, settings.crisis.answerWindowDays);
  }, [personId]);
  const older = useLiveQuery(
    async () => Promise.all(pages.map((after) => timeline(db, personId, { limit: PAGE, after }))),
    [personId, pages],
  );
  if (!first || !older || !reachedOut) return null;
  const all = [first, ...older];
  const last = all[all.length - 1];
  const touches = all.flatMap((page) => page.touches);

  const described = (touch: Touch) => `${touchTypeInfo(touch.type).label} of ${formatWhen(touch.at)}`;

  const notice = (correction || error) && (
    <div className="row small" role="status" aria-label="Last change to the timeline">
      {correction && (
        <>
          <span>{correction.text}</span>
          <button type="button" onClick={() => void run(async () => (await correction.undo(), setCorrection(undefined)))}>
            Undo
          </button>
        </>
      )}
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </div>
  );
  if (touches.length === 0) {
    return (
      <div className="stack">
        {notice}
        <p className="muted" data-testid="timeline-empty">
          No touches yet.
        </p>
      </div>
    );
  }
  return (
    <div className="stack">
      {notice}
      <ul className="plain timeline" aria-label="Touch timeline">
        {touches.map((touch) => (
          // One touch that cannot be drawn shows as a card in its place; the others still show.
          <li key={touch.id} className="touch" data-touch-type={touch.type}>
            <ErrorCard what="This touch">
              {editing === touch.id ? (
                <TouchEditor
                  touch={touch}
                  onCancel={() => setEditing(undefined)}
                  onSaved={(undo) => {
                    setEditing(undefined);
                    setCorrection({ text: `Changed: ${described(undo.touch)}`, undo: () => restoreTouch(db, undo) });
                  }}
                />
              ) : (
                <TouchRow
                  touch={touch}
                  reachedOut={reachedOut.has(touch.id)}
                  onEdit={() => setEditing(touch.id)}
                  onMarkReachedOut={(mark) =>
                    void run(async () => {
                      const { before, undo } = await editTouch(db, touch.id, { reachedOut: mark });
                      const said = mark === null ? 'Groundwork judges' : mark ? 'Marked: they came with a problem' : 'Marked: not them coming with a problem';
                      setCorrection({ text: `${said} (${described(before)})`, undo: () => restoreTouch(db, undo) });
                    })
                  }
                  onDelete={() =>
                    void run(async () => {
                      const undo = await deleteTouch(db, touch.id);
                      setCorrection({ text: `Deleted: ${described(undo.touch)}`, undo: () => restoreTouch(db, undo) });
                    })
                  }
                />
              )}
            </ErrorCard>
          </li>
        ))}
      </ul>
      {last?.next && (
        <button type="button" onClick={() => setPages((p) => [...p, last.next!])}>
          Show older
        </button>
      )}
    </div>
  );
}
