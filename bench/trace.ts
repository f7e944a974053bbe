import type { CDPSession, Page } from 'playwright-core';
import { LINKEDIN_FIXTURES } from '../tests/fixtures/linkedin/expected';
import { waitForReport } from '../tests/e2e/db';
import type { Harness } from '../tests/e2e/harness';
import { bodyOf, navigateLikeLinkedIn } from './content-script';
import { summarise, type Figure } from './stats';

/**
 * The content script's cost on the page it reads, per SPA navigation on a heavy LinkedIn-like page
 * (a profile plus 1,500 feed cards) and while the page sits idle:
 * - main-thread time: V8's sampling CPU profiler (100 µs) over each navigation; every sample whose
 *   stack passes through the content script's code counts, DOM work it calls included;
 * - MutationObserver callbacks: counted inside the content script's own isolated world (the
 *   DevTools protocol can evaluate there), by wrapping that world's MutationObserver.
 */

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of samples whose stack includes the content script. */
export function contentScriptTime(profile: CpuProfile, script: string): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const memo = new Map<number, boolean>();
  const ours = (id: number | undefined): boolean => {
    if (id === undefined) return false;
    if (memo.has(id)) return memo.get(id)!;
    const result = (byId.get(id)?.callFrame.url.includes(script) ?? false) || ours(parent.get(id));
    memo.set(id, result);
    return result;
  };
  let micros = 0;
  profile.samples.forEach((id, i) => {
    if (ours(id)) micros += profile.timeDeltas[i] ?? 0;
  });
  return micros / 1000;
}

function heavyFiller(cards: number): string {
  const card = (i: number) =>
    `<div class="feed-card" data-urn="urn:li:activity:${7000 + i}"><a href="/in/someone-${i}/"><img alt="" src="data:,"><span>Someone ${i}</span></a><p>Post ${i}: a few words about packaging lines, automation and the week's trade show.</p><ul><li>Like</li><li>Comment</li><li>Repost</li></ul></div>`;
  return `<aside class="scaffold-layout__aside" aria-label="Activity">${Array.from({ length: cards }, (_, i) => card(i)).join('')}</aside>`;
}

/** The execution context of Groundwork's content script in the page's main frame. */
async function contentScriptContext(cdp: CDPSession): Promise<number> {
  const contexts: { id: number; name: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const context = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Groundwork');
  if (!context) throw new Error(`No Groundwork content-script context among ${contexts.map((c) => c.name).join(', ')}`);
  return context.id;
}

const settle = (page: Page, ms: number) => page.evaluate((wait) => new Promise((resolve) => setTimeout(resolve, wait)), ms);

export async function contentScriptCost(h: Harness, rounds: number, idleMs = 5_000): Promise<Figure[]> {
  const people = LINKEDIN_FIXTURES.filter((f) => f.expected.kind === 'person' && /logged-in-profile\.html$/.test(f.file));
  const control = await h.openExtensionPage('options.html');
  const page = await h.openSitePage(people[0]!.url);
  await waitForReport(control, people[0]!.url);
  const bodies = await Promise.all(people.map((p) => bodyOf(p.file)));
  const filler = heavyFiller(1_500);
  const cdp = await page.context().newCDPSession(page);
  const world = await contentScriptContext(cdp);
  const inWorld = async <T>(expression: string): Promise<T> =>
    ((await cdp.send('Runtime.evaluate', { expression, contextId: world, returnByValue: true })) as { result: { value: T } }).result.value;
  await inWorld(`(() => {
    const Original = MutationObserver;
    let calls = 0;
    globalThis.MutationObserver = class extends Original {
      constructor(callback) { super((records, observer) => { calls++; return callback(records, observer); }); }
    };
    globalThis.__groundworkObserverCalls = () => calls;
  })()`);
  const observerCalls = () => inWorld<number>('__groundworkObserverCalls()');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });

  const time: number[] = [];
  const callbacks: number[] = [];
  for (let i = 1; i <= rounds; i++) {
    const to = people[i % people.length]!;
    const { title, body } = bodies[i % people.length]!;
    const url = `${to.url}?cost=${i}`;
    const before = await observerCalls();
    await cdp.send('Profiler.start');
    await navigateLikeLinkedIn(page, url, title, `${body}${filler}`);
    await waitForReport(control, url);
    // The watcher's observer disconnects 1.5 s after the page stops changing: include all of it.
    await settle(page, 1_800);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    time.push(contentScriptTime(profile, '/content-scripts/linkedin.js'));
    callbacks.push((await observerCalls()) - before);
  }
  const idleBefore = await observerCalls();
  await cdp.send('Profiler.start');
  await settle(page, idleMs);
  const { profile: idleProfile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  const idleCalls = (await observerCalls()) - idleBefore;
  await cdp.detach();
  await Promise.all([page.close(), control.close()]);
  return [
    summarise('content-script main-thread time per SPA navigation (heavy page, CPU profile)', 'ms', time, 'p50 ≤ 2 ms, p95 ≤ 10 ms', ({ median, p95 }) => median <= 2 && p95 <= 10),
    summarise('MutationObserver callbacks per navigation', 'calls', callbacks, '≤ 5', ({ p95 }) => p95 <= 5),
    summarise(`MutationObserver callbacks while idle (${idleMs / 1000} s)`, 'calls', [idleCalls], '0', ({ median }) => median === 0),
    summarise(`content-script main-thread time while idle (${idleMs / 1000} s)`, 'ms', [contentScriptTime(idleProfile, '/content-scripts/linkedin.js')], '0', ({ median }) => median === 0),
  ];
}
