import { foldText } from '../identity/names';
import type { Person } from '../model';
import type { SearchField } from './keys';

/**
 * The text a search matched, for the list to show beside the person ("Notes: … plant manager in
 * Ohio …"), with where each typed word starts a word in it. Folding keeps one character per
 * character for the letters people type (NFKD then marks removed, per character), so positions
 * in the folded text are positions in the original.
 */

export interface MatchedText {
  field: SearchField;
  label: string;
  text: string;
  /** [start, end) of each highlighted word start in `text`. */
  marks: [number, number][];
}

const LABELS: Record<SearchField, string> = {
  name: 'Name',
  company: 'Company',
  title: 'Title',
  email: 'Email',
  tag: 'Tag',
  place: 'Place',
  notes: 'Notes',
};

function textsOf(person: Pick<Person, 'name' | 'companyName' | 'title' | 'headline' | 'location' | 'emails' | 'tags' | 'notes'>, field: SearchField): string[] {
  switch (field) {
    case 'name':
      return [person.name];
    case 'company':
      return person.companyName ? [person.companyName] : [];
    case 'title':
      return [person.title, person.headline].filter((t): t is string => Boolean(t));
    case 'place':
      return person.location ? [person.location] : [];
    case 'email':
      return person.emails;
    case 'tag':
      return person.tags;
    case 'notes':
      return person.notes ? [person.notes] : [];
  }
}

/** Each character folded on its own, so index i of the result is character i of `text`. */
function foldEach(text: string): string {
  let out = '';
  for (const char of text) {
    const folded = foldText(char);
    // One UTF-16 unit per original unit: a letter that folds to two ("ß" → "ss") keeps its first.
    out += folded.length === char.length ? folded : (folded[0] ?? ' ').padEnd(char.length, ' ');
  }
  return out;
}

/** Where each of `words` starts a word of `text` (folded), as marks. */
function marksIn(text: string, words: readonly string[]): [number, number][] {
  const folded = foldEach(text);
  const marks: [number, number][] = [];
  for (const word of words) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(word, from);
      if (at < 0) break;
      const startsAWord = at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1]!);
      if (startsAWord) {
        marks.push([at, at + word.length]);
        break;
      }
      from = at + 1;
    }
  }
  return marks.sort((a, b) => a[0] - b[0]);
}

/** Around the first mark, at most `width` characters, with ellipses where cut. */
function excerpt(text: string, marks: [number, number][], width: number): { text: string; marks: [number, number][] } {
  const oneLine = text.replace(/\s/g, ' ');
  if (oneLine.length <= width) return { text: oneLine, marks };
  const first = marks[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(width / 3), oneLine.length - width));
  const end = Math.min(oneLine.length, start + width);
  const prefix = start > 0 ? '…' : '';
  const shifted = marks.filter(([a, b]) => a >= start && b <= end).map(([a, b]): [number, number] => [a - start + prefix.length, b - start + prefix.length]);
  return { text: `${prefix}${oneLine.slice(start, end)}${end < oneLine.length ? '…' : ''}`, marks: shifted };
}

/** What the words matched in `field` of the person, or undefined when nothing there shows them. */
export function matchedText(
  person: Pick<Person, 'name' | 'companyName' | 'title' | 'headline' | 'location' | 'emails' | 'tags' | 'notes'>,
  field: SearchField,
  words: readonly string[],
  width = 80,
): MatchedText | undefined {
  let best: { text: string; marks: [number, number][] } | undefined;
  for (const text of textsOf(person, field)) {
    const marks = marksIn(text, words);
    if (marks.length > 0 && (!best || marks.length > best.marks.length)) best = { text, marks };
  }
  if (!best) return undefined;
  return { field, label: LABELS[field], ...excerpt(best.text, best.marks, width) };
}
