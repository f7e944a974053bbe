/**
 * Case- and accent-insensitive matching of the rep's keywords against page text. Re-scoring tens
 * of thousands of people repeats the same texts (places, industries, titles) and the same term
 * lists, so folded texts are memoised (bounded) and each term list is compiled once.
 */

const FOLD_CACHE_LIMIT = 20_000;
const folded = new Map<string, string>();

export function foldText(text: string): string {
  let result = folded.get(text);
  if (result === undefined) {
    result = text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
    if (folded.size >= FOLD_CACHE_LIMIT) folded.clear();
    folded.set(text, result);
  }
  return result;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One whole-word pattern per term ("IT" matches "Head of IT", not "with"). */
function wordPattern(term: string): RegExp | undefined {
  const t = foldText(term);
  return t ? new RegExp(`(?<![\\p{L}\\p{N}])${escape(t)}(?![\\p{L}\\p{N}])`, 'u') : undefined;
}

/** Compiled patterns per term list; lists are compared by identity, so a profile compiles once. */
const compiled = new WeakMap<readonly string[], { term: string; pattern: RegExp }[]>();

function patternsFor(terms: readonly string[]) {
  let patterns = compiled.get(terms);
  if (!patterns) {
    patterns = terms.flatMap((term) => {
      const pattern = wordPattern(term);
      return pattern ? [{ term, pattern }] : [];
    });
    compiled.set(terms, patterns);
  }
  return patterns;
}

/** The first of `terms` (in the rep's order) found in `text`, if any. */
export function firstTermIn(text: string | undefined, terms: readonly string[]): string | undefined {
  if (!text || terms.length === 0) return undefined;
  const haystack = foldText(text);
  return patternsFor(terms).find(({ pattern }) => pattern.test(haystack))?.term;
}
