import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db, tagsInUse, updatePersonDetails, type PersonDetails as Details } from '../lib/db';
import { SENIORITY_LEVELS, STAGES, type Person, type SeniorityLevel, type Stage } from '../lib/model';
import { seniorityFromTitle } from '../lib/scoring/seniority';
import { notifyDataChanged } from './notify';
import { StoredText } from './StoredText';
import { TagInput } from './profile/TagInput';

export const STAGE_LABELS: Record<Stage, string> = {
  target: 'Target',
  engaged: 'Engaged',
  opportunity: 'Opportunity',
  client: 'Client',
  nurture: 'Nurture',
  'back-burner': 'Back burner',
  'not-a-fit': 'Not a fit',
};

/** What each stage does to the cadence, said where it is chosen. */
const STAGE_EFFECTS: Partial<Record<Stage, string>> = {
  'not-a-fit': 'No follow-ups are proposed; pending ones were cancelled.',
  client: 'Groundwork proposes a referral ask now and then.',
  engaged: 'The cadence proposes the ask once enough was given.',
  opportunity: 'The cadence proposes the ask once enough was given.',
  nurture: 'Touches every few weeks, nothing pushy.',
};

export const SENIORITY_LABELS: Record<SeniorityLevel, string> = {
  executive: 'Executive',
  vp: 'VP / head of',
  director: 'Director',
  manager: 'Manager',
  individual: 'Individual contributor',
};

/**
 * Everything the rep knows about a person that no page shows, editable in place (issue 16): the
 * stage (with what it does), do-not-contact, tags (suggested from the ones in use), phone
 * numbers, their title and seniority when the page has them wrong, and notes.
 */
export function PersonDetails({ person }: { person: Person }) {
  const [error, setError] = useState<string>();
  const [phone, setPhone] = useState('');
  const suggestions = useLiveQuery(() => tagsInUse(db), []);
  const save = async (changes: Details) => {
    setError(undefined);
    try {
      await updatePersonDetails(db, person.id, changes);
      notifyDataChanged();
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    }
  };
  /** For fields that keep the rep's draft when a save fails. */
  const saveOrThrow = async (changes: Details) => {
    if (!(await save(changes))) throw new Error('not saved');
  };
  const derived = seniorityFromTitle(person.title ?? person.headline);
  const doNotContact = person.flags.includes('do-not-contact');

  return (
    <div className="stack small" data-testid="person-details">
      <div className="row">
        <label>
          Stage{' '}
          <select aria-label="Stage" value={person.stage} onChange={(e) => void save({ stage: e.target.value as Stage })}>
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {STAGE_LABELS[stage]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={doNotContact} onChange={(e) => void save({ doNotContact: e.target.checked })} /> Do not contact
        </label>
      </div>
      {(STAGE_EFFECTS[person.stage] || doNotContact) && (
        <p className="muted" data-testid="stage-effect">
          {doNotContact ? 'Do not contact: no follow-ups are proposed; pending ones were cancelled.' : STAGE_EFFECTS[person.stage]}
        </p>
      )}
      <TagInput label="Tags" values={person.tags} suggestions={suggestions ?? []} onChange={(tags) => void save({ tags })} placeholder="Add a tag" />
      <div className="stack">
        <strong>Phone</strong>
        <ul className="plain row" aria-label={`Phone numbers of ${person.name}`}>
          {(person.phones ?? []).map((number) => (
            <li key={number} className="chip">
              <a href={`tel:${number.replace(/[^\d+]/g, '')}`}>{number}</a>{' '}
              <button type="button" className="link" aria-label={`Remove ${number}`} onClick={() => void save({ phones: (person.phones ?? []).filter((p) => p !== number) })}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          className="row"
          aria-label="Add a phone number"
          onSubmit={(e) => {
            e.preventDefault();
            void save({ phones: [...(person.phones ?? []), phone] }).then((ok) => ok && setPhone(''));
          }}
        >
          <input type="tel" value={phone} aria-label="Phone number" placeholder="+1 614 555 0134" onChange={(e) => setPhone(e.target.value)} />
          <button type="submit" disabled={!phone.trim()}>
            Add
          </button>
        </form>
      </div>
      <details>
        <summary>Title, seniority and notes</summary>
        <div className="stack">
          <label>
            Title{' '}
            <StoredText label="Title" stored={person.title ?? ''} placeholder={person.headline ?? 'Their job title'} onSave={(title) => saveOrThrow({ title })} />
          </label>
          <label>
            Seniority{' '}
            <select aria-label="Seniority" value={person.seniority ?? ''} onChange={(e) => void save({ seniority: (e.target.value || null) as SeniorityLevel | null })}>
              <option value="">From their title{derived ? ` (${SENIORITY_LABELS[derived]})` : ''}</option>
              {SENIORITY_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {SENIORITY_LABELS[level]}
                </option>
              ))}
            </select>
          </label>
          <label className="stack">
            Notes
            <StoredText label={`Notes on ${person.name}`} multiline stored={person.notes ?? ''} onSave={(notes) => saveOrThrow({ notes })} />
          </label>
        </div>
      </details>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
