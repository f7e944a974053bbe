import { z } from 'zod';
import { Timestamp } from './time';
import { TOUCH_TYPES } from './touchTypes';

export const TouchTypeSchema = z.enum(TOUCH_TYPES);
export const TouchIntentSchema = z.enum(['give', 'ask', 'neutral']);
export const TouchDirectionSchema = z.enum(['outbound', 'inbound']);
export const LoggedBy = z.enum(['automatic', 'one-click', 'manual']);
export type LoggedBy = z.infer<typeof LoggedBy>;

export const Touch = z.object({
  id: z.string().min(1),
  personId: z.string().min(1),
  /** Copied from the person when logged, so account views need no join. */
  accountId: z.string().min(1).optional(),
  /** When the touch happened, epoch milliseconds. */
  at: Timestamp,
  type: TouchTypeSchema,
  direction: TouchDirectionSchema,
  /** Defaults from the catalogue; stored so a later catalogue change does not rewrite history. */
  intent: TouchIntentSchema,
  subject: z.string().trim().max(500).optional(),
  note: z.string().max(20_000).optional(),
  /** For outbound touches: did the prospect answer it? Set when an inbound touch follows. */
  answered: z.boolean(),
  minutes: z.number().int().min(0).max(24 * 60).optional(),
  /**
   * The rep's word on whether this message or call of theirs was them reaching out with a problem
   * (true) or not (false); absent, Groundwork judges by whether it answers a recent attempt.
   */
  reachedOut: z.boolean().optional(),
  freeAdvice: z.boolean(),
  loggedBy: LoggedBy,
  /**
   * Where the touch came from, e.g. `gmail:msg:<id>`: unique, so the same email or reply is never
   * logged twice. Absent for touches logged by hand.
   */
  sourceKey: z.string().min(1).max(500).optional(),
  createdAt: Timestamp,
});
export type Touch = z.infer<typeof Touch>;
