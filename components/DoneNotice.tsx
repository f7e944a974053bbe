import { useState } from 'react';
import type { DoneResult } from '../lib/cadence/followUps';
import { db } from '../lib/db/db';
import { TOUCH_CATALOGUE, TOUCH_TYPES, type TouchType } from '../lib/model/touchTypes';
import { useAction } from './useAction';

/** The write paths load on first use, not with the popup (components/FollowUpActions.tsx). */
const followUps = () => import('../lib/cadence/followUps');
const touchEdits = () => import('../lib/cadence/touchEdits');

/** What Done can have been: the things the rep does (not their messages, not research). */
const DONE_TYPES = TOUCH_TYPES.filter((t) => TOUCH_CATALOGUE[t].usualDirection === 'outbound' && TOUCH_CATALOGUE[t].reachesThem);

export interface Done {
  name: string;
  result: DoneResult;
}

/**
 * What Done recorded, said plainly — "Done · Personal note sent to Rosa" — with the type
 * changeable (the rep called instead) and Undo; or "Done · nothing logged". Shown by whoever
 * listed the follow-up, since the follow-up itself has gone from the list.
 */
export function DoneNotice({ done, onClose }: { done: Done; onClose(): void }) {
  const [type, setType] = useState<TouchType | undefined>(done.result.touch?.type);
  const [undo, setUndo] = useState(done.result.undo);
  const { run: act, alert } = useAction();
  const run = async (work: () => Promise<unknown>, close = false) => {
    if ((await act(work)) && close) onClose();
  };
  const touchId = done.result.touch?.id;
  return (
    <div className="card row" role="status" aria-label="Done" data-testid="done-notice">
      <span>
        Done ·{' '}
        {type ? (
          <>
            {TOUCH_CATALOGUE[type].done} <span className="muted">({done.name})</span>
          </>
        ) : (
          <>nothing logged for {done.name}</>
        )}
      </span>
      {touchId && type && (
        <select
          aria-label="What was done"
          value={type}
          onChange={(e) => {
            const next = e.target.value as TouchType;
            void run(async () => {
              setUndo(await (await touchEdits()).retypeDone(db, undo, next));
              setType(next);
            });
          }}
        >
          {DONE_TYPES.map((t) => (
            <option key={t} value={t}>
              {TOUCH_CATALOGUE[t].done}
            </option>
          ))}
        </select>
      )}
      <button type="button" onClick={() => void run(async () => (await followUps()).undoDone(db, undo), true)}>
        Undo
      </button>
      <button type="button" className="link" aria-label="Dismiss" onClick={onClose}>
        ×
      </button>
      {alert}
    </div>
  );
}
