import { describe, expect, it } from 'vitest';
import type { SeenPage } from '../../../lib/messaging/protocol';
import { gmailReader } from '../../../lib/sites/gmail/reader';
import { watchMail } from '../../../lib/sites/mail/watch';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const timers = () => {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    setTimeout: (f: () => void) => (pending.set(next, f), next++),
    clearTimeout: (id: number) => void pending.delete(id),
    fire: () => [...pending.values()].forEach((f) => f()),
    pending: () => pending.size,
  };
};

function thread(id: string, subject: string, email: string) {
  return `<h2 data-thread-perm-id="${id}">${subject}</h2><div data-message-id="#m-${id}"><h3><span email="${email}" name="Someone">Someone</span></h3></div>`;
}
function show(html: string) {
  document.body.replaceChildren(...new DOMParser().parseFromString(`<div role="main">${html}</div>`, 'text/html').body.childNodes);
}

describe('watchMail', () => {
  it('reports the open thread, and after a navigation waits for the new one', async () => {
    show(thread('t1', 'First', 'a@x.example'));
    const reports: SeenPage[] = [];
    const t = timers();
    watchMail(gmailReader, document, 'https://mail.google.com/mail/u/0/#inbox/t1', undefined, { report: (p) => reports.push(p), signal: new AbortController().signal, timers: t });
    expect(reports.map((r) => r.kind === 'mail-thread' && r.thread.subject)).toEqual(['First']);

    const stale = gmailReader.threadMarkerOrUndefined(document);
    const reports2: SeenPage[] = [];
    watchMail(gmailReader, document, 'https://mail.google.com/mail/u/0/#inbox/t2', stale, { report: (p) => reports2.push(p), signal: new AbortController().signal, timers: t });
    expect(reports2).toEqual([{ kind: 'none', url: 'https://mail.google.com/mail/u/0/#inbox/t2' }]);
    show(thread('t2', 'Second', 'b@x.example'));
    await flush();
    expect(reports2.map((r) => (r.kind === 'mail-thread' ? r.thread.participants[0]!.email : r.kind))).toEqual(['none', 'b@x.example']);
    expect(t.pending()).toBe(0);
  });

  it('on the inbox, says no prospect and stops watching after its limit', async () => {
    show('<div role="grid"></div>');
    const reports: SeenPage[] = [];
    const t = timers();
    watchMail(gmailReader, document, 'https://mail.google.com/mail/u/0/#inbox', undefined, { report: (p) => reports.push(p), signal: new AbortController().signal, timers: t });
    t.fire();
    show(thread('t3', 'Late', 'c@x.example'));
    await flush();
    expect(reports).toEqual([{ kind: 'none', url: 'https://mail.google.com/mail/u/0/#inbox' }]);
  });
});
