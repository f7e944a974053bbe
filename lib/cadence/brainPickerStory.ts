import type { BrainPickerRecord } from '../model/person';

/**
 * What happened with a crisis-mode brain-picker, told right (issue 17): what they took (free
 * advice), what the rep put in on their own (research), and the attempts left unanswered — never
 * "0 minutes of free advice". Plain code, no Zod: the popup and the worker's notification use it.
 */

const DAY = 86_400_000;

/** "45 min", "1.5 hours". */
export function duration(minutes: number): string {
  return minutes >= 90 ? `${Math.round(minutes / 6) / 10} hours` : `${minutes} min`;
}

export interface AttemptCount {
  attempts: number;
  firstAttemptAt?: number;
  lastAttemptAt?: number;
}

/**
 * "Reached out 2 Nov; 45 min of free advice, 30 min of your research; then 10 attempts over 19
 * days unanswered." `live`: the attempts as they stand now (the banner counts on after the flag).
 */
export function brainPickerStory(record: BrainPickerRecord, live: AttemptCount = record, formatDay: (at: number) => string = defaultDay): string {
  const given = [
    record.adviceMinutes > 0 ? `${duration(record.adviceMinutes)} of free advice` : undefined,
    record.researchMinutes ? `${duration(record.researchMinutes)} of your research` : undefined,
  ].filter(Boolean);
  const days = live.firstAttemptAt !== undefined && live.lastAttemptAt !== undefined ? Math.max(1, Math.round((live.lastAttemptAt - live.firstAttemptAt) / DAY)) : undefined;
  const attempts = `${live.attempts} attempt${live.attempts === 1 ? '' : 's'}${days && live.attempts > 1 ? ` over ${days} day${days === 1 ? '' : 's'}` : ''} unanswered`;
  const start = record.reachedOutAt !== undefined ? `Reached out ${formatDay(record.reachedOutAt)}` : 'Your call';
  return `${start}${given.length ? `; ${given.join(', ')}` : ''}; then ${attempts}.`;
}

function defaultDay(at: number): string {
  return new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}
