import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db, timeline, type TimelineCursor } from '../lib/db';
import { touchTypeInfo, type Touch } from '../lib/model';
import { ErrorCard } from './ErrorCard';
import { formatWhen } from './format';

const PAGE = 20;

function TouchRow({ touch }: { touch: Touch }) {
  const info = touchTypeInfo(touch.type);
  return (
    <>
      <div className="row">
        <strong>{info.label}</strong>
        <span className="badge">{touch.direction === 'inbound' ? 'from them' : 'from you'}</span>
        {touch.intent !== 'neutral' && <span className="badge">{touch.intent}</span>}
        <span className="muted small">{formatWhen(touch.at)}</span>
      </div>
      {touch.subject && <div>{touch.subject}</div>}
      {touch.note && <div className="muted">{touch.note}</div>}
    </>
  );
}

/** A person's touches, newest first; "Show older" pages through with a keyset cursor. */
export function Timeline({ personId }: { personId: string }) {
  const [pages, setPages] = useState<TimelineCursor[]>([]);
  const first = useLiveQuery(() => timeline(db, personId, { limit: PAGE }), [personId]);
  const older = useLiveQuery(
    async () => Promise.all(pages.map((after) => timeline(db, personId, { limit: PAGE, after }))),
    [personId, pages],
  );
  if (!first || !older) return null;
  const all = [first, ...older];
  const last = all[all.length - 1];
  const touches = all.flatMap((page) => page.touches);
  if (touches.length === 0) return <p className="muted" data-testid="timeline-empty">No touches yet.</p>;
  return (
    <div>
      <ul className="plain timeline" aria-label="Touch timeline">
        {touches.map((touch) => (
          // One touch that cannot be drawn shows as a card in its place; the others still show.
          <li key={touch.id} className="touch" data-touch-type={touch.type}>
            <ErrorCard what="This touch">
              <TouchRow touch={touch} />
            </ErrorCard>
          </li>
        ))}
      </ul>
      {last?.next && (
        <button type="button" onClick={() => setPages((p) => [...p, last.next!])}>
          Show older
        </button>
      )}
    </div>
  );
}
