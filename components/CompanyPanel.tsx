import { useLiveQuery } from 'dexie-react-hooks';
import { accountChanges, applyAccountUpdateFromLinkedIn, db, findAccountByLinkedInUrl, saveAccountFromLinkedIn, updateAccountNotes, type AccountChange } from '../lib/db';
import { subjectForAccount, subjectForSeenCompany } from '../lib/scoring/subjects';
import { Avatar } from './Avatar';
import { FitCard } from './FitCard';
import type { SeenLinkedInCompany } from '../lib/messaging/protocol';
import type { Account } from '../lib/model';
import { displaySlug } from '../lib/sites/linkedin/url';
import { notifyDataChanged } from './notify';
import { StoredText } from './StoredText';
import { SaveButton } from './SaveButton';
import { UpdateFromPage } from './UpdateFromPage';
import { SavedPerson } from './PersonPanel';
import { AccountLevels } from './relationships/AccountLevels';
import { useState } from 'react';

const CHANGE_LABELS: Record<AccountChange['field'], string> = {
  name: 'Name',
  industry: 'Industry',
  sizeBand: 'Company size',
  location: 'Headquarters',
  website: 'Website',
};

function seenAsAccount(seen: SeenLinkedInCompany, name: string) {
  return { name, industry: seen.industry, sizeBand: seen.sizeBand, location: seen.headquarters, website: seen.website };
}

function CompanyFacts({ industry, sizeBand, location, website }: { industry?: string; sizeBand?: string; location?: string; website?: string }) {
  const facts = [industry, sizeBand && `${sizeBand} employees`, location].filter(Boolean);
  return (
    <>
      {facts.length > 0 && <p className="muted">{facts.join(' · ')}</p>}
      {website && <p className="small">{website}</p>}
    </>
  );
}

/** One of the account's people, opened from the levels view, with the way back. */
function AccountPerson({ personId, account, onBack }: { personId: string; account: Account; onBack(): void }) {
  const person = useLiveQuery(() => db.people.get(personId), [personId]);
  if (person === undefined) return null;
  return (
    <div className="stack">
      <button type="button" onClick={onBack}>
        ← {account.name} across levels
      </button>
      <SavedPerson person={person} />
    </div>
  );
}

/** The rep's notes on the account, saved when they leave the box. */
function AccountNotes({ account }: { account: Account }) {
  const [error, setError] = useState<string>();
  return (
    <section className="stack">
      <h2 className="section-heading">Notes</h2>
      <StoredText
        label={`Notes on ${account.name}`}
        multiline
        stored={account.notes ?? ''}
        placeholder="What you know about the account: plans, people, timing"
        onSave={async (notes) => {
          setError(undefined);
          try {
            await updateAccountNotes(db, account.id, notes);
            notifyDataChanged();
          } catch (e) {
            setError(e instanceof Error ? e.message : String(e));
            throw e;
          }
        }}
      />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}

/**
 * A saved account: its facts, fit, people by level (live relationships, gaps, give and ask) and
 * notes. `seen` (what its LinkedIn page shows now) fills facts not stored yet and enables Update
 * from page; the workspace shows the same panel without it.
 */
export function SavedAccount({ account, seen, onOpenPerson }: { account: Account; seen?: SeenLinkedInCompany; onOpenPerson(id: string): void }) {
  const seenFacts = seen ? seenAsAccount(seen, seen.name ?? account.name) : undefined;
  const changes = seenFacts ? accountChanges(account, seenFacts) : [];
  // Facts not stored yet are shown from the page; stored ones win until the rep updates them.
  const shown = { ...seenFacts, ...Object.fromEntries(Object.entries(account).filter(([, v]) => v !== undefined)) } as Account;
  return (
    <article className="stack" data-testid="saved-account">
      <header>
        <div className="identity">
          <Avatar name={account.name} company />
          <h1>{account.name}</h1>
        </div>
        <span className="muted small">Saved account</span>
        <CompanyFacts {...shown} />
      </header>
      <FitCard subject={subjectForAccount(shown)} />
      <UpdateFromPage
        changes={changes.map((c) => ({ ...c, label: CHANGE_LABELS[c.field] }))}
        onApply={async (accepted) => {
          await applyAccountUpdateFromLinkedIn(db, account.id, changes.filter((c) => accepted.includes(c.field)));
          notifyDataChanged();
        }}
      />
      <section>
        <h2 className="section-heading">People by level</h2>
        <AccountLevels account={account} onOpenPerson={onOpenPerson} />
      </section>
      <AccountNotes account={account} />
    </article>
  );
}

/** A company page: the saved account and its people, or a preview with one-click Save. */
export function CompanyPanel({ seen }: { seen: SeenLinkedInCompany }) {
  const [openPersonId, setOpenPersonId] = useState<string>();
  const url = seen.linkedinUrl;
  const lookup = useLiveQuery(async () => ({ account: url ? await findAccountByLinkedInUrl(db, url) : undefined }), [url]);
  if (!lookup) return null;
  const name = seen.name ?? (url ? displaySlug(url) : 'Company');
  const { account } = lookup;

  if (account && openPersonId) return <AccountPerson personId={openPersonId} account={account} onBack={() => setOpenPersonId(undefined)} />;
  if (account) return <SavedAccount account={account} seen={seen} onOpenPerson={setOpenPersonId} />;
  return (
    <article className="stack" data-testid="account-preview">
      <header>
        <div className="identity">
          <Avatar name={name} company />
          <h1>{name}</h1>
        </div>
        <span className="muted small">Not saved yet</span>
        <CompanyFacts {...seen} location={seen.headquarters} />
      </header>
      <FitCard subject={subjectForSeenCompany(seen, undefined)} />
      <SaveButton label="Save account" save={() => saveAccountFromLinkedIn(db, seen, name)} />
    </article>
  );
}
