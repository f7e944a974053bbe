import { formatDistanceStrict } from 'date-fns';

/**
 * Counts and times as people say them (issue 19): "1 new person", "3 new people" by the language's
 * own plural rules (Intl.PluralRules), and "just now", "5 minutes ago", "8 months ago" — never
 * "9 seconds ago".
 */
const plurals = new Intl.PluralRules('en');

/** `n` and the word for it: count(1, 'person', 'people') → "1 person"; thousands grouped. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${plurals.select(n) === 'one' ? one : many}`;
}

/** How long ago `at` was (or how far ahead), in words, without seconds. */
export function ago(at: number, now: number = Date.now()): string {
  if (Math.abs(now - at) < 60_000) return 'just now';
  return formatDistanceStrict(at, now, { addSuffix: true });
}
