/** Small statistics helpers for the benchmark. */

/** @param {number[]} values @param {number} p between 0 and 1 (nearest-rank percentile) */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1];
}

/** @param {number[]} values */
export function summary(values) {
  const round = (/** @type {number} */ v) => Math.round(v * 10) / 10;
  return {
    runs: values.length,
    medianMs: round(percentile(values, 0.5)),
    p95Ms: round(percentile(values, 0.95)),
    minMs: round(Math.min(...values)),
    maxMs: round(Math.max(...values)),
  };
}
