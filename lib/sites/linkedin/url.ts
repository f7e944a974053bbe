/**
 * LinkedIn URL canonicalisation: one identity per person and per company, whatever form the URL
 * was seen in (country subdomain, sub-page, query string, tracking parameters, percent-encoded or
 * raw non-ASCII slug, mixed case).
 *
 * Canonical forms:
 *   person   https://www.linkedin.com/in/<slug>/
 *   company  https://www.linkedin.com/company/<slug>/
 * where <slug> is NFC-normalised, lower-cased (LinkedIn treats vanity names case-insensitively)
 * and percent-encoded exactly once. Member ids ("ACoAA…", "ACwAA…", as Sales Navigator shows
 * them) are case-sensitive and keep their case; /in/<member id>/ is a working profile URL.
 *
 * Pure functions, no DOM: used by the content script, the background and the UI alike.
 */

const LINKEDIN_HOST = /^(?:[a-z]{1,3}\.|www\.)?linkedin\.com$/;

/** Path prefixes under which a slug names a person or a company. */
const PERSON_PREFIX = 'in';
const COMPANY_PREFIX = 'company';

/** A member id as it appears in Sales Navigator and in /in/ URLs: case matters. */
const MEMBER_ID = /^AC[a-zA-Z]AA[A-Za-z0-9_-]{10,}$/;

/** Slugs that are LinkedIn's own pages rather than a member or company vanity name. */
const RESERVED_COMPANY_SLUGS = new Set(['setup', 'unavailable']);

export type LinkedInEntity = 'person' | 'company';

/** Parses `url` (absolute, or starting with `/`) when it is on a LinkedIn host; otherwise undefined. */
export function parseLinkedInUrlOrUndefined(url: string): URL | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), 'https://www.linkedin.com');
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (!LINKEDIN_HOST.test(parsed.hostname.toLowerCase())) return undefined;
  return parsed;
}

/**
 * Normalises one vanity slug as it appeared in a path segment. Returns undefined when the segment
 * cannot be a slug (empty, badly percent-encoded, containing separators or controls).
 */
export function normaliseSlugOrUndefined(segment: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  decoded = decoded.normalize('NFC').trim();
  if (!MEMBER_ID.test(decoded)) decoded = decoded.toLowerCase();
  if (decoded.length === 0 || decoded.length > 200) return undefined;
  // Separators, whitespace and control characters never occur in a vanity name.
  if (/[\s/?#\\%<>"'\p{Cc}]/u.test(decoded)) return undefined;
  return encodeURIComponent(decoded);
}

function entitySlugOrUndefined(url: string, prefix: string): string | undefined {
  const parsed = parseLinkedInUrlOrUndefined(url);
  if (!parsed) return undefined;
  // Empty segments come from doubled or trailing slashes; they carry no meaning.
  const segments = parsed.pathname.split('/').filter((s) => s !== '');
  if (segments[0]?.toLowerCase() !== prefix || segments[1] === undefined) return undefined;
  return normaliseSlugOrUndefined(segments[1]);
}

/** `https://www.linkedin.com/in/<slug>/` for any URL of a member's profile or its sub-pages. */
export function canonicalProfileUrlOrUndefined(url: string): string | undefined {
  const slug = entitySlugOrUndefined(url, PERSON_PREFIX);
  return slug === undefined ? undefined : `https://www.linkedin.com/in/${slug}/`;
}

/** `https://www.linkedin.com/company/<slug>/` for any URL of a company page or its sub-pages. */
export function canonicalCompanyUrlOrUndefined(url: string): string | undefined {
  const slug = entitySlugOrUndefined(url, COMPANY_PREFIX);
  if (slug === undefined || RESERVED_COMPANY_SLUGS.has(slug)) return undefined;
  return `https://www.linkedin.com/company/${slug}/`;
}

/** The slug of a canonical profile or company URL, decoded for display ("jürgen-müller"). */
export function displaySlug(canonicalUrl: string): string {
  const segments = new URL(canonicalUrl).pathname.split('/').filter(Boolean);
  return decodeURIComponent(segments[1] ?? '');
}

/**
 * Sales Navigator lead URLs (`/sales/lead/<member id>,NAME_SEARCH,<x>`, formerly
 * `/sales/people/…`) name the member by id; `/in/<member id>/` is the same member's profile.
 */
export function salesLeadProfileUrlOrUndefined(url: string): string | undefined {
  const parsed = parseLinkedInUrlOrUndefined(url);
  if (!parsed) return undefined;
  const match = /^\/sales\/(?:lead|people)\/([^/,]+)/.exec(parsed.pathname);
  if (!match?.[1]) return undefined;
  const id = normaliseSlugOrUndefined(match[1]);
  return id && MEMBER_ID.test(decodeURIComponent(id)) ? `https://www.linkedin.com/in/${id}/` : undefined;
}

/** Sales Navigator account URLs (`/sales/company/<numeric id>`) map to `/company/<id>/`. */
export function salesAccountCompanyUrlOrUndefined(url: string): string | undefined {
  const parsed = parseLinkedInUrlOrUndefined(url);
  const match = parsed && /^\/sales\/(?:company|accounts\/insights)\/(\d+)/.exec(parsed.pathname);
  return match?.[1] ? `https://www.linkedin.com/company/${match[1]}/` : undefined;
}

export type LinkedInPageKind = 'person' | 'company' | 'sales-lead' | 'sales-account' | 'none';

/** What kind of page a LinkedIn URL shows, from the URL alone. */
export function linkedInPageKind(url: string): LinkedInPageKind {
  if (canonicalProfileUrlOrUndefined(url)) return 'person';
  if (canonicalCompanyUrlOrUndefined(url)) return 'company';
  if (salesLeadProfileUrlOrUndefined(url)) return 'sales-lead';
  if (salesAccountCompanyUrlOrUndefined(url)) return 'sales-account';
  return 'none';
}
