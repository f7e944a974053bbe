import { render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { startOfDay } from 'date-fns';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepEarlyInteraction, paintPopup } from '../../../entrypoints/popup/paint';
import { PopupApp } from '../../../entrypoints/popup/PopupApp';
import { addFollowUp, blankProfile, db, saveProfile, upsertSeenPerson } from '../../../lib/db';
import { PAGE } from '../../../lib/popup/snapshot';
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

  it('drops the flagged who stopped being news since the snapshot was made', async () => {
    const madeAt = Date.now();
    await seedADay(madeAt, { due: 1 });
    const { view } = await popupSnapshot(db, madeAt, undefined);
    expect(paintPopup(view, madeAt).textContent).toContain('Newly flagged brain-pickers');
    expect(paintPopup(view, madeAt + 13 * 24 * HOUR).textContent).not.toContain('Newly flagged brain-pickers');
  });
});

describe('the hand-over from the painted page to React', () => {
  function twoPages() {
    const painted = paintPopup({ total: 1, rows: [{ id: 'f1', name: 'Ana Lima', dueAt: Date.now(), reason: 'Call back', suggested: 'Call', url: 'https://www.linkedin.com/in/ana/' }], flagged: [], goal: { touched: 0, goal: 0 } }, Date.now());
    const page = painted.cloneNode(true) as HTMLElement;
    document.body.append(painted, page);
    return { painted, page };
  }

  it('gives React’s button the click the rep made on the painted one', async () => {
    const { painted, page } = twoPages();
    const early = keepEarlyInteraction(painted);
    await userEvent.click(painted.querySelector<HTMLButtonElement>('button.primary')!);
    const done = vi.fn();
    page.querySelector('button.primary')!.addEventListener('click', done);
    early.handOver(page);
    expect(done).toHaveBeenCalledTimes(1);
    painted.remove();
    page.remove();
  });

  it('keeps the focus on the same control', async () => {
    const { painted, page } = twoPages();
    const early = keepEarlyInteraction(painted);
    painted.querySelector<HTMLElement>('[aria-label="Open Ana Lima"]')!.focus();
    early.handOver(page);
    expect(document.activeElement).toBe(page.querySelector('[aria-label="Open Ana Lima"]'));
    painted.remove();
    page.remove();
  });

  it('clicks nothing when the control there now is another one', async () => {
    const { painted, page } = twoPages();
    const early = keepEarlyInteraction(painted);
    await userEvent.click(painted.querySelector<HTMLButtonElement>('button.primary')!);
    const other = vi.fn();
    const button = page.querySelector<HTMLButtonElement>('button.primary')!;
    button.textContent = 'Something else';
    button.addEventListener('click', other);
    early.handOver(page);
    expect(other).not.toHaveBeenCalled();
    painted.remove();
    page.remove();
  });
});
