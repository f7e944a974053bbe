import type { SessionArea } from '../../lib/tabContext';

/** storage.session stand-in backed by a Map (values are copied, as the real one does). */
export function memorySession(): SessionArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(key) {
      return Object.fromEntries([...data].filter(([k]) => key === null || k === key || (Array.isArray(key) && key.includes(k))));
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(key) {
      for (const k of Array.isArray(key) ? key : [key]) data.delete(k);
    },
  };
}
