import { withinAddressLengths } from '../../messaging/limits';
import { normaliseSpace } from '../text';

/**
 * Webmail window titles end "… - <signed-in address> - <app name>" (Gmail: "Inbox (3) -
 * casey@acme.example - Acme Mail"; Outlook: "Mail - casey@acme.example - Outlook"). Only that
 * position counts: an address in a subject earlier in the title ("Intro to jane@x.example") is a
 * prospect, never the rep.
 */
export function addressInWindowTitleOrUndefined(title: string): string | undefined {
  const parts = normaliseSpace(title).split(' - ');
  const candidate = parts.length >= 3 ? parts[parts.length - 2]!.trim().toLowerCase() : '';
  return /^[^\s@<>"(),;]+@[^\s@<>"(),;]+\.[^\s@<>"(),;]+$/u.test(candidate) && withinAddressLengths(candidate) ? candidate : undefined;
}
