/**
 * Scans a list with a bounded number of sites at a time. Each site has its own deadline (see
 * collect/site.ts and the guard in scan.ts), so a slow or hostile site holds one slot for a bounded
 * time and never stops the others. Results are handed over as each site finishes.
 */
import { scanTarget, type ScanOptions, type SiteResult } from './scan';
import type { Target } from './targets';

export async function scanAll(
  targets: readonly Target[],
  options: ScanOptions,
  concurrency: number,
  onResult: (result: SiteResult, index: number) => void,
): Promise<SiteResult[]> {
  const results: SiteResult[] = new Array(targets.length);
  let next = 0;
  async function worker() {
    while (next < targets.length) {
      const index = next++;
      const result = await scanTarget(targets[index]!, options);
      results[index] = result;
      onResult(result, index);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, targets.length)) }, worker));
  return results;
}
