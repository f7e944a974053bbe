import { describe, expect, it } from 'vitest';
import { ago, count } from '../../../lib/text/words';

describe('counts and times in words', () => {
  it('says one or many by the plural rules, thousands grouped', () => {
    expect(count(1, 'new person', 'new people')).toBe('1 new person');
    expect(count(0, 'new person', 'new people')).toBe('0 new people');
    expect(count(2_001, 'person', 'people')).toBe('2,001 people');
    expect(count(3, 'account')).toBe('3 accounts');
  });

  it('never in seconds: under a minute is just now', () => {
    const now = Date.UTC(2026, 11, 6, 12);
    expect(ago(now - 9_000, now)).toBe('just now');
    expect(ago(now - 5 * 60_000, now)).toBe('5 minutes ago');
    expect(ago(now - 61 * 86_400_000, now)).toBe('2 months ago');
    expect(ago(now + 3 * 3_600_000, now)).toBe('in 3 hours');
  });
});
