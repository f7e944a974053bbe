import { foldText, NAME_NOISE } from '../lib/identity/names';

/** Darker tones that keep white initials readable (contrast ≥ 4.5:1) in light and dark themes. */
const TONES = ['#0b6e4f', '#1f5fa8', '#7a3e9d', '#a2451d', '#2f6b7a', '#8a2f4f', '#55611b', '#4b4f9c'];

function toneOf(text: string): string {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return TONES[hash % TONES.length]!;
}

/** A word's first letter or digit, as written ("Ødegaard" → "Ø"). */
const firstLetter = (word: string) => word.match(/[\p{L}\p{N}]/u)?.[0]?.toUpperCase();

/**
 * "Adaeze Okonkwo-Reyes" → "AO" (first and last word, "Last, First" read the right way round,
 * salutations and suffixes aside); a company's first two words; "?" for nothing readable.
 */
export function initialsOf(name: string, company = false): string {
  const comma = name.indexOf(',');
  const ordered = !company && comma > 0 ? `${name.slice(comma + 1)} ${name.slice(0, comma)}` : name;
  const words = ordered
    .split(/\s+/)
    .filter((word) => firstLetter(word) !== undefined)
    .filter((word) => company || !NAME_NOISE.has(foldText(word).replace(/\./g, '')));
  const chosen = company ? words.slice(0, 2) : words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return chosen.map((word) => firstLetter(word)!).join('') || '?';
}

/**
 * Initials on a colour of their own (issue 19): a person round, a company square. Decorative — the
 * name is always written beside it — so hidden from screen readers.
 */
export function Avatar({ name, company = false, size = 40 }: { name: string; company?: boolean; size?: number }) {
  return (
    <span
      className={company ? 'avatar company' : 'avatar'}
      aria-hidden="true"
      style={{ width: size, height: size, fontSize: Math.round(size * 0.4), background: toneOf(name) }}
    >
      {initialsOf(name, company)}
    </span>
  );
}
