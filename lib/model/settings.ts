import { z } from 'zod';

/**
 * The rep's settings, one record. Every field has a default, so `Settings.parse({})` is a complete,
 * sensible configuration and a settings record written by an older version gains new fields on
 * read. The defaults are documented here and nowhere else.
 */

const day = z.number().int().min(0).max(6); // 0 = Sunday, as Date#getDay()
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use 24-hour HH:MM');
const domain = z.string().trim().toLowerCase().min(1).max(253);

export const WorkWeek = z.object({
  /** Days the rep works; follow-ups never land on other days. Default Monday to Friday. */
  days: z.array(day).min(1).default([1, 2, 3, 4, 5]),
  /** IANA time zone; empty means the browser's own. */
  timeZone: z
    .string()
    .max(64)
    .refine((zone) => {
      if (!zone) return true;
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'Not a time zone')
    .default(''),
});

export const CadenceSettings = z.object({
  /** After their message, answer within this many working days; 0 means the same working day. */
  replyWithinDays: z.number().int().min(0).max(30).default(0),
  /** Working days between unanswered outbound attempts, one entry per attempt, then repeating the last. */
  attemptIntervalsDays: z.array(z.number().int().min(1).max(365)).min(1).default([3, 4, 5, 7, 10]),
  /** After this many unanswered attempts the cadence stretches to nurture. */
  nurtureAfterAttempts: z.number().int().min(1).max(50).default(6),
  /** Calendar days between nurture touches: weeks, then months. The last entry repeats. */
  nurtureIntervalsDays: z.array(z.number().int().min(1).max(730)).min(1).default([21, 45, 90]),
  /** Clients get a periodic "ask for a referral" follow-up, in days. 0 turns it off. */
  clientReferralEveryDays: z.number().int().min(0).max(730).default(180),
});

/** The crisis-mode brain-picker rule of DESIGN.md §2: N unanswered attempts within D days. */
export const CrisisSettings = z.object({
  attempts: z.number().int().min(2).max(50).default(6),
  windowDays: z.number().int().min(1).max(365).default(21),
});

export const DigestSettings = z.object({
  enabled: z.boolean().default(true),
  /** Local time on working days. */
  time: clock.default('08:30'),
});

export const EmailSettings = z.object({
  /** Log sent email to saved prospects automatically (with an in-page Undo). */
  autoLog: z.boolean().default(true),
  /** The rep's own company domains: colleagues are never logged. */
  ownDomains: z.array(domain).default([]),
  /** Addresses or domains never to log. */
  neverLog: z.array(z.string().trim().toLowerCase().min(1).max(320)).default([]),
});

export const OwnerNames = z.object({
  rep: z.string().max(100).default(''),
  manager: z.string().max(100).default(''),
  executive: z.string().max(100).default(''),
});

export const AskWarning = z.object({
  enabled: z.boolean().default(true),
  /** Warn before an ask when the person has had fewer gives than this and never replied. */
  minGives: z.number().int().min(0).max(20).default(2),
});

export const Settings = z.object({
  activeProfileId: z.string().min(1).optional(),
  workWeek: WorkWeek.prefault({}),
  cadence: CadenceSettings.prefault({}),
  crisis: CrisisSettings.prefault({}),
  digest: DigestSettings.prefault({}),
  email: EmailSettings.prefault({}),
  owners: OwnerNames.prefault({}),
  askWarning: AskWarning.prefault({}),
  /** New ideal-fit prospects to touch each week. */
  weeklyGoal: z.number().int().min(0).max(1000).default(10),
  /** A relationship is live when a reply or meeting happened within this many days. */
  liveRelationshipDays: z.number().int().min(1).max(3650).default(180),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});
