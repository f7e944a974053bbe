import { describe, expect, it } from 'vitest';
import { addressInWindowTitleOrUndefined } from '../../../lib/sites/mail/title';

describe('the signed-in address from a webmail window title', () => {
  it.each([
    ['Inbox (3) - casey@groundwork-partners.example - Groundwork Partners Mail', 'casey@groundwork-partners.example'],
    ['Re: Line-speed study - Casey@Groundwork-Partners.example - Gmail', 'casey@groundwork-partners.example'],
    ['Nachricht - casey@groundwork-partners.example - Outlook', 'casey@groundwork-partners.example'],
    // An address in the subject is a prospect, not the rep.
    ['Intro to jane@acme.example - casey@groundwork-partners.example - Gmail', 'casey@groundwork-partners.example'],
    ['Intro to jane@acme.example - Outlook', undefined],
    ['Fwd: jane@acme.example - follow up - Mail', undefined],
    ['Mail - Casey Viewer - Outlook', undefined],
    ['Quote for the Limerick line - Groundwork Partners Mail', undefined],
    ['', undefined],
  ])('%j → %s', (title, expected) => {
    expect(addressInWindowTitleOrUndefined(title)).toBe(expected);
  });
});
