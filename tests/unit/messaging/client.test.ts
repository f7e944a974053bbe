import { describe, expect, it, vi } from 'vitest';
import { RETRY_DELAYS_MS, sendMessage, type Transport } from '../../../lib/messaging/client';

/**
 * The content scripts' client (issue 15): a worker Chrome stopped mid-message is reached again;
 * a refusal is final; an orphaned script gives up at once. Every reply is a value, never a throw.
 */

const report = { type: 'page/report', page: { kind: 'none', url: 'https://www.linkedin.com/feed/' } } as const;

function transport(replies: (unknown | Error)[], connected = () => true): Transport & { sent: number; waited: number[] } {
  const t = {
    sent: 0,
    waited: [] as number[],
    async send() {
      const reply = replies[t.sent++];
      if (reply instanceof Error) throw reply;
      return reply;
    },
    connected,
    async wait(ms: number) {
      t.waited.push(ms);
    },
  };
  return t;
}

describe('sendMessage', () => {
  it('tries again when the worker was stopped mid-message, and returns its answer', async () => {
    const t = transport([new Error('The message port closed before a response was received.'), undefined, { ok: true, value: null }]);
    expect(await sendMessage(report, t)).toEqual({ ok: true, value: null });
    expect(t.sent).toBe(3);
    expect(t.waited).toEqual(RETRY_DELAYS_MS.slice(0, 2));
  });

  it('never repeats a refusal: the background answered', async () => {
    const t = transport([{ ok: false, error: 'Refused: unknown sender' }, { ok: true, value: null }]);
    expect(await sendMessage(report, t)).toEqual({ ok: false, error: 'Refused: unknown sender' });
    expect(t.sent).toBe(1);
  });

  it('gives up, with the last error as a reply, after the last retry', async () => {
    const failures = Array.from({ length: 10 }, () => new Error('Could not establish connection. Receiving end does not exist.'));
    const t = transport(failures);
    expect(await sendMessage(report, t)).toEqual({ ok: false, error: 'Could not establish connection. Receiving end does not exist.' });
    expect(t.sent).toBe(RETRY_DELAYS_MS.length + 1);
  });

  it('an orphaned script (no extension left) does not try again', async () => {
    const connected = vi.fn(() => false);
    const t = transport([new Error('Extension context invalidated.'), { ok: true, value: null }], connected);
    expect(await sendMessage(report, t)).toEqual({ ok: false, error: 'Extension context invalidated.' });
    expect(t.sent).toBe(1);
    expect(t.waited).toEqual([]);
  });
});
