/**
 * Time growth, measured without trusting absolute timings: the same work on an input `factor`
 * times longer. Linear work grows about `factor` times, quadratic about `factor²` times. Tiny
 * times are noise, so below `floorMs` nothing is concluded.
 */
import { expect } from 'vitest';

/** Best of `trials` runs, in milliseconds. */
export function bestOf(fn: () => void, trials = 5): number {
  let best = Infinity;
  for (let i = 0; i < trials; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

export interface Growth {
  small: number;
  large: number;
  factor: number;
}

/** Runs `run(n)` (after a warm-up) on n = `small` and n = `small * factor`. */
export function growth(run: (n: number) => void, small = 2_000, factor = 8): Growth {
  run(small); // warm-up (JIT)
  return { small: bestOf(() => run(small)), large: bestOf(() => run(small * factor)), factor };
}

/** About linear: far below factor² (allows three times linear for noise and GC). */
export function expectLinear(g: Growth, label: string, floorMs = 4): void {
  if (g.large < floorMs) return;
  const ratio = g.large / Math.max(g.small, 0.05);
  expect(ratio, `${label}: ${g.small.toFixed(2)} ms → ${g.large.toFixed(2)} ms for ×${g.factor} input`).toBeLessThan(g.factor * 3);
}

/** Repeats `unit` to exactly `n` characters. */
export function fill(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / Math.max(unit.length, 1))).slice(0, n);
}

/** Shapes that make backtracking engines try many paths, built from `alphabet` (usually a regex's own literal characters). */
export function adversarialShapes(alphabet: string, n: number): string[] {
  const chars = [...new Set(alphabet)].join('') || 'a';
  return [
    `${fill(alphabet || 'a', n)}\u0000`,
    `${fill(chars, n)}!`,
    `${fill('a', n)}!`,
    `${fill('a-', n)}!`,
    `${fill('a+', n)}!`,
    `${fill('1.', n)}x`,
    `${fill('0', n)}_`,
    `${fill(' ', n)}(`,
    `${fill('=', n)};`,
    `${fill('/', n)}\n`,
    `${fill('a=', n)}`,
    `${fill('%', n)}`,
  ];
}

/** Like `growth`, but the inputs are built before timing, so only `fn` is measured. */
export function growthOn<T>(make: (n: number) => T, fn: (input: T) => void, small = 2_000, factor = 8): Growth {
  const a = make(small);
  const b = make(small * factor);
  fn(a);
  fn(b); // warm-up (JIT)
  return { small: bestOf(() => fn(a)), large: bestOf(() => fn(b)), factor };
}
