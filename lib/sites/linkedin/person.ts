import type { SeenLinkedInPerson } from '../../messaging/protocol';
import { firstObjectOrUndefined, jsonLdNodes, ofType, stringOrUndefined, type JsonLdNode } from './jsonLd';
import {
  COMPANY_LINK,
  CONTACT_INFO_LINK,
  CURRENT_COMPANY_CONTROL,
  CURRENT_COMPANY_LABEL,
  MAIN,
  PERSON_CURRENT_COMPANY,
  PERSON_HEADLINE,
  PERSON_LOCATION,
  PERSON_NAME,
  PERSON_TOP_CARD,
} from './selectors';
import { cleanNameOrUndefined, cleanValueOrUndefined, isNoise, normaliseSpace, visibleText } from './text';
import { canonicalCompanyUrlOrUndefined, canonicalProfileUrlOrUndefined, salesAccountCompanyUrlOrUndefined } from './url';

/**
 * A person's fields from a profile page (or a Sales Navigator lead), by several strategies in
 * order: structured data (JSON-LD on public pages), the top card's stable hooks, its
 * per-generation classes, its structure (2025 hashed classes), then the page title. A field that
 * is not on the page is absent.
 */

export function firstMatch(root: ParentNode, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return undefined;
}

export function mainOf(doc: Document): Element {
  return firstMatch(doc, MAIN) ?? doc.body ?? doc.documentElement;
}

function topCardOf(doc: Document): Element | undefined {
  const main = mainOf(doc);
  for (const selector of PERSON_TOP_CARD) {
    const card = main.querySelector(selector);
    // Asides live inside <main> on some generations; a top card never does.
    if (card && !card.closest('aside')) return card;
  }
  return undefined;
}

/** The JSON-LD Person that is this profile (public pages), never another one on the page. */
function jsonLdPersonOrUndefined(doc: Document, profileUrl: string): JsonLdNode | undefined {
  return ofType(jsonLdNodes(doc), 'Person').find((p) => {
    const url = stringOrUndefined(p.url) ?? stringOrUndefined(p.sameAs);
    return url !== undefined && canonicalProfileUrlOrUndefined(url) === profileUrl;
  });
}

/** Page-title segments LinkedIn puts around the name on profile sub-pages. */
const TITLE_SECTIONS =
  /^(?:experience|education|skills|activity|all activity|recent activity|posts|comments|reactions|licenses & certifications|projects|languages|recommendations|interests|volunteering|honors & awards|courses|publications|about|contact info|berufserfahrung|ausbildung|kenntnisse|aktivitäten|expérience|formation|compétences|activité|experiencia|educación|aptitudes|actividad)$/i;

/**
 * The name from a page title: "(4) Jane Doe | LinkedIn", "Experience | Jane Doe | LinkedIn",
 * "Jane Doe - Acme | LinkedIn" (public), "Jane Doe | Sales Navigator". The notification count
 * in parentheses is the viewer's, not part of the name.
 */
export function nameFromTitleOrUndefined(title: string): string | undefined {
  const segments = normaliseSpace(title.replace(/^\(\d+\+?\)\s*/, ''))
    .split(/\s+\|\s+/)
    .filter((s) => !/^(?:linkedin|sales navigator)$/i.test(s) && !TITLE_SECTIONS.test(s));
  const first = segments[0];
  if (!first) return undefined;
  // Public pages: "Name - Headline - Company" or "Name – Company".
  return cleanNameOrUndefined(first.split(/\s+[-–—]\s+/)[0]);
}

function currentCompanyFromLabel(scope: Element): string | undefined {
  for (const control of scope.querySelectorAll(CURRENT_COMPANY_CONTROL)) {
    const match = CURRENT_COMPANY_LABEL.exec(control.getAttribute('aria-label') ?? '');
    if (match?.[1]) return cleanValueOrUndefined(match[1]);
  }
  return undefined;
}

/** The company page a company name links to, from the main column (never the aside). */
function companyUrlFor(doc: Document, scope: Element, companyName: string | undefined): string | undefined {
  const own = scope.closest(COMPANY_LINK) ?? undefined;
  const candidates = own ? [own] : [...mainOf(doc).querySelectorAll(COMPANY_LINK)];
  for (const link of candidates) {
    if (link.closest('aside')) continue;
    const label = normaliseSpace(`${visibleText(link)} ${link.querySelector('img')?.getAttribute('alt') ?? ''}`);
    if (own || (companyName && label.toLowerCase().includes(companyName.toLowerCase()))) {
      const href = link.getAttribute('href') ?? '';
      return canonicalCompanyUrlOrUndefined(href) ?? salesAccountCompanyUrlOrUndefined(href);
    }
  }
  return undefined;
}

/**
 * 2025 hashed markup: the headline is the first visible text block after the name that is not
 * pronouns, degree, a badge or a count.
 */
function headlineByStructure(card: Element, heading: Element): string | undefined {
  for (const el of card.querySelectorAll('p, div, span, h2')) {
    if (!(heading.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    if (heading.contains(el) || el.closest('ul, button, a')) continue;
    if (el.querySelector('p, div, h2')) continue; // a container, not a text block
    // The location row (text beside the contact-info link) is not the headline.
    const row = el.parentElement;
    if (el.querySelector(CONTACT_INFO_LINK) || (row && !row.contains(heading) && row.querySelector(CONTACT_INFO_LINK))) continue;
    const text = visibleText(el);
    if (text && !isNoise(text)) return cleanValueOrUndefined(text);
  }
  return undefined;
}

/** The text beside the contact-info link, which is the location (2020–25 logged in). */
function locationBesideContactInfo(card: Element): string | undefined {
  const link = card.querySelector(CONTACT_INFO_LINK);
  let row = link?.parentElement;
  // The link may be wrapped (a separator span); climb to the row that also holds the location.
  while (row && row !== card && normaliseSpace(visibleText(row)) === normaliseSpace(visibleText(link))) row = row.parentElement;
  if (!row || row === card) return undefined;
  for (const child of row.children) {
    if (child.contains(link!)) continue;
    const text = visibleText(child);
    if (text && !isNoise(text)) return cleanValueOrUndefined(text);
  }
  return undefined;
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function extractPerson(
  doc: Document,
  profileUrl: string,
  { withTopCard = true }: { withTopCard?: boolean } = {},
): SeenLinkedInPerson {
  const card = withTopCard ? topCardOf(doc) : undefined;
  const ld = jsonLdPersonOrUndefined(doc, profileUrl);
  const heading = card ? firstMatch(card, PERSON_NAME) : undefined;

  const name =
    cleanNameOrUndefined(stringOrUndefined(ld?.name)) ??
    cleanNameOrUndefined(visibleText(heading)) ??
    nameFromTitleOrUndefined(doc.title);

  let headline: string | undefined;
  let location: string | undefined;
  let companyName: string | undefined;
  let companyLinkedInUrl: string | undefined;

  if (card) {
    headline = cleanValueOrUndefined(visibleText(firstMatch(card, PERSON_HEADLINE)));
    if (!headline && heading) headline = headlineByStructure(card, heading);

    location = cleanValueOrUndefined(visibleText(firstMatch(card, PERSON_LOCATION))) ?? locationBesideContactInfo(card);

    companyName = currentCompanyFromLabel(card);
    const companyElement = firstMatch(card, PERSON_CURRENT_COMPANY);
    if (!companyName && companyElement) companyName = cleanValueOrUndefined(visibleText(companyElement));
    companyLinkedInUrl = companyUrlFor(doc, companyElement ?? card, companyName);
  }

  const worksFor = firstObjectOrUndefined(ld?.worksFor);
  companyName ??= cleanValueOrUndefined(stringOrUndefined(worksFor?.name));
  const worksForUrl = stringOrUndefined(worksFor?.url);
  companyLinkedInUrl ??= worksForUrl ? canonicalCompanyUrlOrUndefined(worksForUrl) : undefined;
  if (!location) {
    const address = firstObjectOrUndefined(ld?.address);
    location = cleanValueOrUndefined(stringOrUndefined(address?.addressLocality));
  }

  return definedOnly({ linkedinUrl: profileUrl, name, headline, location, companyName, companyLinkedInUrl });
}
