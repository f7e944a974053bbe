import { plainLetters } from '../text/letters';

/**
 * People's names as Groundwork compares them (issue 16): "Adaeze Okonkwo-Reyes" on LinkedIn,
 * "Okonkwo-Reyes, Adaeze" in Outlook, "adaeze okonkwo reyes" typed, "A. Okonkwo-Reyes" on a
 * chip, "Ines" for Inès, "Bob" for Robert. Pure functions, no Zod.
 */

/** Lower-case, without accents, apostrophes joined ("O’Connor" → "oconnor"). */
export function foldText(text: string): string {
  // Apostrophes go first: NFKD turns the acute accent ´ into a space and a mark, which split
  // "O´Connor" in two (issue 21).
  const folded = text
    .replace(/['’‘`´]/g, '')
    .normalize('NFKD')
    .replace(
      // Stryker disable next-line Regex: marks taken a run at a time or one at a time are all taken
      /\p{M}+/gu,
      '',
    )
    .toLowerCase();
  return plainLetters(folded);
}

/** Salutations and suffixes that are not part of whom a name names. */
export const NAME_NOISE: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'herr', 'frau', 'mme', 'mlle', 'jr', 'sr', 'ii', 'iii', 'phd', 'mba', 'md']);

/** "PhD", "Ph.D.", "Jr.": a part of a name after a comma that is only a suffix or a salutation. */
const isSuffix = (part: string) => NAME_NOISE.has(foldText(part).replace(/[\s.]/g, ''));

/**
 * A name's words, folded, in "first … last" order: "Okonkwo-Reyes, Adaeze" → adaeze okonkwo
 * reyes. Hyphenated parts are words of their own; salutations and suffixes go; a name that is an
 * email address (a chip without a name) has none.
 */
export function nameTokens(name: string | undefined): string[] {
  if (!name || name.includes('@')) return [];
  // "Last, First" (Outlook, directories) → First Last; "First Last, PhD" keeps its order. A suffix
  // after a comma goes whole, dots and all: "Ph.D." would otherwise leave the words "ph" and "d".
  const parts = name.split(',');
  const reordered = [...parts.slice(1).filter((part) => !isSuffix(part)), parts[0]].join(' ');
  return foldText(reordered)
    .split(
      // Stryker disable next-line Regex: splitting at each separator instead of each run only adds empty words, which the filter drops
      /[^\p{L}\p{N}]+/u,
    )
    .filter((token) => token.length > 0 && !NAME_NOISE.has(token));
}

/** The words a person is found by (the `nameKeys` index): their name's tokens, once each. */
export function nameKeysOf(name: string): string[] {
  return [...new Set(nameTokens(name).filter((token) => token.length > 1))];
}

/**
 * Given names and their short forms, each group one person's first name. Common in the markets
 * Groundwork's reps sell to; a miss costs only a weaker match, never a wrong one.
 */
const NICKNAME_GROUPS: readonly (readonly string[])[] = [
  ['robert', 'rob', 'bob', 'bobby', 'robbie', 'bert'],
  ['william', 'will', 'bill', 'billy', 'liam', 'willy'],
  ['richard', 'rich', 'rick', 'dick', 'ricky', 'richie'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['john', 'jon', 'johnny', 'jack'],
  ['jonathan', 'jon', 'jonny', 'nathan'],
  ['michael', 'mike', 'mick', 'mikey', 'micha'],
  ['thomas', 'tom', 'tommy', 'thom'],
  ['tomasz', 'tomek'],
  ['christopher', 'chris', 'kit'],
  ['christian', 'chris'],
  ['christine', 'chris', 'christina', 'tina', 'kristina'],
  ['daniel', 'dan', 'danny'],
  ['david', 'dave', 'davey'],
  ['edward', 'ed', 'eddie', 'ted', 'ned'],
  ['joseph', 'joe', 'joey', 'jose'],
  ['matthew', 'matt'],
  ['nicholas', 'nick', 'nicky', 'nico', 'niklas', 'nicolas'],
  ['patrick', 'pat', 'paddy'],
  ['peter', 'pete'],
  ['anthony', 'tony', 'ant'],
  ['andrew', 'andy', 'drew'],
  ['alexander', 'alex', 'sasha', 'alec', 'xander'],
  ['alexandra', 'alex', 'sasha', 'sandra', 'lexi'],
  ['benjamin', 'ben', 'benny'],
  ['samuel', 'sam', 'sammy'],
  ['samantha', 'sam', 'sammy'],
  ['stephen', 'steve', 'steven', 'stevie'],
  ['timothy', 'tim', 'timmy'],
  ['gregory', 'greg'],
  ['charles', 'charlie', 'chuck', 'chas'],
  ['frederick', 'fred', 'freddie', 'fritz'],
  ['henry', 'harry', 'hank'],
  ['lawrence', 'larry', 'laurence'],
  ['ronald', 'ron', 'ronnie'],
  ['donald', 'don', 'donnie'],
  ['kenneth', 'ken', 'kenny'],
  ['gerald', 'gerry', 'jerry'],
  ['douglas', 'doug'],
  ['raymond', 'ray'],
  ['elizabeth', 'liz', 'lizzie', 'beth', 'betty', 'eliza', 'lisa', 'elisabeth'],
  ['katherine', 'kate', 'kathy', 'katie', 'kat', 'catherine', 'cathy', 'kathryn', 'katharina', 'katarzyna', 'kasia'],
  ['margaret', 'maggie', 'meg', 'peggy', 'greta', 'marge'],
  ['jennifer', 'jen', 'jenny'],
  ['jessica', 'jess', 'jessie'],
  ['rebecca', 'becky', 'becca'],
  ['deborah', 'deb', 'debbie'],
  ['susan', 'sue', 'suzie', 'susanne', 'suzanne'],
  ['patricia', 'pat', 'patty', 'trish'],
  ['victoria', 'vicky', 'tori'],
  ['barbara', 'barb', 'babs'],
  ['theresa', 'teresa', 'terry', 'tess'],
  ['johannes', 'hans', 'jan'],
  ['josef', 'sepp', 'joseph'],
  ['wolfgang', 'wolf'],
  ['francesco', 'franco', 'cesco'],
  ['giuseppe', 'beppe', 'pino'],
  ['francisco', 'paco', 'pancho', 'fran'],
  ['alejandro', 'alex', 'ale'],
  ['guillermo', 'memo', 'willy'],
  ['ignacio', 'nacho'],
  ['dmitri', 'dima', 'dmitry'],
  ['aleksandr', 'sasha', 'alexander'],
  ['krzysztof', 'krzys'],
  ['malgorzata', 'gosia'],
];

const GROUPS_BY_NAME = new Map<string, Set<number>>();
NICKNAME_GROUPS.forEach((group, index) => {
  for (const name of group) {
    const key = foldText(name);
    GROUPS_BY_NAME.set(key, (GROUPS_BY_NAME.get(key) ?? new Set()).add(index));
  }
});

/** The first name and every name it can be short or long for: "bob" → bob, robert, rob, bobby… */
export function givenNameVariants(token: string): string[] {
  const variants = new Set([token]);
  for (const index of GROUPS_BY_NAME.get(token) ?? []) for (const name of NICKNAME_GROUPS[index]!) variants.add(foldText(name));
  return [...variants];
}

/** Whether two first-name tokens can name the same person: equal, short and long forms, or an initial. */
export function sameGivenName(a: string, b: string): boolean {
  // Stryker disable next-line ConditionalExpression: a name is among its own variants (and an initial shares its letter), so equal names agree below too
  if (a === b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  return givenNameVariants(a).includes(b);
}

/**
 * How well a name shown on a chip or a page names a saved person: 3 the same words; 2 first and
 * last name agree (a short form, an initial or extra middle names allowed); 1 only the family name,
 * or the only word shown is their first name; 0 not them.
 */
export function nameMatchStrength(shown: string | undefined, stored: string): 0 | 1 | 2 | 3 {
  const a = nameTokens(shown);
  const b = nameTokens(stored);
  if (a.length === 0 || b.length === 0) return 0;
  // Stryker disable next-line ConditionalExpression: words of different counts never join the same; comparing counts first only saves sorting
  const sameWords = a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');
  if (sameWords) return 3;
  // The family agrees when a word after the first name, not an initial, is in both: "Marcus J. Okafor"
  // is not "Marcus J. Lindqvist".
  const familyB = b.slice(1);
  const familyAgrees = a.slice(1).some((t) => t.length > 1 && familyB.includes(t));
  const givenAgrees = sameGivenName(a[0]!, b[0]!);
  if (familyAgrees && givenAgrees) return 2;
  if (familyAgrees) return 1;
  if (a.length === 1 && a[0]!.length > 1 && givenAgrees) return 1;
  return 0;
}
