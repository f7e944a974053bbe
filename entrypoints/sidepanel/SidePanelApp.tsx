import { CompanyPanel } from '../../components/CompanyPanel';
import { ErrorCard } from '../../components/ErrorCard';
import { MailThreadPanel } from '../../components/MailThreadPanel';
import { PersonPanel } from '../../components/PersonPanel';
import { RepWeek } from '../../components/RepWeek';
import { useTabContext, useTrackedTabId } from '../../components/useTabContext';
import { openWorkspace } from '../../components/workspace/open';

export function SidePanelApp() {
  const tabId = useTrackedTabId();
  const state = useTabContext(tabId);

  if (state.status === 'loading') return null;
  if (state.status === 'none' || state.context.page.kind === 'none') {
    return (
      <main className="page stack">
        <div className="empty" data-testid="no-prospect" style={{ padding: '8px' }}>
          <h1>No prospect on this page</h1>
          <p>Open a LinkedIn profile or company page, or an email thread, and Groundwork shows who it is here.</p>
          <button type="button" onClick={() => void openWorkspace()}>
            Open the workspace: every prospect and account
          </button>
        </div>
        <ErrorCard what="Your week">
          <RepWeek />
        </ErrorCard>
      </main>
    );
  }
  const { page } = state.context;
  // Keyed by what is on screen: a card for one prospect that failed goes with them.
  return (
    <main className="page">
      {page.kind === 'person' ? (
        <ErrorCard key={page.person.linkedinUrl} what="This prospect">
          <PersonPanel seen={page.person} />
        </ErrorCard>
      ) : page.kind === 'company' ? (
        <ErrorCard key={page.company.linkedinUrl ?? page.url} what="This company">
          <CompanyPanel seen={page.company} />
        </ErrorCard>
      ) : (
        <ErrorCard key={page.thread.participants.map((p) => p.email).join(',')} what="This email thread">
          <MailThreadPanel thread={page.thread} />
        </ErrorCard>
      )}
    </main>
  );
}
