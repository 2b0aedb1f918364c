/**
 * Scans a list with a bounded number of sites at a time. Each site has its own deadline (see
 * collect/site.ts and the guard in scan.ts), so a slow or hostile site holds one slot for a bounded
 * time and never stops the others. Results are handed over as each site finishes; the caller
 * keeps what it needs (nothing of the audits when they are streamed).
 */
import { scanTarget, type ScanOptions, type SiteResult } from './scan';
import type { Target } from './targets';

export async function scanAll(
  targets: readonly Target[],
  options: ScanOptions,
  concurrency: number,
  onResult: (result: SiteResult, index: number) => void,
): Promise<void> {
  let next = 0;
  async function worker() {
    while (next < targets.length) {
      const index = next++;
      onResult(await scanTarget(targets[index]!, options), index);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, targets.length)) }, worker));
}
