import { findAccountByLinkedInUrl, findPersonByLinkedInUrl, type GroundworkDB } from '../db';
import type { LinkedInPage } from '../messaging/protocol';
import type { TabContext } from '../tabContext';

/** The slice of chrome.action this module needs. */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

export interface TabBadge {
  text: string;
  color: string;
  title: string;
}

/** Saved prospects: Groundwork's green. Unknown people and companies: a neutral grey. */
export const BADGE_SAVED_COLOR = '#0b6e4f';
export const BADGE_NEUTRAL_COLOR = '#6b7280';

/**
 * The badge for what a tab shows. A saved prospect gets a distinct mark (✓ on green); someone
 * not yet saved gets a neutral dot until an ideal customer profile can score them. Pages without
 * a prospect get no per-tab badge.
 */
export function tabBadge(page: LinkedInPage, saved: { name: string } | undefined): TabBadge {
  if (page.kind === 'none') return { text: '', color: BADGE_NEUTRAL_COLOR, title: 'Groundwork' };
  const seenName = page.kind === 'person' ? page.person.name : page.company.name;
  const what = page.kind === 'person' ? 'prospect' : 'account';
  if (saved) return { text: '✓', color: BADGE_SAVED_COLOR, title: `Groundwork: ${saved.name} — saved ${what}` };
  return { text: '•', color: BADGE_NEUTRAL_COLOR, title: `Groundwork: ${seenName ?? 'unknown'} — not saved` };
}

async function savedRecordFor(db: GroundworkDB, page: LinkedInPage): Promise<{ name: string } | undefined> {
  if (page.kind === 'person') return findPersonByLinkedInUrl(db, page.person.linkedinUrl);
  if (page.kind === 'company' && page.company.linkedinUrl) return findAccountByLinkedInUrl(db, page.company.linkedinUrl);
  return undefined;
}

export async function refreshTabBadge(db: GroundworkDB, api: BadgeApi, context: TabContext): Promise<TabBadge> {
  const badge = tabBadge(context.page, await savedRecordFor(db, context.page));
  const { tabId } = context;
  await Promise.all([
    api.setBadgeText({ tabId, text: badge.text }),
    api.setBadgeBackgroundColor({ tabId, color: badge.color }),
    api.setTitle({ tabId, title: badge.title }),
  ]);
  return badge;
}
