import type { Harness } from '../tests/e2e/harness';
import { summarise, type Figure } from './stats';

/**
 * The popup with years of data: 50k people, 500k touches, 2k follow-ups (some due today), seeded
 * from a fixed seed by the caller (bench/data.ts, pageWithYearsOfData). Each sample is a fresh load of popup.html; the page's own User Timing marks
 * give the due-today query time and the time from navigation start to the first render with data.
 */
export async function popupWithData(h: Harness, samples: number): Promise<Figure[]> {
  const query: number[] = [];
  const render: number[] = [];
  for (let i = 0; i < samples; i++) {
    // A fresh popup each time, as the rep opens it from the toolbar.
    const popup = await h.openExtensionPage('popup.html');
    const timing = await popup.evaluate(async () => {
      while (performance.getEntriesByName('groundwork:popup-rendered').length === 0) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return {
        query: performance.getEntriesByName('groundwork:due-query')[0]!.duration,
        render: performance.getEntriesByName('groundwork:popup-rendered')[0]!.startTime,
        rows: document.querySelectorAll('.due-row').length,
      };
    });
    if (timing.rows === 0) throw new Error('The popup rendered no due follow-ups: the seed is wrong');
    query.push(timing.query);
    render.push(timing.render);
    // The rep reads it for a moment: let the weekly goal finish before the popup closes.
    await popup.evaluate(async () => {
      while (performance.getEntriesByName('groundwork:weekly-goal-rendered').length === 0) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    });
    await popup.close();
  }
  return [
    summarise('due-today query (50k people, 500k touches)', 'ms', query, 'p95 ≤ 15 ms', ({ p95 }) => p95 <= 15),
    summarise('popup first render with data (navigation start → rendered)', 'ms', render, '≤ 100 ms', ({ median }) => median <= 100),
  ];
}
