import type { HandlerMap } from '../messaging/router';
import { recordTabContext, type SessionArea } from '../tabContext';

export interface BackgroundDeps {
  session: SessionArea;
  now: () => number;
}

/** Every message the background answers, by type. Each handler is idempotent. */
export function createHandlers({ session, now }: BackgroundDeps): HandlerMap {
  return {
    'page/report': {
      from: ['content-script'],
      async handle({ page }, sender) {
        // classifySender guarantees a tab for content scripts.
        await recordTabContext(session, { tabId: sender.tabId!, page, reportedAt: now() });
        return { recorded: true };
      },
    },
  };
}
