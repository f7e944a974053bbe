import type { Person, Settings, Touch } from '../model';
import { reachesThem, TOUCH_CATALOGUE, type TouchType } from '../model/touchTypes';
import { evaluateBrainPicker, isTwoWay, type BrainPickerEvaluation } from './brainPicker';
import { addCalendarDays, addWorkingDays, onWorkingDay, type WorkCalendar } from './workdays';

/**
 * The next follow-up after a touch: when, why, and which kind of touch. From the stage, the
 * direction of the last touch (their message wants a prompt answer), how many attempts went
 * unanswered (the cadence stretches to nurture, never drops), and the touch mix (vary it, and give
 * before asking). Defaults live in lib/model/settings.ts; everything here is pure.
 */

export interface Proposal {
  dueAt: number;
  reason: string;
  suggestedType: TouchType;
}

/** Which touches to try, in order of preference, per stage. Lunch is never proposed. */
const MIX: Record<Person['stage'], TouchType[]> = {
  target: ['personal-note', 'email', 'article-forwarded', 'linkedin-message', 'call', 'introduction-given'],
  engaged: ['call', 'article-forwarded', 'email', 'meeting-request', 'personal-note', 'introduction-given'],
  opportunity: ['call', 'meeting', 'email', 'proposal', 'article-forwarded'],
  client: ['call', 'article-forwarded', 'personal-note', 'referral-asked', 'meeting'],
  nurture: ['article-forwarded', 'personal-note', 'email', 'linkedin-message', 'introduction-given'],
  'back-burner': ['article-forwarded', 'email'],
  'not-a-fit': [],
};

const firstName = (name: string) => name.split(/\s+/)[0] ?? name;
const outbound = (touches: readonly Touch[]) => touches.filter((t) => t.direction === 'outbound');

/** Quick touches for the chase after they reached out: what the seed's rep used. */
const CHASE_MIX: TouchType[] = ['call', 'email', 'voicemail', 'linkedin-message'];

/**
 * Of `types`, the one the rep used least recently: how many outbound touches ago each was last
 * used, never being infinitely long ago; ties go to the earlier in `types`.
 */
function leastRecent(types: readonly TouchType[], touches: readonly Touch[]): TouchType | undefined {
  const newestFirst = outbound([...touches].sort((a, b) => b.at - a.at)).map((t) => t.type);
  const age = (type: TouchType) => {
    const index = newestFirst.indexOf(type);
    return index === -1 ? Number.POSITIVE_INFINITY : index;
  };
  let best: TouchType | undefined;
  for (const type of types) if (best === undefined || age(type) > age(best)) best = type;
  return best;
}

/**
 * Give before ask, and vary the mix: of the stage's touch types (gives first until two have
 * landed; asks only once the rep has given enough or heard back), the one used least recently.
 */
export function suggestTouchType(stage: Person['stage'], touches: readonly Touch[], settings: Settings): TouchType {
  const gives = touches.filter((t) => t.intent === 'give').length;
  const replied = touches.some((t) => t.direction === 'inbound');
  const mayAsk = !settings.askWarning.enabled || gives >= settings.askWarning.minGives || replied;
  const candidates = (MIX[stage].length ? MIX[stage] : MIX.target).filter((type) => mayAsk || TOUCH_CATALOGUE[type].intent !== 'ask');
  const ordered = gives < 2 ? [...candidates.filter((t) => TOUCH_CATALOGUE[t].intent === 'give'), ...candidates.filter((t) => TOUCH_CATALOGUE[t].intent !== 'give')] : candidates;
  return leastRecent(ordered, touches) ?? 'email';
}

export function calendarOf(settings: Settings): WorkCalendar {
  return { days: settings.workWeek.days, timeZone: settings.workWeek.timeZone };
}

/** What else decides whether a person gets proposals. */
export interface ProposalContext {
  /** Their fit excludes them (a competitor, a recruiter, a named company): no proposals. */
  excluded?: boolean;
  /** The crisis rule on the same history, when the caller has just run it (not run twice). */
  crisis?: BrainPickerEvaluation;
}

/**
 * The next follow-up, or none: nobody marked not a fit, do-not-contact or excluded by the ideal
 * customer profile is proposed anything (a follow-up the rep sets by hand still stands). The
 * rep's own research is no contact and does not move the cadence.
 */
export function proposeFollowUp(
  person: Pick<Person, 'name' | 'stage' | 'flags'>,
  history: readonly Touch[],
  settings: Settings,
  { excluded = false, crisis: known }: ProposalContext = {},
): Proposal | undefined {
  if (person.stage === 'not-a-fit' || person.flags.includes('do-not-contact') || excluded) return undefined;
  const touches = history.filter(reachesThem);
  if (touches.length === 0) return undefined;
  const calendar = calendarOf(settings);
  const { cadence } = settings;
  const sorted = [...touches].sort((a, b) => a.at - b.at);
  const last = sorted[sorted.length - 1]!;
  const name = firstName(person.name);
  const longest = cadence.nurtureIntervalsDays[cadence.nurtureIntervalsDays.length - 1]!;

  if (person.flags.includes('brain-picker') || person.stage === 'back-burner') {
    return { dueAt: addCalendarDays(last.at, longest, calendar), reason: `Back-burner check-in with ${name}`, suggestedType: 'article-forwarded' };
  }

  if (last.direction === 'inbound') {
    const day = cadence.replyWithinDays === 0 ? onWorkingDay(last.at, calendar) : addWorkingDays(last.at, cadence.replyWithinDays, calendar);
    // Never before their message itself (a 10:00 email is not answered at that morning's 09:00),
    // and never at the very same moment, which would make the reply look older than it.
    const dueAt = Math.max(day, last.at + 60_000);
    return { dueAt, reason: `Reply to ${name}`, suggestedType: last.type === 'call' || last.type === 'inbound-call' ? 'call' : 'email' };
  }

  // They reached out, were answered, and have not been heard from since: the prompt chase of
  // seed 004 ("multiple attempts over a three week period, via email, voicemail… I got to 10"),
  // at the crisis settings' intervals — the same ones the crisis rule counts, so a rep who does
  // exactly this sees the flag at the N-th unanswered attempt. After the last, the usual cadence.
  const crisis = known ?? evaluateBrainPicker(sorted, settings.crisis);
  const chase = settings.crisis.chaseIntervalsDays;
  if (crisis.chasing && crisis.attempts <= chase.length) {
    const k = crisis.attempts;
    const suggestedType = leastRecent(CHASE_MIX, sorted)!;
    return {
      dueAt: addWorkingDays(last.at, chase[Math.max(0, k - 1)]!, calendar),
      reason: k === 0 ? `Follow up with ${name} after your call` : `Attempt ${k + 1} with ${name} since they reached out: try ${TOUCH_CATALOGUE[suggestedType].label.toLowerCase()}`,
      suggestedType,
    };
  }

  // Clients keep their check-ins when referral asks are switched off (0): the setting turns off
  // the ask, not the client rhythm (before issue 21 they fell into the prospects' attempt count).
  if (person.stage === 'client') {
    const checkIn = addCalendarDays(last.at, cadence.nurtureIntervalsDays[0]!, calendar);
    if (cadence.clientReferralEveryDays > 0) {
      const lastAsk = [...sorted].reverse().find((t) => t.type === 'referral-asked');
      const since = lastAsk?.at ?? sorted[0]!.at;
      const referralDue = addCalendarDays(since, cadence.clientReferralEveryDays, calendar);
      if (referralDue <= checkIn) return { dueAt: referralDue, reason: `Ask ${name} for a referral`, suggestedType: 'referral-asked' };
    }
    return { dueAt: checkIn, reason: `Client check-in with ${name}`, suggestedType: suggestTouchType('client', sorted, settings) };
  }

  // Unanswered attempts since their last message or conversation.
  let lastTwoWay = -1;
  sorted.forEach((t, i) => {
    if (isTwoWay(t)) lastTwoWay = i;
  });
  const unanswered = sorted.slice(lastTwoWay + 1).filter((t) => t.direction === 'outbound' && !isTwoWay(t)).length;

  if (unanswered === 0) {
    // The last touch was a conversation: keep the momentum.
    return {
      dueAt: addWorkingDays(last.at, cadence.attemptIntervalsDays[0]!, calendar),
      reason: `Follow up on your ${last.type === 'meeting' ? 'meeting' : 'conversation'} with ${name}`,
      suggestedType: suggestTouchType(person.stage, sorted, settings),
    };
  }
  if (unanswered < cadence.nurtureAfterAttempts) {
    const gap = cadence.attemptIntervalsDays[Math.min(unanswered - 1, cadence.attemptIntervalsDays.length - 1)]!;
    const suggestedType = suggestTouchType(person.stage, sorted, settings);
    return {
      dueAt: addWorkingDays(last.at, gap, calendar),
      reason: `Attempt ${unanswered + 1} with ${name}: try ${TOUCH_CATALOGUE[suggestedType].label.toLowerCase()}`,
      suggestedType,
    };
  }
  const step = unanswered - cadence.nurtureAfterAttempts;
  const gap = cadence.nurtureIntervalsDays[Math.min(step, cadence.nurtureIntervalsDays.length - 1)]!;
  return {
    dueAt: addCalendarDays(last.at, gap, calendar),
    reason: `Nurture ${name}: ${unanswered} attempts without a reply`,
    suggestedType: suggestTouchType('nurture', sorted, settings),
  };
}
