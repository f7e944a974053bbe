import { TOUCH_CATALOGUE, type Touch, type TouchType } from '../../../lib/model';

let n = 0;
/** A touch as stored, with the catalogue's defaults. */
export function touch(type: TouchType, at: number, extra: Partial<Touch> = {}): Touch {
  n += 1;
  const info = TOUCH_CATALOGUE[type];
  return {
    id: `t${n}`,
    personId: 'p1',
    at,
    type,
    direction: info.usualDirection,
    intent: info.intent,
    answered: false,
    freeAdvice: false,
    loggedBy: 'manual',
    createdAt: at,
    ...extra,
  };
}

export const DAY = 86_400_000;
/** Monday 2 November 2026, 10:00 UTC. */
export const MONDAY = Date.UTC(2026, 10, 2, 10, 0);
