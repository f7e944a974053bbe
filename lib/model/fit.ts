import { z } from 'zod';

export const FIT_BANDS = ['A', 'B', 'C', 'D'] as const;
export const FitBand = z.enum(FIT_BANDS);
export type FitBand = z.infer<typeof FitBand>;

export const FitConfidence = z.enum(['high', 'medium', 'low']);
export type FitConfidence = z.infer<typeof FitConfidence>;

/**
 * A person's fit as last computed against the active ideal customer profile, stored (table
 * `fits`) for ordering and lists. `profileKey` says which profile version produced it, so a
 * changed profile is re-scored in the background. Score and band are absent when too little was
 * known to score.
 */
export const FitSummary = z.object({
  score: z.number().int().min(0).max(100).optional(),
  band: FitBand.optional(),
  confidence: FitConfidence,
  excluded: z.boolean(),
  profileKey: z.string().min(1),
});
export type FitSummary = z.infer<typeof FitSummary>;

export const FitRow = FitSummary.extend({ personId: z.string().min(1) });
export type FitRow = z.infer<typeof FitRow>;
