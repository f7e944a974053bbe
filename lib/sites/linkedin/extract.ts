import type { SeenPage } from '../../messaging/protocol';
import { extractCompany } from './company';
import { extractPerson, mainOf } from './person';
import { NOT_FOUND_TEXT } from './selectors';
import { visibleText } from './text';
import {
  canonicalCompanyUrlOrUndefined,
  canonicalProfileUrlOrUndefined,
  parseLinkedInUrlOrUndefined,
  salesAccountCompanyUrlOrUndefined,
  salesLeadProfileUrlOrUndefined,
} from './url';

/**
 * Recognises what a LinkedIn page shows: a person, a company, or no prospect. Pure: a Document
 * and its URL in, a SeenPage out. The URL decides the kind and the identity; the page supplies
 * the fields.
 */

/** "This page doesn't exist" pages keep the URL of what was asked for. */
function isNotFound(doc: Document): boolean {
  if (NOT_FOUND_TEXT.test(doc.title)) return true;
  const heading = mainOf(doc).querySelector('h1, h2');
  return heading !== null && NOT_FOUND_TEXT.test(visibleText(heading));
}

/**
 * Profile sub-pages (/details/experience/, /recent-activity/…) have no top card; only the
 * profile itself and its overlays (contact info) do.
 */
function isProfileRoot(url: string): boolean {
  const segments = (parseLinkedInUrlOrUndefined(url)?.pathname ?? '').split('/').filter(Boolean);
  return segments.length <= 2 || segments[2] === 'overlay';
}

export function extractLinkedInPage(doc: Document, url: string): SeenPage {
  const profileUrl = canonicalProfileUrlOrUndefined(url) ?? salesLeadProfileUrlOrUndefined(url);
  const companyUrl = canonicalCompanyUrlOrUndefined(url) ?? salesAccountCompanyUrlOrUndefined(url);
  if ((!profileUrl && !companyUrl) || isNotFound(doc)) return { kind: 'none', url };

  if (profileUrl) {
    const onRoot = isProfileRoot(url) || salesLeadProfileUrlOrUndefined(url) !== undefined;
    const person = extractPerson(doc, profileUrl, { withTopCard: onRoot });
    return { kind: 'person', url, person };
  }
  return { kind: 'company', url, company: extractCompany(doc, companyUrl) };
}
