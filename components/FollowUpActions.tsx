import { useState } from 'react';
import type { SnoozeChoice } from '../lib/cadence/followUps';
import { db } from '../lib/db/db';
import type { FollowUp } from '../lib/model';
import { DATE_INPUT_BOUNDS } from '../lib/model/timeBounds';
import type { Done } from './DoneNotice';
import { useAction } from './useAction';

const SNOOZES: { label: string; choice: SnoozeChoice }[] = [
  { label: '1 day', choice: { kind: 'days', workingDays: 1 } },
  { label: '3 days', choice: { kind: 'days', workingDays: 3 } },
  { label: '1 week', choice: { kind: 'week' } },
];

/** The write paths (and the validation they carry) load on first use, not with the popup. */
const actions = () => import('../lib/cadence/followUps');

/** "2026-11-09" and "14:30" (or no time: 09:00) in date and time inputs → that local time. */
export const fromDateTimeInputs = (date: string, time: string) => new Date(`${date}T${time || '09:00'}`).getTime();

/**
 * One click each: Done (records the suggested touch as done — its owner shows what with
 * `onDone`, type changeable, Undo — and the cadence proposes the next), "Nothing to log", Snooze
 * (1 day, 3 days, 1 week or a date, counted from when it is due, never earlier), and, where
 * asked, Reschedule (any date and time, earlier too) and Cancel.
 */
export function FollowUpActions({ followUp, name, full = false, onDone }: { followUp: Pick<FollowUp, 'id'>; name: string; full?: boolean; onDone?: (done: Done) => void }) {
  const [picking, setPicking] = useState<'snooze' | 'reschedule'>();
  const { run: act, alert } = useAction();
  const run = async (work: () => Promise<unknown>) => {
    if (await act(work)) setPicking(undefined);
  };
  return (
    <div className="stack">
      <div className="row" role="group" aria-label={`Follow-up with ${name}`}>
        <button type="button" className="primary" onClick={() => void run(async () => onDone?.({ name, result: await (await actions()).completeFollowUp(db, followUp.id, {}) }))}>
          Done
        </button>
        <button
          type="button"
          aria-label={`Done with ${name}, nothing to log`}
          onClick={() => void run(async () => onDone?.({ name, result: await (await actions()).completeFollowUp(db, followUp.id, { nothing: true }) }))}
        >
          Nothing to log
        </button>
        <select
          aria-label={`Snooze follow-up with ${name}`}
          value=""
          onChange={(e) => {
            const value = e.target.value;
            if (value === 'date') setPicking('snooze');
            else if (value) void run(async () => (await actions()).snoozeFollowUp(db, followUp.id, SNOOZES[Number(value)]!.choice));
          }}
        >
          <option value="">Snooze…</option>
          {SNOOZES.map((s, i) => (
            <option key={s.label} value={i}>
              {s.label}
            </option>
          ))}
          <option value="date">Pick a date…</option>
        </select>
        {full && (
          <>
            <button type="button" onClick={() => setPicking('reschedule')}>
              Reschedule
            </button>
            <button type="button" onClick={() => void run(async () => (await actions()).cancelFollowUp(db, followUp.id))}>
              Cancel
            </button>
          </>
        )}
      </div>
      {picking && (
        <form
          className="row"
          aria-label={picking === 'snooze' ? 'Snooze until' : 'Reschedule to'}
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const date = form.get('date');
            if (typeof date !== 'string' || !date) return;
            const at = fromDateTimeInputs(date, String(form.get('time') ?? ''));
            void run(async () => {
              const { snoozeFollowUp, rescheduleFollowUp } = await actions();
              return picking === 'snooze' ? snoozeFollowUp(db, followUp.id, { kind: 'until', at }) : rescheduleFollowUp(db, followUp.id, at);
            });
          }}
        >
          <input type="date" name="date" aria-label="Date" required {...DATE_INPUT_BOUNDS} />
          <input type="time" name="time" aria-label="Time" defaultValue="09:00" />
          <button type="submit">{picking === 'snooze' ? 'Snooze' : 'Reschedule'}</button>
          <button type="button" onClick={() => setPicking(undefined)}>
            Never mind
          </button>
        </form>
      )}
      {alert}
    </div>
  );
}
