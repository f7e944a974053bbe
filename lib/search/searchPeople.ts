import type { GroundworkDB } from '../db/db';
import { NAME_NOISE } from '../identity/names';
import { FIELD_PREFIX, KEY_LENGTH, SEARCH_FIELDS, searchWords, type SearchField } from './keys';

/**
 * Search as you type over saved people (issue 18), read through two multi-entry indexes —
 * `nameKeys` (their name's words) and `searchKeys` (every other field's words, each prefixed by its
 * field; lib/search/keys.ts). Every word typed must start a word of the person somewhere (accents
 * and case aside): "ohio plant" finds the plant manager in Ohio. Ranked by where the words matched,
 * name first and notes last, as `SEARCH_FIELDS` orders them.
 *
 * Why indexes rather than an in-memory library: the index is IndexedDB's own, written in the same
 * transaction as every save, import, restore and merge (by the middleware in lib/db/nameKeys.ts),
 * so it can never be stale, costs no start-up build and no memory, and survives the worker and the
 * page being stopped. bench/README.md has the figures beside a raw IndexedDB read of the same keys.
 */

export interface PeopleSearch {
  /** The folded words searched for (what to highlight). */
  words: string[];
  /** Matching people's ids, best first; ties in the caller's own order. */
  ids: string[];
  /** For each match, the best field each word matched in; its rank is the sum of their ranks. */
  fields: Map<string, SearchField[]>;
  rank: Map<string, number>;
}

/** Words beyond this many add little and cost a range read each. */
export const MAX_WORDS = 6;

const RANK: Record<SearchField, number> = Object.fromEntries(SEARCH_FIELDS.map((field, i) => [field, i])) as Record<SearchField, number>;

/**
 * The fields a word is looked for in, by its length. A first letter finds names by their initial
 * (as a phone's contacts do); two letters add the company, title, place and tags; from three, every
 * field, notes and addresses too. A letter or two typed into notes and titles would match most of
 * 50k people and cost a read of every one of their keys (bench/README.md), for nothing a rep wants.
 */
export function fieldsFor(word: string): readonly SearchField[] {
  if (word.length === 1) return ['name'];
  if (word.length === 2) return ['name', 'company', 'title', 'tag', 'place'];
  return SEARCH_FIELDS;
}

/** For one word: each person it starts a word of, with the best field it did so in. */
async function matchesOf(db: GroundworkDB, word: string): Promise<Map<string, SearchField>> {
  const reads: [SearchField, Promise<string[]>][] = fieldsFor(word).map((field) => [
    field,
    (field === 'name' ? db.people.where('nameKeys').startsWith(word) : db.people.where('searchKeys').startsWith(FIELD_PREFIX[field] + word)).primaryKeys() as Promise<string[]>,
  ]);
  const best = new Map<string, SearchField>();
  for (const [field, read] of reads) {
    for (const id of await read) {
      const known = best.get(id);
      if (known === undefined || RANK[field] < RANK[known]) best.set(id, field);
    }
  }
  return best;
}

/**
 * The words a text is searched by: folded, each once, cut as the keys are. Beside other words, an
 * initial ("j smith", "John F Kennedy") and a salutation or suffix ("Dr Amara", "Lee Jr") are
 * dropped, as names are indexed without them; alone, a letter is the start of a name.
 */
export function queryWords(text: string): string[] {
  const words = [...new Set(searchWords(text).map((word) => word.slice(0, KEY_LENGTH)))];
  const telling = words.filter((word) => word.length > 1 && !NAME_NOISE.has(word));
  return (telling.length > 0 ? telling : words).slice(0, MAX_WORDS);
}

export async function searchPeople(db: GroundworkDB, text: string): Promise<PeopleSearch> {
  const words = queryWords(text);
  if (words.length === 0) return { words, ids: [], fields: new Map(), rank: new Map() };
  const perWord = await db.transaction('r', db.people, () => Promise.all(words.map((word) => matchesOf(db, word))));
  // Intersect from the narrowest word's matches.
  const order = perWord.map((_, i) => i).sort((a, b) => perWord[a]!.size - perWord[b]!.size);
  const fields = new Map<string, SearchField[]>();
  const rank = new Map<string, number>();
  for (const id of perWord[order[0]!]!.keys()) {
    const found: SearchField[] = [];
    let all = true;
    for (const matches of perWord) {
      const field = matches.get(id);
      if (field === undefined) {
        all = false;
        break;
      }
      found.push(field);
    }
    if (!all) continue;
    fields.set(id, found);
    rank.set(id, found.reduce((sum, field) => sum + RANK[field], 0));
  }
  const ids = [...rank.keys()].sort((a, b) => rank.get(a)! - rank.get(b)!);
  return { words, ids, fields, rank };
}
