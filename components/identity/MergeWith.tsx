import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { db } from '../../lib/db';
import { mergePeople, mergeSummary, undoMerge, type MergeSummary, type MergeUndo } from '../../lib/identity/merge';
import { peopleByNameWords } from '../../lib/identity/search';
import type { Person } from '../../lib/model';
import { count } from '../../lib/text/words';
import { useAction } from '../useAction';


/**
 * "Merge with…" (issue 16): the same human saved twice (from LinkedIn, and from an email before
 * the address was linked) becomes one record. The rep finds the other by name, reads what will
 * move, confirms, and can undo it right after.
 */
export function MergeWith({ person }: { person: Person }) {
  const [step, setStep] = useState<'idle' | 'finding' | { summary: MergeSummary } | { undo: MergeUndo; name: string }>('idle');
  const [query, setQuery] = useState('');
  const { run, alert } = useAction();
  const inputId = useId();
  const matches = useLiveQuery(async () => (step === 'finding' ? (await peopleByNameWords(db, query)).filter((p) => p.id !== person.id) : []), [step, query, person.id]);


  return (
    <div className="stack small" data-testid="merge-with">
      {step === 'idle' && (
        <button type="button" className="link" onClick={() => setStep('finding')}>
          Merge with…
        </button>
      )}
      {step === 'finding' && (
        <div className="stack">
          <label htmlFor={inputId}>Which saved person is also {person.name}?</label>
          <input id={inputId} value={query} placeholder="Type their name" onChange={(e) => setQuery(e.target.value)} autoFocus />
          <ul className="plain" aria-label="People to merge with">
            {(matches ?? []).map((p) => (
              <li key={p.id} className="row" style={{ justifyContent: 'space-between', padding: '4px 0' }}>
                <span>
                  {p.name} <span className="muted">· {[p.companyName, ...p.emails, p.linkedinUrl ? 'LinkedIn' : undefined].filter(Boolean).join(' · ')}</span>
                </span>
                <button type="button" aria-label={`Merge ${p.name} into ${person.name}`} onClick={() => void run(async () => setStep({ summary: await mergeSummary(db, person.id, p.id) }))}>
                  Choose
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setStep('idle')}>
            Cancel
          </button>
        </div>
      )}
      {typeof step === 'object' && 'summary' in step && (
        <div className="card stack" role="group" aria-label="Merge">
          <p>
            {step.summary.gone.name}’s record joins {step.summary.keep.name}’s: {count(step.summary.touches, 'touch', 'touches')}, {count(step.summary.followUps, 'open follow-up')} and{' '}
            {count(step.summary.referrals, 'referral')} move{step.summary.gains.length ? `; ${step.summary.keep.name} gains ${step.summary.gains.join(', ')}` : ''}.
          </p>
          {step.summary.warnings.map((warning) => (
            <p key={warning} className="warning" role="note">
              {warning}
            </p>
          ))}
          <div className="row">
            <button
              type="button"
              className="primary"
              onClick={() =>
                void run(async () => {
                  const undo = await mergePeople(db, step.summary.keep.id, step.summary.gone.id);
                  setStep({ undo, name: step.summary.gone.name });
                })
              }
            >
              Merge
            </button>
            <button type="button" onClick={() => setStep('idle')}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {typeof step === 'object' && 'undo' in step && (
        <p role="status" className="row">
          Merged {step.name} into {person.name}.
          <button
            type="button"
            onClick={() =>
              void run(async () => {
                await undoMerge(db, step.undo);
                setStep('idle');
              })
            }
          >
            Undo merge
          </button>
        </p>
      )}
      {alert}
    </div>
  );
}
