import { createHandlers, type BackgroundDeps } from '../../lib/background/handlers';
import type { GroundworkDB } from '../../lib/db/db';
import { createRouter } from '../../lib/messaging/router';
import { recordingBadgeApi } from './badge';
import { freshDb } from './db';
import { memorySession } from './session';

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;

/** The background's router over test doubles of everything it touches. */
export function testBackground(
  overrides: {
    db?: GroundworkDB;
    session?: ReturnType<typeof memorySession>;
    rescore?: BackgroundDeps['rescore'];
    reschedule?: BackgroundDeps['reschedule'];
    mailAccess?: BackgroundDeps['mailAccess'];
  } = {},
) {
  const deps = {
    db: overrides.db ?? freshDb(),
    session: overrides.session ?? memorySession(),
    badge: recordingBadgeApi(),
    now: () => BACKGROUND_NOW,
    rescore: overrides.rescore ?? (async () => undefined),
    reschedule: overrides.reschedule ?? (async () => undefined),
    ...(overrides.mailAccess ? { mailAccess: overrides.mailAccess } : {}),
  };
  const route = createRouter(createHandlers(deps), { extensionId: EXTENSION_ID, extensionOrigin: `${EXTENSION_ORIGIN}/` });
  return { ...deps, route };
}

/** The background's clock in these tests: a plain Monday morning. */
export const BACKGROUND_NOW = Date.UTC(2026, 10, 2, 9, 0);

export const extensionPageSender = (page = 'sidepanel.html') => ({ id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/${page}`, origin: EXTENSION_ORIGIN });
export const contentScriptSender = (url: string, tabId = 5) => ({ id: EXTENSION_ID, url, frameId: 0, tab: { id: tabId }, documentLifecycle: 'active' });
