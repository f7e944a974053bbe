import { reachesThem, TOUCH_CATALOGUE, touchTypeInfo, type Settings, type Touch, type TouchIntent, type TouchType } from '../model';
import { isLiveTouch } from './levels';

/**
 * Give before ask (DESIGN.md principle 5): how much a relationship has been given versus asked,
 * the gentle warning before an early ask, and the nudge when every touch is the same kind.
 * Pure functions of a person's (or an account's) touches.
 */

export interface Balance {
  give: number;
  ask: number;
  neutral: number;
}

/** The rep's own touches by intent; what they sent us is not ours to balance. */
export function giveAskBalance(touches: readonly Pick<Touch, 'direction' | 'intent'>[]): Balance {
  const balance: Balance = { give: 0, ask: 0, neutral: 0 };
  for (const touch of touches) if (touch.direction === 'outbound') balance[touch.intent]++;
  return balance;
}

const plural = (n: number, one: string, many: string) => `${n === 0 ? 'no' : n} ${n === 1 ? one : many}`;

/** "3 gives · 1 ask". */
export function balanceLabel({ give, ask }: Balance): string {
  return `${plural(give, 'give', 'gives')} · ${plural(ask, 'ask', 'asks')}`;
}

/**
 * The warning before logging an ask for someone who has had fewer than the settable number of
 * gives and has never replied (nor met the rep); undefined when there is nothing to warn about.
 */
export function askWarningOrUndefined(
  type: TouchType,
  touches: readonly Pick<Touch, 'direction' | 'intent' | 'type'>[],
  settings: Pick<Settings, 'askWarning'>,
  name: string,
  // The rep may mark any touch an ask (an email asking for a meeting).
  intent: TouchIntent = touchTypeInfo(type).intent,
): string | undefined {
  if (!settings.askWarning.enabled || intent !== 'ask') return undefined;
  const { give } = giveAskBalance(touches);
  // A meeting says as much as a reply: they have engaged.
  const replied = touches.some(isLiveTouch);
  if (replied || give >= settings.askWarning.minGives) return undefined;
  const first = name.split(/\s+/)[0] ?? name;
  return `${first} has had ${plural(give, 'give', 'gives')} from you and has never replied. An article, a personal note or an introduction first makes an ask land better.`;
}

/** Gives that tend to land, suggested when the rep's touches have become all one kind. */
const VARIETY: readonly TouchType[] = ['personal-note', 'article-forwarded', 'call', 'introduction-given'];

const NOUNS: Partial<Record<TouchType, string>> = {
  email: 'emails',
  'linkedin-message': 'LinkedIn messages',
  call: 'calls',
  voicemail: 'voicemails',
  'personal-note': 'personal notes',
  'article-forwarded': 'forwarded articles',
  'meeting-request': 'meeting requests',
  lunch: 'lunches',
};
const SUGGESTIONS: Partial<Record<TouchType, string>> = {
  'personal-note': 'a personal note',
  'article-forwarded': 'an article',
  call: 'a call',
  'introduction-given': 'an introduction',
};

/**
 * "Last 5 touches were emails; a personal note or an article might land better": when the rep's
 * most recent `run` or more touches were all one type.
 */
export function touchMixNudgeOrUndefined(touches: readonly Pick<Touch, 'direction' | 'type' | 'at'>[], run = 4): string | undefined {
  const mine = touches.filter((t) => t.direction === 'outbound' && reachesThem(t)).sort((a, b) => b.at - a.at);
  const type = mine[0]?.type;
  if (!type) return undefined;
  let count = 0;
  while (count < mine.length && mine[count]!.type === type) count++;
  if (count < run) return undefined;
  const ideas = VARIETY.filter((t) => t !== type).slice(0, 2).map((t) => SUGGESTIONS[t]);
  const noun = NOUNS[type] ?? `${TOUCH_CATALOGUE[type].label.toLowerCase()} touches`;
  return `Last ${count} touches were ${noun}; ${ideas.join(' or ')} might land better.`;
}

/** The catalogue's costliest, least effective touch (lunch) says so wherever it is offered. */
export function costNoteOrUndefined(type: TouchType): string | undefined {
  const info = TOUCH_CATALOGUE[type];
  return info.cost === 5 && info.effectiveness === 1 ? 'costliest, least effective' : undefined;
}
