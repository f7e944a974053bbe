/** Summary statistics for benchmark samples (nearest-rank percentiles). */
export interface Figure {
  name: string;
  unit: string;
  median: number;
  p95: number;
  samples: number;
  target: string;
  /** Whether the median (or p95, when the target names it) is within the target. */
  met: boolean | null;
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
