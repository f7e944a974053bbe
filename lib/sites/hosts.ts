/**
 * Every web host Groundwork reads, in one place. The manifest, the background's sender check and
 * the end-to-end harness's host mapping are all derived from these lists.
 */

/** LinkedIn serves profiles on www and on country subdomains (de., uk., se. ...). */
export const LINKEDIN_MATCHES = ['https://*.linkedin.com/*'] as const;

export const GMAIL_MATCHES = ['https://mail.google.com/*'] as const;

/** Outlook on the web: optional, granted at run time from the options page. */
export const OPTIONAL_HOSTS = [
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
] as const;

const SUPPORTED_HOSTNAME = [
  /^([a-z]{2,3}\.|www\.)?linkedin\.com$/,
  /^mail\.google\.com$/,
  /^outlook\.(office|office365|live)\.com$/,
];

/** True when `url` is an https page on a host whose content scripts may talk to the background. */
export function isSupportedPageUrl(url: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && SUPPORTED_HOSTNAME.some((re) => re.test(parsed.hostname));
}

/** Which site a page URL belongs to, for matching what a content script may report. */
export function siteOfUrl(url: string | undefined): 'linkedin' | 'mail' | undefined {
  if (!isSupportedPageUrl(url)) return undefined;
  return /linkedin\.com$/.test(new URL(url!).hostname) ? 'linkedin' : 'mail';
}

/** Which webmail a page URL belongs to: a mail report must come from its own site's page. */
export function mailSiteOfUrl(url: string | undefined): 'gmail' | 'outlook' | undefined {
  if (siteOfUrl(url) !== 'mail') return undefined;
  return new URL(url!).hostname === 'mail.google.com' ? 'gmail' : 'outlook';
}
