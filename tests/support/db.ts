import { GroundworkDB } from '../../lib/db/db';

let counter = 0;

/** A fresh, empty database per test (fake-indexeddb in unit tests). */
export function freshDb(): GroundworkDB {
  counter += 1;
  return new GroundworkDB(`groundwork-test-${counter}-${Math.random().toString(36).slice(2)}`);
}

export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0); // Monday 2 Nov 2026, 09:00 UTC
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
