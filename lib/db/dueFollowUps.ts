import Dexie from 'dexie';
import type { FollowUp } from '../model';
import { PENDING_STATUSES } from '../model/followUpStatus';
import type { GroundworkDB } from './db';

/**
 * Open and snoozed follow-ups due before `time`, soonest first: the popup's "overdue and due
 * today". Two range reads on [status+dueAt], merged; never a table scan. Zod-free, so the popup's
 * first load carries no validation code.
 */
export async function followUpsDueBefore(db: GroundworkDB, time: number, { limit = 500 }: { limit?: number } = {}): Promise<FollowUp[]> {
  const perStatus = await Promise.all(
    PENDING_STATUSES.map((status) =>
      db.followUps
        .where('[status+dueAt]')
        .between([status, Dexie.minKey], [status, time], true, false)
        .limit(limit)
        .toArray(),
    ),
  );
  return perStatus
    .flat()
    .sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id))
    .slice(0, limit);
}
