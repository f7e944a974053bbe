import { z } from 'zod';
import { SETTINGS_DEFAULTS as D } from './settingsDefaults';

/**
 * The rep's settings, one record. Every field has a default (lib/model/settingsDefaults.ts), so
 * `Settings.parse({})` is a complete, sensible configuration and a settings record written by an
 * older version gains new fields on read.
 */

const day = z.number().int().min(0).max(6); // 0 = Sunday, as Date#getDay()
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use 24-hour HH:MM');
const domain = z.string().trim().toLowerCase().min(1).max(253);

export const WorkWeek = z.object({
  /** Days the rep works; follow-ups never land on other days. Default Monday to Friday. */
  days: z.array(day).min(1).default([...D.workWeek.days]),
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
    .default(D.workWeek.timeZone),
});

export const CadenceSettings = z.object({
  /** After their message, answer within this many working days; 0 means the same working day. */
  replyWithinDays: z.number().int().min(0).max(30).default(D.cadence.replyWithinDays),
  /** Working days between unanswered outbound attempts, one entry per attempt, then repeating the last. */
  attemptIntervalsDays: z.array(z.number().int().min(1).max(365)).min(1).default([...D.cadence.attemptIntervalsDays]),
  /** After this many unanswered attempts the cadence stretches to nurture. */
  nurtureAfterAttempts: z.number().int().min(1).max(50).default(D.cadence.nurtureAfterAttempts),
  /** Calendar days between nurture touches: weeks, then months. The last entry repeats. */
  nurtureIntervalsDays: z.array(z.number().int().min(1).max(730)).min(1).default([...D.cadence.nurtureIntervalsDays]),
  /** Clients get a periodic "ask for a referral" follow-up, in days. 0 turns it off. */
  clientReferralEveryDays: z.number().int().min(0).max(730).default(D.cadence.clientReferralEveryDays),
});

/**
 * The crisis-mode brain-picker rule of DESIGN.md §2, and the chase that goes with it: when they
 * reach out (their message or call answers no attempt of the rep's in the previous
 * `answerWindowDays`), the cadence answers promptly and then chases at `chaseIntervalsDays`; the
 * rule flags them at the `attempts`-th unanswered attempt within `windowDays`.
 */
export const CrisisSettings = z.object({
  attempts: z.number().int().min(2).max(50).default(D.crisis.attempts),
  windowDays: z.number().int().min(1).max(365).default(D.crisis.windowDays),
  /** Their message answers an attempt of the rep's made within this many days before it; otherwise they reached out. */
  answerWindowDays: z.number().int().min(1).max(180).default(D.crisis.answerWindowDays),
  /** Working days between the attempts of the chase after they reached out (after the prompt reply), one per attempt. */
  chaseIntervalsDays: z.array(z.number().int().min(1).max(60)).min(1).max(30).default([...D.crisis.chaseIntervalsDays]),
  /** A notification when someone is newly flagged. */
  notify: z.boolean().default(D.crisis.notify),
});

export const DigestSettings = z.object({
  enabled: z.boolean().default(D.digest.enabled),
  /** Local time on working days. */
  time: clock.default(D.digest.time),
});

export const EmailSettings = z.object({
  /** Log sent email to saved prospects automatically (with an in-page Undo). */
  autoLog: z.boolean().default(D.email.autoLog),
  /** Log messages from saved prospects seen in webmail (threads and unread inbox rows) as replies. */
  logReplies: z.boolean().default(D.email.logReplies),
  /** The rep's own company domains: colleagues are never logged. */
  ownDomains: z.array(domain).default([...D.email.ownDomains]),
  /** Addresses or domains never to log. */
  neverLog: z.array(z.string().trim().toLowerCase().min(1).max(320)).default([...D.email.neverLog]),
});

export const OwnerNames = z.object({
  rep: z.string().max(100).default(D.owners.rep),
  manager: z.string().max(100).default(D.owners.manager),
  executive: z.string().max(100).default(D.owners.executive),
});

export const AskWarning = z.object({
  enabled: z.boolean().default(D.askWarning.enabled),
  /** Warn before an ask when the person has had fewer gives than this and never replied. */
  minGives: z.number().int().min(0).max(20).default(D.askWarning.minGives),
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
  weeklyGoal: z.number().int().min(0).max(1000).default(D.weeklyGoal),
  /** A relationship is live when a reply or meeting happened within this many days. */
  liveRelationshipDays: z.number().int().min(1).max(3650).default(D.liveRelationshipDays),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});
