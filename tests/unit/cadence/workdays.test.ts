import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { addCalendarDays, addWorkingDays, endOfWorkDay, isValidTimeZone, isWorkingDay, onWorkingDay, zoned, type WorkCalendar } from '../../../lib/cadence/workdays';

const UTC: WorkCalendar = { days: [1, 2, 3, 4, 5], timeZone: 'UTC' };
const NEW_YORK: WorkCalendar = { days: [1, 2, 3, 4, 5], timeZone: 'America/New_York' };
const GULF: WorkCalendar = { days: [0, 1, 2, 3, 4], timeZone: 'Asia/Dubai' }; // Sunday to Thursday
const iso = (t: number) => new Date(t).toISOString();

describe('working days', () => {
  it.each([
    ['Monday', '2026-11-02T10:00:00Z', true],
    ['Friday', '2026-11-06T16:00:00Z', true],
    ['Saturday', '2026-11-07T10:00:00Z', false],
    ['Sunday', '2026-11-08T10:00:00Z', false],
  ])('%s is a working day: %s', (_day, at, expected) => {
    expect(isWorkingDay(Date.parse(at), UTC)).toBe(expected);
  });

  it.each([
    ['Monday + 1', '2026-11-02T10:00:00Z', 1, '2026-11-03T09:00:00.000Z'],
    ['Friday + 1 skips the weekend', '2026-11-06T16:00:00Z', 1, '2026-11-09T09:00:00.000Z'],
    ['Friday + 3 is Wednesday', '2026-11-06T16:00:00Z', 3, '2026-11-11T09:00:00.000Z'],
    ['Saturday + 1 is Monday, the first working day after', '2026-11-07T10:00:00Z', 1, '2026-11-09T09:00:00.000Z'],
    ['Thursday + 5 is next Thursday', '2026-11-05T08:00:00Z', 5, '2026-11-12T09:00:00.000Z'],
  ])('%s', (_label, from, n, expected) => {
    expect(iso(addWorkingDays(Date.parse(from), n, UTC))).toBe(expected);
  });

  it('counts in the rep’s time zone: Friday evening in New York, + 3 working days = Wednesday 09:00 there', () => {
    // 23:30 UTC Friday is 18:30 Friday in New York (EST, UTC−5).
    expect(iso(addWorkingDays(Date.parse('2026-11-06T23:30:00Z'), 3, NEW_YORK))).toBe('2026-11-11T14:00:00.000Z');
    // 04:30 UTC on Monday is still Sunday evening in New York: one working day on is Monday there,
    // but Tuesday for a rep in UTC.
    expect(iso(addWorkingDays(Date.parse('2026-11-09T04:30:00Z'), 1, NEW_YORK))).toBe('2026-11-09T14:00:00.000Z');
    expect(iso(addWorkingDays(Date.parse('2026-11-09T04:30:00Z'), 1, UTC))).toBe('2026-11-10T09:00:00.000Z');
  });

  it('honours other working weeks (Sunday to Thursday)', () => {
    // Thursday 10:00 in Dubai + 1 working day = Sunday 09:00 Dubai (05:00 UTC).
    expect(iso(addWorkingDays(Date.parse('2026-11-05T06:00:00Z'), 1, GULF))).toBe('2026-11-08T05:00:00.000Z');
  });

  it('moves a day off to the next working morning, and leaves a working day alone', () => {
    expect(iso(onWorkingDay(Date.parse('2026-11-07T15:00:00Z'), UTC))).toBe('2026-11-09T09:00:00.000Z');
    expect(iso(onWorkingDay(Date.parse('2026-11-04T15:00:00Z'), UTC))).toBe('2026-11-04T15:00:00.000Z');
  });

  it('calendar gaps land on a working day', () => {
    // 2 Nov + 19 days = Saturday 21 Nov → Monday 23 Nov.
    expect(iso(addCalendarDays(Date.parse('2026-11-02T10:00:00Z'), 19, UTC))).toBe('2026-11-23T09:00:00.000Z');
  });
});

describe('working days at their edges', () => {
  it('a time zone Groundwork cannot read counts as the browser’s own; an empty one is the browser’s too', () => {
    expect(isValidTimeZone('')).toBe(true);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    const at = Date.parse('2026-11-06T23:30:00Z');
    expect(zoned(at, { days: [1], timeZone: 'Mars/Olympus_Mons' }).getTime()).toBe(at);
    expect(zoned(at, { days: [1], timeZone: 'Mars/Olympus_Mons' })).not.toBeInstanceOf(TZDate);
    expect(zoned(at, { days: [1], timeZone: '' })).not.toBeInstanceOf(TZDate);
    expect(zoned(at, NEW_YORK)).toBeInstanceOf(TZDate);
  });

  it('zero working days is the same day at 09:00 (or the next working day)', () => {
    expect(iso(addWorkingDays(Date.parse('2026-11-04T15:00:00Z'), 0, UTC))).toBe('2026-11-04T09:00:00.000Z');
    expect(iso(addWorkingDays(Date.parse('2026-11-07T15:00:00Z'), 0, UTC))).toBe('2026-11-09T09:00:00.000Z');
  });

  it('a fraction of a day rounds; a negative count is none', () => {
    expect(iso(addWorkingDays(Date.parse('2026-11-02T10:00:00Z'), 1.6, UTC))).toBe('2026-11-04T09:00:00.000Z');
    expect(iso(addWorkingDays(Date.parse('2026-11-02T10:00:00Z'), -3, UTC))).toBe('2026-11-02T09:00:00.000Z');
  });

  it('with no working days at all, days are calendar days and nothing moves to a working day', () => {
    const none: WorkCalendar = { days: [], timeZone: 'UTC' };
    expect(iso(addWorkingDays(Date.parse('2026-11-06T16:00:00Z'), 1, none))).toBe('2026-11-07T09:00:00.000Z');
    expect(iso(onWorkingDay(Date.parse('2026-11-07T15:00:00Z'), none))).toBe('2026-11-07T15:00:00.000Z');
  });

  it('a week of one working day: the next one is days away', () => {
    const mondays: WorkCalendar = { days: [1], timeZone: 'UTC' };
    expect(iso(onWorkingDay(Date.parse('2026-11-03T15:00:00Z'), mondays))).toBe('2026-11-09T09:00:00.000Z');
    expect(iso(addWorkingDays(Date.parse('2026-11-02T10:00:00Z'), 2, mondays))).toBe('2026-11-16T09:00:00.000Z');
  });

  it('the end of the rep’s today is midnight where they work', () => {
    expect(iso(endOfWorkDay(Date.parse('2026-11-06T23:30:00Z'), NEW_YORK))).toBe('2026-11-07T05:00:00.000Z');
    expect(iso(endOfWorkDay(Date.parse('2026-11-06T23:30:00Z'), UTC))).toBe('2026-11-07T00:00:00.000Z');
  });

  it('calendar gaps count from the date, at 09:00, in the rep’s zone', () => {
    expect(iso(addCalendarDays(Date.parse('2026-11-06T23:30:00Z'), 3, NEW_YORK))).toBe('2026-11-09T14:00:00.000Z');
  });
});
