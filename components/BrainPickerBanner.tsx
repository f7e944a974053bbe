import { useState } from 'react';
import { decideOnReturn } from '../lib/cadence/followUps';
import { db } from '../lib/db';
import type { Person } from '../lib/model';
import { formatWhen } from './format';
import { notifyDataChanged } from './notify';

const hours = (minutes: number) => (minutes >= 90 ? `${Math.round(minutes / 6) / 10} hours` : `${minutes} minutes`);

/**
 * The crisis-mode brain-picker banner: when they reached out, the attempts that went unanswered,
 * the free advice given. When they reach out again, what happened last time, and a choice.
 */
export function BrainPickerBanner({ person }: { person: Person }) {
  const [error, setError] = useState<string>();
  const record = person.brainPicker;
  if (!record || (!person.flags.includes('brain-picker') && record.returnedAt === undefined)) return null;
  const days = record.firstAttemptAt !== undefined && record.lastAttemptAt !== undefined ? Math.max(1, Math.round((record.lastAttemptAt - record.firstAttemptAt) / 86_400_000)) : undefined;
  const story = `Reached out ${formatWhen(record.reachedOutAt)}, took ${hours(record.adviceMinutes)} of free advice, then left ${record.attempts} attempts unanswered${days ? ` over ${days} days` : ''}.`;
  const decide = async (decision: 're-engaged' | 'kept') => {
    try {
      await decideOnReturn(db, person.id, decision);
      notifyDataChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className="warning stack" role="region" aria-label="Crisis-mode brain-picker">
      {record.returnedAt !== undefined ? (
        <>
          <strong>{person.name} reached out again ({formatWhen(record.returnedAt)}).</strong>
          <span>Last time: {story}</span>
          {record.episodes > 1 && <span>This has happened {record.episodes} times.</span>}
          <div className="row">
            <button type="button" onClick={() => void decide('re-engaged')}>
              Re-engage
            </button>
            <button type="button" onClick={() => void decide('kept')}>
              Keep on the back burner
            </button>
          </div>
        </>
      ) : (
        <>
          <strong>Crisis-mode brain-picker — on the back burner.</strong>
          <span>{story}</span>
          {record.episodes > 1 && <span>Episode {record.episodes}.</span>}
          <span className="small">Only a long-interval check-in stays scheduled.</span>
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
