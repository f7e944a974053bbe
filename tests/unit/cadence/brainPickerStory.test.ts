import { describe, expect, it } from 'vitest';
import { brainPickerStory } from '../../../lib/cadence/brainPickerStory';
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
