import { z } from 'zod';

/**
 * Every time Groundwork keeps is epoch milliseconds inside a span a prospecting record can
 * have: from 1990 (before any email or LinkedIn history a rep could import) to 2200. Anything
 * else came from a broken or hand-edited file, or hostile page text, and would make
 * `new Date(at)` an Invalid Date that blanks a page or throws in an export (issue 15).
 */
export const EARLIEST_TIME = Date.UTC(1990, 0, 1);
export const LATEST_TIME = Date.UTC(2200, 0, 1);

export const Timestamp = z
  .number()
  .int()
  .min(EARLIEST_TIME, { message: 'Dates before 1990 are not kept' })
  .max(LATEST_TIME, { message: 'Dates after 2200 are not kept' });

/** Whether `time` is a time Groundwork keeps (the same bounds as Timestamp, for plain code). */
export function isKeptTime(time: number): boolean {
  return Number.isInteger(time) && time >= EARLIEST_TIME && time <= LATEST_TIME;
}
