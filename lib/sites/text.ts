/** Invisible characters LinkedIn and Gmail sprinkle into text (bidi marks, zero-width spaces). */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** Text as a person reads it: invisible marks gone, runs of white space folded. */
export function normaliseSpace(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
