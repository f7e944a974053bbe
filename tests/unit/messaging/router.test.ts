import { describe, expect, it, vi } from 'vitest';
import type { MessageSenderLike } from '../../../lib/messaging/sender';
import { classifySender } from '../../../lib/messaging/sender';
import { readTabContext } from '../../../lib/tabContext';
import { memorySession } from '../../support/session';
import { BACKGROUND_NOW, testBackground } from '../../support/background';

import { EXTENSION_ID as ID, EXTENSION_ORIGIN as ORIGIN } from '../../support/background';

const linkedInTab: MessageSenderLike = {
  id: ID,
  url: 'https://www.linkedin.com/in/jane-doe/',
  origin: 'https://www.linkedin.com',
  frameId: 0,
  tab: { id: 7, url: 'https://www.linkedin.com/in/jane-doe/' },
  documentLifecycle: 'active',
};

const report = {
  type: 'page/report',
  page: {
    kind: 'person',
    url: 'https://www.linkedin.com/in/jane-doe/',
    person: { linkedinUrl: 'https://www.linkedin.com/in/jane-doe/', name: 'Jane Doe' },
  },
};

function setup() {
  return testBackground();
}

describe('classifySender', () => {
  it.each<[string, MessageSenderLike, ReturnType<typeof classifySender>]>([
    ['our content script on LinkedIn', linkedInTab, { kind: 'content-script', tabId: 7, url: 'https://www.linkedin.com/in/jane-doe/' }],
    ['our content script on a country subdomain', { ...linkedInTab, url: 'https://de.linkedin.com/in/x/' }, { kind: 'content-script', tabId: 7, url: 'https://de.linkedin.com/in/x/' }],
    ['our content script in Gmail', { ...linkedInTab, url: 'https://mail.google.com/mail/u/0/#inbox' }, { kind: 'content-script', tabId: 7, url: 'https://mail.google.com/mail/u/0/#inbox' }],
    ['our extension page', { id: ID, url: `${ORIGIN}/sidepanel.html`, origin: ORIGIN }, { kind: 'extension-page' }],
    ['another extension', { ...linkedInTab, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }, undefined],
    ['no extension id (a web page)', { ...linkedInTab, id: undefined }, undefined],
    ['an iframe inside LinkedIn', { ...linkedInTab, frameId: 3 }, undefined],
    ['a prerendered document', { ...linkedInTab, documentLifecycle: 'prerender' }, undefined],
    ['an unsupported site', { ...linkedInTab, url: 'https://evil.example/in/jane/' }, undefined],
    ['a look-alike host', { ...linkedInTab, url: 'https://www.linkedin.com.evil.example/in/jane/' }, undefined],
    ['plain http LinkedIn', { ...linkedInTab, url: 'http://www.linkedin.com/in/jane/' }, undefined],
    ['a content script without a tab', { ...linkedInTab, tab: undefined }, undefined],
    ['our page URL with a foreign origin', { id: ID, url: `${ORIGIN}/popup.html`, origin: 'https://evil.example' }, undefined],
  ])('%s', (_label, sender, expected) => {
    expect(classifySender(sender, ID, `${ORIGIN}/`)).toEqual(expected);
  });
});

describe('background router', () => {
  it('records the page context of the reporting tab', async () => {
    const { session, route } = setup();
    expect(await route(report, linkedInTab)).toEqual({ ok: true, value: { recorded: true } });
    expect(await readTabContext(session, 7)).toEqual({ tabId: 7, page: report.page, reportedAt: BACKGROUND_NOW });
  });

  it.each([
    ['not an object', 'page/report', /Unknown message type/],
    ['null', null, /Unknown message type/],
    ['an unknown type', { type: 'db/wipe' }, /Unknown message type: db\/wipe/],
    ['a prototype key as type', { type: 'constructor' }, /Unknown message type/],
    ['a missing page', { type: 'page/report' }, /Malformed page\/report message: page/],
    ['an unknown page kind', { type: 'page/report', page: { kind: 'feed', url: 'https://www.linkedin.com/feed/' } }, /Malformed/],
    ['extra fields', { ...report, extra: 1 }, /Malformed/],
    ['a javascript: URL', { type: 'page/report', page: { kind: 'none', url: 'javascript:alert(1)' } }, /https URL/],
    [
      'an oversized name',
      { ...report, page: { ...report.page, person: { ...report.page.person, name: 'x'.repeat(5000) } } },
      /Malformed/,
    ],
    ['a blank name', { ...report, page: { ...report.page, person: { ...report.page.person, name: '   ' } } }, /Malformed/],
  ])('refuses %s with a clear error and changes nothing', async (_label, message, error) => {
    const { session, route } = setup();
    const reply = await route(message, linkedInTab);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(error);
    expect(session.data.size).toBe(0);
  });

  it('refuses a report that does not fit its site (a LinkedIn script reporting an email thread)', async () => {
    const { session, route } = setup();
    const thread = { type: 'page/report', page: { kind: 'mail-thread', url: 'https://www.linkedin.com/in/x/', thread: { participants: [{ email: 'a@b.example' }] } } };
    expect(await route(thread, linkedInTab)).toEqual({ ok: false, error: 'Refused: a mail-thread report from linkedin' });
    expect(session.data.size).toBe(0);
  });

  it('refuses a well-formed message from a sender that may not send it', async () => {
    const { session, route } = setup();
    const fromPage = await route(report, { id: ID, url: `${ORIGIN}/popup.html`, origin: ORIGIN });
    expect(fromPage).toEqual({ ok: false, error: 'Refused: page/report is not accepted from extension-page' });
    const fromStranger = await route(report, { ...linkedInTab, id: 'other' });
    expect(fromStranger).toEqual({ ok: false, error: 'Refused: unknown sender' });
    expect(session.data.size).toBe(0);
  });

  it('turns a handler failure into an error reply', async () => {
    const session = memorySession();
    session.set = vi.fn().mockRejectedValue(new Error('quota exceeded'));
    const { route } = testBackground({ session });
    expect(await route(report, linkedInTab)).toEqual({ ok: false, error: 'quota exceeded' });
  });
});
