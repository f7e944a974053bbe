import { formatDue, isOverdue } from '../../components/dueTime';
import {
  CHANGE_MARK_KEY,
  copyOf,
  COPY_KEY,
  PAGE,
  PAGE_MARK_KEY,
  SNAPSHOT_KEY,
  stillNewlyFlagged,
  usableCopy,
  usableSnapshot,
  workerMarkOf,
  type DueRowView,
  type FlaggedView,
  type PopupSnapshot,
  type PopupView,
} from '../../lib/popup/snapshot';

/**
 * Today's list drawn from the background's snapshot with plain DOM calls, before React and Dexie
 * have loaded (issue 20). Run by entrypoints/popup-paint.ts, a classic script of a few kilobytes
 * first in popup.html's head; in the built page it is the only script, and it loads the popup's
 * module once the list is painted (lib/build/popupAppAfterPaint.ts). The same elements, classes
 * and text PopupApp renders for the same view (a unit test compares the two), so when React takes
 * over nothing moves. Text goes in as text, never as markup. Its controls do nothing yet: what the
 * rep does with them is handed to React's (mountPopup).
 */

type Props = Record<string, string | undefined> & { style?: string };
type Child = Node | string | false | undefined;

function el(tag: string, props: Props = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (name === 'style') node.style.cssText = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) if (child !== false && child !== undefined) node.append(child);
  return node;
}

const button = (label: string, props: Props = {}) => el('button', { type: 'button', ...props }, label);

const SNOOZE_OPTIONS = [['', 'Snooze…'], ['0', '1 day'], ['1', '3 days'], ['2', '1 week'], ['date', 'Pick a date…']] as const;

/** A row's Done, Nothing to log and Snooze: the same ten elements in every row but for the name in their labels. */
const followUpActions = () =>
  el(
    'div',
    { class: 'stack' },
    el('div', { class: 'row', role: 'group' }, button('Done', { class: 'primary' }), button('Nothing to log'), el('select', {}, ...SNOOZE_OPTIONS.map(([value, label]) => el('option', { value }, label)))),
  );

/**
 * A due row with every part it can have, text and labels left blank. Each row is a clone of it,
 * filled in: creating elements one by one was the paint's largest part. Built while storage is
 * still answering (`preparePaint`).
 */
let rowPrototype: HTMLElement | undefined;

function dueRowPrototype(): HTMLElement {
  rowPrototype ??= el(
    'li',
    { class: 'due-row stack', style: 'padding: 8px 0px;' },
    el('div', { class: 'row', style: 'justify-content: space-between;' }, el('span', {}, el('strong', {}), ' ', el('span', {})), el('span', {})),
    el('div', {}),
    el('div', { class: 'muted small' }),
    el('div', { class: 'row' }, followUpActions(), button('Open')),
  );
  return rowPrototype;
}

/** The page's header: the same on every paint. */
let headerPrototype: HTMLElement | undefined;

const header = () =>
  (headerPrototype ??= el(
    'header',
    { class: 'row', style: 'justify-content: space-between;' },
    el('h1', {}, 'Due today'),
    el('div', { class: 'row' }, button('Workspace', { title: 'Every prospect and account (Alt+Shift+W)' }), button('Open side panel')),
  ));

/**
 * Builds what every paint clones while storage is still answering, so that only the rows' own
 * words are left once the snapshot is in (15 rows in a fresh extension page: 2.3–3.1 ms of work
 * after the answer before, 1.5–1.7 ms now; building these takes 0.8 ms of the 3–4 ms wait).
 */
export function preparePaint(): void {
  header();
  dueRowPrototype();
}

function dueRow(row: DueRowView, now: number): HTMLElement {
  const li = dueRowPrototype().cloneNode(true) as HTMLElement;
  li.setAttribute('data-follow-up', row.id);
  const [heading, reason, suggested, controls] = li.children as unknown as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
  const [who, due] = heading.children as unknown as [HTMLElement, HTMLElement];
  const [name, badge] = who.children as unknown as [HTMLElement, HTMLElement];
  name.textContent = row.name;
  if (row.band === undefined) badge.remove();
  else {
    badge.className = `badge band-${row.band}`;
    badge.title = `Fit ${row.score ?? ''}`;
    badge.textContent = row.band;
  }
  due.className = isOverdue(row.dueAt, now) ? 'error small' : 'muted small';
  due.textContent = formatDue(row.dueAt, now);
  reason.textContent = row.reason;
  suggested.textContent = `Suggested: ${row.suggested}`;
  const [actions, open] = controls.children as unknown as [HTMLElement, HTMLElement];
  const [group] = actions.children as unknown as [HTMLElement];
  const [, nothingToLog, snooze] = group.children as unknown as [HTMLElement, HTMLElement, HTMLElement];
  group.setAttribute('aria-label', `Follow-up with ${row.name}`);
  nothingToLog.setAttribute('aria-label', `Done with ${row.name}, nothing to log`);
  snooze.setAttribute('aria-label', `Snooze follow-up with ${row.name}`);
  if (row.url === undefined) open.remove();
  else open.setAttribute('aria-label', `Open ${row.name}`);
  return li;
}

function flaggedRow(person: FlaggedView): HTMLElement {
  return el(
    'li',
    { class: 'row flagged-row', style: 'justify-content: space-between; padding: 6px 0px;', 'data-person': person.id },
    el('span', {}, el('strong', {}, person.name), ' ', el('span', { class: 'badge' }, 'on the back burner'), el('br'), el('span', { class: 'small' }, person.story)),
    person.url !== undefined && button('Open', { 'aria-label': `Open ${person.name}` }),
  );
}

function weeklyGoal({ touched, goal }: PopupView['goal']): HTMLElement | undefined {
  if (goal === 0) return undefined;
  return el(
    'section',
    { 'aria-label': 'Weekly goal', class: 'stack' },
    el('div', { class: 'row', style: 'justify-content: space-between;' }, el('span', {}, 'New ideal-fit prospects this week'), el('strong', { 'data-testid': 'weekly-goal' }, `${touched} / ${goal}`)),
    el(
      'div',
      { class: 'progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': String(goal), 'aria-valuenow': String(touched), 'aria-label': 'Weekly goal progress' },
      el('div', { style: `width: ${Math.min(1, touched / goal) * 100}%;` }),
    ),
  );
}

/** The popup's page for `view` at `now`: what PopupApp renders once its three reads have answered. */
export function paintPopup(view: PopupView, now: number): HTMLElement {
  const flagged = stillNewlyFlagged(view.flagged, now);
  const more = view.total - PAGE;
  return el(
    'main',
    { class: 'page stack', style: 'width: 380px;' },
    header().cloneNode(true),
    view.total === 0
      ? el('div', { class: 'empty', 'data-testid': 'empty-due' }, el('p', {}, 'Nothing due. Prospect someone new?'))
      : el('ul', { class: 'plain', 'aria-label': 'Follow-ups due' }, ...view.rows.map((row) => dueRow(row, now))),
    more > 0 && button(`Show ${Math.min(PAGE, more)} more of ${more}`),
    flagged.length > 0 &&
      el('section', { 'aria-label': 'Newly flagged brain-pickers', class: 'stack' }, el('h2', {}, 'Newly flagged brain-pickers'), el('ul', { class: 'plain' }, ...flagged.map(flaggedRow))),
    weeklyGoal(view.goal),
  );
}

const CONTROLS = 'button, select, input, a[href]';

/**
 * What the rep did on the painted page before React took over — the control they focused, the
 * button they clicked, the snooze they chose — so that React's page, put in its place, gets the
 * focus, the click and the choice on the same control, wherever its row is now; on nothing if it
 * has gone. Nothing is lost, nothing happens twice.
 */
export function keepEarlyInteraction(painted: HTMLElement): { handOver(page: HTMLElement): void } {
  let focused = -1;
  let clicked = -1;
  const chosen = new Map<number, string>();
  const controls = (page: HTMLElement) => [...page.querySelectorAll<HTMLElement>(CONTROLS)];
  const indexOf = (target: EventTarget | null) => {
    const control = target instanceof Element ? target.closest(CONTROLS) : null;
    return control ? controls(painted).indexOf(control as HTMLElement) : -1;
  };
  const onFocus = (event: FocusEvent) => void (focused = indexOf(event.target));
  const onClick = (event: MouseEvent) => {
    const index = indexOf(event.target);
    if (controls(painted)[index] instanceof HTMLButtonElement) clicked = index;
  };
  const onChange = (event: Event) => {
    const index = indexOf(event.target);
    if (event.target instanceof HTMLSelectElement && index >= 0) chosen.set(index, event.target.value);
  };
  painted.addEventListener('focusin', onFocus);
  painted.addEventListener('click', onClick);
  painted.addEventListener('change', onChange);
  return {
    handOver(page) {
      painted.removeEventListener('focusin', onFocus);
      painted.removeEventListener('click', onClick);
      painted.removeEventListener('change', onChange);
      // A control is known by its row's follow-up or person, its kind, label and words (and which
      // of its like it is): rows may have moved or gone meanwhile.
      const signatures = (of: HTMLElement) => {
        const seen = new Map<string, number>();
        return controls(of).map((control) => {
          const row = control.closest('[data-follow-up], [data-person]');
          const base = [row?.getAttribute('data-follow-up') ?? row?.getAttribute('data-person') ?? '', control.tagName, control.getAttribute('aria-label') ?? '', control.textContent ?? ''].join('|');
          const nth = seen.get(base) ?? 0;
          seen.set(base, nth + 1);
          return `${base}|${nth}`;
        });
      };
      const before = signatures(painted);
      const after = controls(page);
      const afterSignatures = signatures(page);
      const counterpart = (index: number) => (index >= 0 ? after[afterSignatures.indexOf(before[index]!)] : undefined);
      counterpart(focused)?.focus();
      for (const [index, value] of chosen) {
        const select = counterpart(index);
        if (!(select instanceof HTMLSelectElement)) continue;
        // As the rep's choice reaches React: the value set, then the change event it listens to.
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
      counterpart(clicked)?.click();
    },
  };
}

/** What the first script hands to the popup's module (entrypoints/popup/main.tsx). */
export interface PaintHandOff {
  /** The moment the popup opened: React's relative times count from it too. */
  now: number;
  early?: { handOver(page: HTMLElement): void };
}

// Set by the first script, read by the module: a global is all two scripts of one page share.
declare global {
  var groundworkPopupPaint: Promise<PaintHandOff> | undefined;
}

type Session = { get(keys: string[]): Promise<Record<string, unknown>> };

/**
 * After the browser has drawn what is in the document (a frame, then the task after it). A page
 * out of sight draws no frames: nothing to wait for then.
 */
const afterNextPaint = () =>
  document.visibilityState === 'hidden' ? Promise.resolve() : new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/**
 * #root, once the parser has reached it and the page's styles have loaded (the script runs from
 * the page's head): painted then, the list is on screen as React will show it, never unstyled.
 * The built page carries its styles in a `<style>` element; a linked stylesheet (`wxt dev`) is
 * waited for.
 */
async function rootReady(): Promise<HTMLElement | null> {
  // 'interactive' comes as soon as the parser ends, before the page's modules run (DOMContentLoaded
  // waits for them).
  if (document.readyState === 'loading') await new Promise((resolve) => document.addEventListener('readystatechange', resolve, { once: true }));
  const loading = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].filter((link) => !link.sheet);
  await Promise.all(
    loading.map(
      (link) =>
        new Promise((resolve) => {
          link.addEventListener('load', resolve, { once: true });
          link.addEventListener('error', resolve, { once: true });
        }),
    ),
  );
  return document.getElementById('root');
}

/** What the popup's own copy and the marks that judge it are (lib/popup/snapshot.ts), read at once. */
interface OwnCopy {
  snapshot?: PopupSnapshot;
  pageMark: string | null;
  workerMark?: string;
}

/** This document was loaded by a navigation of its own: not a reload, a step back or forward, or a restored tab. */
function freshlyNavigated(): boolean {
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return entry?.type === 'navigate';
}

function readOwnCopy(now: number): OwnCopy {
  const workerMark = workerMarkOf(location.hash);
  if (location.hash) {
    // The worker's mark is this opening's alone: gone from the address at once, so that a reload,
    // a step back or a restored tab — which may come after later writes — never finds it there.
    history.replaceState(history.state, '', location.pathname + location.search);
  }
  // No worker mark (a popup in a tab), or an old one: neither use nor keep a copy; ask storage at
  // once, without waiting on localStorage.
  if (workerMark === undefined || !freshlyNavigated()) return { pageMark: null };
  try {
    const pageMark = localStorage.getItem(PAGE_MARK_KEY);
    const stored = localStorage.getItem(COPY_KEY);
    const snapshot = usableCopy(stored, pageMark, workerMark, now);
    // One that is no longer current goes (the worker, which cannot, wrote since): what it names
    // must not stay on disk after the change.
    if (stored !== null && !snapshot) localStorage.removeItem(COPY_KEY);
    return { snapshot, pageMark, workerMark };
  } catch {
    // No localStorage: no copy, and none to keep.
    return { pageMark: null };
  }
}

/**
 * After a paint from the copy, storage's answer (asked for all the same, waited for by nothing)
 * still carries the mark the copy's snapshot was made under, unless a write's mark failed to
 * reach localStorage or the toolbar's address. Then the copy goes, and React's list, on its way,
 * replaces the painted one.
 */
async function checkCopy(snapshot: PopupSnapshot, stored: Promise<Record<string, unknown>>): Promise<void> {
  if ((await stored)[CHANGE_MARK_KEY] === snapshot.basis) return;
  console.warn('Groundwork: the popup’s copy of its snapshot was older than the latest change; it is dropped');
  localStorage.removeItem(COPY_KEY);
}

/** Keeps a copy of the snapshot storage vouched for, under the marks read before asking it. */
function keepCopy(snapshot: PopupSnapshot, { pageMark, workerMark }: OwnCopy): void {
  if (workerMark === undefined) return;
  try {
    localStorage.setItem(COPY_KEY, copyOf(snapshot, pageMark, workerMark));
  } catch (error) {
    // Full: the next popup asks storage, as this one did.
    console.warn('Groundwork: could not keep a copy of the popup’s snapshot', error);
  }
}

/**
 * Paints today's list into `#root` from the popup's own copy of the worker's snapshot when nothing
 * has been written since it was made, else from the worker's snapshot in storage.session if that
 * may be shown (lib/popup/snapshot.ts), keeping a copy of it for the next popup; resolves once the
 * list is on screen (or refused). `chrome.storage` is called directly: the polyfill would add its
 * weight before the first paint.
 */
export async function paintFromSnapshot(): Promise<PaintHandOff> {
  const now = Date.now();
  const session = (globalThis as { chrome?: { storage?: { session?: Session } } }).chrome?.storage?.session;
  let handOff: PaintHandOff = { now };
  try {
    // The marks are read before storage is asked: a copy is made only under marks its answer counts.
    const own = readOwnCopy(now);
    // Asked for at once, while the page is still being parsed: without a copy to paint, the answer
    // is what the paint waits on; with one, nothing waits on it (the copy's check).
    const stored = session?.get([SNAPSHOT_KEY, CHANGE_MARK_KEY]);
    let snapshot = own.snapshot;
    const source = snapshot ? 'copy' : 'snapshot';
    // What every paint is cloned from: meanwhile, when the paint waits on storage (3–7 ms).
    preparePaint();
    if (!snapshot && stored) snapshot = usableSnapshot(await stored, now);
    const root = snapshot && (await rootReady());
    if (snapshot && root) {
      const page = document.createElement('div');
      page.append(paintPopup(snapshot.view, now));
      root.replaceChildren(page);
      performance.mark('groundwork:popup-painted', { detail: source });
      handOff = { now, early: keepEarlyInteraction(page) };
      await afterNextPaint();
    }
    if (source === 'snapshot' && snapshot) keepCopy(snapshot, own);
    // Not waited for: the popup's module loads meanwhile.
    if (own.snapshot && stored) void checkCopy(own.snapshot, stored).catch(() => undefined);
  } catch (error) {
    // No snapshot to paint: React shows the list when its reads answer, as without one.
    console.warn('Groundwork: the popup’s snapshot could not be painted', error);
  }
  // Whether the snapshot was painted or refused (tests and the bench read it).
  performance.mark('groundwork:popup-snapshot-checked', { detail: handOff.early ? 'painted' : 'refused' });
  return handOff;
}

/** Said in place of the list when the popup's code cannot load: never a list whose buttons do nothing. */
export function showLoadFailure(error: unknown): void {
  console.error('Groundwork could not load the popup', error);
  const alert = document.createElement('p');
  alert.setAttribute('role', 'alert');
  alert.className = 'error';
  alert.textContent = 'Groundwork could not load its list. Close the popup and open it again.';
  document.getElementById('root')?.replaceChildren(alert);
}

/**
 * Loads the popup's module (`app`, a path in the extension) once `painted` has settled: the list is
 * on screen, or storage said there is none to paint. Only then, so that nothing else the page
 * reads slows the first paint.
 */
export async function loadAppAfterPaint(painted: Promise<unknown>, app: string, load: (path: string) => Promise<unknown> = (path) => import(/* @vite-ignore */ path)): Promise<void> {
  await painted.catch(() => undefined);
  try {
    await load(app);
  } catch (error) {
    showLoadFailure(error);
  }
}

/**
 * What the first script does: paints from the snapshot and, when the built page names the popup's
 * module (`app`, its `data-app`), loads it after the paint. Without one (`wxt dev`, where the page
 * keeps its module script) the page loads it itself.
 */
export function paintThenLoadApp(app: string | undefined, load?: (path: string) => Promise<unknown>): Promise<PaintHandOff> {
  const painted = paintFromSnapshot();
  if (app !== undefined) void loadAppAfterPaint(painted, app, load);
  return painted;
}
