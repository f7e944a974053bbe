import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../lib/db';
import { PENDING_STATUSES, touchTypeInfo } from '../lib/model';
import { formatDue } from './format';

/** The person's next open or snoozed follow-up, or a plain "none". */
export function NextFollowUp({ personId }: { personId: string }) {
  const next = useLiveQuery(
    async () => {
      const pending = await db.followUps
        .where('personId')
        .equals(personId)
        .filter((f) => (PENDING_STATUSES as readonly string[]).includes(f.status))
        .toArray();
      return { followUp: pending.sort((a, b) => a.dueAt - b.dueAt)[0] };
    },
    [personId],
  );
  if (!next) return null;
  if (!next.followUp) return <p className="muted" data-testid="next-follow-up">No follow-up scheduled.</p>;
  const { followUp } = next;
  return (
    <p data-testid="next-follow-up">
      <strong>{followUp.reason}</strong>{' '}
      <span className="muted small">
        · {touchTypeInfo(followUp.suggestedType).label} · {formatDue(followUp.dueAt)}
      </span>
    </p>
  );
}
