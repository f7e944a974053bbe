import { reachesThem, type Touch } from '../model';

/**
 * Crisis-mode brain-pickers (DESIGN.md §2): the relationship began, or restarted, with the
 * prospect reaching out; since their last message the rep has made at least N outbound attempts
 * within at most D days, with no reply. The seeds' story — they called in a crisis, got thirty
 * minutes of advice, then ten attempts over three weeks went unanswered — is flagged at the
 * sixth attempt with the defaults (N = 6, D = 21).
 */

/** After this long without any touch, the next touch starts a new episode of the relationship. */
export const RESTART_AFTER_DAYS = 90;
const DAY = 86_400_000;

/**
 * A touch where the prospect took part: their message, a meeting, or a conversation in which
 * the rep gave advice. These reset the count of unanswered attempts.
 */
export function isTwoWay(touch: Pick<Touch, 'direction' | 'type' | 'freeAdvice'>): boolean {
  return touch.direction === 'inbound' || touch.type === 'meeting' || touch.freeAdvice;
}

export interface BrainPickerEvaluation {
  flagged: boolean;
  /** When they reached out to begin (or restart) the relationship. */
  reachedOutAt?: number;
  /** Unanswered outbound attempts since their last message or conversation. */
  attempts: number;
  firstAttemptAt?: number;
  lastAttemptAt?: number;
  /** When the rule was met (the N-th attempt inside the window). */
  flaggedAt?: number;
  /** Free-advice minutes given, all time and in this episode. */
  adviceMinutes: number;
  episodeAdviceMinutes: number;
}

export function evaluateBrainPicker(
  touches: readonly Touch[],
  { attempts: threshold, windowDays }: { attempts: number; windowDays: number },
): BrainPickerEvaluation {
  // The rep's own research is no contact: never an attempt, never their answer.
  const sorted = touches.filter(reachesThem).sort((a, b) => a.at - b.at);
  const adviceMinutes = sorted.reduce((sum, t) => sum + (t.freeAdvice ? (t.minutes ?? 0) : 0), 0);

  let start = 0;
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.at - sorted[i - 1]!.at >= RESTART_AFTER_DAYS * DAY) start = i;
  }
  const episode = sorted.slice(start);
  const episodeAdviceMinutes = episode.reduce((sum, t) => sum + (t.freeAdvice ? (t.minutes ?? 0) : 0), 0);
  const first = episode[0];
  const startedByThem = first?.direction === 'inbound';

  let lastTwoWay = -1;
  episode.forEach((t, i) => {
    if (isTwoWay(t)) lastTwoWay = i;
  });
  const attempts = episode.slice(lastTwoWay + 1).filter((t) => t.direction === 'outbound' && !isTwoWay(t));

  let flaggedAt: number | undefined;
  if (startedByThem) {
    for (let k = 0; k + threshold - 1 < attempts.length; k++) {
      const nth = attempts[k + threshold - 1]!;
      if (nth.at - attempts[k]!.at <= windowDays * DAY) {
        flaggedAt = nth.at;
        break;
      }
    }
  }
  return {
    flagged: flaggedAt !== undefined,
    reachedOutAt: startedByThem ? first!.at : undefined,
    attempts: attempts.length,
    firstAttemptAt: attempts[0]?.at,
    lastAttemptAt: attempts[attempts.length - 1]?.at,
    flaggedAt,
    adviceMinutes,
    episodeAdviceMinutes,
  };
}
