import { activeProfile, findAccountByLinkedInUrl, findPersonByLinkedInUrl, type GroundworkDB } from '../db';
import type { SeenPage } from '../messaging/protocol';
import type { Account, FitBand } from '../model';
import { scoreFit, type FitResult } from '../scoring/fit';
import { subjectForAccount, subjectForPerson, subjectForSeenCompany, subjectForSeenPerson } from '../scoring/subjects';
import type { TabContext } from '../tabContext';

/** The slice of chrome.action this module needs. */
export interface BadgeApi {
  /** Without a tab: the global badge. With a tab and `null`: that tab falls back to the global one. */
  setBadgeText(details: { tabId?: number; text: string | null }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void>;
  setTitle(details: { tabId?: number; title: string }): Promise<void>;
}

export interface TabBadge {
  text: string;
  color: string;
  title: string;
}

/** Pages whose tab badge is a prospect's: LinkedIn people and companies. Others show the due count. */
function showsProspect(page: SeenPage): page is Extract<SeenPage, { kind: 'person' | 'company' }> {
  return page.kind === 'person' || page.kind === 'company';
}

/** A neutral grey until a profile can score; then the band's colour. */
export const BADGE_NEUTRAL_COLOR = '#6b7280';
export const BAND_COLORS: Record<FitBand, string> = { A: '#0b6e4f', B: '#1d4ed8', C: '#b45309', D: '#6b7280' };
/** The distinct mark of a saved prospect or account. */
export const SAVED_MARK = '✓';
/** The distinct mark of a crisis-mode brain-picker on their tab (issue 17), on its own colour. */
export const BRAIN_PICKER_MARK = '⚑';
export const BRAIN_PICKER_COLOR = '#7f1d1d';

/**
 * The badge for what a tab shows: the fit score (coloured by band), or a neutral dot until an
 * ideal customer profile can score; a saved prospect or account adds a ✓. Pages without a
 * prospect get no per-tab badge.
 */
export function tabBadge(page: SeenPage, saved: { name: string; flags?: readonly string[] } | undefined, fit: FitResult | undefined): TabBadge {
  if (!showsProspect(page)) return { text: '', color: BADGE_NEUTRAL_COLOR, title: 'Groundwork' };
  const name = saved?.name ?? (page.kind === 'person' ? page.person.name : page.company.name) ?? 'unknown';
  if (saved?.flags?.includes('brain-picker')) {
    return { text: BRAIN_PICKER_MARK, color: BRAIN_PICKER_COLOR, title: `Groundwork: ${name} — crisis-mode brain-picker, on the back burner` };
  }
  const what = page.kind === 'person' ? 'prospect' : 'account';
  const score = fit?.excluded ? '✕' : fit?.score !== undefined ? String(fit.score) : '';
  const text = `${score || (saved ? '' : '•')}${saved ? SAVED_MARK : ''}`;
  const color = fit?.band && !fit.excluded ? BAND_COLORS[fit.band] : BADGE_NEUTRAL_COLOR;
  const fitText = !fit ? 'no ideal customer profile yet' : fit.excluded ? fit.excluded : fit.score !== undefined ? `fit ${fit.score} (${fit.band}, ${fit.confidence} confidence)` : 'fit not known yet';
  return { text, color, title: `Groundwork: ${name} — ${saved ? `saved ${what}` : 'not saved'} · ${fitText}` };
}

async function accountByUrl(db: GroundworkDB, url: string | undefined): Promise<Account | undefined> {
  return url ? findAccountByLinkedInUrl(db, url) : undefined;
}

/** The saved record and the fit for what a page shows. */
async function lookUp(db: GroundworkDB, page: SeenPage): Promise<{ saved?: { name: string; flags?: readonly string[] }; fit?: FitResult }> {
  if (!showsProspect(page)) return {};
  const profile = await activeProfile(db);
  if (page.kind === 'person') {
    const person = await findPersonByLinkedInUrl(db, page.person.linkedinUrl);
    const account = person?.accountId ? await db.accounts.get(person.accountId) : await accountByUrl(db, page.person.companyLinkedInUrl);
    const subject = person ? subjectForPerson(person, account) : subjectForSeenPerson(page.person, account);
    return { saved: person, fit: scoreFit(profile, subject) };
  }
  const account = await accountByUrl(db, page.company.linkedinUrl);
  return { saved: account, fit: scoreFit(profile, account ? subjectForAccount(account) : subjectForSeenCompany(page.company, undefined)) };
}

export async function refreshTabBadge(db: GroundworkDB, api: BadgeApi, context: TabContext): Promise<TabBadge> {
  const { saved, fit } = await lookUp(db, context.page);
  const badge = tabBadge(context.page, saved, fit);
  const { tabId } = context;
  // A page without a prospect shows the global badge: the count due today.
  const text = showsProspect(context.page) ? badge.text : null;
  await Promise.all([
    api.setBadgeText({ tabId, text }),
    api.setBadgeBackgroundColor({ tabId, color: badge.color }),
    api.setTitle({ tabId, title: badge.title }),
  ]);
  return badge;
}
