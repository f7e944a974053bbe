/**
 * Every Gmail selector Groundwork uses, in one file, each with the markup generation it serves.
 * Gmail's class names are short hashes that change; its `email` and `name` attributes on sender
 * and recipient chips, message ids and ARIA roles have been stable for years, so those come first
 * and English labels are never relied on (tooltips also carry invisible bidi marks).
 */

/** Any chip that names a person: sender, recipients, inbox-row senders (2014–25). */
export const PERSON_CHIP = '[email]';

/** The open thread's subject heading: the thread id attribute (2020–25), then Gmail's class (2014–19). */
export const THREAD_SUBJECT = ['h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]', 'h2.hP'];

/** One message of the open thread (2018–25: `data-message-id`; older: `data-legacy-message-id`). */
export const THREAD_MESSAGE = '[data-message-id], [data-legacy-message-id]';

/**
 * The sender chip sits in the expanded message's header (2014–25: an h3). A collapsed message
 * (2025 conversation view, tests/fixtures/gmail/2025-09-thread-new-ui.html) has no h3: its header
 * shows the sender's chip alone, so a message whose only chip outside the body is that one is
 * read as from it (lib/sites/gmail/thread.ts).
 */
export const MESSAGE_SENDER = 'h3 [email]';

/** The message body: never read for people (2014–25 class, then the bare dir="ltr" wrapper). */
export const MESSAGE_BODY = '.a3s, div[dir="ltr"]';

/** The timestamp cell: its title holds the full date in the UI language (2014–25). */
export const MESSAGE_TIME = '[role="gridcell"][title], span.g3[title]';

/** Inbox list rows (2018–25: role=row inside the grid of conversations; 2014–17: bare `tr.zA`). */
export const INBOX_ROW = '[role="main"] [role="grid"] [role="row"], tr.zA';

/** An inbox row's subject; the first alternative found wins. */
export const ROW_SUBJECT = [
  // 2014–25: the wrapper around the subject, read or unread (2014–17 bolds unread ones with <b>).
  '.bog',
  // 2018–25: the span carrying `data-thread-id` is the subject itself; only unread ones are `.bqe`.
  '[data-thread-id]',
  '.bqe',
];

/**
 * An inbox row's date cell, whose span's title is the full date (2014–25: `td.xW`). Not simply
 * the row's first titled element: the star cell (2014–17 "Not starred") and label chips (2018–25,
 * mailing lists) carry titles before it. No date cell, no time: better none than a label.
 */
export const ROW_TIME = '.xW [title]';

/** The signed-in account, from the banner's account button label: "… (casey@example.com)". */
export const ACCOUNT_BUTTON = '[role="banner"] a[aria-label*="@"]';

/** A compose window: the new-message dialog or pop-out (2014–25), or an inline reply region. */
export const COMPOSE_ROOT = '[role="dialog"], [role="region"]';

/** Hidden address fields every compose form has carried since 2014, by name: stable. */
export const COMPOSE_FIELD = (field: 'to' | 'cc' | 'bcc') => `input[name="${field}"], textarea[name="${field}"]`;

/** The subject: the visible box for new messages (2014–25), the hidden field for replies. */
export const COMPOSE_SUBJECT = 'input[name="subjectbox"], input[name="subject"]';

/** The body editor (2014–25: Gmail's g_editable contenteditable with role=textbox). */
export const COMPOSE_BODY = '[contenteditable="true"][role="textbox"], [g_editable="true"]';

/** The draft's id, a hidden field of every compose form (2014–25): "#msg-a:r-123…" once saved. */
export const COMPOSE_DRAFT_ID = 'input[name="draft"]';

/**
 * The Send button's class, unchanged since 2013 (`T-I J-J5-Ji aoO v7 T-I-atl L3`): first of the
 * send-button tests; the localised shortcut hint and label words follow (lib/sites/gmail/reader.ts).
 */
export const SEND_BUTTON_CLASS = 'aoO';

/**
 * An unread inbox row carries this class (2014–25; read rows carry `yO`). No attribute says
 * "unread" in every UI language, so the class is the one signal; a row it misses is still
 * logged when its thread is opened.
 */
export const UNREAD_ROW_CLASS = 'zE';
