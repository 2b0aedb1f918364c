/**
 * v2: a `domains` store (one row per domain: last score, grade, trend) so the history page lists
 * domains without reading audits, and an `agencyFields` store for the monthly report. Existing
 * summaries are folded into domain rows; a corrupt summary is left out of the row, not fatal.
 */
import { AuditSummary, type DomainRecord } from '../schema';
import type { Migration } from './types';

export const v2DomainIndex: Migration = {
  to: 2,
  async run(db, tx) {
    db.createObjectStore('domains', { keyPath: 'domain' });
    db.createObjectStore('agencyFields');
    const rows = new Map<string, DomainRecord>();
    // Counted like the index counts them (corrupt summaries included), as later writes do.
    const counts = new Map<string, number>();
    let cursor = await tx.objectStore('summaries').index('by-domain').openCursor();
    while (cursor) {
      const domain = String(cursor.key[0]);
      counts.set(domain, (counts.get(domain) ?? 0) + 1);
      const parsed = AuditSummary.safeParse(cursor.value);
      if (parsed.success && parsed.data.domain === domain) {
        const s = parsed.data;
        const row = rows.get(s.domain);
        // The index walks each domain in date order, so every summary is the newest so far.
        rows.set(s.domain, {
          domain: s.domain,
          auditCount: 0,
          lastAuditId: s.id,
          lastStartedAt: s.startedAt,
          lastScore: s.score,
          lastGrade: s.grade,
          previousScore: row ? row.lastScore : null,
          firstStartedAt: row?.firstStartedAt ?? s.startedAt,
        });
      }
      cursor = await cursor.continue();
    }
    for (const row of rows.values()) row.auditCount = counts.get(row.domain) ?? 0;
    const domains = tx.objectStore('domains');
    await Promise.all([...rows.values()].map((row) => domains.put(row)));
  },
};
