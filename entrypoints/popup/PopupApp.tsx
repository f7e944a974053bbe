import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { openSidePanelHere } from '../../components/openSidePanelHere';
import { openWorkspace } from '../../components/workspace/open';
import { ErrorCard } from '../../components/ErrorCard';
import { DoneNotice, type Done } from '../../components/DoneNotice';
import { FollowUpActions } from '../../components/FollowUpActions';
import { formatDue, isOverdue } from '../../components/dueTime';
// Read-only imports, chosen so the popup's first load carries no validation code (Zod): writes
// load on the first click (components/FollowUpActions.tsx).
import { db } from '../../lib/db/db';
import { PAGE, type DueRowView, type FlaggedView, type PopupView } from '../../lib/popup/snapshot';
import { dueToday, newlyFlagged, weeklyGoal } from '../../lib/popup/today';

// What this renders for a view, entrypoints/popup/paint.ts draws too, before React has loaded:
// change both together (tests/unit/popup/paint.test.tsx compares them).

const open = (url: string) => void browser.tabs.create({ url });

/**
 * Crisis-mode brain-pickers flagged in the last two weeks (issue 17): who, what they took and
 * what went unanswered, one click to open.
 */
function NewlyFlagged({ flagged }: { flagged: FlaggedView[] }) {
  if (!flagged.length) return null;
  return (
    <section aria-label="Newly flagged brain-pickers" className="stack">
      <h2>Newly flagged brain-pickers</h2>
      <ul className="plain">
        {flagged.map((person) => (
          <li key={person.id} className="row flagged-row" style={{ justifyContent: 'space-between', padding: '6px 0' }} data-person={person.id}>
            <span>
              <strong>{person.name}</strong> <span className="badge">on the back burner</span>
              <br />
              <span className="small">{person.story}</span>
            </span>
            {person.url && (
              <button type="button" aria-label={`Open ${person.name}`} onClick={() => open(person.url!)}>
                Open
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function WeeklyGoal({ goal: { touched, goal } }: { goal: PopupView['goal'] }) {
  if (goal === 0) return null;
  const share = Math.min(1, touched / goal);
  return (
    <section aria-label="Weekly goal" className="stack">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <span>New ideal-fit prospects this week</span>
        <strong data-testid="weekly-goal">
          {touched} / {goal}
        </strong>
      </div>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={goal} aria-valuenow={touched} aria-label="Weekly goal progress">
        <div style={{ width: `${share * 100}%` }} />
      </div>
    </section>
  );
}

/** One due follow-up: who (with their fit), when, why, the suggested touch, and what to do. */
function DueRow({ row, now, onDone }: { row: DueRowView; now: number; onDone(done: Done): void }) {
  if (row.problem) throw new Error(row.problem);
  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <span>
          <strong>{row.name}</strong>{' '}
          {row.band !== undefined && (
            <span className={`badge band-${row.band}`} title={`Fit ${row.score ?? ''}`}>
              {row.band}
            </span>
          )}
        </span>
        <span className={isOverdue(row.dueAt, now) ? 'error small' : 'muted small'}>{formatDue(row.dueAt, now)}</span>
      </div>
      <div>{row.reason}</div>
      <div className="muted small">Suggested: {row.suggested}</div>
      <div className="row">
        <FollowUpActions followUp={row} name={row.name} onDone={onDone} />
        {row.url && (
          <button type="button" aria-label={`Open ${row.name}`} onClick={() => open(row.url!)}>
            Open
          </button>
        )}
      </div>
    </>
  );
}

/**
 * Overdue and due today, the newly flagged, the weekly goal (read after the list: they never hold
 * it up). `now`: the moment the popup opened (the painted snapshot's, so relative times read the
 * same when React takes over). `onListShown`: today's list is rendered; `onReady`: all three
 * reads have answered (mountPopup then shows this page in place of a painted one).
 */
export function PopupApp({ now: opened, onListShown, onReady }: { now?: number; onListShown?: () => void; onReady?: () => void } = {}) {
  const [now] = useState(() => opened ?? Date.now());
  const [shown, setShown] = useState(PAGE);
  const today = useLiveQuery(() => dueToday(db, now, shown), [now, shown]);
  const flagged = useLiveQuery(() => newlyFlagged(db, now), [now]);
  const goal = useLiveQuery(() => weeklyGoal(db, now), [now]);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<Done>();
  const loaded = today !== undefined;
  const ready = loaded && flagged !== undefined && goal !== undefined;
  useEffect(() => {
    if (loaded) onListShown?.();
  }, [loaded, onListShown]);
  useEffect(() => {
    if (ready) onReady?.();
  }, [ready, onReady]);

  const openSidePanel = async () => {
    try {
      await openSidePanelHere();
      window.close();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <main className="page stack" style={{ width: 380 }}>
      <header className="row" style={{ justifyContent: 'space-between' }}>
        <h1>Due today</h1>
        <div className="row">
          <button type="button" onClick={() => void openWorkspace().then(() => window.close())} title="Every prospect and account (Alt+Shift+W)">
            Workspace
          </button>
          <button type="button" onClick={openSidePanel}>
            Open side panel
          </button>
        </div>
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {done && <DoneNotice done={done} onClose={() => setDone(undefined)} />}
      {today === undefined ? null : (
        <>
          {today.total === 0 ? (
            <div className="empty" data-testid="empty-due">
              <p>Nothing due. Prospect someone new?</p>
            </div>
          ) : (
            <ul className="plain" aria-label="Follow-ups due">
              {today.rows.map((row) => (
                <li key={row.id} className="due-row stack" style={{ padding: '8px 0' }} data-follow-up={row.id}>
                  <ErrorCard what={`The follow-up with ${row.name}`}>
                    <DueRow row={row} now={now} onDone={setDone} />
                  </ErrorCard>
                </li>
              ))}
            </ul>
          )}
          {today.total > shown && (
            <button type="button" onClick={() => setShown((n) => n + PAGE)}>
              Show {Math.min(PAGE, today.total - shown)} more of {today.total - shown}
            </button>
          )}
          {flagged && <NewlyFlagged flagged={flagged} />}
          {goal && <WeeklyGoal goal={goal} />}
        </>
      )}
    </main>
  );
}
