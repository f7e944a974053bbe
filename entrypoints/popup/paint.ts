import { formatDue, isOverdue } from '../../components/format';
import { PAGE, stillNewlyFlagged, type DueRowView, type FlaggedView, type PopupView } from '../../lib/popup/snapshot';

/**
 * Today's list drawn from the background's snapshot with plain DOM calls, before React and Dexie
 * have loaded (issue 20): the same elements, classes and text PopupApp renders for the same view
 * (a unit test compares the two), so when React takes over nothing moves. Text goes in as text,
 * never as markup. Its buttons do nothing yet: a click on one is handed to React's (mountPopup).
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

function followUpActions(name: string): HTMLElement {
  const snooze = el('select', { 'aria-label': `Snooze follow-up with ${name}` }, ...SNOOZE_OPTIONS.map(([value, label]) => el('option', { value }, label)));
  return el(
    'div',
    { class: 'stack' },
    el('div', { class: 'row', role: 'group', 'aria-label': `Follow-up with ${name}` }, button('Done', { class: 'primary' }), button('Nothing to log', { 'aria-label': `Done with ${name}, nothing to log` }), snooze),
  );
}

function dueRow(row: DueRowView, now: number): HTMLElement {
  return el(
    'li',
    { class: 'due-row stack', style: 'padding: 8px 0px;' },
    el(
      'div',
      { class: 'row', style: 'justify-content: space-between;' },
      el('span', {}, el('strong', {}, row.name), ' ', row.band !== undefined && el('span', { class: `badge band-${row.band}`, title: `Fit ${row.score ?? ''}` }, row.band)),
      el('span', { class: isOverdue(row.dueAt, now) ? 'error small' : 'muted small' }, formatDue(row.dueAt, now)),
    ),
    el('div', {}, row.reason),
    el('div', { class: 'muted small' }, `Suggested: ${row.suggested}`),
    el('div', { class: 'row' }, followUpActions(row.name), row.url !== undefined && button('Open', { 'aria-label': `Open ${row.name}` })),
  );
}

function flaggedRow(person: FlaggedView): HTMLElement {
  return el(
    'li',
    { class: 'row flagged-row', style: 'justify-content: space-between; padding: 6px 0px;' },
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
    el(
      'header',
      { class: 'row', style: 'justify-content: space-between;' },
      el('h1', {}, 'Due today'),
      el('div', { class: 'row' }, button('Workspace', { title: 'Every prospect and account (Alt+Shift+W)' }), button('Open side panel')),
    ),
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
 * What the rep did on the painted page before React took over — the control they focused and
 * the button they clicked — so that the page React shows in its place (the same controls in the
 * same order) gets the focus and the click. Nothing is lost, nothing happens twice.
 */
export function keepEarlyInteraction(painted: HTMLElement): { handOver(page: HTMLElement): void } {
  let focused = -1;
  let clicked = -1;
  const indexOf = (target: EventTarget | null) => {
    const control = target instanceof Element ? target.closest(CONTROLS) : null;
    return control ? [...painted.querySelectorAll(CONTROLS)].indexOf(control) : -1;
  };
  const onFocus = (event: FocusEvent) => void (focused = indexOf(event.target));
  const onClick = (event: MouseEvent) => {
    const index = indexOf(event.target);
    if (index >= 0 && painted.querySelectorAll(CONTROLS)[index] instanceof HTMLButtonElement) clicked = index;
  };
  painted.addEventListener('focusin', onFocus);
  painted.addEventListener('click', onClick);
  return {
    handOver(page) {
      painted.removeEventListener('focusin', onFocus);
      painted.removeEventListener('click', onClick);
      const before = [...painted.querySelectorAll(CONTROLS)];
      const after = [...page.querySelectorAll<HTMLElement>(CONTROLS)];
      // The same control only: same kind, same words (the list may have changed meanwhile).
      const same = (index: number) => index >= 0 && after[index]?.tagName === before[index]?.tagName && after[index]?.textContent === before[index]?.textContent;
      if (same(focused)) after[focused]!.focus();
      if (same(clicked)) after[clicked]!.click();
    },
  };
}
