import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo } from 'react';
import { db } from '../../lib/db';
import { FIT_BANDS, type Account, type IdealCustomerProfile, type Person } from '../../lib/model';
import { scoreFit, type FitResult } from '../../lib/scoring/fit';
import { subjectForPerson } from '../../lib/scoring/subjects';

/** How many saved prospects the live preview scores: enough to see the shape, instant to compute. */
export const PREVIEW_SAMPLE = 2000;

type Bucket = (typeof FIT_BANDS)[number] | 'excluded' | 'unknown';
const BUCKETS: Bucket[] = [...FIT_BANDS, 'excluded', 'unknown'];
const BUCKET_LABELS: Record<Bucket, string> = { A: 'A', B: 'B', C: 'C', D: 'D', excluded: 'Excluded', unknown: 'Not enough known' };

function bucketOf(fit: FitResult | undefined): Bucket {
  if (!fit || fit.score === undefined) return 'unknown';
  if (fit.excluded) return 'excluded';
  return fit.band!;
}

async function loadSample(): Promise<{ people: Person[]; accounts: Map<string, Account>; total: number }> {
  // In id order: ids are random, so the first few thousand are an unbiased sample of everyone.
  const [people, total] = await Promise.all([db.people.limit(PREVIEW_SAMPLE).toArray(), db.people.count()]);
  const ids = [...new Set(people.map((p) => p.accountId).filter((id): id is string => id !== undefined))];
  const accounts = new Map((await db.accounts.bulkGet(ids)).filter((a): a is Account => a !== undefined).map((a) => [a.id, a]));
  return { people, accounts, total };
}

interface Move {
  person: Person;
  from?: number;
  to?: number;
}

function Moves({ title, moves }: { title: string; moves: Move[] }) {
  const score = (n: number | undefined) => (n === undefined ? '—' : String(n));
  return (
    <div style={{ flex: 1 }}>
      <h4>{title}</h4>
      <ul className="plain small" aria-label={title}>
        {moves.length === 0 && <li className="muted">Nobody</li>}
        {moves.map(({ person, from, to }) => (
          <li key={person.id}>
            {person.name}: {score(from)} → {score(to)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The live preview while editing: how saved prospects would spread over the bands with the draft,
 * beside the saved profile, and who would gain or lose the most.
 */
export function ProfilePreview({ draft, saved }: { draft: IdealCustomerProfile; saved: IdealCustomerProfile | undefined }) {
  const sample = useLiveQuery(loadSample, []);
  const deferredDraft = useDeferredValue(draft);
  const view = useMemo(() => {
    if (!sample) return undefined;
    const before: Record<Bucket, number> = { A: 0, B: 0, C: 0, D: 0, excluded: 0, unknown: 0 };
    const after = { ...before };
    const moves: Move[] = [];
    for (const person of sample.people) {
      const subject = subjectForPerson(person, person.accountId ? sample.accounts.get(person.accountId) : undefined);
      const old = scoreFit(saved, subject);
      const next = scoreFit(deferredDraft, subject);
      before[bucketOf(old)] += 1;
      after[bucketOf(next)] += 1;
      if (old?.score !== next?.score) moves.push({ person, from: old?.score, to: next?.score });
    }
    const delta = (m: (typeof moves)[number]) => (m.to ?? 0) - (m.from ?? 0);
    const gainers = moves.filter((m) => delta(m) > 0).sort((a, b) => delta(b) - delta(a)).slice(0, 5);
    const losers = moves.filter((m) => delta(m) < 0).sort((a, b) => delta(a) - delta(b)).slice(0, 5);
    return { before, after, gainers, losers };
  }, [sample, saved, deferredDraft]);

  if (!sample || !view) return null;
  if (sample.people.length === 0) {
    return <p className="muted">Save a few prospects and this preview shows how they score.</p>;
  }
  const max = Math.max(1, ...BUCKETS.map((b) => Math.max(view.after[b], view.before[b])));
  return (
    <section className="card stack" aria-label="Preview">
      <h3>Preview</h3>
      <p className="muted small">
        {sample.total > sample.people.length ? `A sample of ${sample.people.length} of ${sample.total} saved prospects` : `All ${sample.total} saved prospects`}, with this draft (and
        as saved).
      </p>
      <table className="distribution" aria-label="Score distribution">
        <tbody>
          {BUCKETS.map((bucket) => (
            <tr key={bucket} data-bucket={bucket}>
              <th scope="row">{BUCKET_LABELS[bucket]}</th>
              <td style={{ width: '100%' }}>
                <div className="bar" style={{ width: `${(100 * view.after[bucket]) / max}%` }} />
              </td>
              <td className="count">{view.after[bucket]}</td>
              <td className="muted small">({view.before[bucket]})</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row" style={{ alignItems: 'flex-start' }}>
        <Moves title="Gain most" moves={view.gainers} />
        <Moves title="Lose most" moves={view.losers} />
      </div>
    </section>
  );
}
