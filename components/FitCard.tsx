import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { activeProfile, db } from '../lib/db';
import type { IdealCustomerProfile } from '../lib/model';
import { describeFit, profileIsSet, scoreFit, type FitResult, type FitSubject } from '../lib/scoring/fit';

const STATUS_MARK = { matched: '✓', missed: '✗', unknown: '?' } as const;
const STATUS_TEXT = { matched: 'matched', missed: 'missed', unknown: 'unknown' } as const;

/** The active ideal customer profile, `null` when there is none (undefined while loading). */
export function useActiveProfile(): IdealCustomerProfile | null | undefined {
  return useLiveQuery(async () => (await activeProfile(db)) ?? null, []);
}

export function FitView({ fit }: { fit: FitResult }) {
  const headline = fit.excluded
    ? 'Excluded'
    : fit.score !== undefined
      ? `Fit ${fit.score} · ${describeFit(fit)}`
      : 'Fit not known yet';
  return (
    <section className="card stack" aria-label="Fit to your ideal customer">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <strong data-testid="fit-headline">{headline}</strong>
        {fit.band && !fit.excluded && <span className={`badge band-${fit.band}`}>{fit.band}</span>}
      </div>
      {fit.excluded && <p className="warning">{fit.excluded}</p>}
      <ul className="plain small" aria-label="Why">
        {fit.criteria.map((c) => (
          <li key={c.id} data-status={c.status} style={{ padding: '2px 0' }}>
            <span aria-hidden="true">{STATUS_MARK[c.status]}</span> <strong>{c.label}</strong>{' '}
            <span className="visually-hidden">{STATUS_TEXT[c.status]}:</span>
            <span className={c.status === 'matched' ? '' : 'muted'}>{c.evidence}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The fit of `subject` against the active profile, or a prompt to set one up. */
export function FitCard({ subject }: { subject: FitSubject }) {
  const profile = useActiveProfile();
  if (profile === undefined) return null;
  if (!profileIsSet(profile ?? undefined)) {
    return (
      <section className="card" aria-label="Fit to your ideal customer">
        <p data-testid="fit-prompt">
          No ideal customer profile yet, so no fit score.{' '}
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            Set one up
          </button>
        </p>
      </section>
    );
  }
  const fit = scoreFit(profile ?? undefined, subject);
  return fit ? <FitView fit={fit} /> : null;
}
