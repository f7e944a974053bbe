import type { Touch } from '../model';

/**
 * The free-advice ledger (DESIGN.md principle 7): minutes the rep spent giving advice for free,
 * per person, per account, per week and across brain-pickers.
 */

export function freeAdviceMinutes(touches: readonly Pick<Touch, 'freeAdvice' | 'minutes'>[]): number {
  let total = 0;
  for (const touch of touches) if (touch.freeAdvice) total += touch.minutes ?? 0;
  return total;
}

/** 135 → "2 h 15 min"; 45 → "45 min"; 120 → "2 h". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
