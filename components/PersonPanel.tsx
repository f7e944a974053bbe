import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import {
  applyPersonUpdateFromLinkedIn,
  db,
  findAccountByLinkedInUrl,
  findPersonByLinkedInUrl,
  pageChanges,
  saveProspectFromLinkedIn,
  type PageChange,
} from '../lib/db';
import type { SeenLinkedInPerson } from '../lib/messaging/protocol';
import type { Account, Person } from '../lib/model';
import { subjectForPerson, subjectForSeenPerson } from '../lib/scoring/subjects';
import { AccountPicker } from './AccountPicker';
import { Avatar } from './Avatar';
import { openWorkspace } from './workspace/open';
import { BrainPickerBanner } from './BrainPickerBanner';
import { ErrorCard } from './ErrorCard';
import { EmailAddresses } from './identity/EmailAddresses';
import { MergeWith } from './identity/MergeWith';
import { FitCard } from './FitCard';
import { displaySlug } from '../lib/sites/linkedin/url';
import { LogTouchForm } from './LogTouchForm';
import { NextFollowUp } from './NextFollowUp';
import { PersonDetails } from './PersonDetails';
import { notifyDataChanged } from './notify';
import { SaveButton } from './SaveButton';
import { Timeline } from './Timeline';
import { UpdateFromPage } from './UpdateFromPage';
import { touchMixNudgeOrUndefined } from '../lib/relationships/balance';
import { AccountLevels } from './relationships/AccountLevels';
import { GiveAskLedger } from './relationships/GiveAskLedger';
import { OwnerSelect } from './relationships/OwnerSelect';
import { Referrals } from './relationships/Referrals';
import { usePersonTouches, useSettings } from './relationships/useRelationshipData';

function Facts({ headline, companyName, location }: { headline?: string; companyName?: string; location?: string }) {
  return (
    <>
      {headline && <p data-testid="headline">{headline}</p>}
      {(companyName || location) && (
        <p className="muted">{[companyName, location].filter(Boolean).join(' · ')}</p>
      )}
    </>
  );
}

const CHANGE_LABELS: Record<PageChange['field'], string> = {
  name: 'Name',
  headline: 'Headline',
  companyName: 'Company',
  location: 'Location',
};

/** The account a person belongs to: theirs if saved, else the one their company page matches. */
function useAccount(accountId: string | undefined, companyLinkedInUrl: string | undefined): Account | null | undefined {
  return useLiveQuery(async () => {
    if (accountId) return (await db.accounts.get(accountId)) ?? null;
    return companyLinkedInUrl ? ((await findAccountByLinkedInUrl(db, companyLinkedInUrl)) ?? null) : null;
  }, [accountId, companyLinkedInUrl]);
}

/** A saved person's record; `seen` (what a LinkedIn page shows now) enables Update from page. */
export function SavedPerson({
  person,
  seen,
  onOpenAccount,
  workspaceLink = false,
}: {
  person: Person;
  seen?: SeenLinkedInPerson;
  onOpenAccount?: (id: string) => void;
  /** In the side panel: a link to the same record in the workspace. */
  workspaceLink?: boolean;
}) {
  const personChanges = seen ? pageChanges(person, seen) : [];
  const account = useAccount(person.accountId, undefined);
  const touches = usePersonTouches(person.id);
  const settings = useSettings();
  const nudge = touches ? touchMixNudgeOrUndefined(touches) : undefined;
  const [levelsOpen, setLevelsOpen] = useState(false);
  return (
    <article className="stack" data-testid="saved-person">
      <header>
        <div className="identity">
          <Avatar name={person.name} />
          <h1>{person.name}</h1>
        </div>
        <div className="row">
          <span className="muted small">Saved prospect</span>
          {workspaceLink && (
            <button type="button" className="link small" onClick={() => void openWorkspace(`#person/${encodeURIComponent(person.id)}`)}>
              Open in workspace
            </button>
          )}
        </div>
        <Facts {...person} />
        {settings && <OwnerSelect person={person} owners={settings.owners} />}
        <ErrorCard what="Their account">
          <AccountPicker person={person} onOpenAccount={onOpenAccount} />
        </ErrorCard>
        <ErrorCard what="Their details">
          <PersonDetails key={person.id} person={person} />
        </ErrorCard>
        <ErrorCard what="Email addresses">
          <EmailAddresses person={person} />
        </ErrorCard>
        <MergeWith person={person} />
      </header>
      <ErrorCard what="The brain-picker warning">
        <BrainPickerBanner person={person} />
      </ErrorCard>
      <ErrorCard what="The give and ask balance">
        {touches && <GiveAskLedger touches={touches} label={`Give and ask with ${person.name}`} />}
      </ErrorCard>
      <ErrorCard what="The fit">{account !== undefined && <FitCard subject={subjectForPerson(person, account ?? undefined)} />}</ErrorCard>
      <UpdateFromPage
        changes={personChanges.map((c) => ({ ...c, label: CHANGE_LABELS[c.field] }))}
        onApply={async (accepted) => {
          if (seen) await applyPersonUpdateFromLinkedIn(db, person.id, personChanges.filter((c) => accepted.includes(c.field)), seen);
          notifyDataChanged();
        }}
      />
      <section>
        <h2 className="section-heading">Next follow-up</h2>
        <ErrorCard what="The next follow-up">
          <NextFollowUp personId={person.id} name={person.name} />
        </ErrorCard>
      </section>
      <section className="card stack">
        {nudge && (
          <p className="warning small" data-testid="mix-nudge">
            {nudge}
          </p>
        )}
        <LogTouchForm personId={person.id} name={person.name} />
      </section>
      <ErrorCard what="Referrals">
        <Referrals person={person} />
      </ErrorCard>
      {account && (
        // Mounted only when opened: the account's people and all their touches are read then.
        <details onToggle={(e) => setLevelsOpen(e.currentTarget.open)}>
          <summary>{account.name} across levels</summary>
          {levelsOpen && (
            <ErrorCard what={`${account.name} across levels`}>
              <AccountLevels account={account} />
            </ErrorCard>
          )}
        </details>
      )}
      <section>
        <h2 className="section-heading">Timeline</h2>
        <ErrorCard what="The timeline">
          <Timeline personId={person.id} />
        </ErrorCard>
      </section>
    </article>
  );
}

function PersonPreview({ seen }: { seen: SeenLinkedInPerson }) {
  const account = useAccount(undefined, seen.companyLinkedInUrl);
  const name = seen.name ?? displaySlug(seen.linkedinUrl);
  return (
    <article className="stack" data-testid="person-preview">
      <header>
        <div className="identity">
          <Avatar name={name} />
          <h1>{name}</h1>
        </div>
        <span className="muted small">Not saved yet</span>
        <Facts {...seen} />
      </header>
      <SaveButton label="Save prospect" save={() => saveProspectFromLinkedIn(db, seen)} />
      {account !== undefined && <FitCard subject={subjectForSeenPerson(seen, account ?? undefined)} />}
    </article>
  );
}

/** The person on screen: their saved record, or a preview with one-click Save. */
export function PersonPanel({ seen }: { seen: SeenLinkedInPerson }) {
  // Wrapped so "still loading" (undefined) and "not saved" ({ person: undefined }) differ.
  const lookup = useLiveQuery(async () => ({ person: await findPersonByLinkedInUrl(db, seen.linkedinUrl) }), [
    seen.linkedinUrl,
  ]);
  if (!lookup) return null;
  return lookup.person ? <SavedPerson person={lookup.person} seen={seen} workspaceLink /> : <PersonPreview seen={seen} />;
}
