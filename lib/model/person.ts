import { z } from 'zod';
import { Timestamp } from './time';
import { EmailAddress } from './email';

/** Seniority levels, highest first; derived from titles (lib/scoring, issue 4) or set by hand. */
export const SENIORITY_LEVELS = ['executive', 'vp', 'director', 'manager', 'individual'] as const;
export const SeniorityLevel = z.enum(SENIORITY_LEVELS);
export type SeniorityLevel = z.infer<typeof SeniorityLevel>;

/** Main stages of a relationship, then the side states a prospect can be parked in. */
export const STAGES = [
  'target',
  'engaged',
  'opportunity',
  'client',
  'nurture',
  'back-burner',
  'not-a-fit',
] as const;
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

export const PersonSource = z.enum(['linkedin', 'email', 'import', 'referral', 'manual']);
export type PersonSource = z.infer<typeof PersonSource>;

/** Who on our side owns the relationship (names are set in options). */
export const OWNER_ROLES = ['rep', 'manager', 'executive'] as const;
export const OwnerRole = z.enum(OWNER_ROLES);
export type OwnerRole = z.infer<typeof OwnerRole>;

export const PersonFlag = z.enum(['brain-picker', 'do-not-contact']);
export type PersonFlag = z.infer<typeof PersonFlag>;

/**
 * What Groundwork remembers about a crisis-mode brain-picker (DESIGN.md §2): the last episode,
 * how many there have been, and whether they have reached out again since.
 */
export const BrainPickerRecord = z.object({
  episodes: z.number().int().min(1),
  flaggedAt: Timestamp,
  /** When they reached out (the episode's start); absent for a gut call on someone who never wrote. */
  reachedOutAt: Timestamp.optional(),
  attempts: z.number().int().nonnegative(),
  firstAttemptAt: Timestamp.optional(),
  lastAttemptAt: Timestamp.optional(),
  adviceMinutes: z.number().int().nonnegative(),
  /** The stage before they were put on the back burner, restored on re-engaging. */
  previousStage: z.enum(['target', 'engaged', 'opportunity', 'client', 'nurture', 'back-burner', 'not-a-fit']),
  /** Set when a flagged person reaches out again; cleared by the rep's choice. */
  returnedAt: Timestamp.optional(),
  /** Their message the rep last decided on, so the same message never asks twice. */
  acknowledgedAt: Timestamp.optional(),
  decision: z.enum(['re-engaged', 'kept', 'cleared']).optional(),
  /**
   * How they came to the back burner: the crisis rule (absent), or the rep's gut call — "Mark as
   * brain-picker" or "Put on the back burner" (seed 004: "going with your gut").
   */
  call: z.enum(['brain-picker', 'back-burner']).optional(),
  /** When Groundwork (or the rep) put them there: `flaggedAt` is the attempt that met the rule, maybe logged later. */
  raisedAt: Timestamp.optional(),
  /** When the newly-flagged notification was shown (once per episode). */
  notifiedAt: Timestamp.optional(),
  /** The rep's own research time before and during the episode, counted apart from free advice. */
  researchMinutes: z.number().int().nonnegative().optional(),
});
export type BrainPickerRecord = z.infer<typeof BrainPickerRecord>;

/** A phone number as people write one: digits, a leading +, spaces, dots, dashes, brackets, an extension. */
export const PhoneNumber = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^\+?[\d\s().\-/]*\d[\d\s().\-/]*(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i, 'not a phone number');

/** Limits keep hostile page text from bloating the database. */
const name = z.string().trim().min(1).max(200);
const shortText = z.string().trim().min(1).max(500);

export const Person = z.object({
  id: z.string().min(1),
  name,
  headline: shortText.optional(),
  title: shortText.optional(),
  seniority: SeniorityLevel.optional(),
  accountId: z.string().min(1).optional(),
  /** The company name as last seen, kept even when no Account record exists yet. */
  companyName: shortText.optional(),
  location: shortText.optional(),
  /** Canonical `https://www.linkedin.com/in/<slug>/` (lib/sites/linkedin/url.ts). */
  linkedinUrl: z.string().startsWith('https://www.linkedin.com/in/').optional(),
  /** Lower-cased addresses; identity together with linkedinUrl. */
  emails: z.array(EmailAddress),
  source: PersonSource,
  referredById: z.string().min(1).optional(),
  stage: Stage,
  flags: z.array(PersonFlag),
  tags: z.array(z.string().trim().min(1).max(60)),
  notes: z.string().max(20_000).optional(),
  /** Phone numbers as the rep typed them ("+44 20 7946 0958", "(614) 555-0134 ext. 12"). */
  phones: z.array(PhoneNumber).max(10).optional(),
  owner: OwnerRole,
  brainPicker: BrainPickerRecord.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Person = z.infer<typeof Person>;
