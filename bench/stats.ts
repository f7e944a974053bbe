/** Summary statistics for benchmark samples (nearest-rank percentiles), and figures judged against their floors. */
export interface Figure {
  name: string;
  unit: string;
  median: number;
  p95: number;
  samples: number;
  target: string;
  /** Whether the figure is within its target: its ratio to its floor, or an absolute bound where the machine's speed does not matter. */
  met: boolean | null;
  /** The cheapest the same work can be on this machine, measured in the same run (issue 20). */
  floor?: { name: string; median: number; p95: number };
  /** This figure ÷ its floor: of the medians, and of the 95th percentiles. */
  ratio?: { median: number; p95: number };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarise(
  name: string,
  unit: string,
  values: readonly number[],
  target: string,
  meets: (s: { median: number; p95: number }) => boolean | null,
): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  const median = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  return { name, unit, median, p95, samples: values.length, target, met: meets({ median, p95 }) };
}

/**
 * `figure` beside `floor`, both measured in the same run, judged by their ratio: `max` times the
 * floor at most, on the median (or the 95th percentile, or both). Shared machines' speed varies
 * from day to day; the ratio to what the machine can do at best does not (much).
 */
export function besideFloor(figure: Figure, floor: Figure, target?: { max: number; on?: 'median' | 'p95' | 'both' }): Figure {
  const ratio = { median: figure.median / floor.median, p95: figure.p95 / floor.p95 };
  const measured = { name: floor.name.trim(), median: floor.median, p95: floor.p95 };
  if (!target) return { ...figure, floor: measured, ratio, target: 'beside its floor', met: null };
  const on = target.on ?? 'median';
  const met = (on !== 'p95' ? ratio.median <= target.max : true) && (on !== 'median' ? ratio.p95 <= target.max : true);
  const which = on === 'both' ? 'median and p95' : on;
  return { ...figure, floor: measured, ratio, target: `≤ ${target.max}× floor (${which})`, met };
}
