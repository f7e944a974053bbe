import { describe, expect, it } from 'vitest';
import { evaluateBrainPicker, onBackBurnerByCall, reachOutIds } from '../../../lib/cadence/brainPicker';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import { DAY, MONDAY, touch } from './support';

const RULE = DEFAULT_SETTINGS.crisis; // 6 attempts within 21 days

/**
 * The seeds' story: a business owner emails in a crisis; the rep spends 30 minutes preparing and
 * gives advice on a call; then ten attempts by email, voicemail and LinkedIn over three weeks go
 * unanswered.
 */
function seedsStory() {
  const start = [
    touch('inbound-message', MONDAY, { subject: 'Our line is down — can you help?' }),
    touch('call', MONDAY + DAY, { minutes: 30, freeAdvice: true, note: 'Walked them through a temporary fix' }),
  ];
  const kinds = ['email', 'voicemail', 'linkedin-message', 'email', 'voicemail', 'email', 'linkedin-message', 'voicemail', 'email', 'email'] as const;
  const attempts = kinds.map((kind, i) => touch(kind, MONDAY + (3 + i * 2) * DAY)); // days 3..21
  return { start, attempts };
}

describe('crisis-mode brain-pickers', () => {
  it('catches the seeds’ story at the sixth unanswered attempt, not the tenth', () => {
    const { start, attempts } = seedsStory();
    const flaggedAfter = attempts.map((_, i) => evaluateBrainPicker([...start, ...attempts.slice(0, i + 1)], RULE).flagged);
    expect(flaggedAfter).toEqual([false, false, false, false, false, true, true, true, true, true]);
    const atSixth = evaluateBrainPicker([...start, ...attempts.slice(0, 6)], RULE);
    expect(atSixth).toMatchObject({ flagged: true, reachedOutAt: MONDAY, attempts: 6, flaggedAt: attempts[5]!.at, adviceMinutes: 30, episodeAdviceMinutes: 30 });
  });

  it('a reply resets the count', () => {
    const { start, attempts } = seedsStory();
    const withReply = [...start, ...attempts.slice(0, 5), touch('inbound-message', MONDAY + 12 * DAY), ...attempts.slice(5, 8)];
    expect(evaluateBrainPicker(withReply, RULE)).toMatchObject({ flagged: false, attempts: 3 });
  });

  it('a meeting or an advice call counts as hearing from them', () => {
    const { start, attempts } = seedsStory();
    const met = [...start, ...attempts.slice(0, 5), touch('meeting', MONDAY + 12 * DAY), ...attempts.slice(5, 7)];
    expect(evaluateBrainPicker(met, RULE)).toMatchObject({ flagged: false, attempts: 2 });
  });

  it('cold prospecting that goes unanswered is not a brain-picker: we reached out first', () => {
    const cold = Array.from({ length: 10 }, (_, i) => touch('email', MONDAY + i * 2 * DAY));
    expect(evaluateBrainPicker(cold, RULE)).toMatchObject({ flagged: false, attempts: 10, reachedOutAt: undefined });
  });

  it('attempts spread wider than the window are an unresponsive prospect, not a crisis', () => {
    const slow = [touch('inbound-message', MONDAY), ...Array.from({ length: 8 }, (_, i) => touch('email', MONDAY + (i + 1) * 9 * DAY))];
    expect(evaluateBrainPicker(slow, RULE)).toMatchObject({ flagged: false, attempts: 8 });
  });

  it('a prospect nurtured for months who calls in crisis (answering no recent attempt) has reached out: flagged when the chase goes unanswered', () => {
    // Four months of nurture, an attempt every three weeks or so; the last one 20 days before the call.
    const nurtured = Array.from({ length: 6 }, (_, i) => touch(i % 2 ? 'article-forwarded' : 'email', MONDAY - (120 - i * 20) * DAY));
    const call = touch('inbound-call', MONDAY, { minutes: 45, freeAdvice: true, subject: 'Line down, can you look at it today?' });
    const chase = ['call', 'email', 'voicemail', 'linkedin-message', 'call', 'email', 'voicemail', 'email', 'call', 'email'].map((kind, i) => touch(kind as never, MONDAY + (1 + i * 2) * DAY));
    const result = evaluateBrainPicker([...nurtured, call, ...chase], RULE);
    expect(result).toMatchObject({ flagged: true, reachedOutAt: MONDAY, attempts: 10, episodeAdviceMinutes: 45, flaggedAt: chase[5]!.at });
  });

  it('their message answering an attempt of the last two weeks is an answer, not reaching out; the rep can say otherwise', () => {
    const attempt = touch('email', MONDAY - 10 * DAY);
    const answer = touch('inbound-message', MONDAY);
    const ignored = Array.from({ length: 8 }, (_, i) => touch('email', MONDAY + (1 + i) * DAY));
    expect(evaluateBrainPicker([attempt, answer, ...ignored], RULE)).toMatchObject({ flagged: false, reachedOutAt: undefined, chasing: false });
    const marked = { ...answer, reachedOut: true };
    expect(evaluateBrainPicker([attempt, marked, ...ignored], RULE)).toMatchObject({ flagged: true, reachedOutAt: MONDAY });
    // And a message that would count as reaching out, marked "not a crisis", does not.
    const cold = touch('inbound-message', MONDAY, { reachedOut: false });
    expect(evaluateBrainPicker([cold, ...ignored], RULE)).toMatchObject({ flagged: false, reachedOutAt: undefined });
  });

  it('counts the rep’s own research apart from the advice given, and never as an attempt', () => {
    const { start, attempts } = seedsStory();
    const research = touch('research', MONDAY + 60_000, { minutes: 30 });
    const result = evaluateBrainPicker([...start, research, ...attempts.slice(0, 5)], RULE);
    expect(result).toMatchObject({ attempts: 5, flagged: false, episodeAdviceMinutes: 30, episodeResearchMinutes: 30 });
  });

  it('a relationship that restarts with them reaching out is judged on the new episode', () => {
    const old = [touch('email', MONDAY - 400 * DAY), touch('email', MONDAY - 398 * DAY)];
    const { start, attempts } = seedsStory();
    const result = evaluateBrainPicker([...old, ...start, ...attempts.slice(0, 6)], RULE);
    expect(result).toMatchObject({ flagged: true, reachedOutAt: MONDAY, attempts: 6 });
  });

  it('thresholds are settable', () => {
    const { start, attempts } = seedsStory();
    expect(evaluateBrainPicker([...start, ...attempts.slice(0, 4)], { ...RULE, attempts: 4, windowDays: 21 }).flagged).toBe(true);
    expect(evaluateBrainPicker([...start, ...attempts.slice(0, 6)], { ...RULE, attempts: 6, windowDays: 7 }).flagged).toBe(false);
  });

  it('totals free advice across episodes', () => {
    const result = evaluateBrainPicker(
      [touch('call', MONDAY - 300 * DAY, { minutes: 45, freeAdvice: true }), touch('inbound-message', MONDAY), touch('meeting', MONDAY + DAY, { minutes: 60, freeAdvice: true })],
      RULE,
    );
    expect(result).toMatchObject({ adviceMinutes: 105, episodeAdviceMinutes: 60 });
  });
});

describe('crisis rule: the edges of its windows', () => {
  const rule = { attempts: 3, windowDays: 10, answerWindowDays: 14 };
  const reachOut = touch('inbound-message', MONDAY);
  const chase = (spanMs: number) => [touch('email', MONDAY + DAY), touch('voicemail', MONDAY + 2 * DAY), touch('email', MONDAY + DAY + spanMs)];

  it('the N-th attempt exactly D days after the first still flags them', () => {
    expect(evaluateBrainPicker([reachOut, ...chase(10 * DAY)], rule)).toMatchObject({ flagged: true, flaggedAt: MONDAY + 11 * DAY });
  });

  it('a minute later than D days, it does not', () => {
    expect(evaluateBrainPicker([reachOut, ...chase(10 * DAY + 60_000)], rule)).toMatchObject({ flagged: false, flaggedAt: undefined, attempts: 3 });
  });

  it('the window slides: a slow start, then N attempts within D days, flags at the last of those', () => {
    const attempts = [touch('email', MONDAY + DAY), touch('email', MONDAY + 20 * DAY), touch('email', MONDAY + 21 * DAY), touch('email', MONDAY + 22 * DAY)];
    expect(evaluateBrainPicker([reachOut, ...attempts], rule)).toMatchObject({ flagged: true, flaggedAt: MONDAY + 22 * DAY, attempts: 4 });
  });

  it('one attempt short of N is not flagged, however quick', () => {
    expect(evaluateBrainPicker([reachOut, touch('email', MONDAY + DAY), touch('email', MONDAY + DAY + 60_000)], rule).flagged).toBe(false);
  });

  it('their message answers an attempt made exactly the answer window before it', () => {
    const attempt = touch('email', MONDAY - 14 * DAY);
    expect(evaluateBrainPicker([attempt, reachOut], rule).reachedOutAt).toBeUndefined();
  });

  it('an attempt a minute older than the answer window leaves their message reaching out', () => {
    const attempt = touch('email', MONDAY - 14 * DAY - 60_000);
    expect(evaluateBrainPicker([attempt, reachOut], rule).reachedOutAt).toBe(MONDAY);
  });

  it('an email of the rep’s sent the same moment as theirs does not answer it', () => {
    expect(evaluateBrainPicker([touch('email', MONDAY), reachOut], rule).reachedOutAt).toBe(MONDAY);
  });

  it('their earlier message is no attempt of the rep’s: the later one still reaches out', () => {
    const earlier = touch('inbound-message', MONDAY - DAY, { reachedOut: false });
    expect(evaluateBrainPicker([earlier, reachOut], rule).reachedOutAt).toBe(MONDAY);
  });
});

describe('crisis rule: what the evaluation reports', () => {
  const rule = DEFAULT_SETTINGS.crisis;

  it('the first and the last unanswered attempt since their last word', () => {
    const history = [touch('inbound-message', MONDAY), touch('email', MONDAY + DAY), touch('call', MONDAY + 2 * DAY), touch('email', MONDAY + 4 * DAY)];
    expect(evaluateBrainPicker(history, rule)).toMatchObject({ attempts: 3, firstAttemptAt: MONDAY + DAY, lastAttemptAt: MONDAY + 4 * DAY, chasing: true });
  });

  it('their reply after reaching out ends the chase', () => {
    const history = [touch('inbound-message', MONDAY), touch('email', MONDAY + DAY), touch('inbound-message', MONDAY + 2 * DAY, { reachedOut: false })];
    expect(evaluateBrainPicker(history, rule)).toMatchObject({ chasing: false, attempts: 0 });
  });

  it('a meeting after they reached out ends the chase; an advice call of the rep’s does not', () => {
    const reached = touch('inbound-call', MONDAY);
    expect(evaluateBrainPicker([reached, touch('meeting', MONDAY + DAY)], rule).chasing).toBe(false);
    expect(evaluateBrainPicker([reached, touch('call', MONDAY + DAY, { freeAdvice: true, minutes: 20 })], rule).chasing).toBe(true);
  });

  it('nobody who never reached out is being chased, and their advice this episode is none', () => {
    const cold = [touch('call', MONDAY, { freeAdvice: true, minutes: 15 }), touch('email', MONDAY + DAY)];
    expect(evaluateBrainPicker(cold, rule)).toMatchObject({ chasing: false, adviceMinutes: 15, episodeAdviceMinutes: 0, episodeResearchMinutes: 0, attempts: 1 });
  });

  it('research from the day before they reached out counts to the episode; older research does not', () => {
    const history = [
      touch('research', MONDAY - DAY - 60_000, { minutes: 40 }),
      touch('research', MONDAY - DAY, { minutes: 25 }),
      touch('inbound-message', MONDAY),
      touch('research', MONDAY + DAY, { minutes: 10 }),
      touch('research', MONDAY + 2 * DAY),
    ];
    expect(evaluateBrainPicker(history, rule).episodeResearchMinutes).toBe(35);
  });

  it('the touches may come in any order', () => {
    const inOrder = [touch('inbound-message', MONDAY), ...Array.from({ length: 6 }, (_, i) => touch('email', MONDAY + (1 + i) * DAY))];
    expect(evaluateBrainPicker([...inOrder].reverse(), rule)).toMatchObject({ flagged: true, reachedOutAt: MONDAY, attempts: 6 });
  });
});

describe('onBackBurnerByCall: the banner shows for', () => {
  it.each<[string, Parameters<typeof onBackBurnerByCall>[0], boolean]>([
    ['someone flagged by the crisis rule, at any stage', { flags: ['brain-picker'], stage: 'engaged' }, true],
    ['a gut call that put them on the back burner', { flags: [], stage: 'back-burner', brainPicker: { call: 'back-burner', at: MONDAY } as never }, true],
    ['a gut call since undone by a stage set by hand', { flags: [], stage: 'engaged', brainPicker: { call: 'back-burner', at: MONDAY } as never }, false],
    ['the back-burner stage set by hand, with no call', { flags: [], stage: 'back-burner' }, false],
    ['someone else', { flags: ['do-not-contact'], stage: 'target' }, false],
  ])('%s: %s', (_label, person, shown) => {
    expect(onBackBurnerByCall(person)).toBe(shown);
  });
});

describe('reachOutIds: the timeline marks', () => {
  it('only their messages that reached out, not their answers nor research', () => {
    const attempt = touch('email', MONDAY - 3 * DAY);
    const answer = touch('inbound-message', MONDAY - 2 * DAY);
    const research = touch('research', MONDAY - DAY);
    const reached = touch('inbound-call', MONDAY + 30 * DAY);
    expect([...reachOutIds([reached, research, answer, attempt], 14)]).toEqual([reached.id]);
  });
});
