import type { SeenLinkedInPerson } from '../../messaging/protocol';
import { firstObjectOrUndefined, jsonLdNodes, objectsOf, ofType, stringOrUndefined, type JsonLdNode } from './jsonLd';
import {
  COMPANY_LINK,
  CONTACT_INFO_LINK,
  CURRENT_COMPANY_CONTROL,
  CURRENT_COMPANY_LABEL,
  CURRENT_POSITION,
  EXPERIENCE_SECTION,
  LOGO_SUFFIX,
  MAIN,
  NOT_THE_PROFILE,
  ONGOING_DATE_RANGE,
  PERSON_CURRENT_COMPANY,
  PERSON_HEADLINE,
  PERSON_LOCATION,
  PERSON_NAME,
  PERSON_TOP_CARD,
  TOP_CARD_EXPERIENCE_LINK,
} from './selectors';
import { cleanNameOrUndefined, cleanValueOrUndefined, isNoise, normaliseSpace, visibleLines, visibleText } from './text';
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

/** The company page a company name links to, from the main column (never an aside or "People also viewed"). */
function companyUrlFor(doc: Document, scope: Element, companyName: string | undefined): string | undefined {
  const own = scope.closest(COMPANY_LINK) ?? undefined;
  const candidates = own ? [own] : [...mainOf(doc).querySelectorAll(COMPANY_LINK)];
  for (const link of candidates) {
    if (link.closest(NOT_THE_PROFILE)) continue;
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

type CurrentCompany = Pick<SeenLinkedInPerson, 'companyName' | 'companyLinkedInUrl'>;

/** The first element of `root` matching a selector that is part of the profile (not an aside or the nav). */
function firstInProfile(root: Element, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    for (const found of root.querySelectorAll(selector)) if (!found.closest(NOT_THE_PROFILE)) return found;
  }
  return undefined;
}

/** "Sable Ridge Foods logo" → "Sable Ridge Foods". */
function logoNameOrUndefined(image: Element | null | undefined): string | undefined {
  return cleanValueOrUndefined(image?.getAttribute('alt')?.replace(LOGO_SUFFIX, ''));
}

/**
 * The company of one position (an experience entry, or the overview's "Current" row): its
 * company link's text (2015–16), that link's logo (2021–25), else the position's second line,
 * which follows the title or the row's label ("Atelier Vasseur · Full-time" → "Atelier Vasseur").
 * Its URL only from a link inside the position: a text-only company has no page.
 */
function companyOfPosition(position: Element): CurrentCompany {
  const link = position.querySelector(COMPANY_LINK);
  return {
    companyName:
      cleanValueOrUndefined(visibleText(link)) ??
      logoNameOrUndefined(link?.querySelector('img[alt]')) ??
      cleanValueOrUndefined(visibleLines(position)[1]?.split(' · ')[0]),
    companyLinkedInUrl: canonicalCompanyUrlOrUndefined(link?.getAttribute('href') ?? ''),
  };
}

/** The experience section's entries; roles at one company nest in its entry, which is the position. */
function experiencePositions(main: Element): Element[] {
  const anchor = firstInProfile(main, EXPERIENCE_SECTION);
  const section = anchor?.closest('section') ?? anchor;
  if (!section) return [];
  return [...section.querySelectorAll('li')].filter((li) => !section.contains(li.parentElement?.closest('li') ?? null));
}

/**
 * The person's current company, by strategies in order. Each reads the main profile only (never
 * the nav, where the viewer is, or an aside's logos), and none takes a past position: a person
 * whose positions have all ended has no company.
 */
function currentCompanyOf(doc: Document, card: Element | undefined, ld: JsonLdNode | undefined, onRoot: boolean): CurrentCompany {
  // 1. Structured data (public pages, 2019–25): the first employer whose role has not ended.
  const employer = objectsOf(ld?.worksFor).find((org) => firstObjectOrUndefined(org.member)?.endDate === undefined);
  const employerName = cleanValueOrUndefined(stringOrUndefined(employer?.name));
  if (employerName) {
    return {
      companyName: employerName,
      companyLinkedInUrl: canonicalCompanyUrlOrUndefined(stringOrUndefined(employer?.url) ?? '') ?? (card && companyUrlFor(doc, card, employerName)),
    };
  }
  if (!onRoot) return {};
  const main = mainOf(doc);

  // 2. ARIA: "Current company: Acme. Click to skip to experience card" (2021–25 logged in).
  const labelled = card && currentCompanyFromLabel(card);
  if (labelled) return { companyName: labelled, companyLinkedInUrl: companyUrlFor(doc, card, labelled) };

  // 3. Stable attributes: a position marked current (2015–16 public).
  const marked = firstInProfile(main, CURRENT_POSITION);
  const markedCompany = marked && companyOfPosition(marked);
  if (markedCompany?.companyName) return markedCompany;

  // 4. The top card's company, by its hooks and per-generation classes.
  const element = card && firstMatch(card, PERSON_CURRENT_COMPANY);
  const shown = cleanValueOrUndefined(visibleText(element));
  if (element && shown) return { companyName: shown, companyLinkedInUrl: companyUrlFor(doc, element, shown) };

  // 5. The experience section's first position that has not ended ("… – Present", "… – heute").
  // Where the section lists positions and none is current, nothing below may guess one.
  const positions = experiencePositions(main);
  if (positions.length) {
    const current = positions.find((position) => ONGOING_DATE_RANGE.test(visibleLines(position).join('\n')));
    return current ? companyOfPosition(current) : {};
  }

  // 6. The top card's link to the experience section (2018–22): its text, else its logo's alt.
  // Never any image of the top card: the photo's alt is the person, a school's logo is not a company.
  const link = card?.querySelector(TOP_CARD_EXPERIENCE_LINK);
  const linked = cleanValueOrUndefined(visibleText(link)) ?? logoNameOrUndefined(link?.querySelector('img[alt]'));
  return link && linked ? { companyName: linked, companyLinkedInUrl: companyUrlFor(doc, link, linked) } : {};
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

  if (card) {
    headline = cleanValueOrUndefined(visibleText(firstMatch(card, PERSON_HEADLINE)));
    if (!headline && heading) headline = headlineByStructure(card, heading);
    location = cleanValueOrUndefined(visibleText(firstMatch(card, PERSON_LOCATION))) ?? locationBesideContactInfo(card);
  }
  if (!location) {
    const address = firstObjectOrUndefined(ld?.address);
    location = cleanValueOrUndefined(stringOrUndefined(address?.addressLocality));
  }

  return definedOnly({ linkedinUrl: profileUrl, name, headline, location, ...currentCompanyOf(doc, card, ld, withTopCard) });
}
