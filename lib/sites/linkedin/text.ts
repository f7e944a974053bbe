/**
 * Reading text the way a rep sees it, and stripping the UI noise LinkedIn puts beside the data.
 * Everything here is a pure function of DOM nodes and strings.
 */

/**
 * Subtrees whose text a sighted reader does not see as part of the value: screen-reader copies
 * (LinkedIn duplicates most text into `.visually-hidden`), buttons (Follow, Message, "Sign in to
 * view…"), icons, and non-rendered elements.
 */
const UNSEEN = '.visually-hidden, .a11y-text, .sr-only, script, style, template, noscript, svg, button, [hidden]';

import { MAX_PAGE_TEXT } from '../../messaging/limits';
import { normaliseSpace } from '../text';

export { normaliseSpace } from '../text';

/**
 * The visible text of `element` with a paragraph separator (U+2029, white space to
 * normaliseSpace) at each element boundary; a newline in the source is not a boundary.
 */
function visibleRaw(element: Element | null | undefined): string {
  if (!element || element.matches(UNSEEN)) return '';
  let text = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.matches(UNSEEN)) continue;
        // Block-level children read as separate words.
        text += '\u2029';
        walk(el);
        text += '\u2029';
      }
    }
  };
  walk(element);
  return text;
}

/** The visible text of `element`: screen-reader duplicates, buttons and icons left out. */
export function visibleText(element: Element | null | undefined): string {
  return normaliseSpace(visibleRaw(element));
}

/**
 * The visible text of `element` as the runs a reader sees apart (each element's own text):
 * "Plant Manager", "Kestrel Valve Works · Full-time", "Mar 2021 - Present · 1 yr".
 */
export function visibleLines(element: Element | null | undefined): string[] {
  return visibleRaw(element).split('\u2029').map(normaliseSpace).filter(Boolean);
}

/** Pronouns shown beside names: "(She/Her)", "He/Him", "they/them". */
const PRONOUNS = /\(?\b(?:she|he|they|ze|xe)\s*\/\s*(?:her|him|them|hers|his|theirs|zir|xem)(?:\s*\/\s*\w+)?\b\)?/gi;
/** Connection degree: "· 2nd", "2nd degree connection", "3rd+". */
const DEGREE = /(?:·\s*)?\b(?:1st|2nd|3rd\+?)(?:\s+degree(?:\s+connection)?)?\b/gi;
/** Badges announced in text next to names. */
const BADGES = /\b(?:premium(?:\s+member)?|verified(?:\s+member)?|linkedin\s+member|open to work|hiring)\b/gi;

/** Strings that are LinkedIn's chrome, never data (public pages' sign-in prompts and the like). */
const CHROME_ONLY = /^(?:sign in|join now|join|log in|einloggen|anmelden|mitglied werden|s’identifier|s'identifier|iniciar sesión|linkedin|contact info|kontaktinfo|see more|show all|message|follow|connect|more)$/i;
const SIGN_IN_PROMPT = /\b(?:sign in|join now|join to|log in|einloggen|anmelden|s['’]identifier|inicia sesión)\b.*$/i;

/** A person's name as displayed, without pronouns, degree or badges. Undefined when nothing real is left. */
export function cleanNameOrUndefined(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const name = normaliseSpace(normaliseSpace(raw).replace(PRONOUNS, ' ').replace(DEGREE, ' ').replace(BADGES, ' '))
    .replace(/[\s·•,|–-]+$/, '')
    .trim();
  if (!name || CHROME_ONLY.test(name) || /^linkedin member$/i.test(name)) return undefined;
  return name.slice(0, 200);
}

/** A headline, location or company value: trimmed, sign-in prompts and lone chrome removed. */
export function cleanValueOrUndefined(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const value = normaliseSpace(normaliseSpace(raw).replace(SIGN_IN_PROMPT, ''))
    .replace(/^[\s·•|]+|[\s·•|]+$/g, '')
    .trim();
  if (!value || CHROME_ONLY.test(value)) return undefined;
  return value.slice(0, MAX_PAGE_TEXT);
}

/** Connection counts and follower counts sit in the same lists as locations and industries. */
export function isCountLine(text: string): boolean {
  return /^[\d.,]+\s*[KkMm]?\+?\s+(?:connections?|followers?|kontakte|follower|abonnés|relations|contactos|seguidores)\b/i.test(text);
}

export function isNoise(text: string): boolean {
  const stripped = normaliseSpace(text.replace(PRONOUNS, '').replace(DEGREE, '').replace(BADGES, '').replace(/[·•]/g, ''));
  return stripped === '' || CHROME_ONLY.test(stripped) || isCountLine(stripped);
}
