/**
 * Every time Groundwork keeps is epoch milliseconds inside a span a prospecting record can
 * have: from 1990 (before any email or LinkedIn history a rep could import) to 2200. Anything
 * else came from a broken or hand-edited file, or hostile page text, and would make
 * `new Date(at)` an Invalid Date that blanks a page or throws in an export (issue 15). No Zod
 * here: the popup and the content scripts read these bounds too (lib/model/time.ts has the schema).
 */
export const EARLIEST_TIME = Date.UTC(1990, 0, 1);
export const LATEST_TIME = Date.UTC(2200, 0, 1);

/** Whether `time` is a time Groundwork keeps (the same bounds as the Timestamp schema). */
export function isKeptTime(time: number): boolean {
  return Number.isInteger(time) && time >= EARLIEST_TIME && time <= LATEST_TIME;
}

/** The same bounds for an `<input type="date">` (its min and max attributes). */
export const DATE_INPUT_BOUNDS = { min: '1990-01-01', max: '2199-12-31' } as const;
