import { describe, expect, it } from 'vitest';
import { parseMailTimeOrUndefined } from '../../../lib/mail/mailTime';

/**
 * Mail times in zones with daylight-saving gaps: a local time the clocks jumped over does not
 * exist there. These tests switch the process's zone, which a forked test worker honours (Node
 * re-reads TZ when it is set) but a worker thread does not — so vitest.mutate.config.ts leaves
 * this file out: Stryker's runner uses threads.
 */

/** Runs `body` with the process in time zone `zone` (Node re-reads TZ when it is set). */
function inZone<T>(zone: string, body: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return body();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

describe('local times a daylight-saving jump skips', () => {
  it('the zone can be switched here (else the tests below would prove nothing)', () => {
    expect(inZone('Europe/Berlin', () => new Date(2026, 2, 29, 2, 30).getHours())).toBe(3);
  });

  it('an hour skipped in spring is refused (Berlin, 29 March 2026, 02:00–03:00)', () => {
    inZone('Europe/Berlin', () => {
      expect(parseMailTimeOrUndefined('2026-03-29 02:30')).toBeUndefined();
      expect(parseMailTimeOrUndefined('2026-03-29 03:30')).toBe(new Date(2026, 2, 29, 3, 30).getTime());
    });
  });

  it('half an hour skipped is refused (Lord Howe Island, 4 October 2026, 02:00–02:30)', () => {
    inZone('Australia/Lord_Howe', () => {
      expect(parseMailTimeOrUndefined('2026-10-04 02:15')).toBeUndefined();
      expect(parseMailTimeOrUndefined('2026-10-04 02:45')).toBe(new Date(2026, 9, 4, 2, 45).getTime());
    });
  });

  it('a day/month reading that names a skipped time is impossible there, like 30 February: the other reading stands', () => {
    inZone('Australia/Lord_Howe', () => {
      // 4 October 02:15 was skipped; 10 April 02:15 was not.
      expect(parseMailTimeOrUndefined('04/10/2026 02:15')).toBe(new Date(2026, 3, 10, 2, 15).getTime());
    });
  });
});
