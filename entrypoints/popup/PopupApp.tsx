import { endOfDay, startOfDay } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { formatDue } from '../../components/format';
import { db, followUpsDueBefore } from '../../lib/db';
import { touchTypeInfo } from '../../lib/model';

/**
 * Overdue and due today. Ordered by due day (oldest first, so overdue work leads), then by fit
 * (best prospects first within a day, unscored last), then by due time.
 */
async function loadDueToday(now: number) {
  const due = await followUpsDueBefore(db, endOfDay(now).getTime() + 1);
  const ids = due.map((f) => f.personId);
  const [people, fits] = await Promise.all([db.people.bulkGet(ids), db.fits.bulkGet(ids)]);
  const rows = due.map((followUp, i) => ({ followUp, person: people[i], fit: fits[i] }));
  const fitOf = (row: (typeof rows)[number]) => (row.fit?.excluded ? -1 : (row.fit?.score ?? -1));
  return rows.sort(
    (a, b) =>
      startOfDay(a.followUp.dueAt).getTime() - startOfDay(b.followUp.dueAt).getTime() ||
      fitOf(b) - fitOf(a) ||
      a.followUp.dueAt - b.followUp.dueAt,
  );
}

export function PopupApp() {
  const [now] = useState(() => Date.now());
  const rows = useLiveQuery(() => loadDueToday(now), [now]);
  const [error, setError] = useState<string>();

  const openSidePanel = async () => {
    try {
      const win = await browser.windows.getCurrent();
      // sidePanel is not in the polyfill's types; Chrome's promise API is called directly.
      await (browser as unknown as { sidePanel: { open(o: { windowId: number }): Promise<void> } }).sidePanel.open({
        windowId: win.id!,
      });
      window.close();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <main className="page stack" style={{ width: 360 }}>
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
      {rows === undefined ? null : rows.length === 0 ? (
        <div className="empty" data-testid="empty-due">
          <p>Nothing due. Prospect someone new?</p>
        </div>
      ) : (
        <ul className="plain" aria-label="Follow-ups due">
          {rows.map(({ followUp, person, fit }) => (
            <li key={followUp.id} className="due-row" style={{ padding: '8px 0' }}>
              <div className="row" style={{ justifyContent: 'space-between' }}>
                <span>
                  <strong>{person?.name ?? 'Unknown person'}</strong>{' '}
                  {fit?.band && !fit.excluded && (
                    <span className={`badge band-${fit.band}`} title={`Fit ${fit.score ?? ''}`}>
                      {fit.band}
                    </span>
                  )}
                </span>
                <span className={followUp.dueAt < now ? 'error small' : 'muted small'}>
                  {formatDue(followUp.dueAt, now)}
                </span>
              </div>
              <div>{followUp.reason}</div>
              <div className="muted small">Suggested: {touchTypeInfo(followUp.suggestedType).label}</div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
