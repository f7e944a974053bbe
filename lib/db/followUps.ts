import Dexie from 'dexie';
import { FollowUp, PENDING_STATUSES, type TouchType } from '../model';
import type { GroundworkDB } from './db';
import { newId } from './ids';

/**
 * Open and snoozed follow-ups due before `time`, soonest first: the popup's "overdue and due
 * today". Two range reads on [status+dueAt], merged; never a table scan.
 */
export async function followUpsDueBefore(
  db: GroundworkDB,
  time: number,
  { limit = 500 }: { limit?: number } = {},
): Promise<FollowUp[]> {
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

export interface NewFollowUp {
  personId: string;
  dueAt: number;
  reason: string;
  suggestedType: TouchType;
  origin: FollowUp['origin'];
}

export async function addFollowUp(
  db: GroundworkDB,
  input: NewFollowUp,
  now: number = Date.now(),
): Promise<FollowUp> {
  const followUp = FollowUp.parse({ ...input, id: newId(), status: 'open', createdAt: now, updatedAt: now });
  await db.transaction('rw', db.people, db.followUps, async () => {
    if (!(await db.people.get(input.personId))) throw new Error(`No person with id ${input.personId}`);
    await db.followUps.add(followUp);
  });
  return followUp;
}
