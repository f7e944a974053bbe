import { addDays, startOfDay } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { openSidePanelHere } from '../../components/openSidePanelHere';
import { openWorkspace } from '../../components/workspace/open';
import { ErrorCard } from '../../components/ErrorCard';
import { DoneNotice, type Done } from '../../components/DoneNotice';
import { FollowUpActions } from '../../components/FollowUpActions';
import { formatDue, isOverdue } from '../../components/format';
import { brainPickerStory } from '../../lib/cadence/brainPickerStory';
import { calendarOf } from '../../lib/cadence/propose';
import { weeklyGoalProgress } from '../../lib/cadence/weeklyGoal';
import { endOfWorkDay } from '../../lib/cadence/workdays';
// Read-only imports, chosen so the popup's first load carries no validation code (Zod): writes
// load on the first click (components/FollowUpActions.tsx).
import { db } from '../../lib/db/db';
import { dueHead } from '../../lib/db/dueFollowUps';
import type { Person } from '../../lib/model';
import { withDefaults } from '../../lib/model/settingsDefaults';
import { touchTypeInfo } from '../../lib/model/touchTypes';

const loadSettings = async (database: typeof db) => withDefaults((await database.settings.get('settings'))?.value);

/**
 * Overdue and due today. Ordered by due day (oldest first, so overdue work leads), then by fit
 * (best prospects first within a day, unscored last), then by due time. Due follow-ups are
 * counted, not read; fits are read for the days on screen, people for the rows on screen.
 */
async function loadToday(now: number, shown: number) {
  const settings = await loadSettings(db);
  // User Timing marks: npm run bench reads them (they cost nothing when nobody looks).
  performance.mark('groundwork:due-query-start');
  const day = (t: number) => startOfDay(t).getTime();
  const { total, head } = await dueHead(db, endOfWorkDay(now, calendarOf(settings)), shown, (t) => addDays(startOfDay(t), 1).getTime());
  performance.measure('groundwork:due-query', 'groundwork:due-query-start');
  // `head` holds whole days, so ordering each day by fit cannot pull in a row from a later day.
  const fits = await db.fits.bulkGet(head.map((f) => f.personId));
  const rows = head.map((followUp, i) => ({ followUp, fit: fits[i] }));
  const fitOf = (row: (typeof rows)[number]) => (row.fit?.excluded ? -1 : (row.fit?.score ?? -1));
  rows.sort((a, b) => day(a.followUp.dueAt) - day(b.followUp.dueAt) || fitOf(b) - fitOf(a) || a.followUp.dueAt - b.followUp.dueAt);
  return { total, rows: rows.slice(0, shown) };
}

async function withPeople(rows: Awaited<ReturnType<typeof loadToday>>['rows']) {
  const people = await db.people.bulkGet(rows.map((r) => r.followUp.personId));
  return rows.map((row, i) => ({ ...row, person: people[i] }));
}

/** Rows rendered at first; the rest on request, so a backlog of hundreds still opens at once. */
const PAGE = 15;

/** Where "Open" goes: their LinkedIn profile, or a new email to them. */
function openUrl(person: Person | undefined): string | undefined {
  if (person?.linkedinUrl) return person.linkedinUrl;
  const email = person?.emails[0];
  return email ? `https://mail.google.com/mail/?view=cm&fs=1&to=${encodeURIComponent(email)}` : undefined;
}

/** How long someone flagged counts as newly flagged in the popup. */
const NEWLY_FLAGGED_DAYS = 14;

/**
 * Crisis-mode brain-pickers flagged in the last two weeks (issue 17): who, what they took and
 * what went unanswered, one click to open. Their follow-ups have left "today", so without this
 * the popup would say nothing about them.
 */
function NewlyFlagged({ now }: { now: number }) {
  const flagged = useLiveQuery(async () => {
    const people = await db.people.where('flags').equals('brain-picker').toArray();
    const raised = (p: (typeof people)[number]) => p.brainPicker!.raisedAt ?? p.brainPicker!.flaggedAt;
    return people.filter((p) => p.brainPicker && now - raised(p) <= NEWLY_FLAGGED_DAYS * 86_400_000).sort((a, b) => raised(b) - raised(a));
  }, [now]);
  if (!flagged?.length) return null;
  return (
    <section aria-label="Newly flagged brain-pickers" className="stack">
      <h2>Newly flagged brain-pickers</h2>
      <ul className="plain">
        {flagged.map((person) => {
          const url = openUrl(person);
          return (
            <li key={person.id} className="row flagged-row" style={{ justifyContent: 'space-between', padding: '6px 0' }}>
              <span>
                <strong>{person.name}</strong> <span className="badge">on the back burner</span>
                <br />
                <span className="small">{brainPickerStory(person.brainPicker!)}</span>
              </span>
              {url && (
                <button type="button" aria-label={`Open ${person.name}`} onClick={() => void browser.tabs.create({ url })}>
                  Open
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Read after the list: it never holds up today's work. */
function WeeklyGoal({ now }: { now: number }) {
  const progress = useLiveQuery(async () => weeklyGoalProgress(db, await loadSettings(db), now), [now]);
  useEffect(() => {
    if (progress) performance.mark('groundwork:weekly-goal-rendered');
  }, [progress]);
  if (!progress || progress.goal === 0) return null;
  const { touched, goal } = progress;
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

type DueRowData = Awaited<ReturnType<typeof withPeople>>[number];

/** One due follow-up: who (with their fit), when, why, the suggested touch, and what to do. */
function DueRow({ followUp, person, fit, name, now, onDone }: DueRowData & { name: string; now: number; onDone(done: Done): void }) {
  const url = openUrl(person);
  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <span>
          <strong>{name}</strong>{' '}
          {fit?.band && !fit.excluded && (
            <span className={`badge band-${fit.band}`} title={`Fit ${fit.score ?? ''}`}>
              {fit.band}
            </span>
          )}
        </span>
        <span className={isOverdue(followUp.dueAt, now) ? 'error small' : 'muted small'}>{formatDue(followUp.dueAt, now)}</span>
      </div>
      <div>{followUp.reason}</div>
      <div className="muted small">Suggested: {touchTypeInfo(followUp.suggestedType).label}</div>
      <div className="row">
        <FollowUpActions followUp={followUp} name={name} onDone={onDone} />
        {url && (
          <button type="button" aria-label={`Open ${name}`} onClick={() => void browser.tabs.create({ url })}>
            Open
          </button>
        )}
      </div>
    </>
  );
}

export function PopupApp() {
  const [now] = useState(() => Date.now());
  const [shown, setShown] = useState(PAGE);
  const today = useLiveQuery(async () => {
    const { total, rows } = await loadToday(now, shown);
    return { total, visible: await withPeople(rows) };
  }, [now, shown]);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<Done>();
  const loaded = today !== undefined;
  useEffect(() => {
    if (loaded) performance.mark('groundwork:popup-rendered');
  }, [loaded]);

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
              {today.visible.map((row) => {
                const name = row.person?.name ?? 'Unknown person';
                return (
                  <li key={row.followUp.id} className="due-row stack" style={{ padding: '8px 0' }}>
                    <ErrorCard what={`The follow-up with ${name}`}>
                      <DueRow {...row} name={name} now={now} onDone={setDone} />
                    </ErrorCard>
                  </li>
                );
              })}
            </ul>
          )}
          {today.total > shown && (
            <button type="button" onClick={() => setShown((n) => n + PAGE)}>
              Show {Math.min(PAGE, today.total - shown)} more of {today.total - shown}
            </button>
          )}
          <NewlyFlagged now={now} />
          <WeeklyGoal now={now} />
        </>
      )}
    </main>
  );
}
