import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import { upsertSeenPerson } from '../../../lib/db/people';
import { Message, type MessageType } from '../../../lib/messaging/protocol';
import { BACKGROUND_NOW, contentScriptSender, extensionPageSender, testBackground } from '../../support/background';
import { freshDb } from '../../support/db';
import { dump } from '../io/support';
import { hostileValue, nearlyValid, RUNS } from './arbitraries';

/**
 * Every protocol message, fuzzed through the background's one entry point (issue 15): thousands of
 * near-valid and arbitrary messages from every kind of sender. No exception escapes the router,
 * every reply is `{ ok, value | error }`, every message the schema refuses gets a readable
 * refusal, and refused messages change nothing in the database.
 */

const ADAEZE = 'adaeze@sable-ridge-foods.example';
const mail = { site: 'gmail', key: 'msg-a:r-4711', to: [{ email: ADAEZE, name: 'Adaeze' }], cc: [], bcc: [], subject: 'Line-speed study' };

/** One valid message of each type: what the mutations start from. */
const SAMPLES: Record<MessageType, unknown> = {
  'page/report': {
    type: 'page/report',
    page: { kind: 'person', url: 'https://www.linkedin.com/in/adaeze/', person: { linkedinUrl: 'https://www.linkedin.com/in/adaeze/', name: 'Adaeze Okonkwo-Reyes', headline: 'Head of Plant Engineering', companyName: 'Sable Ridge Foods' } },
  },
  'data/changed': { type: 'data/changed' },
  'scores/recompute': { type: 'scores/recompute' },
  'mail/sent': { type: 'mail/sent', mail },
  'mail/log-recipients': { type: 'mail/log-recipients', mail, emails: [ADAEZE] },
  'mail/link-recipient': { type: 'mail/link-recipient', mail, email: ADAEZE, personId: 'p-1' },
  'mail/undo': { type: 'mail/undo', touchIds: ['t-1'], unlink: [ADAEZE] },
  'mail/set-intent': { type: 'mail/set-intent', touchIds: ['t-1'], intent: 'give' },
  'mail/inbound': { type: 'mail/inbound', site: 'gmail', messages: [{ from: { email: ADAEZE, name: 'Adaeze' }, timeText: 'Mon, Nov 2, 2026, 10:14 AM', subject: 'Re: Line-speed study' }] },
};

const SENDERS = [
  contentScriptSender('https://www.linkedin.com/in/adaeze/'),
  contentScriptSender('https://mail.google.com/mail/u/0/#inbox'),
  contentScriptSender('https://outlook.office.com/mail/inbox'),
  extensionPageSender('sidepanel.html'),
  { id: 'another-extension', url: 'https://www.linkedin.com/in/adaeze/', frameId: 0, tab: { id: 3 } },
  { id: undefined, url: 'https://evil.example/' },
];

const anyMessage = fc.oneof(
  fc.constantFrom(...Object.values(SAMPLES)).chain((sample) => nearlyValid(sample)),
  fc.record({ type: fc.constantFrom(...Object.keys(SAMPLES), 'page/report ', 'PAGE/REPORT', '__proto__', 'toString'), payload: hostileValue }),
  hostileValue,
);

let db: GroundworkDB;
let background: ReturnType<typeof testBackground>;
beforeAll(async () => {
  db = freshDb();
  await upsertSeenPerson(db, { name: 'Adaeze Okonkwo-Reyes', emails: [ADAEZE], linkedinUrl: 'https://www.linkedin.com/in/adaeze/', source: 'linkedin' }, BACKGROUND_NOW);
  background = testBackground({ db, reschedule: vi.fn(async () => undefined), rescore: vi.fn(async () => undefined) });
});
afterAll(async () => {
  await db.delete();
});

const isReply = (reply: unknown): boolean =>
  typeof reply === 'object' &&
  reply !== null &&
  ((reply as { ok?: unknown }).ok === true ? 'value' in reply : (reply as { ok?: unknown }).ok === false && typeof (reply as { error?: unknown }).error === 'string');

describe('the background router, fuzzed', () => {
  it(`refuses every message its schema refuses, readably, changing nothing (${RUNS.many} cases)`, async () => {
    const before = await dump(db);
    const refused = anyMessage.filter((message) => !Message.safeParse(message).success);
    await fc.assert(
      fc.asyncProperty(refused, fc.constantFrom(...SENDERS), async (message, sender) => {
        const reply = await background.route(message, sender);
        expect(isReply(reply)).toBe(true);
        expect(reply.ok).toBe(false);
        expect((reply as { error: string }).error).toMatch(/^(Refused|Unknown message type|Malformed)/);
        expect((reply as { error: string }).error.length).toBeLessThan(1000);
      }),
      { numRuns: RUNS.many },
    );
    expect(await dump(db)).toEqual(before);
  });

  it(`answers every message, valid or not, from every sender, without an exception (${RUNS.some} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(anyMessage, fc.constantFrom(...SENDERS), async (message, sender) => {
        const reply = await background.route(message, sender);
        expect(isReply(reply)).toBe(true);
      }),
      { numRuns: RUNS.some },
    );
  });
});
