import { plainLetters } from '../text/letters';

/**
 * Case- and accent-insensitive matching of the rep's keywords against page text. Re-scoring tens
 * of thousands of people repeats the same texts (places, industries, titles) and the same term
 * lists, so texts that need their accents taken off are memoised (bounded; plain text only needs
 * lower case) and each term list is compiled once, with one combined pattern that says in a
 * single test whether any of its terms is there at all.
 */

const UNACCENTED_LIMIT = 20_000;
const unaccented = new Map<string, string>();
// Anything but printable ASCII, white space and the middle dot that joins a subject's parts
// ("Plant Manager · Acme"): only such text needs its accents taken off.
const NOT_PLAIN = /[^ -~\s\u00b7]/;
/** Longer texts (a headline with its company) are rarely seen twice: unaccented, not remembered. */
const REMEMBERED_LENGTH = 48;

function unaccent(text: string): string {
  return plainLetters(text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
}

// The last long text unaccented: scoring asks about the same role line several times in a row
// (students, recruiters, title keywords), and only the latest is worth keeping.
let lastLong = { text: '', unaccented: '' };

/**
 * `text` lower-cased, without accents, ß, ø, ł… spelt plainly; its white space as it was (the
 * patterns take any run of it for a space). Re-scoring asks this of every person's fields, and
 * most are plain text, where lower case is all there is to do.
 */
function matchable(text: string): string {
  // Stryker disable next-line ConditionalExpression: unaccenting plain text changes nothing but time
  if (!NOT_PLAIN.test(text)) return text.toLowerCase();
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: remembering a long text or not only changes speed; the result is the same either way
  if (text.length > REMEMBERED_LENGTH) {
    // Stryker disable next-line ConditionalExpression: unaccenting again instead of reusing the last long text only costs time
    if (lastLong.text !== text) lastLong = { text, unaccented: unaccent(text) };
    return lastLong.unaccented;
  }
  let result = unaccented.get(text);
  // Stryker disable next-line ConditionalExpression: unaccenting again instead of using the memo only costs time
  if (result === undefined) {
    result = unaccent(text);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: when the bounded memo is emptied only changes speed, never a result
    if (unaccented.size >= UNACCENTED_LIMIT) unaccented.clear();
    unaccented.set(text, result);
  }
  return result;
}

/** `text` folded for comparing: lower case, no accents, ß, ø, ł… spelt plainly, one space between words. */
export function foldText(text: string): string {
  return matchable(text).replace(/\s+/g, ' ').trim();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_AFTER = '(?![\\p{L}\\p{N}])';

/** A term folded and escaped for a pattern, a space in it standing for any run of white space. */
const patternOf = (folded: string) => escape(folded).replace(/ /g, '\\s+');

/** A whole-word pattern for `source` ("IT" matches "Head of IT", not "with"). */
const wholeWords = (source: string) => new RegExp(`${WORD_BEFORE}${source}${WORD_AFTER}`, 'u');

interface CompiledTerms {
  /** Each term's pattern, in the rep's order. */
  patterns: { term: string; pattern: RegExp }[];
  /** Any of the terms, in one pattern: most texts match none, and one test says so. */
  any: RegExp | undefined;
}

/** Compiled patterns per term list; lists are compared by identity, so a profile compiles once. */
const compiled = new WeakMap<readonly string[], CompiledTerms>();

function patternsFor(terms: readonly string[]): CompiledTerms {
  let list = compiled.get(terms);
  // Stryker disable next-line ConditionalExpression: compiling a list again gives the same patterns; the memo only saves time
  if (!list) {
    const words = terms.flatMap((term) => {
      const plain = foldText(term);
      return plain ? [{ term, word: patternOf(plain) }] : [];
    });
    const patterns = words.map(({ term, word }) => ({ term, pattern: wholeWords(word) }));
    const alternatives = words.map(({ word }) => word).join('|');
    // Stryker disable next-line StringLiteral: an empty combined pattern lets every text through to the one-by-one tries: the same answer
    const source = `(?:${alternatives})`;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with no terms the empty pattern lets every text through to the one-by-one tries, which find nothing: the same answer
    list = { patterns, any: words.length > 0 ? wholeWords(source) : undefined };
    compiled.set(terms, list);
  }
  return list;
}

/** The first of `terms` (in the rep's order) found in `text`, if any. */
export function firstTermIn(text: string | undefined, terms: readonly string[]): string | undefined {
  if (!text) return undefined;
  // Stryker disable next-line ConditionalExpression: an empty list finds nothing either way; checking it first only skips folding the text
  if (terms.length === 0) return undefined;
  const haystack = matchable(text);
  const { patterns, any } = patternsFor(terms);
  // Stryker disable next-line ConditionalExpression,OptionalChaining,BooleanLiteral: the terms are still tried one by one below; the combined pattern only saves trying them when none is there
  if (!any?.test(haystack)) return undefined;
  // Stryker disable next-line OptionalChaining: the combined pattern matched, so one of its terms does: the search always finds
  return patterns.find(({ pattern }) => pattern.test(haystack))?.term;
}
