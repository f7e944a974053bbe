import type { LinkedInPage } from '../../messaging/protocol';
import { canonicalCompanyUrlOrUndefined, canonicalProfileUrlOrUndefined } from './url';

/**
 * Recognises what a LinkedIn page shows. Pure: a Document and a URL in, a LinkedInPage out.
 * (The walking skeleton: identity from the URL, name from the page title and top heading.
 * Per-generation field extraction lives beside this file.)
 */

/** "(3) Jane Doe | LinkedIn" → "Jane Doe". The count is unread notifications. */
export function nameFromTitleOrUndefined(title: string): string | undefined {
  const withoutCount = title.replace(/^\(\d+\+?\)\s*/, '');
  const beforeSite = withoutCount.split(/\s+\|\s+/)[0]?.trim();
  // Public pages add " - Headline - Company"; the name is the first part.
  const name = beforeSite?.split(/\s+[-–—]\s+/)[0]?.trim();
  if (!name || /^linkedin$/i.test(name)) return undefined;
  return name.slice(0, 200);
}

export function extractLinkedInPage(doc: Document, url: string): LinkedInPage {
  const profileUrl = canonicalProfileUrlOrUndefined(url);
  if (profileUrl) {
    const name = nameFromTitleOrUndefined(doc.title) ?? doc.querySelector('main h1')?.textContent?.trim();
    return { kind: 'person', url, person: { linkedinUrl: profileUrl, ...(name ? { name } : {}) } };
  }
  const companyUrl = canonicalCompanyUrlOrUndefined(url);
  if (companyUrl) {
    const name = nameFromTitleOrUndefined(doc.title);
    return { kind: 'company', url, company: { linkedinUrl: companyUrl, ...(name ? { name } : {}) } };
  }
  return { kind: 'none', url };
}
