import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { SavedAccount } from '../../components/CompanyPanel';
import { ErrorCard } from '../../components/ErrorCard';
import { SavedPerson } from '../../components/PersonPanel';
import { useSettings } from '../../components/relationships/useRelationshipData';
import { AccountsList } from '../../components/workspace/AccountsList';
import { PeopleList } from '../../components/workspace/PeopleList';
import { useRoute, type WorkspaceView } from '../../components/workspace/route';
import { usePeopleRows } from '../../components/workspace/usePeopleRows';
import { db } from '../../lib/db';

function PersonPane({ id, onOpenAccount }: { id: string; onOpenAccount(id: string): void }) {
  const found = useLiveQuery(async () => ({ person: await db.people.get(id) }), [id]);
  if (!found) return null;
  if (!found.person) return <p className="empty">This person is no longer saved (deleted or merged into someone else).</p>;
  return <SavedPerson key={found.person.id} person={found.person} onOpenAccount={onOpenAccount} />;
}

function AccountPane({ id, onOpenPerson, onShowPeople }: { id: string; onOpenPerson(id: string): void; onShowPeople(id: string): void }) {
  const found = useLiveQuery(async () => ({ account: await db.accounts.get(id) }), [id]);
  if (!found) return null;
  if (!found.account) return <p className="empty">This account is no longer saved.</p>;
  return (
    <div className="stack">
      <button type="button" className="link" onClick={() => onShowPeople(found.account!.id)}>
        Show {found.account.name}’s people in the list
      </button>
      <SavedAccount account={found.account} onOpenPerson={onOpenPerson} />
    </div>
  );
}

/**
 * The workspace (issue 18): every saved person and account in one page — a list to search, filter
 * and act on in bulk, and beside it the record opened, shown by the same panels as the side panel.
 * Its place is in the URL's hash (components/workspace/route.ts), so views are links.
 */
export function WorkspaceApp() {
  const [view, go] = useRoute();
  const live = usePeopleRows();
  const settings = useSettings();
  const openPerson = (personId: string) => go({ list: 'people', personId, query: view.list === 'people' ? view.query : '' });
  const openAccount = (accountId: string) => go({ list: 'accounts', accountId, query: view.list === 'accounts' ? view.query : '' });
  useEffect(() => {
    document.title = view.list === 'people' ? 'People · Groundwork' : 'Accounts · Groundwork';
  }, [view.list]);
  // For the bench: the list's first screen is drawn; then every person is read and counted.
  const ready = live !== undefined && settings !== undefined;
  const complete = ready && live.complete;
  useEffect(() => {
    if (ready) performance.mark('groundwork:workspace-rendered');
  }, [ready]);
  useEffect(() => {
    if (complete) performance.mark('groundwork:workspace-complete');
  }, [complete]);

  const tab = (list: WorkspaceView['list'], label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${list}`}
      aria-controls="workspace-list"
      aria-selected={view.list === list}
      tabIndex={view.list === list ? 0 : -1}
      className={view.list === list ? 'tab selected' : 'tab'}
      onClick={() => go({ list, query: '' })}
      onKeyDown={(event) => {
        // Arrows move between the two tabs, as a tab list's do.
        if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
        const next = list === 'people' ? 'accounts' : 'people';
        go({ list: next, query: '' });
        document.getElementById(`tab-${next}`)?.focus();
      }}
    >
      {label}
    </button>
  );

  return (
    <div className="workspace">
      <header className="workspace-head row">
        <h1>Groundwork</h1>
        <nav role="tablist" aria-label="Lists">
          {tab('people', `People${live?.complete ? ` (${live.rows.length.toLocaleString()})` : ''}`)}
          {tab('accounts', 'Accounts')}
        </nav>
      </header>
      <main className="workspace-body">
        <div id="workspace-list" className="workspace-list" role="tabpanel" aria-labelledby={`tab-${view.list}`}>
          {!live || !settings ? (
            <p className="muted" aria-live="polite">
              Reading your prospects…
            </p>
          ) : view.list === 'people' ? (
            <ErrorCard what="The people list">
              <PeopleList
                live={live}
                query={view.query}
                openId={view.personId}
                settings={settings}
                onQuery={(query, replace) => go({ ...view, query }, { replace })}
                onOpen={openPerson}
              />
            </ErrorCard>
          ) : (
            <ErrorCard what="The accounts list">
              <AccountsList live={live} query={view.query} openId={view.accountId} onQuery={(query) => go({ ...view, query }, { replace: true })} onOpen={openAccount} />
            </ErrorCard>
          )}
        </div>
        <aside className="workspace-detail page" aria-label="Details">
          {view.list === 'people' && view.personId ? (
            <ErrorCard key={view.personId} what="This person">
              <PersonPane id={view.personId} onOpenAccount={openAccount} />
            </ErrorCard>
          ) : view.list === 'accounts' && view.accountId ? (
            <ErrorCard key={view.accountId} what="This account">
              <AccountPane id={view.accountId} onOpenPerson={openPerson} onShowPeople={(account) => go({ list: 'people', query: `account=${encodeURIComponent(account)}` })} />
            </ErrorCard>
          ) : (
            <p className="muted empty">Open someone from the list to see their record here: their timeline, follow-ups, fit and notes, as in the side panel.</p>
          )}
        </aside>
      </main>
    </div>
  );
}
