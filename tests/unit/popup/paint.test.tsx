import { render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { startOfDay } from 'date-fns';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepEarlyInteraction, loadAppAfterPaint, paintFromSnapshot, paintPopup, paintThenLoadApp } from '../../../entrypoints/popup/paint';
import { PopupApp } from '../../../entrypoints/popup/PopupApp';
import { addFollowUp, blankProfile, db, saveProfile, upsertSeenPerson } from '../../../lib/db';
import { CHANGE_MARK_KEY, copyOf, COPY_KEY, PAGE, PAGE_MARK_KEY, popupAddress, SNAPSHOT_KEY, usableCopy } from '../../../lib/popup/snapshot';
import { popupSnapshot } from '../../../lib/popup/today';
import { rescoreAll } from '../../../lib/scoring/rescore';

/**
 * The painted popup (entrypoints/popup/paint.ts) is the page React then shows for the same data:
 * the same elements, attributes and text, so the hand-over changes nothing the rep can see.
 */

afterEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

const HOUR = 3_600_000;

async function seedADay(now: number, { due = 3 }: { due?: number } = {}) {
  await saveProfile(db, { ...blankProfile('VPs'), seniorities: ['vp'] });
  const { person: vera } = await upsertSeenPerson(db, { name: 'Vera Novak', linkedinUrl: 'https://www.linkedin.com/in/vera/', headline: 'VP Operations', source: 'linkedin' });
  const { person: bo } = await upsertSeenPerson(db, { name: 'Bo Chen <b>&amp;</b>', emails: ['bo@lumen.example'], source: 'email' });
  const { person: nobody } = await upsertSeenPerson(db, { name: 'Nadia Ø', headline: 'Engineer', linkedinUrl: 'https://www.linkedin.com/in/nadia/', source: 'linkedin' });
  await db.people.update(nobody.id, { linkedinUrl: undefined });
  await rescoreAll(db);
  const people = [vera, bo, nobody];
  for (let i = 0; i < due; i++) {
    const person = people[i % people.length]!;
    await addFollowUp(db, { personId: person.id, dueAt: now - (i % 4) * 26 * HOUR - 5 * 60_000, reason: `Reason ${i} for ${person.name}`, suggestedType: i % 2 ? 'call' : 'email', origin: 'cadence' });
  }
  // Later today, and next week: only the first is due today.
  await addFollowUp(db, { personId: vera.id, dueAt: Math.min(now + HOUR, startOfDay(now).getTime() + 24 * HOUR - 1), reason: 'Later today', suggestedType: 'linkedin-message', origin: 'manual' });
  await addFollowUp(db, { personId: bo.id, dueAt: now + 7 * 24 * HOUR, reason: 'Next week', suggestedType: 'email', origin: 'manual' });
  await db.people.update(bo.id, {
    flags: ['brain-picker'],
    stage: 'back-burner',
    brainPicker: { episodes: 1, flaggedAt: now - 2 * 24 * HOUR, raisedAt: now - 2 * 24 * HOUR, reachedOutAt: now - 20 * 24 * HOUR, attempts: 6, adviceMinutes: 45, previousStage: 'target' },
  });
  await db.settings.put({ key: 'settings', value: { weeklyGoal: 4 } });
}

/** React's page for the data, once its three reads have answered. */
async function reactPage(now: number): Promise<string> {
  const ready = vi.fn();
  const { container } = render(<PopupApp now={now} onReady={ready} />);
  await waitFor(() => expect(ready).toHaveBeenCalled());
  return container.innerHTML;
}

async function paintedPage(now: number): Promise<string> {
  const snapshot = await popupSnapshot(db, now, undefined);
  return paintPopup(snapshot.view, now).outerHTML;
}

describe('the painted popup', () => {
  it('is the page React shows: due rows with fits, times, reasons, suggestions and Open; the flagged; the goal', async () => {
    const now = Date.now();
    await seedADay(now);
    const painted = await paintedPage(now);
    expect(painted).toContain('Vera Novak');
    expect(painted).toContain('Newly flagged brain-pickers');
    expect(painted).toContain('data-testid="weekly-goal"');
    expect(painted).toContain('Bo Chen &lt;b&gt;&amp;amp;&lt;/b&gt;');
    expect(await reactPage(now)).toBe(painted);
  });

  it('is the page React shows when nothing is due and no goal is set', async () => {
    const now = Date.now();
    await db.settings.put({ key: 'settings', value: { weeklyGoal: 0 } });
    const painted = await paintedPage(now);
    expect(painted).toContain('Nothing due. Prospect someone new?');
    expect(painted).not.toContain('Weekly goal');
    expect(await reactPage(now)).toBe(painted);
  });

  it('is the page React shows for a backlog longer than a page, with "Show more"', async () => {
    const now = Date.now();
    await seedADay(now, { due: PAGE + 7 }); // and one due later today
    const painted = await paintedPage(now);
    expect(painted).toContain('Show 8 more of 8');
    expect(await reactPage(now)).toBe(painted);
  });

  it('says times relative to when it is painted, not when the snapshot was made', async () => {
    const madeAt = Date.now();
    await seedADay(madeAt, { due: 1 });
    const { view } = await popupSnapshot(db, madeAt, undefined);
    const row = (at: number) => paintPopup(view, at).querySelector('.due-row .small')!.textContent;
    expect(row(madeAt)).toBe('5 min overdue');
    expect(row(madeAt + 2 * HOUR)).toBe('2 hours overdue');
  });

  it('fills every row from blank: a row without a fit or a link shows neither, whatever was painted before it', () => {
    const now = Date.now();
    const fitted = { id: 'f-ana', name: 'Ana Lima', band: 'A', score: 81, dueAt: now - 2 * HOUR, reason: 'No reply to the intro', suggested: 'Call', url: 'https://www.linkedin.com/in/ana/' };
    const bare = { id: 'f-bo', name: 'Bo Chen', dueAt: now + 2 * HOUR, reason: 'Check in', suggested: 'Email' };
    const goal = { touched: 0, goal: 0 };
    for (const rows of [[fitted, bare], [bare, fitted]]) {
      const page = paintPopup({ total: 2, rows, flagged: [], goal }, now);
      const ana = page.querySelector('[data-follow-up="f-ana"]')!;
      const bo = page.querySelector('[data-follow-up="f-bo"]')!;
      expect(ana.querySelector('.badge')?.outerHTML).toBe('<span class="badge band-A" title="Fit 81">A</span>');
      expect(ana.querySelector('[aria-label="Open Ana Lima"]')).not.toBeNull();
      expect(ana.querySelector('.error.small')?.textContent).toBe('2 hours overdue');
      expect(ana.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Follow-up with Ana Lima');
      expect(bo.querySelector('.badge')).toBeNull();
      expect([...bo.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Done', 'Nothing to log']);
      expect(bo.querySelector('.muted.small')?.textContent).toBe('due in 2 hours');
      expect(bo.textContent).toContain('Suggested: Email');
      expect(bo.querySelector('select')?.getAttribute('aria-label')).toBe('Snooze follow-up with Bo Chen');
    }
  });

  it('drops the flagged who stopped being news since the snapshot was made', async () => {
    const madeAt = Date.now();
    await seedADay(madeAt, { due: 1 });
    const { view } = await popupSnapshot(db, madeAt, undefined);
    expect(paintPopup(view, madeAt).textContent).toContain('Newly flagged brain-pickers');
    expect(paintPopup(view, madeAt + 13 * 24 * HOUR).textContent).not.toContain('Newly flagged brain-pickers');
  });
});

describe('painting from the page’s head', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    Reflect.deleteProperty(document, 'readyState');
    document.body.replaceChildren();
  });

  it('asks for the snapshot before the page is parsed, and paints into #root once the parser has reached it and the styles have loaded', async () => {
    const now = Date.now();
    await seedADay(now);
    const snapshot = await popupSnapshot(db, now, 'mark-1');
    let answer: (stored: Record<string, unknown>) => void = () => undefined;
    const get = vi.fn(() => new Promise<Record<string, unknown>>((resolve) => (answer = resolve)));
    vi.stubGlobal('chrome', { storage: { session: { get } } });
    // The script runs from <head>: no body, no #root yet.
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    const painting = paintFromSnapshot();
    expect(get).toHaveBeenCalledWith([SNAPSHOT_KEY, CHANGE_MARK_KEY]);
    answer({ [SNAPSHOT_KEY]: snapshot, [CHANGE_MARK_KEY]: 'mark-1' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Answered while parsing: nothing painted until the parser ends.
    expect(document.querySelector('.due-row')).toBeNull();
    const root = document.createElement('div');
    root.id = 'root';
    document.body.append(root);
    // The page's stylesheet is still loading when the parser ends: an unstyled list would move.
    const styles = document.createElement('link');
    styles.rel = 'stylesheet';
    document.body.append(styles);
    Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true });
    document.dispatchEvent(new Event('readystatechange'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(root.childElementCount).toBe(0);
    styles.dispatchEvent(new Event('load'));
    const handOff = await painting;
    expect(handOff.early).toBeDefined();
    expect(root.querySelectorAll('.due-row').length).toBeGreaterThan(0);
    expect(root.textContent).toContain('Vera Novak');
  });

  it('paints nothing when the snapshot is older than the latest change', async () => {
    const now = Date.now();
    await seedADay(now);
    const snapshot = await popupSnapshot(db, now, 'mark-1');
    vi.stubGlobal('chrome', { storage: { session: { get: async () => ({ [SNAPSHOT_KEY]: snapshot, [CHANGE_MARK_KEY]: 'mark-2' }) } } });
    const root = document.createElement('div');
    root.id = 'root';
    document.body.append(root);
    const handOff = await paintFromSnapshot();
    expect(handOff.early).toBeUndefined();
    expect(root.childElementCount).toBe(0);
  });
});

describe('the popup’s own copy of the snapshot', () => {
  /** How the page was loaded, as the browser says: a fresh navigation unless a test says otherwise. */
  let navigation = 'navigate';
  beforeEach(() => {
    navigation = 'navigate';
    const real = performance.getEntriesByType.bind(performance);
    vi.spyOn(performance, 'getEntriesByType').mockImplementation((type) => (type === 'navigation' ? ([{ type: navigation }] as unknown as PerformanceEntryList) : real(type)));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    document.body.replaceChildren();
    localStorage.clear();
    history.replaceState(null, '', '/');
    performance.clearMarks();
  });

  const rootInPage = () => {
    const root = document.createElement('div');
    root.id = 'root';
    document.body.append(root);
    return root;
  };
  const paintedFrom = () => (performance.getEntriesByName('groundwork:popup-painted').at(-1) as PerformanceMark | undefined)?.detail;

  /** A day's snapshot made under `basis`; the page's mark, the popup's stored copy and the worker's mark in its address, when given. */
  async function popupWith(basis: string, { pageMark, copy, workerMark }: { pageMark?: string; copy?: [string, string]; workerMark?: string }) {
    const now = Date.now();
    await seedADay(now);
    const snapshot = await popupSnapshot(db, now, basis);
    if (pageMark !== undefined) localStorage.setItem(PAGE_MARK_KEY, pageMark);
    if (copy) localStorage.setItem(COPY_KEY, copyOf(snapshot, ...copy));
    if (workerMark !== undefined) history.replaceState(null, '', `/${popupAddress(workerMark)}`);
    return { now, snapshot };
  }

  it('paints from its copy at once, without asking storage, while both marks are the ones it was made under', async () => {
    await popupWith('mark-1', { pageMark: 'page-1', copy: ['page-1', 'worker-1'], workerMark: 'worker-1' });
    // Storage is asked all the same (for the copy's check) but never answers: nothing waits on it.
    const get = vi.fn((_: string[]) => new Promise<Record<string, unknown>>(() => undefined));
    vi.stubGlobal('chrome', { storage: { session: { get } } });
    const root = rootInPage();
    const handOff = await paintFromSnapshot();
    expect(handOff.early).toBeDefined();
    expect(paintedFrom()).toBe('copy');
    expect(root.textContent).toContain('Vera Novak');
  });

  it('asks storage when a page has written since, and keeps a copy of what storage vouched for under the marks read before asking', async () => {
    const { now, snapshot } = await popupWith('mark-2', { pageMark: 'page-2', copy: ['page-1', 'worker-1'], workerMark: 'worker-1' });
    vi.stubGlobal('chrome', { storage: { session: { get: async () => ({ [SNAPSHOT_KEY]: snapshot, [CHANGE_MARK_KEY]: 'mark-2' }) } } });
    rootInPage();
    await paintFromSnapshot();
    expect(paintedFrom()).toBe('snapshot');
    expect(usableCopy(localStorage.getItem(COPY_KEY), 'page-2', 'worker-1', now)?.basis).toBe('mark-2');
  });

  it('keeps a copy that will not be used when a page wrote while storage was answering', async () => {
    const { now, snapshot } = await popupWith('mark-1', { pageMark: 'page-1', workerMark: 'worker-1' });
    vi.stubGlobal('chrome', {
      storage: {
        session: {
          get: async () => {
            // Another page's write, marked while storage answers with what it had before.
            localStorage.setItem(PAGE_MARK_KEY, 'page-2');
            return { [SNAPSHOT_KEY]: snapshot, [CHANGE_MARK_KEY]: 'mark-1' };
          },
        },
      },
    });
    rootInPage();
    await paintFromSnapshot();
    expect(usableCopy(localStorage.getItem(COPY_KEY), localStorage.getItem(PAGE_MARK_KEY), 'worker-1', now)).toBeUndefined();
  });

  it('takes the worker’s mark out of its address once read; reloaded, stepped back to or restored, it neither uses nor keeps a copy', async () => {
    for (const type of ['reload', 'back_forward']) {
      const { snapshot } = await popupWith('mark-1', { pageMark: 'page-1', copy: ['page-1', 'worker-1'], workerMark: 'worker-1' });
      navigation = type;
      const get = vi.fn(async () => ({ [SNAPSHOT_KEY]: snapshot, [CHANGE_MARK_KEY]: 'mark-2' }));
      vi.stubGlobal('chrome', { storage: { session: { get } } });
      rootInPage();
      await paintFromSnapshot();
      expect(location.hash).toBe('');
      expect(get).toHaveBeenCalled();
      expect(paintedFrom()).toBeUndefined();
      expect(localStorage.getItem(COPY_KEY)).toBe(copyOf(snapshot, 'page-1', 'worker-1'));
      document.body.replaceChildren();
      await Promise.all(db.tables.map((t) => t.clear()));
    }
  });

  it('drops its copy after painting from it when storage’s mark says a write’s mark never reached it', async () => {
    await popupWith('mark-1', { pageMark: 'page-1', copy: ['page-1', 'worker-1'], workerMark: 'worker-1' });
    const get = vi.fn(async (_: string[]) => ({ [CHANGE_MARK_KEY]: 'mark-2' }));
    vi.stubGlobal('chrome', { storage: { session: { get } } });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    rootInPage();
    await paintFromSnapshot();
    expect(paintedFrom()).toBe('copy');
    await vi.waitFor(() => expect(localStorage.getItem(COPY_KEY)).toBeNull());
  });

  it('keeps its copy after painting from it while storage’s mark is the one its snapshot was made under', async () => {
    const { snapshot } = await popupWith('mark-1', { pageMark: 'page-1', copy: ['page-1', 'worker-1'], workerMark: 'worker-1' });
    const get = vi.fn(async () => ({ [CHANGE_MARK_KEY]: 'mark-1' }));
    vi.stubGlobal('chrome', { storage: { session: { get } } });
    rootInPage();
    await paintFromSnapshot();
    await vi.waitFor(() => expect(get).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(localStorage.getItem(COPY_KEY)).toBe(copyOf(snapshot, 'page-1', 'worker-1'));
  });

  it('neither uses nor keeps a copy in a popup opened in a tab (no worker mark in its address)', async () => {
    const { snapshot } = await popupWith('mark-1', { copy: ['', 'worker-1'] });
    const get = vi.fn(async () => ({ [SNAPSHOT_KEY]: snapshot, [CHANGE_MARK_KEY]: 'mark-1' }));
    vi.stubGlobal('chrome', { storage: { session: { get } } });
    rootInPage();
    await paintFromSnapshot();
    expect(get).toHaveBeenCalled();
    expect(paintedFrom()).toBe('snapshot');
    expect(localStorage.getItem(COPY_KEY)).toBe(copyOf(snapshot, '', 'worker-1'));
  });
});

describe('the hand-over from the painted page to React', () => {
  const row = (id: string, name: string) => ({ id, name, dueAt: Date.now(), reason: `Call ${name} back`, suggested: 'Call', url: `https://www.linkedin.com/in/${id}/` });
  const view = (rows: ReturnType<typeof row>[]) => ({ total: rows.length, rows, flagged: [], goal: { touched: 0, goal: 0 } });

  /** The painted page, and the page React puts in its place: here with the rows in another order (a write meanwhile). */
  function twoPages(reactRows = [row('f-bo', 'Bo Chen'), row('f-ana', 'Ana Lima')]) {
    const painted = paintPopup(view([row('f-ana', 'Ana Lima'), row('f-bo', 'Bo Chen')]), Date.now());
    const page = paintPopup(view(reactRows), Date.now());
    document.body.append(painted, page);
    const done = (of: HTMLElement, name: string) => of.querySelector<HTMLElement>(`[aria-label="Follow-up with ${name}"] button.primary`)!;
    return { painted, page, done, [Symbol.dispose]: () => (painted.remove(), page.remove()) };
  }

  it('gives the click on a painted Done to React’s Done for the same follow-up, wherever its row is now', async () => {
    using pages = twoPages();
    const early = keepEarlyInteraction(pages.painted);
    await userEvent.click(pages.done(pages.painted, 'Ana Lima'));
    const ana = vi.fn();
    const bo = vi.fn();
    pages.done(pages.page, 'Ana Lima').addEventListener('click', ana);
    pages.done(pages.page, 'Bo Chen').addEventListener('click', bo);
    early.handOver(pages.page);
    expect(ana).toHaveBeenCalledTimes(1);
    expect(bo).not.toHaveBeenCalled();
  });

  it('clicks nothing when that follow-up is no longer listed', async () => {
    using pages = twoPages([row('f-bo', 'Bo Chen')]);
    const early = keepEarlyInteraction(pages.painted);
    await userEvent.click(pages.done(pages.painted, 'Ana Lima'));
    const bo = vi.fn();
    pages.done(pages.page, 'Bo Chen').addEventListener('click', bo);
    early.handOver(pages.page);
    expect(bo).not.toHaveBeenCalled();
  });

  it('gives a snooze chosen early to the same follow-up’s snooze', async () => {
    using pages = twoPages();
    const early = keepEarlyInteraction(pages.painted);
    await userEvent.selectOptions(pages.painted.querySelector('[aria-label="Snooze follow-up with Ana Lima"]')!, '3 days');
    const chosen = vi.fn((event: Event) => (event.target as HTMLSelectElement).value);
    pages.page.querySelector('[aria-label="Snooze follow-up with Ana Lima"]')!.addEventListener('change', chosen);
    early.handOver(pages.page);
    expect(chosen).toHaveBeenCalledTimes(1);
    expect(chosen.mock.results[0]!.value).toBe('1');
  });

  it('keeps the focus on the same control', () => {
    using pages = twoPages();
    const early = keepEarlyInteraction(pages.painted);
    pages.painted.querySelector<HTMLElement>('[aria-label="Open Ana Lima"]')!.focus();
    early.handOver(pages.page);
    expect(document.activeElement).toBe(pages.page.querySelector('[aria-label="Open Ana Lima"]'));
  });
});

describe('loading the app after the paint', () => {
  it('asks for the popup’s module only once the paint has settled, whether it painted or failed', async () => {
    for (const settle of ['resolve', 'reject'] as const) {
      let end!: () => void;
      const painted = new Promise<void>((resolve, reject) => (end = settle === 'resolve' ? resolve : () => reject(new Error('no snapshot'))));
      const load = vi.fn(() => Promise.resolve());
      const loaded = loadAppAfterPaint(painted, '/chunks/popup-A.js', load);
      await new Promise((resolve) => setTimeout(resolve));
      expect(load).not.toHaveBeenCalled();
      end();
      await loaded;
      expect(load).toHaveBeenCalledWith('/chunks/popup-A.js');
    }
  });

  it('the first script loads the module its built page names, after the paint; with none named (`wxt dev`) it leaves that to the page', async () => {
    vi.stubGlobal('chrome', { storage: { session: { get: async () => ({}) } } });
    const named = vi.fn(() => Promise.resolve());
    await paintThenLoadApp('/chunks/popup-A.js', named);
    await new Promise((resolve) => setTimeout(resolve));
    expect(named).toHaveBeenCalledExactlyOnceWith('/chunks/popup-A.js');
    const none = vi.fn(() => Promise.resolve());
    const handOff = await paintThenLoadApp(undefined, none);
    await new Promise((resolve) => setTimeout(resolve));
    expect(none).not.toHaveBeenCalled();
    // Nothing to paint: React will show the list, from the moment the popup opened.
    expect(handOff.early).toBeUndefined();
    vi.unstubAllGlobals();
  });

  it('says so in place of the painted list when the module cannot load: never buttons that do nothing', async () => {
    const root = document.createElement('div');
    root.id = 'root';
    root.append(paintPopup({ total: 1, rows: [{ id: 'f-1', name: 'Ana Lima', dueAt: 0, reason: 'Call back', suggested: 'Call' }], flagged: [], goal: { touched: 0, goal: 0 } }, 0));
    document.body.replaceChildren(root);
    expect(root.querySelector('button')).not.toBeNull();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await loadAppAfterPaint(Promise.resolve(), '/chunks/gone.js', () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    expect(root.querySelector('button')).toBeNull();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Groundwork could not load its list. Close the popup and open it again.');
    expect(error).toHaveBeenCalled();
    error.mockRestore();
    document.body.replaceChildren();
  });
});
