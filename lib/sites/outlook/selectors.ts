/**
 * Every Outlook on the web selector Groundwork uses, in one file, each alternative with the markup
 * generation it serves. Three generations share one code base and differ mostly in wrappers:
 *
 * - "new Outlook": the Monarch-era React app on outlook.office.com / outlook.office365.com and,
 *   since 2023, outlook.live.com (consumer). Class names are Griffel hashes that change with every
 *   build, so nothing here uses them.
 * - "OWA 2019–22": the previous React app (Office UI Fabric / Fluent UI v8), still served by
 *   Exchange 2019 on-premises. Its Fluent v8 class names (`ms-BasePicker`, `ms-Button--primary`)
 *   are documented component names, not hashes, and are used as a second resort.
 * - both: the Microsoft account manager ("MeControl", `mectrl_` ids), the reading pane's
 *   `ReadingPaneContainerId`, `UniqueMessageBody` ids and `data-convid` on list rows.
 *
 * Order of trust: ids and `data-*` attributes carrying item or conversation ids, then ARIA roles
 * and structure, then documented Fluent class names, and English (or any UI-language) words last:
 * the UI is localised in 100+ languages and its tooltips carry bidi marks (normaliseSpace strips
 * them). Attribute names marked "hand-assumed" are our best reading of the generation's markup and
 * are exercised only by our hand-written fixtures: check them against a saved page when one is
 * available.
 */

/** The reading pane that shows the open conversation. */
export const READING_PANE = [
  // new Outlook 2023–25: regions are named by `data-app-section` (hand-assumed value).
  '[data-app-section="ConversationContainer"]',
  // OWA 2019–22 and new Outlook 2023–25: the reading pane's fixed id.
  '#ReadingPaneContainerId',
];

/** The open conversation's subject heading (level 2 inside the reading pane; both generations). */
export const THREAD_SUBJECT = READING_PANE.map((pane) => `${pane} [role="heading"][aria-level="2"]`);

/** The attribute carrying a conversation id (`AAQk…`) on list rows and, in places, containers (2019–25). */
export const CONVERSATION_ID = 'data-convid';

/** The list row of the conversation open in the reading pane (2019–25). */
export const SELECTED_ROW = '[role="option"][aria-selected="true"][data-convid], [role="listitem"][aria-selected="true"][data-convid]';

/** One message (item) of the open conversation, by the attribute carrying its Exchange item id (2019–25, hand-assumed). */
export const MESSAGE_ITEM = '[data-item-id]';
export const ITEM_ID = 'data-item-id';

/** A message's body: never read for people (links and signatures in it are not recipients). */
export const MESSAGE_BODY = [
  // OWA 2019–22 and new Outlook 2023–25: the body wrapper's id `UniqueMessageBody_<n>`.
  '[id^="UniqueMessageBody"]',
  // both: the body is rendered as an ARIA document.
  '[role="document"]',
];

/** The sender line of a message header: the message's own heading (level 3; both generations). */
export const MESSAGE_SENDER_AREA = '[role="heading"][aria-level="3"]';

/** The sent/received time of a message (its title or aria-label holds the full date in the UI language). */
export const MESSAGE_TIME = [
  // new Outlook 2023–25 (hand-assumed test id).
  '[data-testid="SentReceivedSavedTime"]',
  // any generation that renders a machine-readable time.
  'time[datetime]',
];

/**
 * A person anywhere (sender, recipients, list-row senders, recipient pills): an element whose
 * title or aria-label is an address or "Name <address>" (2019–25). Read by reader.ts's
 * `participantOrUndefined`, which refuses anything that is not a plain address.
 */
export const PERSONA = '[title], [aria-label]';

/** Message-list rows, each carrying its conversation id. */
export const LIST_ROW = [
  // new Outlook 2023–25 and OWA 2019–22: the list is a listbox of options.
  '[role="listbox"] [role="option"][data-convid]',
  // builds that render the list as a plain ARIA list (the brief's listitem variant).
  '[role="list"] [role="listitem"][data-convid]',
];

/** Controls that are never a person or a subject (row hover actions: flag, delete, pin). */
export const NOT_CONTENT = 'button, [role="button"], [role="checkbox"], [role="toolbar"]';

/** The signed-in account, read from attributes or text that hold the address. */
export const ACCOUNT = [
  // MeControl account manager flyout (2019–25, all hosts): the address line.
  '#mectrl_currentAccount_secondary',
  // MeControl trigger (new Outlook 2023–25) and the suite header's "Me" button (OWA 2019–22).
  '#mectrl_main_trigger',
  '#O365_MainLink_Me',
  // any header control labelled with an address (outlook.live.com consumer 2023–25).
  '[role="banner"] [aria-label*="@"]',
  '[role="banner"] [title*="@"]',
];

/** A compose form by its named region (new Outlook 2023–25, hand-assumed value). */
export const COMPOSE_ROOT = ['[data-app-section="MailCompose"]'];

/**
 * The compose body editor (both generations: a multi-line contenteditable). OWA 2019–22 has no
 * named compose region, so a compose root is also found structurally (reader.ts): the smallest
 * ancestor holding one body editor and a recipient well.
 */
export const COMPOSE_BODY = '[contenteditable="true"][aria-multiline="true"]';

/** A recipient well (To, Cc or Bcc), in document order. */
export const RECIPIENT_WELL = [
  // new Outlook 2023–25: each well is a single-line contenteditable textbox holding pills.
  '[contenteditable="true"][role="textbox"]:not([aria-multiline="true"])',
  // OWA 2019–22 and outlook.live.com before 2023: Fluent UI v8 people picker (documented class).
  '.ms-BasePicker',
];

/** The subject: the compose's single-line text input that is not inside a well (both generations). */
export const COMPOSE_SUBJECT = 'input[type="text"], input:not([type])';

/** The Send button by stable markers (see reader.ts `isSendControl` for the hint and word fallbacks). */
export const SEND_BUTTON = [
  // new Outlook 2023–25 (hand-assumed test id).
  '[data-testid="ComposeSendButton"]',
  // OWA 2019–22: the compose command bar's only Fluent v8 primary button (documented class).
  '.ms-Button--primary',
];

/**
 * Label fallbacks, used only when no stable marker decides (all UI languages' tooltips carry
 * bidi marks, stripped before matching). The Send tooltip's shortcut hint "(Ctrl+Enter)" in the
 * UI language: the modifier and the Enter key's localised names (2019–25).
 */
export const SEND_SHORTCUT = /(?:ctrl|strg|control|cmd|⌘)\s*\+\s*(?:enter|eingabe(?:taste)?|entrée|entree|intro|invio|return|retour)/iu;

/** The word for Send in the UI languages our reps use, matched as the whole label (not "Send later"). */
export const SEND_WORDS: ReadonlySet<string> = new Set(['send', 'senden', 'envoyer', 'enviar', 'invia', 'verzenden', 'skicka', 'wyślij', '送信', '发送']);

/**
 * A recipient well's label, the last resort for telling Cc from Bcc when one is hidden (the order
 * To, Cc, Bcc decides otherwise). "Cc"/"Bcc" are kept in most UI languages; these are the others
 * (French Cci, Spanish/Portuguese CCO, Italian Ccn, Polish DW/UDW, Swedish, Chinese).
 */
export const BCC_LABEL = /^(?:bcc|cci|cco|ccn|udw|hemlig kopia|密件抄送)(?=$|[\s:：])/iu;
export const CC_LABEL = /^(?:cc|dw|kopia|抄送)(?=$|[\s:：])/iu;

/** The nested dialogs of a compose (insert link, confirm discard) whose primary buttons are not Send. */
export const NESTED_DIALOG = '[role="dialog"], [role="alertdialog"]';

/** A button, whatever element renders it (both generations). */
export const BUTTON = 'button, [role="button"]';

/**
 * Pop-out compose windows: new Outlook's deep link (2021–25) and the `popoutv2` parameter that
 * both generations put on pop-out URLs.
 */
export const POP_OUT_URL = /\/mail\/(?:[^/?#]+\/)?deeplink\/compose(?:[/?#]|$)|[?&]popoutv2=/i;

/**
 * How Outlook marks an unread row: its accessible name begins with the UI language's "Unread"
 * (2019–25; no attribute says so). A label fallback, so a language missing here only means the
 * reply is logged when its conversation is opened instead of when it arrives.
 */
export const UNREAD_ROW_WORDS = ['unread', 'ungelesen', 'non lu', 'no leído', 'non letto', 'ongelezen', 'oläst', 'nieprzeczytane', 'não lida', 'ulæst', 'ulest', 'lukematon'];
