import type { Settings, Touch } from '../model';
import { evaluateBrainPicker } from './brainPicker';
import { proposeFollowUp } from './propose';

/**
 * What the crisis settings mean together (issue 17): a prospect reaches out, and the rep does
 * exactly what Groundwork proposes — the prompt reply, then the chase — and hears nothing back.
 * Is that prospect flagged, at which attempt, how many days after they reached out? Worked out by
 * running the cadence and the rule themselves, so the options page says what will happen, and
 * warns when a combination could never flag anyone.
 */

const DAY = 86_400_000;
/** Attempts followed at most: far past any chase. */
const MAX_STEPS = 40;

export interface ChaseRun {
  /** The attempt at which they were flagged (1 = the reply), if they were. */
  flaggedAtAttempt?: number;
  /** Calendar days from their message to the flag. */
  days?: number;
  /** When each attempt fell, for the record. */
  attemptTimes: number[];
}

/** Follows Groundwork's proposals after they reached out at `reachedOutAt`, until flagged or `MAX_STEPS`. */
export function followTheChase(settings: Settings, reachedOutAt: number): ChaseRun {
  const person = {
    // Stryker disable next-line StringLiteral: the name only goes into the proposals' reasons, which the chase does not read
    name: 'Prospect',
    stage: 'target' as const,
    flags: [] as 'brain-picker'[],
  };
  // Stryker disable next-line StringLiteral: any message of theirs reaches out alike (the chase reads when, not which type)
  const message: Touch['type'] = 'inbound-message';
  const touches: Touch[] = [touch(message, 'inbound', reachedOutAt, 0)];
  const attemptTimes: number[] = [];
  for (let step = 1; step <= MAX_STEPS; step++) {
    const proposal = proposeFollowUp(person, touches, settings);
    // Stryker disable next-line ConditionalExpression: a target with a history always gets a proposal; the guard only narrows the type
    if (!proposal) break;
    touches.push(touch(proposal.suggestedType, 'outbound', Math.max(proposal.dueAt, reachedOutAt), step));
    attemptTimes.push(proposal.dueAt);
    const rule = evaluateBrainPicker(touches, settings.crisis);
    // Stryker disable next-line LogicalOperator: a flagged evaluation always has flaggedAt (this very attempt), so the fallback is never taken
    if (rule.flagged) return { flaggedAtAttempt: step, days: Math.round(((rule.flaggedAt ?? proposal.dueAt) - reachedOutAt) / DAY), attemptTimes };
  }
  return { attemptTimes };
}

function touch(type: Touch['type'], direction: Touch['direction'], at: number, n: number): Touch {
  // Stryker disable StringLiteral: the cadence and the rule read no touch's id, owner or logger, and count only intents that are a give
  return {
    id: `t${n}`,
    personId: 'p',
    at,
    type,
    direction,
    intent: 'neutral',
    // Stryker disable next-line BooleanLiteral: neither the cadence nor the rule reads the answered mark; they work it out from the touches
    answered: false,
    freeAdvice: false,
    loggedBy: 'one-click',
    createdAt: at,
  };
  // Stryker restore StringLiteral
}

export type ChaseOutlook =
  | { kind: 'flagged'; attempt: number; days: number }
  | { kind: 'sometimes'; attempt: number; days: number }
  | { kind: 'never' };

/**
 * Over the seven days of a week they may reach out on (working days and weekends move the chase):
 * flagged every time (at the latest attempt and day it takes), only on some days, or never.
 */
export function chaseOutlook(settings: Settings, reference: number = Date.UTC(2026, 10, 2, 10)): ChaseOutlook {
  const runs = Array.from({ length: 7 }, (_, i) => followTheChase(settings, reference + i * DAY));
  const flagged = runs.filter((r) => r.flaggedAtAttempt !== undefined);
  if (flagged.length === 0) return { kind: 'never' };
  const attempt = Math.max(...flagged.map((r) => r.flaggedAtAttempt!));
  const days = Math.max(...flagged.map((r) => r.days!));
  return { kind: flagged.length === runs.length ? 'flagged' : 'sometimes', attempt, days };
}

/** The options page's sentence for `chaseOutlook`. */
export function describeChaseOutlook(outlook: ChaseOutlook, settings: Pick<Settings, 'crisis'>): string {
  const { attempts, windowDays } = settings.crisis;
  if (outlook.kind === 'never') {
    return `Warning: Groundwork’s chase cannot fit ${attempts} unanswered attempts into ${windowDays} days, so a prospect who reached out and then ignored every proposed attempt would never be flagged. Shorten the chase intervals, lower the attempts or widen the days.`;
  }
  const when = `at the ${ordinal(outlook.attempt)} unanswered attempt, ${outlook.days} days after they reached out`;
  return outlook.kind === 'flagged'
    ? `If you follow Groundwork’s chase, a prospect who reached out and then goes silent is flagged ${when}.`
    : `Only when they reach out on some days of the week would a prospect who goes silent be flagged (${when}): the chase barely fits ${attempts} attempts into ${windowDays} days.`;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
