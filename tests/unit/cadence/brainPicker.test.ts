import { describe, expect, it } from 'vitest';
import { evaluateBrainPicker } from '../../../lib/cadence/brainPicker';
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
