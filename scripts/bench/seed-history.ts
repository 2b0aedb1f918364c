/**
 * Bundled by the benchmark (esbuild, IIFE) and run inside an extension page: seeds the history
 * with copies of one real audit through the extension's own storage code (lib/store), so the
 * records, summaries and domain rows are exactly what real scans write.
 */
import './zod-jitless';
import type { Audit } from '../../lib/audit/schema';
import { openVigieDB, saveAudit } from '../../lib/store/db';

async function seed(template: Audit, total: number, domains: number): Promise<{ seeded: number; ms: number }> {
  const t0 = performance.now();
  const db = await openVigieDB();
  const start = Date.parse('2024-01-01T00:00:00Z');
  const batch = 50;
  for (let from = 0; from < total; from += batch) {
    const writes: Promise<void>[] = [];
    for (let i = from; i < Math.min(total, from + batch); i++) {
      const domain = `site-${String(i % domains).padStart(3, '0')}.example`;
      const audit: Audit = {
        ...structuredClone(template),
        id: crypto.randomUUID(),
        domain,
        url: `https://${domain}/`,
        startedAt: new Date(start + i * 3_600_000).toISOString(),
      };
      writes.push(saveAudit(db, audit));
    }
    await Promise.all(writes);
  }
  db.close();
  return { seeded: total, ms: performance.now() - t0 };
}

(globalThis as unknown as { __vigieBenchSeed: typeof seed }).__vigieBenchSeed = seed;
