import { startOfDay } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { FollowUpActions } from '../../components/FollowUpActions';
import { formatDue } from '../../components/format';
import { calendarOf } from '../../lib/cadence/propose';
import { weeklyGoalProgress } from '../../lib/cadence/weeklyGoal';
import { endOfWorkDay } from '../../lib/cadence/workdays';
import { db, followUpsDueBefore, loadSettings } from '../../lib/db';
import { touchTypeInfo, type Person } from '../../lib/model';

/**
 * Overdue and due today. Ordered by due day (oldest first, so overdue work leads), then by fit
 * (best prospects first within a day, unscored last), then by due time.
 */
async function loadToday(now: number) {
  const settings = await loadSettings(db);
  const due = await followUpsDueBefore(db, endOfWorkDay(now, calendarOf(settings)));
  const ids = due.map((f) => f.personId);
  const [people, fits, goal] = await Promise.all([db.people.bulkGet(ids), db.fits.bulkGet(ids), weeklyGoalProgress(db, settings, now)]);
  const rows = due.map((followUp, i) => ({ followUp, person: people[i], fit: fits[i] }));
  const fitOf = (row: (typeof rows)[number]) => (row.fit?.excluded ? -1 : (row.fit?.score ?? -1));
  rows.sort(
    (a, b) =>
      startOfDay(a.followUp.dueAt).getTime() - startOfDay(b.followUp.dueAt).getTime() || fitOf(b) - fitOf(a) || a.followUp.dueAt - b.followUp.dueAt,
  );
  return { rows, goal };
}

/** Where "Open" goes: their LinkedIn profile, or a new email to them. */
function openUrl(person: Person | undefined): string | undefined {
  if (person?.linkedinUrl) return person.linkedinUrl;
  const email = person?.emails[0];
  return email ? `https://mail.google.com/mail/?view=cm&fs=1&to=${encodeURIComponent(email)}` : undefined;
}

function WeeklyGoal({ touched, goal }: { touched: number; goal: number }) {
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

export function PopupApp() {
  const [now] = useState(() => Date.now());
  const today = useLiveQuery(() => loadToday(now), [now]);
  const [error, setError] = useState<string>();

  const openSidePanel = async () => {
    try {
      const win = await browser.windows.getCurrent();
      // sidePanel is not in the polyfill's types; Chrome's promise API is called directly.
      await (browser as unknown as { sidePanel: { open(o: { windowId: number }): Promise<void> } }).sidePanel.open({ windowId: win.id! });
      window.close();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <main className="page stack" style={{ width: 380 }}>
      <header className="row" style={{ justifyContent: 'space-between' }}>
        <h1>Due today</h1>
        <button type="button" onClick={openSidePanel}>
          Open side panel
        </button>
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {today === undefined ? null : (
        <>
          {today.rows.length === 0 ? (
            <div className="empty" data-testid="empty-due">
              <p>Nothing due. Prospect someone new?</p>
            </div>
          ) : (
            <ul className="plain" aria-label="Follow-ups due">
              {today.rows.map(({ followUp, person, fit }) => {
                const name = person?.name ?? 'Unknown person';
                const url = openUrl(person);
                return (
                  <li key={followUp.id} className="due-row stack" style={{ padding: '8px 0' }}>
                    <div className="row" style={{ justifyContent: 'space-between' }}>
                      <span>
                        <strong>{name}</strong>{' '}
                        {fit?.band && !fit.excluded && (
                          <span className={`badge band-${fit.band}`} title={`Fit ${fit.score ?? ''}`}>
                            {fit.band}
                          </span>
                        )}
                      </span>
                      <span className={followUp.dueAt < now ? 'error small' : 'muted small'}>{formatDue(followUp.dueAt, now)}</span>
                    </div>
                    <div>{followUp.reason}</div>
                    <div className="muted small">Suggested: {touchTypeInfo(followUp.suggestedType).label}</div>
                    <div className="row">
                      <FollowUpActions followUp={followUp} name={name} />
                      {url && (
                        <button type="button" aria-label={`Open ${name}`} onClick={() => void browser.tabs.create({ url })}>
                          Open
                        </button>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          <WeeklyGoal {...today.goal} />
        </>
      )}
    </main>
  );
}
