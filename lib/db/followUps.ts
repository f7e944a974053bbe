import { FollowUp, type TouchType } from '../model';
import type { GroundworkDB } from './db';
import { newId } from './ids';

export { followUpsDueBefore } from './dueFollowUps';

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
