import type { SeenLinkedInCompany } from '../../messaging/protocol';
import { MAX_PAGE_TEXT } from '../../messaging/limits';
import { SIZE_BANDS, type SizeBand } from '../../model/sizeBands';
import { firstObjectOrUndefined, jsonLdNodes, ofType, stringOrUndefined, type JsonLdNode } from './jsonLd';
import { firstMatch, mainOf } from './person';
import {
  ABOUT_LABELS,
  ABOUT_TERMS,
  ABOUT_TEST_IDS,
  COMPANY_INFO_ITEMS,
  COMPANY_NAME,
  COMPANY_TOP_CARD,
  EXTERNAL_LINK,
  SALES_ACCOUNT,
} from './selectors';
import { cleanValueOrUndefined, isCountLine, normaliseSpace, visibleText } from './text';
import { canonicalCompanyUrlOrUndefined } from './url';

type Fact = keyof typeof ABOUT_LABELS;

/**
 * LinkedIn's size bands from what a page shows: "1,001-5,000 employees", "1K-5K employees",
 * "10,001+ employees", "201-500 Beschäftigte", or a head count ("312 employees", JSON-LD 350).
 */
export function sizeBandOrUndefined(raw: string | number | undefined): SizeBand | undefined {
  if (raw === undefined) return undefined;
  const expand = (n: string) => {
    const m = /^([\d.,]+)\s*([KkMm]?)$/.exec(n.trim());
    if (!m?.[1]) return NaN;
    const base = Number(m[1].replace(/[.,](?=\d{3}\b)/g, '').replace(',', '.'));
    return base * (m[2]?.toLowerCase() === 'k' ? 1000 : m[2]?.toLowerCase() === 'm' ? 1_000_000 : 1);
  };
  if (typeof raw === 'number') return bandForCount(raw);
  const text = normaliseSpace(raw);
  const range = /([\d.,]+\s*[KkMm]?)\s*[-–]\s*([\d.,]+\s*[KkMm]?)/.exec(text);
  if (range?.[1] && range[2]) {
    const band = `${expand(range[1]) === 1 ? 1 : expand(range[1])}-${expand(range[2])}`;
    if ((SIZE_BANDS as readonly string[]).includes(band)) return band as SizeBand;
    // "1K-5K" means 1,001-5,000; "0-1" means a one-person company.
    return bandForCount(expand(range[2]));
  }
  const plus = /([\d.,]+\s*[KkMm]?)\s*\+/.exec(text);
  if (plus?.[1]) return bandForCount(expand(plus[1]) + 1);
  const count = /^([\d.,]+\s*[KkMm]?)\s+\D/.exec(text);
  if (count?.[1]) return bandForCount(expand(count[1]));
  return undefined;
}

function bandForCount(count: number): SizeBand | undefined {
  if (!Number.isFinite(count) || count < 0) return undefined;
  const limits: [number, SizeBand][] = [
    [1, '1'],
    [10, '2-10'],
    [50, '11-50'],
    [200, '51-200'],
    [500, '201-500'],
    [1000, '501-1000'],
    [5000, '1001-5000'],
    [10000, '5001-10000'],
  ];
  for (const [limit, band] of limits) if (count <= limit) return band;
  return '10001+';
}

/** "https://www.acme.example/?trk=about_website" → "https://www.acme.example". */
export function websiteOrUndefined(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim().startsWith('http') ? raw.trim() : `https://${raw.trim()}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (/(^|\.)linkedin\.com$/.test(url.hostname)) return undefined;
    const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
    const site = `${url.protocol}//${url.host}${path}`;
    // A path too long for the background's bound is no homepage: the site itself is what counts.
    return site.length <= MAX_PAGE_TEXT ? site : `${url.protocol}//${url.host}`;
  } catch {
    return undefined;
  }
}

/** The <dd> values after each labelled <dt> (about pages, 2019–25). */
function aboutFacts(main: Element): Partial<Record<Fact, Element>> {
  const facts: Partial<Record<Fact, Element>> = {};
  for (const term of main.querySelectorAll(ABOUT_TERMS)) {
    const label = visibleText(term);
    const fact = (Object.keys(ABOUT_LABELS) as Fact[]).find((k) => ABOUT_LABELS[k].test(label));
    const value = term.nextElementSibling;
    if (fact && value?.tagName === 'DD' && !facts[fact]) facts[fact] = value;
  }
  for (const fact of Object.keys(ABOUT_TEST_IDS) as Fact[]) {
    facts[fact] ??= main.querySelector(ABOUT_TEST_IDS[fact]) ?? undefined;
  }
  return facts;
}

function websiteFrom(element: Element | undefined | null): string | undefined {
  if (!element) return undefined;
  const link = element.matches('a') ? element : element.querySelector('a');
  return websiteOrUndefined(link?.getAttribute('href') ?? visibleText(element));
}

function jsonLdOrganisation(doc: Document, companyUrl: string | undefined): JsonLdNode | undefined {
  const organisations = ofType(jsonLdNodes(doc), 'Organization');
  return (
    organisations.find((o) => {
      const url = stringOrUndefined(o.url);
      return url !== undefined && canonicalCompanyUrlOrUndefined(url) === companyUrl;
    }) ?? (organisations.length === 1 ? organisations[0] : undefined)
  );
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function extractCompany(doc: Document, companyUrl: string | undefined): SeenLinkedInCompany {
  const main = mainOf(doc);
  const card = (() => {
    for (const selector of COMPANY_TOP_CARD) {
      const found = main.querySelector(selector);
      if (found && !found.closest('aside')) return found;
    }
    return undefined;
  })();
  const ld = jsonLdOrganisation(doc, companyUrl);
  const facts = aboutFacts(main);

  const name =
    cleanValueOrUndefined(stringOrUndefined(ld?.name)) ??
    cleanValueOrUndefined(card ? visibleText(firstMatch(card, COMPANY_NAME)) : undefined) ??
    cleanValueOrUndefined(normaliseSpace(doc.title.replace(/^\(\d+\+?\)\s*/, '')).split(/\s+\|\s+|:\s/)[0]);

  let industry = cleanValueOrUndefined(visibleText(facts.industry));
  let headquarters = cleanValueOrUndefined(visibleText(facts.headquarters));
  let sizeBand = sizeBandOrUndefined(visibleText(facts.size) || undefined);
  let website = websiteFrom(facts.website);

  // Sales Navigator account pages.
  industry ??= cleanValueOrUndefined(visibleText(main.querySelector(SALES_ACCOUNT.industry)));
  headquarters ??= cleanValueOrUndefined(visibleText(main.querySelector(SALES_ACCOUNT.location)));
  website ??= websiteFrom(main.querySelector(SALES_ACCOUNT.website));

  if (card) {
    // 2020–24 logged-in top card: [industry, location, followers, size] as a list.
    const items = [...card.querySelectorAll(COMPANY_INFO_ITEMS)].map((i) => visibleText(i)).filter(Boolean);
    const sizeItem = items.find((i) => /employees|beschäftigte|employés|empleados|funcionários/i.test(i));
    const plain = items.filter((i) => i !== sizeItem && !isCountLine(i));
    industry ??= cleanValueOrUndefined(plain[0]);
    headquarters ??= cleanValueOrUndefined(plain[1]);
    sizeBand ??= sizeBandOrUndefined(sizeItem);
    // Sales Navigator shows a head count beside the industry.
    sizeBand ??= sizeBandOrUndefined(
      [...card.querySelectorAll('a, span')].map((e) => visibleText(e)).find((t) => /^[\d.,]+\+?\s+employees$/i.test(t)),
    );
    website ??= websiteFrom(card.querySelector(EXTERNAL_LINK));
  }

  if (ld) {
    const address = firstObjectOrUndefined(ld.address);
    const place = [stringOrUndefined(address?.addressLocality), stringOrUndefined(address?.addressRegion)].filter(Boolean).join(', ');
    headquarters ??= cleanValueOrUndefined(place);
    const employees = firstObjectOrUndefined(ld.numberOfEmployees);
    sizeBand ??= typeof employees?.value === 'number' ? sizeBandOrUndefined(employees.value) : undefined;
    website ??= websiteOrUndefined(stringOrUndefined(ld.sameAs));
  }

  return definedOnly({ linkedinUrl: companyUrl, name, industry, sizeBand, headquarters, website });
}
