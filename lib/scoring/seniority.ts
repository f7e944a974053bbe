import type { SeniorityLevel } from '../model/person';
import { plainLetters } from '../text/letters';

/**
 * Seniority from a job title or a LinkedIn headline: executive, VP/head, director, manager, or
 * individual contributor. Rules are ordered from most to least senior and checked against the
 * accent-folded, lower-cased title, so "Geschäftsführer", "Geschaeftsfuehrer" and
 * "GESCHÄFTSFÜHRER" agree. A headline with several roles ("Founder & CEO | Advisor") takes its
 * most senior one. Pure data and functions: used in content-free contexts and the background.
 */

// Letters without a decomposition are spelt plainly: "Administrerende direktør" (Norway, Denmark)
// reads as "direktor".
const fold = (text: string) =>
  plainLetters(text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase())
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u');

interface Rule {
  level: SeniorityLevel;
  /** Matched against the folded title. */
  pattern: RegExp;
  /** A match of this in the same title vetoes the rule ("Vice President" is not "President"). */
  unless?: RegExp;
}

// Word boundaries that also work next to "&", "/", "," and non-ASCII letters after folding.
const B = '(?<![a-z])';
const E = '(?![a-z])';
const w = (alternatives: string) => new RegExp(`${B}(?:${alternatives})${E}`);

const RULES: Rule[] = [
  // Executive: the C-suite, founders and owners, presidents, managing directors and partners,
  // general managers, and their usual translations.
  {
    level: 'executive',
    pattern: w(
      [
        'chief [a-z &]*officer',
        'c[a-z]{1,3}o', // CEO, CFO, COO, CTO, CIO, CMO, CRO, CSO, CPO, CHRO, CISO, CDO
        'co-?founder',
        'founder',
        'owner',
        'proprietor',
        'president',
        'managing director',
        'managing partner',
        'senior partner',
        'equity partner',
        'partner',
        'general manager',
        'gm',
        'executive director',
        'geschaftsfuhrer(?:in)?',
        'geschaftsfuhrende[rs]? gesellschafter(?:in)?',
        'inhaber(?:in)?',
        'grunder(?:in)?',
        'vorstand(?:svorsitzende[r]?)?',
        'directeur general',
        'directrice generale',
        'president directeur general',
        'pdg',
        'fondateur',
        'fondatrice',
        'gerant(?:e)?',
        'director general',
        'directora general',
        'director ejecutivo',
        'gerente general',
        'fundador(?:a)?',
        'socio',
        'propietario',
        'amministratore delegato',
        'verkstallande direktor',
        'administrerende direktor',
        'toimitusjohtaja',
      ].join('|'),
    ),
    unless: w(
      [
        'vice[ -]?president',
        'assistant to',
        'executive assistant',
        'assistant',
        'product owner',
        'process owner',
        'owner operator support',
        'partner manager',
        'partner (?:account|sales|success|marketing|development|channel|program|alliances?)',
        '(?:channel|alliance|business|strategic|implementation|solutions?|technology) partner',
        'partnerships?',
        'ceo office',
        'to the (?:ceo|president|founder)',
        'cto office',
        'cso analyst',
      ].join('|'),
    ),
  },
  // VP and head of.
  {
    level: 'vp',
    pattern: w(
      [
        'vice[ -]?president',
        'vp',
        'svp',
        'evp',
        'avp',
        'head of',
        'head',
        'chief of staff',
        'vizeprasident(?:in)?',
        'bereichsleiter(?:in)?',
        'leiter(?:in)?',
        'directeur adjoint',
        'vice-presidente?',
        'vicepresidente',
        'responsable de departement',
      ].join('|'),
    ),
    unless: w('head(?:hunter|hunting|count|quarters)|team ?leiter(?:in)?|gruppenleiter(?:in)?|abteilungsleiter(?:in)?|projektleiter(?:in)?|teamleiter(?:in)?'),
  },
  // Director.
  {
    level: 'director',
    pattern: w(['director', 'dir\\.?', 'directrice', 'directeur', 'direktor(?:in)?', 'directora?', 'diretor(?:a)?', 'direttore'].join('|')),
    unless: w('art director|creative director(?= of photography)|director of photography'),
  },
  // Manager and team lead.
  {
    level: 'manager',
    pattern: w(
      [
        'manager',
        'mgr\\.?',
        'management',
        'team lead(?:er)?',
        'lead',
        'supervisor',
        'superintendent',
        'foreman',
        'teamleiter(?:in)?',
        'gruppenleiter(?:in)?',
        'abteilungsleiter(?:in)?',
        'projektleiter(?:in)?',
        'gerente',
        'jefe',
        'jefa',
        'responsable',
        'chef de [a-z]+',
        'chef d\'equipe',
        'gestionnaire',
        'coordinateur',
        'capo',
      ].join('|'),
    ),
    unless: w('account manager(?=.*individual)'),
  },
];

/** Splits a headline into its roles: "CEO at Acme | Advisor · Speaker" → ["CEO", "Advisor", "Speaker"]. */
function roles(title: string): string[] {
  return title
    .split(/\s*(?:\||·|•|,(?=\s*[A-Z])|;|\/\/)\s*/)
    .map(
      // Only the part before the employer is kept, and it is trimmed next: how much white space
      // around "at" is taken cannot change a role.
      // Stryker disable next-line Regex,StringLiteral: see above; and split always gives a first part, so `?? ''` is never taken
      (part) => part.split(/\s+(?:at|@|bei|chez|en|in|presso)\s+/i)[0] ?? '',
    )
    .map(
      // Stryker disable next-line MethodExpression: the splits above take the white space around each role, and no rule reads white space
      (part) => part.trim(),
    )
    .filter(Boolean);
}

const ORDER: SeniorityLevel[] = ['executive', 'vp', 'director', 'manager', 'individual'];

function levelOfRole(role: string): SeniorityLevel {
  const folded = fold(role);
  for (const rule of RULES) {
    // Stryker disable next-line OptionalChaining,BooleanLiteral: every rule has a veto, so `?.` and `?? false` are never taken
    if (rule.pattern.test(folded) && !(rule.unless?.test(folded) ?? false)) return rule.level;
  }
  return 'individual';
}

// Titles repeat across thousands of people ("Plant Manager"): classify each once (bounded).
const CACHE_LIMIT = 10_000;
const cache = new Map<string, SeniorityLevel | undefined>();

/** The seniority a title or headline states; undefined when there is no title at all. */
export function seniorityFromTitle(title: string | undefined | null): SeniorityLevel | undefined {
  // Stryker disable next-line MethodExpression: a blank title has no roles either; checking it first only saves the work
  if (!title || !title.trim()) return undefined;
  // Stryker disable next-line ConditionalExpression: classifying a title again gives the same level; the memo only saves time
  if (cache.has(title)) return cache.get(title);
  const levels = roles(title).map(levelOfRole);
  // Stryker disable next-line ConditionalExpression: with no roles, the search below finds nothing too
  const level = levels.length === 0 ? undefined : ORDER.find((l) => levels.includes(l));
  // Stryker disable next-line ConditionalExpression,EqualityOperator: when the bounded memo is emptied only changes speed, never a level
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(title, level);
  return level;
}

export const SENIORITY_LABELS: Record<SeniorityLevel, string> = {
  executive: 'Executive',
  vp: 'VP / Head of',
  director: 'Director',
  manager: 'Manager',
  individual: 'Individual contributor',
};
