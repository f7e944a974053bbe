import { useState, type FormEvent } from 'react';
import { IdealCustomerProfile, SENIORITY_LEVELS, SIZE_BANDS } from '../../lib/model';
import { CRITERION_LABELS, type CriterionId } from '../../lib/scoring/fit';
import { SENIORITY_LABELS } from '../../lib/scoring/seniority';
import { ProfilePreview } from './ProfilePreview';
import { TagInput } from './TagInput';

const WEIGHTED: CriterionId[] = ['industry', 'size', 'seniority', 'title', 'location', 'keywords'];

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/**
 * Edits one ideal customer profile as a draft: nothing is stored until Save, and the preview
 * shows what the draft would do to saved prospects while the rep types.
 */
export function ProfileEditor({
  profile,
  onSave,
}: {
  profile: IdealCustomerProfile;
  onSave(profile: IdealCustomerProfile): Promise<void>;
}) {
  const [draft, setDraft] = useState(profile);
  const [base, setBase] = useState(profile);
  const [status, setStatus] = useState<{ kind: 'saved' } | { kind: 'error'; text: string }>();
  // A newly stored version (our own Save, or another tab's) becomes the new starting point.
  if (profile.updatedAt !== base.updatedAt) {
    setBase(profile);
    setDraft(profile);
  }
  const set = (patch: Partial<IdealCustomerProfile>) => {
    setStatus(undefined);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const dirty = JSON.stringify(draft) !== JSON.stringify(profile);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = IdealCustomerProfile.safeParse(draft);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setStatus({ kind: 'error', text: `${issue?.path.join(' › ')}: ${issue?.message}` });
      return;
    }
    try {
      await onSave(parsed.data);
      setStatus({ kind: 'saved' });
    } catch (e) {
      setStatus({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <div className="profile-layout">
      <form className="stack" onSubmit={submit} aria-label="Ideal customer profile">
        <label>
          <strong>Profile name</strong>
          <br />
          <input value={draft.name} onChange={(e) => set({ name: e.target.value })} aria-label="Profile name" />
        </label>

        <fieldset className="card stack">
          <legend>Companies</legend>
          <TagInput
            label="Industries to include"
            hint="matched in the company’s LinkedIn industry"
            values={draft.industries.include}
            onChange={(include) => set({ industries: { ...draft.industries, include } })}
          />
          <TagInput
            label="Industries to exclude"
            values={draft.industries.exclude}
            onChange={(exclude) => set({ industries: { ...draft.industries, exclude } })}
          />
          <div role="group" aria-label="Company sizes">
            <strong>Company sizes</strong>
            <div className="row">
              {SIZE_BANDS.map((band) => (
                <label key={band}>
                  <input type="checkbox" checked={draft.sizeBands.includes(band)} onChange={() => set({ sizeBands: toggle(draft.sizeBands, band) })} />{' '}
                  {band}
                </label>
              ))}
            </div>
          </div>
        </fieldset>

        <fieldset className="card stack">
          <legend>People</legend>
          <div role="group" aria-label="Seniority levels">
            <strong>Seniority levels</strong>
            <div className="row">
              {SENIORITY_LEVELS.map((level) => (
                <label key={level}>
                  <input type="checkbox" checked={draft.seniorities.includes(level)} onChange={() => set({ seniorities: toggle(draft.seniorities, level) })} />{' '}
                  {SENIORITY_LABELS[level]}
                </label>
              ))}
            </div>
          </div>
          <TagInput label="Title keywords" hint="e.g. operations, plant, IT" values={draft.titleKeywords} onChange={(titleKeywords) => set({ titleKeywords })} />
        </fieldset>

        <fieldset className="card stack">
          <legend>Territory and keywords</legend>
          <TagInput label="Locations" hint="countries, regions or cities" values={draft.locations} onChange={(locations) => set({ locations })} />
          <TagInput label="Keywords" hint="matched in headline and company" values={draft.keywords} onChange={(keywords) => set({ keywords })} />
        </fieldset>

        <fieldset className="card stack">
          <legend>Never prospect</legend>
          <label>
            <input type="checkbox" checked={draft.exclusions.students} onChange={(e) => set({ exclusions: { ...draft.exclusions, students: e.target.checked } })} /> Students and
            interns
          </label>
          <label>
            <input type="checkbox" checked={draft.exclusions.recruiters} onChange={(e) => set({ exclusions: { ...draft.exclusions, recruiters: e.target.checked } })} /> Recruiters
          </label>
          <TagInput
            label="Companies"
            hint="competitors and others never to prospect"
            values={draft.exclusions.companies}
            onChange={(companies) => set({ exclusions: { ...draft.exclusions, companies } })}
          />
        </fieldset>

        <fieldset className="card stack">
          <legend>Weights</legend>
          <p className="muted small">How much each criterion counts, 0 (ignore) to 10. Unknowns never count against a prospect; they lower the confidence.</p>
          {WEIGHTED.map((id) => (
            <label key={id} className="row">
              <span style={{ width: 130 }}>{CRITERION_LABELS[id]}</span>
              <input
                type="range"
                min={0}
                max={10}
                step={1}
                value={draft.weights[id]}
                aria-label={`Weight: ${CRITERION_LABELS[id]}`}
                onChange={(e) => set({ weights: { ...draft.weights, [id]: e.target.valueAsNumber } })}
              />
              <output>{draft.weights[id]}</output>
            </label>
          ))}
        </fieldset>

        <div className="row">
          <button type="submit" className="primary" disabled={!dirty}>
            Save profile
          </button>
          <button type="button" disabled={!dirty} onClick={() => setDraft(profile)}>
            Discard changes
          </button>
          {status?.kind === 'saved' && <span role="status">Saved. Prospects are being re-scored.</span>}
          {status?.kind === 'error' && (
            <span role="alert" className="error">
              Not saved: {status.text}
            </span>
          )}
        </div>
      </form>
      <ProfilePreview draft={draft} saved={profile} />
    </div>
  );
}
