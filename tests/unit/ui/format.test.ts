import { describe, expect, it } from 'vitest';
import { formatDue, isOverdue } from '../../../components/dueTime';

const NOW = Date.UTC(2026, 10, 2, 10, 0);
const MIN = 60_000;

describe('how far a follow-up is from now, as people say it (issue 16)', () => {
  it.each([
    [NOW - 2_000, 'due now'],
    [NOW + 30_000, 'due now'],
    [NOW - 5 * MIN, '5 min overdue'],
    [NOW - 59 * MIN, '59 min overdue'],
    [NOW - 60 * MIN, '1 hour overdue'],
    [NOW - 3 * 60 * MIN - 20 * MIN, '3 hours overdue'],
    [NOW - 2 * 24 * 60 * MIN, '2 days overdue'],
    [NOW - 24 * 60 * MIN, '1 day overdue'],
    [NOW + 90 * MIN, 'due in 1 hour'],
    [NOW + 9 * 24 * 60 * MIN, 'due in 9 days'],
    [8_640_000_000_000_001, 'due date unreadable'],
  ])('%i → %s', (dueAt, text) => {
    expect(formatDue(dueAt, NOW)).toBe(text);
    expect(formatDue(dueAt, NOW)).not.toMatch(/second/);
  });

  it('is red only once overdue by more than a minute', () => {
    expect(isOverdue(NOW - 2_000, NOW)).toBe(false);
    expect(isOverdue(NOW - 2 * MIN, NOW)).toBe(true);
  });
});
