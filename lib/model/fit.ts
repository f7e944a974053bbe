import { z } from 'zod';

export const FIT_BANDS = ['A', 'B', 'C', 'D'] as const;
export const FitBand = z.enum(FIT_BANDS);
export type FitBand = z.infer<typeof FitBand>;

export const FitConfidence = z.enum(['high', 'medium', 'low']);
export type FitConfidence = z.infer<typeof FitConfidence>;

/**
 * A person's fit as last computed against the active ideal customer profile, stored (table
 * `fits`) for ordering and lists. Score and band are absent when too little was known to score.
 * Which profile version the fits are current for is recorded once (settings row "scoring"), not
 * per row: after a profile change only the fits that changed are written (lib/scoring/rescore.ts).
 * `profileKey` is kept by rows written before that, and read by nothing.
 */
export const FitSummary = z.object({
  score: z.number().int().min(0).max(100).optional(),
  band: FitBand.optional(),
  confidence: FitConfidence,
  excluded: z.boolean(),
  profileKey: z.string().min(1).optional(),
});
export type FitSummary = z.infer<typeof FitSummary>;

export const FitRow = FitSummary.extend({ personId: z.string().min(1) });
export type FitRow = z.infer<typeof FitRow>;
