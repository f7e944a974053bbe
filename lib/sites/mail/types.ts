/**
 * What every webmail site (Gmail, Outlook on the web) shows, in one vocabulary, so the content
 * scripts' send detection, toast and reply noticing are written once (lib/sites/mail/) and each
 * site contributes only its reading of the page (lib/sites/gmail/, lib/sites/outlook/).
 * Plain types: nothing here reaches a bundle.
 */

export interface MailParticipant {
  /** Lower-cased address. */
  email: string;
  name?: string;
}

export interface MailMessage {
  /** The site's own id for the message (Gmail `msg-f:…`, Outlook's item id). */
  id: string;
  from: MailParticipant;
  to: MailParticipant[];
  /** The time as the site shows it in the UI language ("Mon, Nov 2, 2026, 10:14 AM"). */
  timeText?: string;
}

export interface MailThread {
  id?: string;
  subject?: string;
  messages: MailMessage[];
  /** Everyone in the thread except the signed-in rep. */
  participants: MailParticipant[];
}

/** A row of the message list (inbox): who it is from, as the list shows it. */
export interface MailListRow {
  senders: MailParticipant[];
  subject?: string;
  timeText?: string;
  /**
   * The row is unread: its latest message is someone else's (the rep's own never are), so with
   * one sender besides the rep, that sender wrote last. How new mail "arriving" is noticed.
   */
  unread?: boolean;
}

export type ComposeKind = 'new' | 'reply' | 'pop-out';

export interface MailCompose {
  kind: ComposeKind;
  to: MailParticipant[];
  cc: MailParticipant[];
  bcc: MailParticipant[];
  subject?: string;
  /** The site's id of the draft, when it exposes one: a stable key for "this email". */
  draftId?: string;
}

/**
 * One webmail site's knowledge of its pages, as pure functions of a Document or an element. The
 * shared mail content-script code (lib/sites/mail/) drives these; each is tested on fixtures.
 */
export interface MailSiteReader {
  site: 'gmail' | 'outlook';
  /** The signed-in rep's address, when the page shows it. */
  signedInAddressOrUndefined(doc: Document): string | undefined;
  /** The open thread (reading pane), or undefined. */
  readThreadOrUndefined(doc: Document): MailThread | undefined;
  /** An element that changes identity when another thread opens (its heading). */
  threadMarkerOrUndefined(doc: Document): Element | undefined;
  /** The message list's rows on screen (may be empty; may be on screen with a thread). */
  readListRows(doc: Document): MailListRow[];
  /** The compose window (new, reply, pop-out) that contains `element`, if any. */
  composeRootOrUndefined(element: Element): Element | undefined;
  /** What a compose window holds; undefined when `root` is not (or no longer) a compose window. */
  readComposeOrUndefined(root: Element, url: string): MailCompose | undefined;
  /** True when `element` is (inside) the compose window's Send button. */
  isSendControl(element: Element, root: Element): boolean;
}
