import type { Settings } from './settings';

/**
 * Every setting's default, in one place. Plain data (no Zod) so pages that only read settings can
 * load without the validation library; lib/model/settings.ts builds its schema's defaults from
 * this, and a test holds the two equal.
 */
export const SETTINGS_DEFAULTS = {
  workWeek: { days: [1, 2, 3, 4, 5], timeZone: '' },
  cadence: {
    replyWithinDays: 0,
    attemptIntervalsDays: [3, 4, 5, 7, 10],
    nurtureAfterAttempts: 6,
    nurtureIntervalsDays: [21, 45, 90],
    clientReferralEveryDays: 180,
  },
  crisis: { attempts: 6, windowDays: 21, answerWindowDays: 14, chaseIntervalsDays: [1, 1, 2, 1, 2, 2, 2, 2, 2], notify: true },
  digest: { enabled: true, time: '08:30' },
  email: { autoLog: true, logReplies: true, ownDomains: [], neverLog: [] },
  owners: { rep: '', manager: '', executive: '' },
  askWarning: { enabled: true, minGives: 2 },
  weeklyGoal: 10,
  liveRelationshipDays: 180,
} as const;

/**
 * Settings as stored, with defaults for anything missing: for read-only pages. Stored settings
 * are validated when written (lib/db/settings.ts), so reading needs no second check.
 */
export function withDefaults(stored: unknown): Settings {
  const value = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...value };
  for (const [key, fallback] of Object.entries(SETTINGS_DEFAULTS)) {
    const own = value[key];
    merged[key] =
      typeof fallback === 'object' && !Array.isArray(fallback)
        ? { ...fallback, ...(own && typeof own === 'object' ? own : {}) }
        : (own ?? fallback);
  }
  return merged as Settings;
}
