import { z } from 'zod';
import { EARLIEST_TIME, LATEST_TIME } from './timeBounds';

export { DATE_INPUT_BOUNDS, EARLIEST_TIME, isKeptTime, LATEST_TIME } from './timeBounds';

/** A time Groundwork keeps: epoch milliseconds from 1990 to 2200 (lib/model/timeBounds.ts). */
export const Timestamp = z
  .number()
  .int()
  .min(EARLIEST_TIME, { message: 'Dates before 1990 are not kept' })
  .max(LATEST_TIME, { message: 'Dates after 2200 are not kept' });
