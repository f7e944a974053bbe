import { z } from 'zod';
import { EmailAddress } from '../model/email';
import { SIZE_BANDS } from '../model/sizeBands';

/**
 * The one protocol between content scripts, extension pages and the background worker. Every
 * message has a Zod schema here; the background validates every message and its sender against
 * them before acting (lib/messaging/router.ts). Content scripts import only the *types* from this
 * module (`import type`), so no Zod reaches them.
 *
 * Strings from pages are untrusted: lengths are bounded so a hostile page cannot make us store
 * megabytes, and nothing here is ever rendered as HTML.
 */

const pageText = z.string().trim().min(1).max(500);
const httpsUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an https URL');

export const SeenLinkedInPerson = z.strictObject({
  /** Canonical profile URL (lib/sites/linkedin/url.ts). */
  linkedinUrl: httpsUrl,
  name: pageText.optional(),
  headline: pageText.optional(),
  location: pageText.optional(),
  companyName: pageText.optional(),
  companyLinkedInUrl: httpsUrl.optional(),
});
export type SeenLinkedInPerson = z.infer<typeof SeenLinkedInPerson>;

export const SeenLinkedInCompany = z.strictObject({
  linkedinUrl: httpsUrl.optional(),
  name: pageText.optional(),
  industry: pageText.optional(),
  sizeBand: z.enum(SIZE_BANDS).optional(),
  headquarters: pageText.optional(),
  website: pageText.optional(),
});
export type SeenLinkedInCompany = z.infer<typeof SeenLinkedInCompany>;

/** Someone in an email thread, as the sender or recipient chip shows them. */
export const MailParticipant = z.strictObject({
  email: EmailAddress,
  name: pageText.optional(),
});
export type MailParticipant = z.infer<typeof MailParticipant>;

export const SeenMailThread = z.strictObject({
  subject: pageText.optional(),
  /** Everyone in the thread but the signed-in rep. */
  participants: z.array(MailParticipant).min(1).max(100),
});
export type SeenMailThread = z.infer<typeof SeenMailThread>;

/**
 * What a page shows: a person or a company (LinkedIn), an email thread (webmail), or no
 * prospect at all.
 */
export const SeenPage = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('person'), url: httpsUrl, person: SeenLinkedInPerson }),
  z.strictObject({ kind: z.literal('company'), url: httpsUrl, company: SeenLinkedInCompany }),
  z.strictObject({ kind: z.literal('mail-thread'), url: httpsUrl, thread: SeenMailThread }),
  z.strictObject({ kind: z.literal('none'), url: httpsUrl }),
]);
export type SeenPage = z.infer<typeof SeenPage>;

/** Content script → background: "this tab now shows this page". */
export const PageReport = z.strictObject({
  type: z.literal('page/report'),
  page: SeenPage,
});
export type PageReport = z.infer<typeof PageReport>;

/**
 * Extension page → background: "the data changed": recompute every tab's badge, the due count
 * and the alarms.
 */
export const DataChanged = z.strictObject({ type: z.literal('data/changed') });
export type DataChanged = z.infer<typeof DataChanged>;

/** Extension page → background: "the ideal customer profile changed; re-score". */
export const ScoresRecompute = z.strictObject({ type: z.literal('scores/recompute') });
export type ScoresRecompute = z.infer<typeof ScoresRecompute>;

export const Message = z.discriminatedUnion('type', [PageReport, DataChanged, ScoresRecompute]);
export type Message = z.infer<typeof Message>;
export type MessageType = Message['type'];

/** What each message's handler answers with, when it succeeds. */
export interface ReplyValues {
  'page/report': { recorded: true };
  'data/changed': { refreshed: number };
  'scores/recompute': { started: true };
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
export type ReplyFor<K extends MessageType> = Reply<ReplyValues[K]>;
