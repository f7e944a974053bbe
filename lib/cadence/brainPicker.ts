import { freeAdviceMinutes } from '../relationships/ledger';
import type { Person, Touch } from '../model';
import { reachesThem } from '../model/touchTypes';

/**
 * Crisis-mode brain-pickers (DESIGN.md §2, issue 17). They *reach out*: a message or call of
 * theirs that answers no attempt of the rep's in the previous `answerWindowDays` (or one the rep
 * marked so) — whatever came before: a cold target, a prospect nurtured for months, a lapsed
 * client ("calling everyone else who has been prospecting them", seed 004). From then on the rep
 * answers and chases; at the N-th attempt left unanswered within D days, they are flagged. A
 * message of theirs, a meeting, or a conversation in which the rep gave advice after it resets
 * the count; only their messages and meetings end the chase itself.
 */

const DAY = 86_400_000;

export interface CrisisRule {
  attempts: number;
  windowDays: number;
  /** Their message answers an attempt made within this many days before it. */
  answerWindowDays: number;
}

/**
 * A touch where the prospect took part: their message, a meeting, or a conversation in which
 * the rep gave advice. These reset the count of unanswered attempts.
 */
export function isTwoWay(touch: Pick<Touch, 'direction' | 'type' | 'freeAdvice'>): boolean {
  return touch.direction === 'inbound' || touch.type === 'meeting' || touch.freeAdvice;
}

/** An outbound touch that reached them: an attempt, unless it was a conversation. */
const isAttempt = (touch: Touch) => touch.direction === 'outbound' && !isTwoWay(touch);

/**
 * Their messages and calls that were them reaching out, oldest first: marked so by the rep, or
 * answering no outbound touch of the rep's within `answerWindowDays` before them.
 */
export function reachOuts(contact: readonly Touch[], answerWindowDays: number): Touch[] {
  return contact.filter((touch) => {
    if (touch.direction !== 'inbound') return false;
    if (touch.reachedOut !== undefined) return touch.reachedOut;
    const since = touch.at - answerWindowDays * DAY;
    return !contact.some((o) => o.direction === 'outbound' && o.at >= since && o.at < touch.at);
  });
}

/** On the back burner by the crisis rule or a gut call (not a stage set by hand): the banner shows, and their return is asked about. */
export function onBackBurnerByCall(person: Pick<Person, 'flags' | 'stage' | 'brainPicker'>): boolean {
  return person.flags.includes('brain-picker') || (person.brainPicker?.call === 'back-burner' && person.stage === 'back-burner');
}

/** The ids of a person's touches that count as them reaching out (the timeline marks them). */
export function reachOutIds(touches: readonly Touch[], answerWindowDays: number): Set<string> {
  const contact = [...touches].sort((a, b) => a.at - b.at).filter(reachesThem);
  return new Set(reachOuts(contact, answerWindowDays).map((t) => t.id));
}

export interface BrainPickerEvaluation {
  flagged: boolean;
  /** When they last reached out (the episode's start). */
  reachedOutAt?: number;
  /** The touch in which they reached out. */
  reachOut?: Touch;
  /**
   * Still being chased: they reached out and have not written, called back or met since (an
   * advice call given by the rep is part of the help, not their answer).
   */
  chasing: boolean;
  /** Unanswered outbound attempts since their last message or conversation. */
  attempts: number;
  firstAttemptAt?: number;
  lastAttemptAt?: number;
  /** When the rule was met (the N-th attempt inside the window). */
  flaggedAt?: number;
  /** Free-advice minutes given, all time and in this episode. */
  adviceMinutes: number;
  episodeAdviceMinutes: number;
  /** The rep's own research in this episode (from the day before they reached out). */
  episodeResearchMinutes: number;
}

export function evaluateBrainPicker(touches: readonly Touch[], { attempts: threshold, windowDays, answerWindowDays }: CrisisRule): BrainPickerEvaluation {
  const sorted = [...touches].sort((a, b) => a.at - b.at);
  // The rep's own research is no contact: never an attempt, never their answer.
  const contact = sorted.filter(reachesThem);
  const adviceMinutes = freeAdviceMinutes(contact);
  const reachOut = reachOuts(contact, answerWindowDays).at(-1);
  const episode = reachOut ? contact.filter((t) => t.at >= reachOut.at) : contact;
  const episodeAdviceMinutes = reachOut ? freeAdviceMinutes(episode) : 0;
  const episodeResearchMinutes = reachOut
    ? sorted.filter((t) => !reachesThem(t) && t.at >= reachOut.at - DAY).reduce((sum, t) => sum + (t.minutes ?? 0), 0)
    : 0;

  let lastTwoWay = -1;
  episode.forEach((t, i) => {
    if (isTwoWay(t)) lastTwoWay = i;
  });
  const unanswered = episode.slice(lastTwoWay + 1).filter(isAttempt);
  const chasing = reachOut !== undefined && !episode.some((t) => t !== reachOut && (t.direction === 'inbound' || t.type === 'meeting'));

  let flaggedAt: number | undefined;
  if (reachOut) {
    for (let k = 0; k + threshold - 1 < unanswered.length; k++) {
      const nth = unanswered[k + threshold - 1]!;
      if (nth.at - unanswered[k]!.at <= windowDays * DAY) {
        flaggedAt = nth.at;
        break;
      }
    }
  }
  return {
    flagged: flaggedAt !== undefined,
    reachedOutAt: reachOut?.at,
    reachOut,
    chasing,
    attempts: unanswered.length,
    firstAttemptAt: unanswered[0]?.at,
    lastAttemptAt: unanswered.at(-1)?.at,
    flaggedAt,
    adviceMinutes,
    episodeAdviceMinutes,
    episodeResearchMinutes,
  };
}
