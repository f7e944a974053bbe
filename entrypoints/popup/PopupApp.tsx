import { endOfDay } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { formatDue } from '../../components/format';
import { db, followUpsDueBefore } from '../../lib/db';
import { touchTypeInfo } from '../../lib/model';

async function loadDueToday(now: number) {
  const due = await followUpsDueBefore(db, endOfDay(now).getTime() + 1);
  const people = await db.people.bulkGet(due.map((f) => f.personId));
  return due.map((followUp, i) => ({ followUp, person: people[i] }));
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
          {rows.map(({ followUp, person }) => (
            <li key={followUp.id} className="due-row" style={{ padding: '8px 0' }}>
              <div className="row" style={{ justifyContent: 'space-between' }}>
                <strong>{person?.name ?? 'Unknown person'}</strong>
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
