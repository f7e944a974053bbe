import { describe, expect, it } from 'vitest';
import { formatDue, isOverdue } from '../../../components/dueTime';
import { formatWhen } from '../../../components/format';

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

describe('when a touch happened, as the rep reads it', () => {
  // Local times: the rep's day, whatever zone the tests run in.
  const now = new Date(2026, 10, 2, 16, 30).getTime();
  const at = (...parts: [number, number, number, number, number]) => new Date(...parts).getTime();

  it('today: the time only, as this browser writes times', () => {
    const morning = at(2026, 10, 2, 9, 5);
    expect(formatWhen(morning, now)).toBe(`today ${new Date(morning).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`);
  });

  it('earlier this year: weekday, day and month, no year', () => {
    const march = at(2026, 2, 3, 9, 5);
    expect(formatWhen(march, now)).toBe(new Date(march).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' }));
    expect(formatWhen(march, now)).not.toContain('2026');
  });

  it('another year: day, month and year, no weekday', () => {
    const lastYear = at(2025, 2, 3, 9, 5);
    expect(formatWhen(lastYear, now)).toBe(new Date(lastYear).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }));
    expect(formatWhen(lastYear, now)).toContain('2025');
  });

  it('yesterday late at night is not today', () => {
    expect(formatWhen(at(2026, 10, 1, 23, 59), now)).not.toMatch(/^today/);
  });

  it('a time that is no date says so', () => {
    expect(formatWhen(8_640_000_000_000_001, now)).toBe('date unreadable');
  });
});
