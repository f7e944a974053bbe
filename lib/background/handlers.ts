import type { GroundworkDB } from '../db';
import type { HandlerMap } from '../messaging/router';
import { siteOfUrl } from '../sites/hosts';
import { allTabContexts, recordTabContext, type SessionArea, type TabContext } from '../tabContext';
import { refreshTabBadge, type BadgeApi } from './badge';

export interface BackgroundDeps {
  db: GroundworkDB;
  session: SessionArea;
  badge: BadgeApi;
  now: () => number;
  /** Starts (or queues) re-scoring saved prospects against the active profile. */
  rescore: () => Promise<unknown>;
  /** Recomputes the due count and the alarms after follow-ups changed. */
  reschedule: () => Promise<unknown>;
}

/** Every message the background answers, by type. Each handler is idempotent. */
export function createHandlers({ db, session, badge, now, rescore, reschedule }: BackgroundDeps): HandlerMap {
  const refresh = async (context: TabContext) => {
    // A tab closed between its report and this refresh has no badge to set; that is fine.
    await refreshTabBadge(db, badge, context).catch(() => undefined);
  };
  return {
    'page/report': {
      from: ['content-script'],
      async handle({ page }, sender) {
        // A LinkedIn script reports people and companies; a webmail script reports threads.
        const site = siteOfUrl(sender.url);
        const fits = page.kind === 'none' || (page.kind === 'mail-thread' ? site === 'mail' : site === 'linkedin');
        if (!fits) throw new Error(`Refused: a ${page.kind} report from ${site ?? 'an unknown site'}`);
        // classifySender guarantees a tab for content scripts.
        const context = { tabId: sender.tabId!, page, reportedAt: now() };
        await recordTabContext(session, context);
        await refresh(context);
        return { recorded: true };
      },
    },
    'scores/recompute': {
      from: ['extension-page'],
      async handle() {
        // The profile changed: badges now, saved prospects in the background.
        void rescore().catch(() => undefined);
        const contexts = await allTabContexts(session);
        await Promise.all(contexts.map(refresh));
        return { started: true };
      },
    },
    'data/changed': {
      from: ['extension-page'],
      async handle() {
        const contexts = await allTabContexts(session);
        await Promise.all([...contexts.map(refresh), reschedule()]);
        return { refreshed: contexts.length };
      },
    },
  };
}
