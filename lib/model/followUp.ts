import { z } from 'zod';
import { Timestamp } from './time';
import { TouchTypeSchema } from './touch';

import { FOLLOW_UP_STATUSES } from './followUpStatus';

export { isPending, PENDING_STATUSES } from './followUpStatus';

export const FollowUpStatus = z.enum(FOLLOW_UP_STATUSES);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

export const FollowUp = z.object({
  id: z.string().min(1),
  personId: z.string().min(1),
  /** When it is due, epoch milliseconds. A snooze moves this forward. */
  dueAt: Timestamp,
  /** Why, in the rep's words ("Reply to Jane's question", "Third attempt: try a call"). */
  reason: z.string().trim().min(1).max(500),
  suggestedType: TouchTypeSchema,
  status: FollowUpStatus,
  /** How it came about: proposed by the cadence, or set by the rep. */
  origin: z.enum(['cadence', 'manual']),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  completedAt: Timestamp.optional(),
  /** How it was done: with the touch `touchId` recorded, or handled with nothing to log. */
  outcome: z.enum(['touch', 'nothing']).optional(),
  touchId: z.string().min(1).optional(),
});
export type FollowUp = z.infer<typeof FollowUp>;
