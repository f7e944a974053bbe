import type { BadgeApi } from '../../lib/background/badge';

/** A chrome.action stand-in that keeps the last badge set per tab. */
export function recordingBadgeApi(): BadgeApi & { badges: Map<number, { text?: string; color?: string; title?: string }> } {
  const badges = new Map<number, { text?: string; color?: string; title?: string }>();
  const update = (tabId: number, patch: object) => badges.set(tabId, { ...badges.get(tabId), ...patch });
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
