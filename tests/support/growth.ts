/**
 * How the cost of some work grows with its input, measured so that a busy machine cannot fake a
 * quadratic (docs/testing.md, "Growth, not timings"):
 *
 * - the clock is this process's CPU time (user + system), not the wall clock: a neighbour that
 *   takes the CPU away from us stops our clock instead of adding to it;
 * - the two sizes are measured in interleaved rounds (small, large, large, small, …) and each
 *   keeps its minimum, so a garbage collection, a JIT pause or a slice lost to another process
 *   lands in one sample and is discarded, instead of inflating every sample of one size;
 * - each sample repeats the call until it lasts at least `minSampleMs`, so a cheap call is not
 *   lost in the clock's resolution, and the cost is compared per call.
 *
 * Linear work on an input `factor` times longer costs about `factor` times more, quadratic work
 * about `factor²` times; `expectLinear` allows three times linear, far below a quadratic, and
`expectSuperLinear` proves on a known quadratic that the same measure can fail.
 */
import { expect } from 'vitest';

/** CPU time consumed by this process so far, in milliseconds (microsecond resolution on Linux). */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** CPU milliseconds one run of `fn` takes, repeated `reps` times and divided. */
function sample(fn: () => void, reps: number): number {
  const start = cpuMs();
  for (let i = 0; i < reps; i++) fn();
  return (cpuMs() - start) / reps;
}

/** Repetitions for one sample of `fn` to last at least `minSampleMs` (at most `maxReps`). */
function repetitionsFor(fn: () => void, minSampleMs: number, maxReps = 1024): number {
  let reps = 1;
  while (reps < maxReps && sample(fn, reps) * reps < minSampleMs) reps *= 2;
  return reps;
}

export interface Growth {
  /** Per-call CPU milliseconds on the small input (minimum over the rounds). */
  small: number;
  /** Per-call CPU milliseconds on the input `factor` times larger (minimum over the rounds). */
  large: number;
  factor: number;
  rounds: number;
}

export interface GrowthOptions {
  /** Interleaved rounds; each size keeps its fastest. */
  rounds?: number;
  /** Each sample lasts at least this long (CPU ms), repeating the call when it is cheaper. */
  minSampleMs?: number;
}

/** Costs of `small()` and `large()` (the same work on inputs `factor` apart), interleaved. */
export function compareCosts(small: () => void, large: () => void, factor: number, { rounds = 7, minSampleMs = 1 }: GrowthOptions = {}): Growth {
  small();
  large(); // warm-up: the first runs pay for compilation
  const repsSmall = repetitionsFor(small, minSampleMs);
  const repsLarge = repetitionsFor(large, minSampleMs);
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let round = 0; round < rounds; round++) {
    // Alternate which size goes first, so neither always follows the other's garbage.
    if (round % 2 === 0) {
      bestSmall = Math.min(bestSmall, sample(small, repsSmall));
      bestLarge = Math.min(bestLarge, sample(large, repsLarge));
    } else {
      bestLarge = Math.min(bestLarge, sample(large, repsLarge));
      bestSmall = Math.min(bestSmall, sample(small, repsSmall));
    }
  }
  return { small: bestSmall, large: bestLarge, factor, rounds };
}

/** `run(n)` on n = `small` and n = `small * factor` (the input is built inside `run`). */
export function growth(run: (n: number) => void, small = 2_000, factor = 8, options?: GrowthOptions): Growth {
  return compareCosts(() => run(small), () => run(small * factor), factor, options);
}

/** Like `growth`, but the inputs are built before measuring, so only `fn` is measured. */
export function growthOn<T>(make: (n: number) => T, fn: (input: T) => void, small = 2_000, factor = 8, options?: GrowthOptions): Growth {
  const a = make(small);
  const b = make(small * factor);
  return compareCosts(() => fn(a), () => fn(b), factor, options);
}

/** The ratio large / small, with a floor on the small cost so a near-zero sample cannot explode it. */
export function ratioOf(g: Growth): number {
  return g.large / Math.max(g.small, 0.001);
}

function describeGrowth(g: Growth, label: string): string {
  return `${label}: ${g.small.toFixed(3)} ms → ${g.large.toFixed(3)} ms of CPU for ×${g.factor} input (ratio ${ratioOf(g).toFixed(1)}, best of ${g.rounds} interleaved rounds)`;
}

/**
 * About linear: at most `slack` times linear (3 by default: cache effects of a larger input and
 * leftover noise), far below the factor² of a quadratic. Below `floorMs` per call on the large
 * input the work is too cheap to be quadratic at these sizes, and nothing is concluded.
 */
export function expectLinear(g: Growth, label: string, { floorMs = 0.05, slack = 3 }: { floorMs?: number; slack?: number } = {}): void {
  if (g.large < floorMs) return;
  expect(ratioOf(g), describeGrowth(g, label)).toBeLessThan(g.factor * slack);
}

/** The harness's own check: the same measure does flag super-linear work (at least `slack` times linear). */
export function expectSuperLinear(g: Growth, label: string, { floorMs = 1, slack = 3 }: { floorMs?: number; slack?: number } = {}): void {
  expect(g.large, describeGrowth(g, label)).toBeGreaterThan(floorMs);
  expect(ratioOf(g), describeGrowth(g, label)).toBeGreaterThan(g.factor * slack);
}

/** CPU milliseconds of the fastest of `trials` runs: for generous ceilings ("under 2 s on 64 KiB"). */
export function bestOf(fn: () => void, trials = 3): number {
  let best = Infinity;
  for (let i = 0; i < trials; i++) best = Math.min(best, sample(fn, 1));
  return best;
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

/** The literal characters of a regex's source (escapes resolved, operators dropped), to build adversarial input from. */
export function literalCharacters(source: string, max = 40): string {
  return source.replace(/\\[dDwWsSbB]|\\.|[\^$()[\]{}|?*+]/g, (m) => (m.length === 2 && !/[dDwWsSbB]/.test(m[1]!) ? m[1]! : '')).slice(0, max);
}
