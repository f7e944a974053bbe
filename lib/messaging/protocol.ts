import { z } from 'zod';
import { EmailAddress } from '../model/email';
import { SIZE_BANDS } from '../model/sizeBands';
import { MAIL_KEY, MAX_INBOUND_BATCH, MAX_PAGE_TEXT, MAX_PEOPLE_PER_SEND, MAX_RECIPIENTS, MAX_THREAD_PEOPLE, MAX_TIME_TEXT, MAX_URL } from './limits';

/**
 * The one protocol between content scripts, extension pages and the background worker. Every
 * message has a Zod schema here; the background validates every message and its sender against
 * them before acting (lib/messaging/router.ts). Content scripts import only the *types* from this
 * module (`import type`), so no Zod reaches them.
 *
 * Strings from pages are untrusted: lengths are bounded so a hostile page cannot make us store
 * megabytes, and nothing here is ever rendered as HTML.
 */

const pageText = z.string().trim().min(1).max(MAX_PAGE_TEXT);
const httpsUrl = z
  .string()
  .max(MAX_URL)
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
/** Addresses compare lower-cased everywhere (identity, source keys): normalised on the way in. */
const mailAddress = EmailAddress.transform((email) => email.toLowerCase());

export const MailParticipant = z.strictObject({
  email: mailAddress,
  name: pageText.optional(),
});
export type MailParticipant = z.infer<typeof MailParticipant>;

export const SeenMailThread = z.strictObject({
  subject: pageText.optional(),
  /** Everyone in the thread but the signed-in rep. */
  participants: z.array(MailParticipant).min(1).max(MAX_THREAD_PEOPLE),
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

/** Which webmail a mail message comes from; the background checks it against the sender's page. */
export const MailSite = z.enum(['gmail', 'outlook']);
export type MailSite = z.infer<typeof MailSite>;

/** A site's id for a draft or message, or a digest: what makes "this email" one touch, once. */
const mailKey = z.string().trim().regex(MAIL_KEY, 'not an id');

/** An email the rep just sent from a webmail compose window (Send button or Ctrl/Cmd+Enter). */
export const SentMail = z
  .strictObject({
    site: MailSite,
    key: mailKey,
    /** The signed-in rep, when the page shows it: their colleagues are never logged. */
    from: mailAddress.optional(),
    to: z.array(MailParticipant).max(MAX_RECIPIENTS),
    cc: z.array(MailParticipant).max(MAX_RECIPIENTS),
    bcc: z.array(MailParticipant).max(MAX_RECIPIENTS),
    subject: pageText.optional(),
  })
  .refine((mail) => mail.to.length + mail.cc.length + mail.bcc.length > 0, 'an email needs a recipient');
export type SentMail = z.infer<typeof SentMail>;

/** Content script → background: "the rep sent this": saved prospects are logged (a setting). */
export const MailSent = z.strictObject({ type: z.literal('mail/sent'), mail: SentMail });
export type MailSent = z.infer<typeof MailSent>;

/** Content script → background: the toast's "Log to Groundwork" for recipients not logged. */
export const MailLogRecipients = z.strictObject({
  type: z.literal('mail/log-recipients'),
  mail: SentMail,
  emails: z.array(mailAddress).min(1).max(MAX_PEOPLE_PER_SEND),
});
export type MailLogRecipients = z.infer<typeof MailLogRecipients>;

/**
 * Content script → background: the toast's "Link this address": the recipient `email` is the saved
 * person `personId`, one of the likely people `mail/sent` offered. The address joins them and the
 * email is logged for them.
 */
export const MailLinkRecipient = z.strictObject({
  type: z.literal('mail/link-recipient'),
  mail: SentMail,
  email: mailAddress,
  personId: z.string().min(1).max(100),
});
export type MailLinkRecipient = z.infer<typeof MailLinkRecipient>;

/** Content script → background: the toast's "Give" / "Ask": what the email just logged was. */
export const MailSetIntent = z.strictObject({
  type: z.literal('mail/set-intent'),
  touchIds: z.array(z.string().min(1).max(100)).min(1).max(MAX_PEOPLE_PER_SEND),
  intent: z.enum(['give', 'ask', 'neutral']),
});
export type MailSetIntent = z.infer<typeof MailSetIntent>;

/** Content script → background: the toast's "Undo" of what `mail/sent` just logged. */
export const MailUndo = z.strictObject({
  type: z.literal('mail/undo'),
  touchIds: z.array(z.string().min(1).max(100)).min(1).max(MAX_PEOPLE_PER_SEND),
  /** Addresses "Link this address" added for these touches: taken back from the person too. */
  unlink: z.array(mailAddress).max(MAX_PEOPLE_PER_SEND).optional(),
});
export type MailUndo = z.infer<typeof MailUndo>;

/** A message someone else wrote, seen in an open thread or as an unread row of the inbox list. */
export const InboundMail = z.strictObject({
  from: MailParticipant,
  messageId: mailKey.optional(),
  /** The time as the page shows it, in the UI language; parsed in the background. */
  timeText: z.string().trim().min(1).max(MAX_TIME_TEXT).optional(),
  subject: pageText.optional(),
});
export type InboundMail = z.infer<typeof InboundMail>;

/** Content script → background: messages from others on screen; saved prospects' are logged once. */
export const MailInbound = z.strictObject({
  type: z.literal('mail/inbound'),
  site: MailSite,
  me: mailAddress.optional(),
  messages: z.array(InboundMail).min(1).max(MAX_INBOUND_BATCH),
});
export type MailInbound = z.infer<typeof MailInbound>;

export const Message = z.discriminatedUnion('type', [PageReport, DataChanged, ScoresRecompute, MailSent, MailLogRecipients, MailLinkRecipient, MailSetIntent, MailUndo, MailInbound]);
export type Message = z.infer<typeof Message>;
export type MessageType = Message['type'];

/** What each message's handler answers with, when it succeeds. */
export interface ReplyValues {
  'page/report': { recorded: true };
  'data/changed': { refreshed: number };
  'scores/recompute': { started: true };
  'mail/sent': { logged: LoggedRecipient[]; offered: OfferedRecipient[] };
  'mail/log-recipients': { logged: LoggedRecipient[] };
  'mail/link-recipient': { logged: LoggedRecipient[] };
  'mail/undo': { removed: number };
  'mail/set-intent': { changed: number };
  'mail/inbound': { logged: number };
}

/** A recipient whose touch was logged: what the toast names and what Undo removes. */
export interface LoggedRecipient {
  touchId: string;
  personId: string;
  name: string;
  email: string;
}

/** A saved person an unknown recipient most likely is (lib/identity/candidates.ts). */
export interface OfferedCandidate {
  personId: string;
  name: string;
  company?: string;
  /** Where the person was first saved from ("linkedin": the LinkedIn prospect meeting their address). */
  source: string;
  /** Sure enough to link in one click. */
  confident: boolean;
}

/** A recipient the toast offers to log in one click: not saved yet, or saved with automatic logging off. */
export interface OfferedRecipient {
  email: string;
  name?: string;
  saved: boolean;
  /** A role or bulk address (info@, updates@): listed unchecked, never offered on its own. */
  role?: boolean;
  /** Saved people this unknown address most likely belongs to, best first. */
  candidates?: OfferedCandidate[];
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
export type ReplyFor<K extends MessageType> = Reply<ReplyValues[K]>;
