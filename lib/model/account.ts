import { z } from 'zod';
import { Timestamp } from './time';
import { SIZE_BANDS } from './sizeBands';

export { SIZE_BANDS } from './sizeBands';

export const SizeBand = z.enum(SIZE_BANDS);
export type SizeBand = z.infer<typeof SizeBand>;

const shortText = z.string().trim().min(1).max(500);

export const Account = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  /** Canonical `https://www.linkedin.com/company/<slug>/`. */
  linkedinUrl: z.string().startsWith('https://www.linkedin.com/company/').optional(),
  /** Lower-cased web domains without "www.", e.g. "acme.example". */
  domains: z.array(z.string().trim().toLowerCase().min(1).max(253)),
  industry: shortText.optional(),
  sizeBand: SizeBand.optional(),
  location: shortText.optional(),
  website: z.string().max(2000).optional(),
  /** The rep's own notes on the account. */
  notes: z.string().max(20_000).optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Account = z.infer<typeof Account>;
