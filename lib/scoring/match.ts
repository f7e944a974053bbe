/** Case- and accent-insensitive matching of the rep's keywords against page text. */

export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `term` occurs in `text` as whole words ("IT" matches "Head of IT", not "with"). */
export function containsTerm(text: string, term: string): boolean {
  const t = foldText(term);
  if (!t) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(t)}(?![\\p{L}\\p{N}])`, 'u').test(foldText(text));
}

/** The first of `terms` found in `text`, if any. */
export function firstTermIn(text: string | undefined, terms: readonly string[]): string | undefined {
  if (!text) return undefined;
  return terms.find((term) => containsTerm(text, term));
}
