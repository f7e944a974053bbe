/**
 * The touch-type catalogue: every kind of contact a rep makes or receives, with the facts the rest
 * of Groundwork reasons from. Plain data, no Zod, so the content scripts and the UI can both
 * import it cheaply.
 *
 * - intent: "give" (the prospect gets something of value), "ask" (we want something), or neutral.
 *   Give before ask (DESIGN.md §1, principle 5).
 * - usualDirection: how the touch normally flows; a logged touch may still override it.
 * - cost: relative effort for the rep, 1 (a click) to 5 (half a day). Lunch is the costliest and,
 *   per the seeds, the least effective: `effectiveness` lets the UI say so.
 */

export const TOUCH_TYPES = [
  'email',
  'linkedin-message',
  'call',
  'voicemail',
  'personal-note',
  'article-forwarded',
  'drop-in',
  'meeting-request',
  'meeting',
  'lunch',
  'introduction-given',
  'referral-asked',
  'proposal',
  'inbound-message',
  'inbound-call',
  'research',
] as const;

export type TouchType = (typeof TOUCH_TYPES)[number];
export type TouchIntent = 'give' | 'ask' | 'neutral';
export type TouchDirection = 'outbound' | 'inbound';

export interface TouchTypeInfo {
  readonly type: TouchType;
  readonly label: string;
  /** What "Done" says it recorded: "Personal note sent", "Call made". */
  readonly done: string;
  readonly intent: TouchIntent;
  readonly usualDirection: TouchDirection;
  /** Relative effort for the rep, 1 (a click) to 5 (half a day). */
  readonly cost: 1 | 2 | 3 | 4 | 5;
  /** Relative chance of moving the relationship forward, 1 (rarely) to 5 (often). */
  readonly effectiveness: 1 | 2 | 3 | 4 | 5;
  /** True when the rep can sensibly record minutes spent and a free-advice mark. */
  readonly canCarryAdvice: boolean;
  /** True when the rep can sensibly record minutes spent (advice given, or their own research). */
  readonly takesMinutes: boolean;
  /**
   * False for the rep's own preparation (research): time spent, counted apart, but no contact —
   * never an attempt, never an answer, never the last touch the cadence counts from.
   */
  readonly reachesThem: boolean;
}

export const TOUCH_CATALOGUE: Readonly<Record<TouchType, TouchTypeInfo>> = {
  email: {
    type: 'email',
    label: 'Email',
    done: 'Email sent',
    intent: 'neutral',
    usualDirection: 'outbound',
    cost: 1,
    effectiveness: 2,
    canCarryAdvice: false,
    takesMinutes: false,
    reachesThem: true,
  },
  'linkedin-message': {
    type: 'linkedin-message',
    label: 'LinkedIn message',
    done: 'LinkedIn message sent',
    intent: 'neutral',
    usualDirection: 'outbound',
    cost: 1,
    effectiveness: 2,
    canCarryAdvice: false,
    takesMinutes: false,
    reachesThem: true,
  },
  call: {
    type: 'call',
    label: 'Call',
    done: 'Call made',
    intent: 'neutral',
    usualDirection: 'outbound',
    cost: 2,
    effectiveness: 3,
    canCarryAdvice: true,
    takesMinutes: true,
    reachesThem: true,
  },
  voicemail: {
    type: 'voicemail',
    label: 'Voicemail',
    done: 'Voicemail left',
    intent: 'neutral',
    usualDirection: 'outbound',
    cost: 1,
    effectiveness: 1,
    canCarryAdvice: false,
    takesMinutes: false,
    reachesThem: true,
  },
  'personal-note': {
    type: 'personal-note',
    label: 'Personal note',
    done: 'Personal note sent',
    intent: 'give',
    usualDirection: 'outbound',
    cost: 2,
    effectiveness: 4,
    canCarryAdvice: false,
    takesMinutes: false,
    reachesThem: true,
  },
  'article-forwarded': {
    type: 'article-forwarded',
    label: 'Article forwarded',
    done: 'Article forwarded',
    intent: 'give',
    usualDirection: 'outbound',
    cost: 1,
    effectiveness: 3,
    canCarryAdvice: false,
    takesMinutes: false,
    reachesThem: true,
  },
  'drop-in': {
    type: 'drop-in',
    label: 'Drop-in visit',
    done: 'Drop-in visit made',
    intent: 'give',
    usualDirection: 'outbound',
    cost: 4,
    effectiveness: 4,
    canCarryAdvice: true,
    takesMinutes: true,
    reachesThem: true,
  },
  'meeting-request': {
    type: 'meeting-request',
    label: 'Meeting request',
    done: 'Meeting requested',
    intent: 'ask',
    usualDirection: 'outbound',
    cost: 1,
    effectiveness: 2,
    canCarryAdvice: false,
    takesMinutes: false,
    reachesThem: true,
  },
  meeting: {
    type: 'meeting',
    label: 'Meeting',
    done: 'Meeting held',
    intent: 'neutral',
    usualDirection: 'outbound',
    cost: 3,
    effectiveness: 5,
    canCarryAdvice: true,
    takesMinutes: true,
    reachesThem: true,
  },
  lunch: {
    type: 'lunch',
    label: 'Lunch / entertainment',
    done: 'Lunch held',
    intent: 'give',
    usualDirection: 'outbound',
    cost: 5,
    effectiveness: 1,
    canCarryAdvice: true,
    takesMinutes: true,
    reachesThem: true,
  },
  'introduction-given': {
    type: 'introduction-given',
    label: 'Introduction given',
    done: 'Introduction given',
    intent: 'give',
    usualDirection: 'outbound',
    cost: 2,
    effectiveness: 5,
    canCarryAdvice: false,
    takesMinutes: false,
    reachesThem: true,
  },
  'referral-asked': {
    type: 'referral-asked',
    label: 'Referral asked',
    done: 'Referral asked for',
    intent: 'ask',
    usualDirection: 'outbound',
    cost: 1,
    effectiveness: 3,
    canCarryAdvice: false,
    takesMinutes: false,
    reachesThem: true,
  },
  proposal: {
    type: 'proposal',
    label: 'Proposal / quote',
    done: 'Proposal sent',
    intent: 'ask',
    usualDirection: 'outbound',
    cost: 4,
    effectiveness: 4,
    canCarryAdvice: false,
    takesMinutes: false,
    reachesThem: true,
  },
  'inbound-message': {
    type: 'inbound-message',
    label: 'Inbound message',
    done: 'Their message noted',
    intent: 'neutral',
    usualDirection: 'inbound',
    cost: 1,
    effectiveness: 5,
    canCarryAdvice: true,
    takesMinutes: true,
    reachesThem: true,
  },
  'inbound-call': {
    type: 'inbound-call',
    label: 'Inbound call',
    done: 'Their call noted',
    intent: 'neutral',
    usualDirection: 'inbound',
    cost: 2,
    effectiveness: 5,
    canCarryAdvice: true,
    takesMinutes: true,
    reachesThem: true,
  },
  research: {
    type: 'research',
    label: 'Research (your preparation)',
    done: 'Research done',
    intent: 'neutral',
    usualDirection: 'outbound',
    cost: 2,
    effectiveness: 1,
    canCarryAdvice: false,
    takesMinutes: true,
    reachesThem: false,
  },
};

/** Whether a touch was contact with them (everything but the rep's own research; a type this version does not know counts as contact). */
export function reachesThem(touch: { type: TouchType }): boolean {
  return (TOUCH_CATALOGUE as Partial<Record<string, TouchTypeInfo>>)[touch.type]?.reachesThem ?? true;
}

export function touchTypeInfo(type: TouchType): TouchTypeInfo {
  return TOUCH_CATALOGUE[type];
}
