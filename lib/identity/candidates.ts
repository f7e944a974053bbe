import type { GroundworkDB } from '../db/db';
import { domainOf } from '../db/accounts';
import { domainOfAddress, isPublicMailDomain } from '../mail/recipients';
import type { Account, Person } from '../model';
import { foldText, givenNameVariants, nameMatchStrength, nameTokens } from './names';

/**
 * Who an email address Groundwork does not know most likely belongs to (issue 16). LinkedIn
 * rarely shows an address, so the prospect saved from LinkedIn meets their address first in
 * Gmail: "Adaeze Okonkwo-Reyes <adaeze@sable-ridge-foods.example>" is the saved Adaeze
 * Okonkwo-Reyes of Sable Ridge Foods. The name on the chip (or the address's own words) is
 * compared with saved names, and the address's domain with the person's company — its web
 * domains, their other addresses, its name. Candidates are read through indexes (`nameKeys`,
 * account domains), never by reading every person.
 */

export interface Candidate {
  person: Person;
  /** Their company, as the offer names it. */
  company?: string;
  /** 3 the same name, 2 first and family name agree, 1 only one of them (lib/identity/names.ts). */
  name: 0 | 1 | 2 | 3;
  /** 2 their company's domain or their other address, 1 their company's name in it, 0 nothing either way, -1 another company's. */
  domain: -1 | 0 | 1 | 2;
  /** Sure enough to offer in one click; otherwise only among choices. */
  confident: boolean;
}

/** How many candidates are offered at most. */
export const MAX_CANDIDATES = 3;
const READ_LIMIT = 300;

/** "sable-ridge-foods.example" → "sableridgefoods": the part of a domain a company name shows in. */
function domainLabel(domain: string): string {
  const parts = domain.split('.');
  const label = parts.length > 2 && parts.at(-2)!.length <= 3 ? parts.at(-3)! : (parts.at(-2) ?? parts[0]!);
  return foldText(label).replace(/[^a-z0-9]/g, '');
}

const compact = (text: string) => foldText(text).replace(/[^a-z0-9]/g, '');
// A legal form is the name's last word ("Havel AG", "Lumen S.A.", "Kestrel, Inc."), never the end of
// a word: "Mesa" and "Disco" keep their letters. Abbreviations may be written with dots.
const LEGAL_FORMS = ['incorporated', 'inc', 'llc', 'ltd', 'limited', 'gmbh', 'ag', 'sa', 'sas', 'srl', 'spa', 'bv', 'nv', 'plc', 'corp', 'corporation', 'company', 'co', 'group', 'holding', 'holdings'];
const LEGAL_FORM = new RegExp(`[^a-z0-9]+(?:${LEGAL_FORMS.map((form) => form.split('').join('\\.?')).join('|')})\\.?$`);

/** Their domains: their company's web domains and website, and their other non-public addresses. */
function domainsOf(person: Person, account: Account | undefined): string[] {
  const own = person.emails.map(domainOfAddress).filter((d) => !isPublicMailDomain(d));
  const company = [...(account?.domains ?? []), ...(account?.website ? [domainOf(account.website)] : [])].filter((d): d is string => d !== undefined);
  return [...new Set([...own, ...company])];
}

const sameOrParent = (domain: string, of: string) => domain === of || domain.endsWith(`.${of}`) || of.endsWith(`.${domain}`);

/** What the address's domain says about whether it is this person's. */
export function domainEvidence(email: string, person: Person, account: Account | undefined): Candidate['domain'] {
  const domain = domainOfAddress(email);
  if (isPublicMailDomain(domain)) return 0;
  const known = domainsOf(person, account);
  if (known.some((d) => sameOrParent(domain, d))) return 2;
  const company = person.companyName ?? account?.name;
  if (company) {
    const name = compact(company);
    const bare = compact(foldText(company).replace(LEGAL_FORM, ''));
    const label = domainLabel(domain);
    if (label.length >= 3 && (label === name || label === bare || (bare.length >= 4 && (label.includes(bare) || bare.includes(label))))) return 1;
  }
  // Their company is known to live at another domain: a namesake, or an old address.
  return known.length > 0 ? -1 : 0;
}

/** The name an address's own words give, when the chip shows none: "a.okonkwo-reyes" → "a okonkwo reyes". */
export function nameFromAddress(email: string): string {
  const local = email.slice(0, email.lastIndexOf('@'));
  // "ines+newsletters" is ines.
  // Stryker disable next-line Regex: an address holds no line break, so "to the end" and "to the end of the line" are the same
  const untagged = local.replace(/\+.*$/, '');
  return untagged.replace(/[._\-\d]+/g, ' ').trim();
}

export function isConfident(name: Candidate['name'], domain: Candidate['domain']): boolean {
  return (name >= 2 && domain >= 1) || (name === 3 && domain >= 0);
}

/** Worth offering at all, if only among choices. */
export function isPlausible(name: Candidate['name'], domain: Candidate['domain']): boolean {
  return (name >= 2 && domain >= 0) || (name >= 1 && domain >= 1) || name === 3;
}

/**
 * The saved people `email` (shown as `shownName`) most likely belongs to, best first, at most
 * three: confident ones first. People who already have an address at a public provider or
 * elsewhere are still candidates; people with exactly this address are not (they are found
 * directly).
 */
export async function likelyPeople(db: GroundworkDB, email: string, shownName?: string): Promise<Candidate[]> {
  const address = email.toLowerCase();
  const showsName =
    shownName &&
    // Stryker disable next-line ConditionalExpression,MethodExpression: an address always holds '@', so a chip showing it is turned down by the '@' check too
    shownName.trim().toLowerCase() !== address &&
    !shownName.includes('@');
  const shown = showsName ? shownName : nameFromAddress(address);
  // Stryker disable next-line MethodExpression,ConditionalExpression,EqualityOperator: single letters are never among nameKeys (nameKeysOf), so reading by them finds no one; leaving them out only saves the read
  const tokens = nameTokens(shown).filter((t) => t.length > 1);
  // Stryker disable next-line ArrayDeclaration: with no words there is nothing to read by; any word put in instead is no folded name word and finds no one
  const nicknames = tokens[0] ? givenNameVariants(tokens[0]) : [];
  const keys = [...new Set([...tokens, ...nicknames])];
  const domain = domainOfAddress(address);
  const [byName, accounts] = await Promise.all([
    keys.length ? db.people.where('nameKeys').anyOf(keys).distinct().limit(READ_LIMIT).toArray() : [],
    isPublicMailDomain(domain)
      ? // Stryker disable next-line ArrayDeclaration: anything put in place of no accounts has no id, and people read by no id are no one
        []
      : db.accounts.where('domains').anyOf([domain, domain.split('.').slice(-2).join('.')]).toArray(),
  ]);
  const byAccount = accounts.length ? await db.people.where('accountId').anyOf(accounts.map((a) => a.id)).limit(READ_LIMIT).toArray() : [];
  const people = new Map([...byName, ...byAccount].filter((p) => !p.emails.includes(address)).map((p) => [p.id, p]));
  // Stryker disable next-line MethodExpression,ConditionalExpression: Dexie's bulkGet skips a missing key and gives undefined for it, which the next line drops
  const accountIds = [...new Set([...people.values()].map((p) => p.accountId).filter((id): id is string => id !== undefined))];
  const accountById = new Map((await db.accounts.bulkGet(accountIds)).filter((a): a is Account => a !== undefined).map((a) => [a.id, a]));

  const candidates: Candidate[] = [];
  for (const person of people.values()) {
    const account = person.accountId ? accountById.get(person.accountId) : undefined;
    const name = nameMatchStrength(shown, person.name);
    const evidence = domainEvidence(address, person, account);
    if (!isPlausible(name, evidence)) continue;
    const company = person.companyName ?? account?.name;
    candidates.push({ person, ...(company ? { company } : {}), name, domain: evidence, confident: isConfident(name, evidence) });
  }
  candidates.sort((a, b) => Number(b.confident) - Number(a.confident) || b.name - a.name || b.domain - a.domain || b.person.updatedAt - a.person.updatedAt);
  return candidates.slice(0, MAX_CANDIDATES);
}
