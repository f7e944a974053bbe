import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECIPIENTS, withinAddressLengths } from '../../../lib/messaging/limits';
import { MailInbound, PageReport, SentMail } from '../../../lib/messaging/protocol';
import { EmailAddress } from '../../../lib/model/email';
import { parseAddressList } from '../../../lib/sites/gmail/compose';
import { gmailReader } from '../../../lib/sites/gmail/reader';
import { inboundOnScreen } from '../../../lib/sites/mail/inbound';
import { sentMailOf } from '../../../lib/sites/mail/send';
import { readMailPage } from '../../../lib/sites/mail/watch';
import { outlookReader } from '../../../lib/sites/outlook/reader';

/**
 * What the webmail readers send must be inside the background's bounds: one participant out of
 * bounds gets the whole message refused, and every reply or email that was fine with it.
 */

const load = (file: string) => new DOMParser().parseFromString(readFileSync(join(__dirname, '../../fixtures/gmail', file), 'utf8'), 'text/html');

/** 65 characters before the @: no real mailbox (RFC 5321 allows 64), but a sender can write it. */
const OVERLONG_LOCAL = `${'x'.repeat(65)}@spam.example`;
const OVERLONG_DOMAIN = `ana@${'d'.repeat(252)}.example`;

describe('address lengths', () => {
  it.each([
    ['ana@lima.example', true],
    [`${'a'.repeat(64)}@x.example`, true],
    [OVERLONG_LOCAL, false],
    [`ana@${'d'.repeat(247)}.example`, true],
    [OVERLONG_DOMAIN, false],
    // Characters, not UTF-16 units, as the email pattern counts: 64 emoji are 128 units.
    [`${'😀'.repeat(64)}@x.example`, true],
    [`${'😀'.repeat(65)}@x.example`, false],
    ['@x.example', false],
    ['ana@', false],
    ['a@b@c.example', false],
  ])('%s → %s, as the background decides', (email, within) => {
    expect(withinAddressLengths(email)).toBe(within);
    expect(EmailAddress.safeParse(email).success).toBe(within);
  });
});

describe('Gmail: one overlong address among real ones', () => {
  function threadWithOverlongPeople() {
    const doc = load('2024-06-thread-and-inbox.html');
    const chips = [...doc.querySelectorAll('[data-message-id] [email]')];
    // A second sender chip in Adaeze's message, and a Cc on the rep's.
    const adaeze = chips.find((chip) => chip.getAttribute('email') === 'adaeze@sable-ridge-foods.example')!;
    const extra = adaeze.cloneNode() as Element;
    extra.setAttribute('email', OVERLONG_LOCAL);
    extra.setAttribute('name', 'Spam');
    adaeze.parentElement!.append(extra);
    const cc = chips.find((chip) => chip.getAttribute('email') === 'adaeze@sable-ridge-foods.example' && chip !== adaeze)!.cloneNode() as Element;
    cc.setAttribute('email', OVERLONG_DOMAIN);
    chips[0]!.parentElement!.append(cc);
    return doc;
  }

  it('is dropped from the thread; the thread and the replies are still sent and accepted', () => {
    const doc = threadWithOverlongPeople();
    const thread = gmailReader.readThreadOrUndefined(doc)!;
    const everyone = [...thread.participants, ...thread.messages.flatMap((m) => [m.from, ...m.to])].map((p) => p.email);
    expect(everyone).not.toContain(OVERLONG_LOCAL);
    expect(everyone).not.toContain(OVERLONG_DOMAIN);
    expect(everyone).toContain('adaeze@sable-ridge-foods.example');

    const page = readMailPage(gmailReader, doc, 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmpwrtbnjTHhPlmvzWsB');
    expect(PageReport.safeParse({ type: 'page/report', page }).success).toBe(true);
    const messages = inboundOnScreen(gmailReader, doc);
    expect(messages.map((m) => m.from.email)).toContain('adaeze@sable-ridge-foods.example');
    expect(MailInbound.safeParse({ type: 'mail/inbound', site: 'gmail', messages }).success).toBe(true);
  });

  it('is dropped from a compose window; the send is accepted for the others', () => {
    const to = parseAddressList(`Adaeze <adaeze@sable-ridge-foods.example>, Spam <${OVERLONG_LOCAL}>, ${OVERLONG_DOMAIN}`);
    expect(to).toEqual([{ email: 'adaeze@sable-ridge-foods.example', name: 'Adaeze' }]);
    expect(SentMail.safeParse(sentMailOf('gmail', { kind: 'new', to, cc: [], bcc: [] }, undefined, 0)).success).toBe(true);
  });
});

describe('Outlook: overlong addresses and ids', () => {
  it('an overlong sender is no sender; the message beside it is still read', () => {
    const doc = new DOMParser().parseFromString(
      `<div id="ReadingPaneContainerId"><div role="heading" aria-level="2">Line speed</div>` +
        `<div data-item-id="AAMkAG1"><div role="heading" aria-level="3"><span title="Spam &lt;${OVERLONG_LOCAL}&gt;">Spam</span></div></div>` +
        `<div data-item-id="AAMkAG2"><div role="heading" aria-level="3"><span title="Ana Lima &lt;ana@lima.example&gt;">Ana</span></div></div></div>`,
      'text/html',
    );
    expect(outlookReader.readThreadOrUndefined(doc)?.messages.map((m) => m.from.email)).toEqual(['ana@lima.example']);
  });

  it('a draft id the background would refuse as a key (escaped, or long) gives way to the digest', () => {
    const to = [{ email: 'ana@lima.example' }];
    for (const draftId of ['AAMkAG%2FQx%3D', `AAMkAG${'Q'.repeat(300)}`]) {
      const mail = sentMailOf('outlook', { kind: 'new', to, cc: [], bcc: [], draftId }, undefined, 0);
      expect(mail.key).toMatch(/^d-/);
      expect(SentMail.safeParse(mail).success).toBe(true);
    }
    expect(sentMailOf('outlook', { kind: 'new', to, cc: [], bcc: [], draftId: 'AAMkAG/Qx=' }, undefined, 0).key).toBe('AAMkAG/Qx=');
  });
});

describe('a send to more people than Gmail allows in a field', () => {
  it('keeps the first 500 of each field and is accepted', () => {
    const many = Array.from({ length: MAX_RECIPIENTS + 100 }, (_, i) => ({ email: `p${i}@list.example` }));
    const mail = sentMailOf('gmail', { kind: 'new', to: many, cc: many, bcc: [] }, undefined, 0);
    expect([mail.to.length, mail.cc.length, mail.to[0]?.email, mail.to.at(-1)?.email]).toEqual([500, 500, 'p0@list.example', 'p499@list.example']);
    expect(SentMail.safeParse(mail).success).toBe(true);
  });
});
