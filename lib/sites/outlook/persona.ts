import type { MailParticipant } from '../mail/types';
import { withinAddressLengths } from '../../messaging/limits';
import { normaliseSpace } from '../text';

/**
 * People as Outlook on the web marks them up: an element whose title or aria-label is a bare
 * address or "Name <address>". Everything read here is untrusted page text, so an address must be
 * a plain one (no angle brackets, double quotes, back-quotes, spaces, commas or semicolons; within
 * the lengths the background allows, lib/messaging/limits.ts) and a name plain text of at most
 * 200 characters. The apostrophe is allowed in addresses: `o'connor@…` is a real, common local
 * part and harmless once rendered as text.
 * Non-ASCII addresses (`søren.ærø@fjordlys.example`) are kept as they are, lower-cased.
 */

const ADDRESS = /^[^\s@<>"`,;()[\]\\]+@[^\s@<>"`,;()[\]\\]+\.[^\s@<>"`,;()[\]\\.]+$/u;

/** A plain, lower-cased address, or undefined when `text` is anything else. */
export function addressOrUndefined(text: string): string | undefined {
  const email = normaliseSpace(text).toLowerCase();
  return ADDRESS.test(email) && withinAddressLengths(email) ? email : undefined;
}

/** The first plain address among the words of `text` ("Mail - casey@x.example - Outlook"). */
export function addressInTextOrUndefined(text: string): string | undefined {
  for (const word of normaliseSpace(text).split(/[\s<>()[\]",;]+/)) {
    const email = addressOrUndefined(word.replace(/[.:]+$/, ''));
    if (email) return email;
  }
  return undefined;
}

function nameOrUndefined(text: string | undefined, email: string): string | undefined {
  const name = normaliseSpace(text ?? '')
    .replace(/^"(.*)"$/, '$1')
    .trim();
  if (!name || /[<>]/.test(name) || name.toLowerCase() === email || addressOrUndefined(name)) return undefined;
  return name.slice(0, 200);
}

/** "Name <address>" or a bare address → its parts; anything else (including hostile text) → undefined. */
function parseLabelled(value: string | null): { email: string; name?: string } | undefined {
  const text = normaliseSpace(value ?? '');
  if (!text) return undefined;
  const angled = /^([^<>]*)<([^<>]+)>$/.exec(text);
  const email = addressOrUndefined(angled ? angled[2]! : text);
  if (!email) return undefined;
  return angled?.[1] ? { email, name: angled[1] } : { email };
}

/**
 * The person an element names, from its title (first) or aria-label. The name comes from the
 * title's "Name <…>", else the aria-label's "Name <…>" less any leading "Label:" (aria-labels are
 * localised: "From: …", "Von: …", "De : …"), else the visible text (pills shorten it: "Siobhán").
 */
export function participantOrUndefined(element: Element): MailParticipant | undefined {
  const fromTitle = parseLabelled(element.getAttribute('title'));
  const fromLabel = parseLabelled(element.getAttribute('aria-label'));
  const found = fromTitle ?? fromLabel;
  if (!found) return undefined;
  const { email } = found;
  const labelName = fromLabel?.email === email ? fromLabel.name?.replace(/^[^:：<>]{1,24}\s?[:：]\s*/u, '') : undefined;
  const name =
    nameOrUndefined(fromTitle?.name, email) ?? nameOrUndefined(labelName, email) ?? nameOrUndefined(element.textContent ?? '', email);
  return name ? { email, name } : { email };
}

/** One entry per address, keeping the fullest name seen ("Adaeze Okonkwo-Reyes" over "Adaeze"). */
export function unique(participants: MailParticipant[]): MailParticipant[] {
  const byEmail = new Map<string, MailParticipant>();
  for (const p of participants) {
    const known = byEmail.get(p.email);
    if (!known || (p.name && (!known.name || p.name.length > known.name.length))) byEmail.set(p.email, p);
  }
  return [...byEmail.values()];
}

/** The people named by `elements`, in document order, unvalidated ones dropped. */
export function participantsOf(elements: Iterable<Element>): MailParticipant[] {
  return [...elements].map(participantOrUndefined).filter((p): p is MailParticipant => p !== undefined);
}

/** Exchange item and conversation ids are base64 (`AAMkAG…=`), sometimes URL-safe or escaped. */
const ITEM_ID = /^[A-Za-z0-9+/=_.:%-]{4,512}$/;

export function itemIdOrUndefined(value: string | null | undefined): string | undefined {
  const id = value?.trim();
  return id && ITEM_ID.test(id) ? id : undefined;
}
