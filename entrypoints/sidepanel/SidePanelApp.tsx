import { CompanyPanel } from '../../components/CompanyPanel';
import { MailThreadPanel } from '../../components/MailThreadPanel';
import { PersonPanel } from '../../components/PersonPanel';
import { RepWeek } from '../../components/RepWeek';
import { useTabContext, useTrackedTabId } from '../../components/useTabContext';

export function SidePanelApp() {
  const tabId = useTrackedTabId();
  const state = useTabContext(tabId);

  if (state.status === 'loading') return null;
  if (state.status === 'none' || state.context.page.kind === 'none') {
    return (
      <main className="page stack">
        <div className="empty" data-testid="no-prospect" style={{ padding: '8px' }}>
          <h2>No prospect on this page</h2>
          <p>Open a LinkedIn profile or company page, or an email thread, and Groundwork shows who it is here.</p>
        </div>
        <RepWeek />
      </main>
    );
  }
  const { page } = state.context;
  return (
    <main className="page">
      {page.kind === 'person' ? (
        <PersonPanel key={page.person.linkedinUrl} seen={page.person} />
      ) : page.kind === 'company' ? (
        <CompanyPanel key={page.company.linkedinUrl ?? page.url} seen={page.company} />
      ) : (
        <MailThreadPanel key={page.thread.participants.map((p) => p.email).join(',')} thread={page.thread} />
      )}
    </main>
  );
}
