import type { Settings } from '../model';

/**
 * Who is never logged from email: the rep, their colleagues (the rep's own company domains,
 * settable, plus the domain of the address they are signed in with unless it is a public
 * mailbox provider), and anyone on the never-log list (an address, or a whole domain).
 */

/** Public mailbox providers: the rep signed in at one of these has no company colleagues there. */
const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'ymail.com',
  'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'web.de',
  'mail.com', 'zoho.com', 'yandex.com', 'qq.com', '163.com', 'orange.fr', 'free.fr', 'libero.it', 'btinternet.com',
]);

/** Whether `domain` is a public mailbox provider's: an address there says nothing of a company. */
export function isPublicMailDomain(domain: string): boolean {
  return PUBLIC_MAIL_DOMAINS.has(domain.toLowerCase());
}

export type Exclusion = 'self' | 'colleague' | 'never-log';

export function domainOfAddress(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** `acme.example` covers `eu.acme.example` too: colleagues in a subsidiary's mailbox. */
function inDomain(domain: string, listed: string): boolean {
  const bare = listed.replace(/^@/, '').toLowerCase();
  return domain === bare || domain.endsWith(`.${bare}`);
}

export function exclusionOf(email: string, settings: Pick<Settings, 'email'>, me: string | undefined): Exclusion | undefined {
  const address = email.toLowerCase();
  if (me && address === me.toLowerCase()) return 'self';
  const domain = domainOfAddress(address);
  for (const entry of settings.email.neverLog) {
    if (entry.includes('@') && !entry.startsWith('@') ? address === entry.toLowerCase() : inDomain(domain, entry)) return 'never-log';
  }
  const own = [...settings.email.ownDomains];
  if (me) {
    const myDomain = domainOfAddress(me);
    if (!isPublicMailDomain(myDomain)) own.push(myDomain);
  }
  if (own.some((d) => inDomain(domain, d))) return 'colleague';
  return undefined;
}
