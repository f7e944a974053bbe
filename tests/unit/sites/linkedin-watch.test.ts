import { describe, expect, it } from 'vitest';
import type { SeenPage } from '../../../lib/messaging/protocol';
import { screenSignature, watchPage, type WatchTimers } from '../../../lib/sites/linkedin/watch';

/** Manual timers: the test decides when time passes. */
function manualTimers(): WatchTimers & { fire(): void; pending(): number } {
  let next = 1;
  const callbacks = new Map<number, () => void>();
  return {
    setTimeout(callback) {
      callbacks.set(next, callback);
      return next++;
    },
    clearTimeout(id) {
      callbacks.delete(id);
    },
    fire() {
      const all = [...callbacks.values()];
      callbacks.clear();
      for (const cb of all) cb();
    },
    pending: () => callbacks.size,
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function profileHtml(name: string, headline: string) {
  return `<section class="pv-top-card"><h1>${name}</h1><div class="text-body-medium break-words">${headline}</div></section>`;
}

function setup(title: string, mainHtml: string) {
  document.title = title;
  const parsed = new DOMParser().parseFromString(`<header><img alt="Casey Viewer"></header><main>${mainHtml}</main>`, 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
  const reports: SeenPage[] = [];
  const timers = manualTimers();
  const controller = new AbortController();
  return { reports, timers, controller, options: { report: (p: SeenPage) => reports.push(p), signal: controller.signal, timers } };
}

function replaceMain(html: string) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.querySelector('main')!.replaceChildren(...parsed.body.childNodes);
}

const ANA = 'https://www.linkedin.com/in/ana-lima/';
const BO = 'https://www.linkedin.com/in/bo-chen/';

describe('watchPage', () => {
  it('reports a page whose content is already there, once', async () => {
    const { reports, options } = setup('Ana Lima | LinkedIn', profileHtml('Ana Lima', 'COO at Lumen'));
    watchPage(document, ANA, undefined, options);
    await flush();
    expect(reports).toEqual([{ kind: 'person', url: ANA, person: { linkedinUrl: ANA, name: 'Ana Lima', headline: 'COO at Lumen' } }]);
  });

  it('waits for content that renders after the script starts', async () => {
    const { reports, options } = setup('LinkedIn', '<div class="loading"></div>');
    watchPage(document, ANA, undefined, options);
    await flush();
    expect(reports).toEqual([]);
    replaceMain(profileHtml('Ana Lima', 'COO at Lumen'));
    await flush();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ person: { name: 'Ana Lima' } });
  });

  it('after an in-app navigation, never reports the previous person under the new URL', async () => {
    const { reports, options } = setup('Ana Lima | LinkedIn', profileHtml('Ana Lima', 'COO at Lumen'));
    const stale = screenSignature(document);
    watchPage(document, BO, stale, options); // URL changed, content not yet
    await flush();
    document.querySelector('.text-body-medium')!.textContent = 'still Ana’s headline';
    await flush();
    expect(reports).toEqual([]);
    replaceMain(profileHtml('Bo Chen', 'Plant Manager at Kestrel'));
    document.title = 'Bo Chen | LinkedIn';
    await flush();
    expect(reports).toEqual([
      { kind: 'person', url: BO, person: { linkedinUrl: BO, name: 'Bo Chen', headline: 'Plant Manager at Kestrel' } },
    ]);
  });

  it('reports fields that render late while the page settles, then stops listening', async () => {
    const { reports, timers, options } = setup('Sable | LinkedIn', '<section class="org-top-card"><h1>Sable Ridge Foods</h1></section>');
    watchPage(document, 'https://www.linkedin.com/company/sable/about/', undefined, options);
    await flush();
    const dl = document.querySelector('main')!.appendChild(document.createElement('dl'));
    dl.append(Object.assign(document.createElement('dt'), { textContent: 'Industry' }), Object.assign(document.createElement('dd'), { textContent: 'Food Production' }));
    await flush();
    expect(reports.map((r) => (r.kind === 'company' ? r.company.industry : r.kind))).toEqual([undefined, 'Food Production']);
    timers.fire(); // the settle window ends
    dl.append(Object.assign(document.createElement('dt'), { textContent: 'Headquarters' }), Object.assign(document.createElement('dd'), { textContent: 'Ohio' }));
    await flush();
    expect(reports).toHaveLength(2);
  });

  it('reports the identity alone when the content never comes', async () => {
    const { reports, timers, options } = setup('LinkedIn', '<div class="spinner"></div>');
    watchPage(document, ANA, undefined, options);
    await flush();
    timers.fire();
    expect(reports).toEqual([{ kind: 'person', url: ANA, person: { linkedinUrl: ANA } }]);
    expect(timers.pending()).toBe(0);
  });

  it('reports a page without a prospect at once and keeps nothing running', async () => {
    const { reports, timers, options } = setup('Feed | LinkedIn', '<h1>Feed posts</h1>');
    watchPage(document, 'https://www.linkedin.com/feed/', undefined, options);
    expect(reports).toEqual([{ kind: 'none', url: 'https://www.linkedin.com/feed/' }]);
    replaceMain(profileHtml('Ana Lima', 'x'));
    await flush();
    expect(reports).toHaveLength(1);
    expect(timers.pending()).toBe(0);
  });

  it('stops when aborted (a newer navigation, or the extension was updated)', async () => {
    const { reports, controller, timers, options } = setup('LinkedIn', '');
    watchPage(document, ANA, undefined, options);
    controller.abort();
    replaceMain(profileHtml('Ana Lima', 'x'));
    await flush();
    expect(reports).toEqual([]);
    expect(timers.pending()).toBe(0);
  });
});
