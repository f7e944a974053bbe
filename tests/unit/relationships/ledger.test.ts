import { describe, expect, it } from 'vitest';
import { formatMinutes, freeAdviceMinutes } from '../../../lib/relationships/ledger';
import { DAY, MONDAY, touch } from './support';

describe('free-advice ledger', () => {
  it('totals only the minutes marked as free advice', () => {
    const touches = [
      touch('call', MONDAY - 3 * DAY, { minutes: 30, freeAdvice: true }),
      touch('meeting', MONDAY - 2 * DAY, { minutes: 60, freeAdvice: false }),
      touch('inbound-message', MONDAY - DAY, { minutes: 15, freeAdvice: true }),
      // Marked as advice with no time recorded: counts as nothing rather than failing.
      touch('call', MONDAY, { freeAdvice: true }),
    ];
    expect(freeAdviceMinutes(touches)).toBe(45);
    expect(freeAdviceMinutes([])).toBe(0);
  });

  it.each([
    [0, '0 min'],
    [1, '1 min'],
    [45, '45 min'],
    [60, '1 h'],
    [120, '2 h'],
    [135, '2 h 15 min'],
    [1441, '24 h 1 min'],
  ])('%i minutes read "%s"', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});
