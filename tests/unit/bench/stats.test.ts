import { describe, expect, it } from 'vitest';
import { besideFloor, summarise } from '../../../bench/stats';

/** A benchmark figure is judged by its ratio to its floor, measured in the same run (issue 20). */

const figure = (values: number[]) => summarise('ours', 'ms', values, '', () => null);
const floor = (values: number[]) => summarise('  floor: raw', 'ms', values, '—', () => null);

describe('a figure beside its floor', () => {
  it('records the floor and the ratios of the medians and of the p95s', () => {
    const judged = besideFloor(figure([10, 12, 14, 40]), floor([8, 10, 10, 20]));
    expect(judged.floor).toEqual({ name: 'floor: raw', median: 10, p95: 20 });
    expect(judged.ratio).toEqual({ median: 1.2, p95: 2 });
    expect(judged.met).toBeNull();
    expect(judged.target).toBe('beside its floor');
  });

  it('is met when the median ratio is within the target, whatever the machine’s speed', () => {
    // The same work on a machine twice as slow: the same ratio, the same verdict.
    expect(besideFloor(figure([12, 12, 12]), floor([10, 10, 10]), { max: 1.25 }).met).toBe(true);
    expect(besideFloor(figure([24, 24, 24]), floor([20, 20, 20]), { max: 1.25 }).met).toBe(true);
    expect(besideFloor(figure([13, 13, 13]), floor([10, 10, 10]), { max: 1.25 }).met).toBe(false);
  });

  it('judges the p95 alone, or both, when the target says so', () => {
    const spiky = figure([10, 10, 10, 10, 10, 10, 10, 10, 10, 50]); // its p95: the 50
    const steady = floor([10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(besideFloor(spiky, steady, { max: 2 }).met).toBe(true);
    expect(besideFloor(spiky, steady, { max: 2, on: 'p95' }).met).toBe(false);
    expect(besideFloor(spiky, steady, { max: 2, on: 'both' }).met).toBe(false);
    expect(besideFloor(spiky, steady, { max: 2, on: 'both' }).target).toBe('≤ 2× floor (median and p95)');
  });
});
