import { foldText } from '../identity/names';

/**
 * What the workspace's search finds a person by (issue 18), as the `searchKeys` multi-entry index
 * of `people` (schema v8) holds it: every word of their company, title, headline, place, email
 * addresses, tags and notes, folded (no accents, lower case) and prefixed by the field it came from.
 * Their name's words are the `nameKeys` index already (lib/db/nameKeys.ts). The prefix lets one index
 * answer "which field matched", so a name match ranks before a notes match without reading anyone.
 */

/** Where a word was found, best first: the rank of a match. */
export const SEARCH_FIELDS = ['name', 'company', 'title', 'email', 'tag', 'place', 'notes'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export const FIELD_PREFIX: Record<Exclude<SearchField, 'name'>, string> = {
  company: 'c:',
  title: 't:',
  email: 'e:',
  tag: 'g:',
  place: 'l:',
  notes: 'x:',
};

/**
 * Notes can be long: their first distinct words are indexed, enough for what a rep writes about
 * someone. Every write of a person rewrites all their index entries (IndexedDB does), so this bounds
 * what any save of a person costs.
 */
export const NOTE_WORDS = 120;
/** A word longer than this is indexed by its start (a pasted token or URL, not something typed). */
export const KEY_LENGTH = 40;

/** The folded words of a text: letters and digits, split on everything else. */
export function searchWords(text: string | undefined): string[] {
  if (!text) return [];
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

export interface Searchable {
  companyName?: string;
  title?: string;
  headline?: string;
  location?: string;
  emails?: readonly string[];
  tags?: readonly string[];
  notes?: string;
}

/** The person's search keys, each once. */
export function searchKeysOf(person: Searchable): string[] {
  const keys = new Set<string>();
  const add = (field: Exclude<SearchField, 'name'>, words: readonly string[], limit = Infinity) => {
    let added = 0;
    for (const word of words) {
      if (added >= limit) break;
      const key = FIELD_PREFIX[field] + word.slice(0, KEY_LENGTH);
      if (keys.has(key)) continue;
      keys.add(key);
      added++;
    }
  };
  add('company', searchWords(person.companyName));
  add('title', [...searchWords(person.title), ...searchWords(person.headline)]);
  add('place', searchWords(person.location));
  // An address is found by its whole (typed from the start) and by each word of it.
  for (const email of person.emails ?? []) add('email', [foldText(email), ...searchWords(email)]);
  for (const tag of person.tags ?? []) add('tag', [foldText(tag).trim(), ...searchWords(tag)]);
  add('notes', searchWords(person.notes), NOTE_WORDS);
  return [...keys];
}
