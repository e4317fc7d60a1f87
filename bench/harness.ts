/**
 * The benchmark harness behind `npm run bench`. Each suite measures its figures together with a
 * floor measured in the same run on the same machine, so that what is printed is a ratio that
 * means something on any machine, beside the absolute figures.
 */

export interface Figure {
  /** What was measured, e.g. "postcode lookups per second". */
  name: string;
  value: number;
  unit: string;
  /** The baseline measured in the same run, when the figure is a ratio against one. */
  floor?: { name: string; value: number; unit: string };
  /** value / floor.value, or how the goal compares, filled in by the suite. */
  ratio?: number;
  /** The goal, in words, e.g. "ratio ≤ 1.0". */
  goal?: string;
  /** Whether the goal was met, when there is one. */
  met?: boolean;
}

export interface Suite {
  name: string;
  run(): Promise<Figure[]>;
}

/**
 * Runs `fn` repeatedly for at least `minMs` and returns the best time of one run, in ms.
 * `beforeEach`, untimed, puts every run on the same footing (a full garbage collection, say).
 */
export async function bestTime(fn: () => unknown | Promise<unknown>, minMs = 500, minRuns = 3, beforeEach?: () => void): Promise<number> {
  let best = Infinity;
  const started = performance.now();
  let runs = 0;
  while (runs < minRuns || performance.now() - started < minMs) {
    beforeEach?.();
    const t0 = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t0);
    runs++;
  }
  return best;
}

export function formatNumber(value: number): string {
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-GB');
  return value.toPrecision(3);
}
