/**
 * What the popup shows, as plain data: the view both of its renderers draw (React, once its
 * libraries have loaded, and entrypoints/popup/paint.ts before they have), and the snapshot the
 * background keeps of it in storage.session so the popup can paint today's list at the speed of
 * a blank page (issue 20).
 *
 * Never stale: every write to the database marks a change (lib/db/changeMark.ts) before it
 * starts and again once it has committed; a snapshot records the mark it was made under and is
 * used only while that mark is still the latest, and only on the day it was made for. This module
 * is loaded by the popup's first script: it imports nothing.
 */

/** One due follow-up, as the popup lists it. */
export interface DueRowView {
  /** The follow-up's id. */
  id: string;
  name: string;
  /** Fit band and score, when scored and not excluded. */
  band?: string;
  score?: number;
  dueAt: number;
  reason: string;
  /** The suggested touch's label ("Call"). */
  suggested: string;
  /** Their LinkedIn profile, or a new email to them. */
  url?: string;
  /** Why the row cannot be shown (a record an older or newer Groundwork wrote differently): shown as an error card in its place, never painted. */
  problem?: string;
}

/** Someone the crisis rule flagged recently. */
export interface FlaggedView {
  id: string;
  name: string;
  story: string;
  url?: string;
  raisedAt: number;
}

export interface PopupView {
  /** How many follow-ups are overdue or due today. */
  total: number;
  /** The first rows of them (whole days, ordered by day, then fit, then time). */
  rows: DueRowView[];
  flagged: FlaggedView[];
  goal: { touched: number; goal: number };
}

export interface PopupSnapshot {
  version: typeof SNAPSHOT_VERSION;
  /** The change mark current when it was made (undefined: no write since the browser started). */
  basis: string | undefined;
  madeAt: number;
  /** The rep's day it was made on, from its start to its end: another day's list is another list. */
  validFrom: number;
  validUntil: number;
  /** The zone that day is counted in: the rep's setting, or `browser:` and the browser's (a rep who travels gets another day). */
  zone: string;
  view: PopupView;
}

export const SNAPSHOT_VERSION = 1;
/** storage.session keys. */
export const SNAPSHOT_KEY = 'popup:snapshot';
export const CHANGE_MARK_KEY = 'data:change-mark';

/** Rows the popup shows at first; the rest on request, so a backlog of hundreds still opens at once. */
export const PAGE = 15;

/** How long someone flagged counts as newly flagged in the popup. */
export const NEWLY_FLAGGED_DAYS = 14;
const DAY_MS = 86_400_000;

/** The flagged people still news at `now`, most recent first. */
export const stillNewlyFlagged = (flagged: readonly FlaggedView[], now: number): FlaggedView[] =>
  flagged.filter((f) => now - f.raisedAt <= NEWLY_FLAGGED_DAYS * DAY_MS).sort((a, b) => b.raisedAt - a.raisedAt);

/** The browser's time zone, as the worker and the popup each see it. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const BANDS = ['A', 'B', 'C', 'D'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isText = (value: unknown): value is string => typeof value === 'string';
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const optional = (value: unknown, test: (v: unknown) => boolean) => value === undefined || test(value);

function isRow(value: unknown): value is DueRowView {
  return isRecord(value) && isText(value.id) && isText(value.name) && optional(value.band, (b) => BANDS.includes(b as string)) && optional(value.score, isTime) &&
    isTime(value.dueAt) && isText(value.reason) && isText(value.suggested) && optional(value.url, isText) && value.problem === undefined;
}

function isFlagged(value: unknown): value is FlaggedView {
  return isRecord(value) && isText(value.id) && isText(value.name) && isText(value.story) && optional(value.url, isText) && isTime(value.raisedAt);
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function isView(value: unknown): value is PopupView {
  if (!isRecord(value) || !isCount(value.total) || !Array.isArray(value.rows) || !Array.isArray(value.flagged) || !isRecord(value.goal)) return false;
  // As many rows as the popup shows at first: all of them when fewer are due.
  if (value.rows.length !== Math.min(value.total, PAGE) || value.flagged.length > 1_000) return false;
  return value.rows.every(isRow) && value.flagged.every(isFlagged) && isCount(value.goal.touched) && isCount(value.goal.goal);
}

/** `snapshot` if it is well formed and for the rep's day that `now` falls in, counted in the same zone. */
function shownAt(snapshot: unknown, now: number): PopupSnapshot | undefined {
  if (!isRecord(snapshot) || snapshot.version !== SNAPSHOT_VERSION || !isTime(snapshot.validFrom) || !isTime(snapshot.validUntil) || !isTime(snapshot.madeAt)) return undefined;
  if (now < snapshot.validFrom || now >= snapshot.validUntil) return undefined;
  if (!isText(snapshot.zone) || (snapshot.zone.startsWith('browser:') && snapshot.zone !== `browser:${browserTimeZone()}`)) return undefined;
  return isView(snapshot.view) ? (snapshot as unknown as PopupSnapshot) : undefined;
}

/**
 * The snapshot in `stored` (storage.session's answer for both keys) if it may be shown at `now`:
 * well formed, made under the latest change mark, for the rep's day that `now` falls in, counted
 * in the same zone. Anything else — none yet, a write since, another day, another zone, an older
 * Groundwork's shape — is no snapshot: the popup then shows its list when its queries answer.
 */
export function usableSnapshot(stored: Record<string, unknown>, now: number): PopupSnapshot | undefined {
  const snapshot = stored[SNAPSHOT_KEY];
  return isRecord(snapshot) && snapshot.basis === stored[CHANGE_MARK_KEY] ? shownAt(snapshot, now) : undefined;
}

// ——— The popup's own copy, read without waiting ———
//
// Asking storage.session for the snapshot takes the popup 3–7 ms, most of what it spends beyond a
// blank page. So a popup opened from the toolbar keeps a copy of the snapshot it painted in the
// extension's localStorage, which a page reads at once, and the next one paints from it — while
// nothing has been written since. Storage's change mark cannot say that without the wait; two
// marks the popup reads at once can:
// - every write made in one of the extension's pages also leaves its change mark in localStorage
//   (PAGE_MARK_KEY), in the same task as its first request (lib/db/changeMark.ts);
// - the worker has no localStorage: its writes put their mark in the address the toolbar button
//   opens (`popup.html#w=<mark>`, action.setPopup), in the same task, as they send storage theirs.
// A copy records both marks as they were when it was made and is used only while both still are.
// It is made only from a snapshot storage has just vouched for (`usableSnapshot`), with the marks
// read before asking. Why that suffices: the extension's pages share one process and one main
// thread, and a page sends its mark to storage in the same task as it writes it to localStorage;
// so a mark the popup has read was sent to storage before the popup asked, and storage's answer
// counts that write. A worker's mark reaches the toolbar's address after storage (both sent in one
// task). A popup loaded otherwise than by a fresh navigation to the toolbar's address — in a tab
// (no worker mark), reloaded, stepped back to, restored — neither uses nor makes one; the address
// loses its mark as soon as it is read. Chrome forgets an MV3 action's popup address when the
// browser or the extension restarts (only MV2 browser actions keep theirs), and the worker then
// puts a mark of its own start there (`markWorkerStart`). After painting from a copy, the popup
// still checks it against storage's mark and drops it if a write's mark failed to reach it.

/** localStorage keys. */
export const PAGE_MARK_KEY = 'data:page-mark';
export const COPY_KEY = 'popup:copy';

/** The worker's latest change mark, as the toolbar's popup address carries it. */
export function workerMarkOf(hash: string): string | undefined {
  const match = /^#w=([^&]+)$/.exec(hash);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}

/** The address the toolbar button opens after the worker's write marked `mark`. */
export const popupAddress = (mark: string): string => `popup.html#w=${encodeURIComponent(mark)}`;

interface PopupCopy {
  pageMark: string;
  workerMark: string;
  snapshot: PopupSnapshot;
}

/** What a popup stores of the `snapshot` storage vouched for, under the marks it read before asking. */
export function copyOf(snapshot: PopupSnapshot, pageMark: string | null, workerMark: string): string {
  return JSON.stringify({ pageMark: pageMark ?? '', workerMark, snapshot } satisfies PopupCopy);
}

/**
 * The snapshot in a popup's stored copy (`stored`, as localStorage holds it) if it may be shown at
 * `now`: both marks as they were when it was made — no write since, in a page or in the worker —
 * and the snapshot itself well formed, for the day `now` falls in and the same zone (as storage's
 * is judged). No worker mark (a popup opened in a tab) is no copy.
 */
export function usableCopy(stored: string | null, pageMark: string | null, workerMark: string | undefined, now: number): PopupSnapshot | undefined {
  if (stored === null || workerMark === undefined) return undefined;
  let copy: unknown;
  try {
    copy = JSON.parse(stored);
  } catch {
    return undefined;
  }
  if (!isRecord(copy) || copy.workerMark !== workerMark || copy.pageMark !== (pageMark ?? '')) return undefined;
  return shownAt(copy.snapshot, now);
}
