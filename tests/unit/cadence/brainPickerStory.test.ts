import { describe, expect, it } from 'vitest';
import { brainPickerStory, duration, type AttemptCount } from '../../../lib/cadence/brainPickerStory';
import type { BrainPickerRecord } from '../../../lib/model';

const DAY = 86_400_000;
const AT = Date.UTC(2026, 10, 2, 10);
const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const record = (extra: Partial<BrainPickerRecord>): BrainPickerRecord => ({
  episodes: 1,
  flaggedAt: AT + 10 * DAY,
  reachedOutAt: AT,
  attempts: 6,
  firstAttemptAt: AT,
  lastAttemptAt: AT + 10 * DAY,
  adviceMinutes: 0,
  previousStage: 'target',
  ...extra,
});

describe('the brain-picker’s story, told right (issue 17)', () => {
  it.each<[string, Partial<BrainPickerRecord>, string]>([
    ['advice and research', { adviceMinutes: 45, researchMinutes: 30 }, 'Reached out 2026-11-02; 45 min of free advice, 30 min of your research; then 6 attempts over 10 days unanswered.'],
    ['only the rep’s homework (the seed): never "0 minutes of free advice"', { researchMinutes: 30 }, 'Reached out 2026-11-02; 30 min of your research; then 6 attempts over 10 days unanswered.'],
    ['nothing given at all', {}, 'Reached out 2026-11-02; then 6 attempts over 10 days unanswered.'],
    ['long advice', { adviceMinutes: 150 }, 'Reached out 2026-11-02; 2.5 hours of free advice; then 6 attempts over 10 days unanswered.'],
  ])('%s', (_label, extra, text) => {
    expect(brainPickerStory(record(extra), undefined, day)).toBe(text);
  });

  it('counts on live: the attempts made since the flag', () => {
    expect(brainPickerStory(record({ adviceMinutes: 45 }), { attempts: 10, firstAttemptAt: AT, lastAttemptAt: AT + 19 * DAY }, day)).toBe(
      'Reached out 2026-11-02; 45 min of free advice; then 10 attempts over 19 days unanswered.',
    );
  });
});

describe('the story’s numbers, at their edges', () => {
  it.each<[number, string]>([
    [89, '89 min'],
    [90, '1.5 hours'],
    [100, '1.7 hours'],
    [120, '2 hours'],
  ])('%i minutes read “%s”', (minutes, text) => {
    expect(duration(minutes)).toBe(text);
  });

  it.each<[string, AttemptCount, string]>([
    ['one attempt: no span', { attempts: 1, firstAttemptAt: AT, lastAttemptAt: AT }, 'then 1 attempt unanswered.'],
    ['two on one day: one day', { attempts: 2, firstAttemptAt: AT, lastAttemptAt: AT + 3600_000 }, 'then 2 attempts over 1 day unanswered.'],
    ['two a day and a half apart: two days', { attempts: 2, firstAttemptAt: AT, lastAttemptAt: AT + 1.5 * DAY }, 'then 2 attempts over 2 days unanswered.'],
    ['times unknown: no span', { attempts: 3 }, 'then 3 attempts unanswered.'],
    ['only the first time known: no span', { attempts: 3, firstAttemptAt: AT }, 'then 3 attempts unanswered.'],
    ['only the last time known: no span', { attempts: 3, lastAttemptAt: AT }, 'then 3 attempts unanswered.'],
    ['none yet', { attempts: 0 }, 'then 0 attempts unanswered.'],
  ])('%s', (_label, live, end) => {
    expect(brainPickerStory(record({}), live, day)).toBe(`Reached out 2026-11-02; ${end}`);
  });

  it('a gut call on someone who never wrote starts with the rep’s call', () => {
    expect(brainPickerStory(record({ reachedOutAt: undefined }), undefined, day)).toBe('Your call; then 6 attempts over 10 days unanswered.');
  });

  it('by default, the day is written out for the rep', () => {
    expect(brainPickerStory(record({}))).toMatch(/^Reached out \S.*; then 6 attempts/);
    expect(brainPickerStory(record({}))).toContain(new Date(AT).toLocaleDateString(undefined, { day: 'numeric', month: 'short' }));
  });
});
