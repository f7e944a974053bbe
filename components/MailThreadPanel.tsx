import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { addEmailAddress, db, findPersonByEmail, loadSettings, upsertSeenPerson } from '../lib/db';
import { exclusionOf } from '../lib/mail/recipients';
import { isRoleAddress } from '../lib/mail/roleAddresses';
import { likelyPeople } from '../lib/identity/candidates';
import { describeCandidate, soleConfidentCandidate } from '../lib/identity/describe';
import type { MailParticipant, SeenMailThread } from '../lib/messaging/protocol';
import type { Person } from '../lib/model';
import { SavedPerson } from './PersonPanel';
import { notifyDataChanged } from './notify';
import { SaveButton } from './SaveButton';

interface Row {
  participant: MailParticipant;
  person: Person | undefined;
}

/**
 * Someone in the thread Groundwork does not know by this address: when they look like a saved
 * person (LinkedIn rarely shows an address, so the prospect saved there meets it here first), the
 * panel asks — "Adaeze Okonkwo-Reyes (Sable Ridge Foods, from LinkedIn)? Link this address" —
 * before offering to save someone new.
 */
function Unsaved({ participant }: { participant: MailParticipant }) {
  const settings = useLiveQuery(() => loadSettings(db), []);
  const excluded = settings && exclusionOf(participant.email, settings, undefined);
  // A shared inbox (info@, billing@) or a colleague is nobody's address to link, however alike the name.
  const linkable = settings !== undefined && !excluded && !isRoleAddress(participant.email);
  const found = useLiveQuery(() => likelyPeople(db, participant.email, participant.name), [participant.email, participant.name]);
  const candidates = linkable ? found : [];
  const [error, setError] = useState<string>();
  const link = async (personId: string) => {
    setError(undefined);
    try {
      await addEmailAddress(db, personId, participant.email);
      notifyDataChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <article className="stack" data-testid="person-preview">
      <header>
        <h1>{participant.name ?? participant.email}</h1>
        <span className="muted small">Not saved yet · {participant.email}</span>
      </header>
      {excluded && (
        <p className="muted small" data-testid="never-logged">
          {excluded === 'never-log' ? 'On your never-log list: Groundwork logs nothing for this address.' : 'A colleague (your own domain): Groundwork logs nothing for them.'}
        </p>
      )}
      {settings && !excluded && isRoleAddress(participant.email) && (
        <p className="muted small" data-testid="role-address">
          A shared address, not one person’s: it is never linked to someone you saved.
        </p>
      )}
      {candidates && candidates.length > 0 && (
        <section className="card stack" aria-label="Who this may be">
          <p className="small">{candidates.length === 1 ? 'This address is likely someone you saved:' : 'This address may be someone you saved:'}</p>
          <ul className="plain stack">
            {candidates.map((candidate) => (
              <li key={candidate.person.id} className="row" style={{ justifyContent: 'space-between' }}>
                <span>{describeCandidate({ ...candidate, name: candidate.person.name, source: candidate.person.source })}?</span>
                <button type="button" className={soleConfidentCandidate(candidates) === candidate ? 'primary' : undefined} onClick={() => void link(candidate.person.id)} aria-label={`Link this address to ${candidate.person.name}`}>
                  Link this address
                </button>
              </li>
            ))}
          </ul>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </section>
      )}
      {settings && !excluded && (
        <SaveButton
          label={candidates?.length ? 'Save as someone new' : 'Save prospect'}
          save={() => upsertSeenPerson(db, { name: participant.name ?? participant.email, emails: [participant.email], source: 'email' })}
        />
      )}
    </article>
  );
}

/**
 * The people in the open email thread: one goes straight to their record; several are listed to
 * pick from, saved ones marked with their stage.
 */
export function MailThreadPanel({ thread }: { thread: SeenMailThread }) {
  const [picked, setPicked] = useState<string>();
  const emails = thread.participants.map((p) => p.email).join(',');
  const rows = useLiveQuery(
    async (): Promise<Row[]> => Promise.all(thread.participants.map(async (participant) => ({ participant, person: await findPersonByEmail(db, participant.email) }))),
    [emails],
  );
  if (!rows) return null;
  const chosen = rows.find((r) => r.participant.email === (picked ?? (rows.length === 1 ? rows[0]!.participant.email : undefined)));
  if (chosen) {
    return (
      <div className="stack">
        {rows.length > 1 && (
          <button type="button" onClick={() => setPicked(undefined)}>
            ← Everyone in “{thread.subject ?? 'this thread'}”
          </button>
        )}
        {chosen.person ? <SavedPerson person={chosen.person} /> : <Unsaved participant={chosen.participant} />}
      </div>
    );
  }
  return (
    <article className="stack" data-testid="mail-thread">
      <header>
        <h1>{thread.subject ?? 'Email thread'}</h1>
        <span className="muted small">{rows.length} people in this thread</span>
      </header>
      <ul className="plain" aria-label="People in this thread">
        {rows.map(({ participant, person }) => (
          <li key={participant.email} className="row" style={{ justifyContent: 'space-between', padding: '6px 0' }}>
            <span>
              <strong>{person?.name ?? participant.name ?? participant.email}</strong>{' '}
              {person ? <span className="badge">{person.stage}</span> : <span className="muted small">not saved</span>}
              <br />
              <span className="muted small">{participant.email}</span>
            </span>
            <button type="button" onClick={() => setPicked(participant.email)} aria-label={`Show ${person?.name ?? participant.name ?? participant.email}`}>
              Show
            </button>
          </li>
        ))}
      </ul>
    </article>
  );
}
