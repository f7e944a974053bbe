import type { GroundworkDB } from '../db';
import type { HandlerMap } from '../messaging/router';
import { linkRecipient, logInboundMail, logMailRecipients, logSentMail, setSentMailIntent, undoSentMail } from '../mail/logMail';
import type { ClassifiedSender } from '../messaging/sender';
import { mailSiteOfUrl, siteOfUrl } from '../sites/hosts';
import { allTabContexts, forgetTabContextIfStill, recordTabContext, type SessionArea, type TabContext } from '../tabContext';
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
  /**
   * Whether the rep still allows Groundwork on a webmail page's host. Outlook's hosts are optional
   * and can be removed while its tabs stay open with the script running: their messages are then
   * refused. Allowed by default (Gmail's host is required).
   */
  mailAccess?: (url: string) => Promise<boolean>;
}

/** Every message the background answers, by type. Each handler is idempotent. */
export function createHandlers({ db, session, badge, now, rescore, reschedule, mailAccess = async () => true }: BackgroundDeps): HandlerMap {
  const refresh = async (context: TabContext) => {
    // A tab closed between its report and this refresh has no badge to set; that is fine.
    await refreshTabBadge(db, badge, context).catch(() => undefined);
  };
  const refreshAll = async () => {
    const contexts = await allTabContexts(session);
    await Promise.all([...contexts.map(refresh), reschedule()]);
    return contexts.length;
  };
  /** A mail message must come from a page of the webmail it names (Gmail's script speaks for Gmail). */
  const requireAccess = async (sender: ClassifiedSender) => {
    if (!(await mailAccess(sender.url!))) throw new Error('Refused: Groundwork is no longer allowed on this webmail');
  };
  const requireMailSite = async (site: string, sender: ClassifiedSender) => {
    const from = mailSiteOfUrl(sender.url);
    if (from !== site) throw new Error(`Refused: a ${site} mail message from ${from ?? 'a page that is not webmail'}`);
    await requireAccess(sender);
  };
  const requireMailPage = async (sender: ClassifiedSender) => {
    if (!mailSiteOfUrl(sender.url)) throw new Error('Refused: mail messages come from webmail pages only');
    await requireAccess(sender);
  };
  return {
    'mail/sent': {
      from: ['content-script'],
      async handle({ mail }, sender) {
        await requireMailSite(mail.site, sender);
        const result = await logSentMail(db, mail, now());
        if (result.logged.length > 0) await refreshAll();
        return result;
      },
    },
    'mail/log-recipients': {
      from: ['content-script'],
      async handle({ mail, emails }, sender) {
        await requireMailSite(mail.site, sender);
        const logged = await logMailRecipients(db, mail, emails, now());
        await refreshAll();
        return { logged };
      },
    },
    'mail/link-recipient': {
      from: ['content-script'],
      async handle({ mail, email, personId }, sender) {
        await requireMailSite(mail.site, sender);
        const logged = await linkRecipient(db, mail, email, personId, now());
        await refreshAll();
        return { logged };
      },
    },
    'mail/undo': {
      from: ['content-script'],
      async handle({ touchIds, unlink }, sender) {
        await requireMailPage(sender);
        // Only what a send from this webmail logged: its toast is the only one that shows Undo.
        const removed = await undoSentMail(db, touchIds, now(), mailSiteOfUrl(sender.url), unlink);
        if (removed > 0) await refreshAll();
        return { removed };
      },
    },
    'mail/set-intent': {
      from: ['content-script'],
      async handle({ touchIds, intent }, sender) {
        await requireMailPage(sender);
        const changed = await setSentMailIntent(db, touchIds, intent, now(), mailSiteOfUrl(sender.url));
        if (changed > 0) await refreshAll();
        return { changed };
      },
    },
    'mail/inbound': {
      from: ['content-script'],
      async handle({ site, me, messages }, sender) {
        await requireMailSite(site, sender);
        const { logged } = await logInboundMail(db, me, messages, now());
        if (logged > 0) await refreshAll();
        return { logged };
      },
    },
    'page/report': {
      from: ['content-script'],
      async handle({ page }, sender) {
        // A LinkedIn script reports people and companies; a webmail script reports threads.
        const site = siteOfUrl(sender.url);
        const fits = page.kind === 'none' || (page.kind === 'mail-thread' ? site === 'mail' : site === 'linkedin');
        if (!fits) throw new Error(`Refused: a ${page.kind} report from ${site ?? 'an unknown site'}`);
        // A webmail tab left open after the rep took Outlook's access back keeps its script running.
        if (site === 'mail') await requireAccess(sender);
        // classifySender guarantees a tab for content scripts.
        const context: TabContext = { tabId: sender.tabId!, page, reportedAt: now(), ...(sender.documentId ? { documentId: sender.documentId } : {}) };
        await recordTabContext(session, context);
        // Access taken back while this was recorded: the forgetting may have run before it.
        if (site === 'mail') {
          await requireAccess(sender).catch(async (refusal: unknown) => {
            await forgetTabContextIfStill(session, context);
            throw refusal;
          });
        }
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
        return { refreshed: await refreshAll() };
      },
    },
  };
}
