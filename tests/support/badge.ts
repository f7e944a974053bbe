import type { BadgeApi } from '../../lib/background/badge';

export const GLOBAL = -1;

/** A chrome.action stand-in that keeps the last badge set per tab (GLOBAL for the global one). */
export function recordingBadgeApi(): BadgeApi & { badges: Map<number, { text?: string | null; color?: string; title?: string }> } {
  const badges = new Map<number, { text?: string | null; color?: string; title?: string }>();
  const update = (tabId: number | undefined, patch: object) => badges.set(tabId ?? GLOBAL, { ...badges.get(tabId ?? GLOBAL), ...patch });
  return {
    badges,
    async setBadgeText({ tabId, text }) {
      update(tabId, { text });
    },
    async setBadgeBackgroundColor({ tabId, color }) {
      update(tabId, { color });
    },
    async setTitle({ tabId, title }) {
      update(tabId, { title });
    },
  };
}
