/**
 * 10,000 audits over 500 domains: listing domains reads the 500 domain rows only, never an audit
 * or a summary. Ceilings are generous (fake-indexeddb is far slower than a browser); the real
 * assertion is on what is read, plus growth between 1/10 of the data and all of it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Audit } from '../../lib/audit/schema';
import { applyBackup } from '../../lib/store/backup/restore';
import { domainSummaries, getAudit, type VigieDatabase } from '../../lib/store/db';
import { listDomains } from '../../lib/store/domains';
import { AuditSummary } from '../../lib/store/schema';
import { diffAudits } from '../../lib/history/diff';
import { cpuMs } from '../support/growth';
import { freshDb, makeAudit } from './helpers';

afterEach(() => vi.restoreAllMocks());

async function fill(domains: number, perDomain: number): Promise<VigieDatabase> {
  const { db } = await freshDb();
  const audits: Audit[] = [];
  for (let d = 0; d < domains; d++) {
    for (let i = 0; i < perDomain; i++) {
      audits.push(makeAudit({ domain: `site-${d}.example`, startedAt: new Date(Date.UTC(2025, 0, 1 + i * 7, d % 24)).toISOString(), score: (d + i) % 101 }));
    }
  }
  await applyBackup(db, { createdAt: null, audits, checklists: [], agencyFields: [], settings: null, duplicatesInFile: 0 }, 'replace');
  return db;
}

/** CPU milliseconds of one listing (a busy neighbour does not count against it; tests/support/growth.ts). */
async function costOfListing(db: VigieDatabase): Promise<number> {
  const t0 = cpuMs();
  await listDomains(db);
  return cpuMs() - t0;
}

describe('history at scale', () => {
  it('lists 500 domains of 10,000 audits from the domain rows alone', async () => {
    const small = await fill(50, 20);
    const db = await fill(500, 20);
    expect(await db.count('audits')).toBe(10_000);

    const auditParse = vi.spyOn(Audit, 'safeParse');
    const summaryParse = vi.spyOn(AuditSummary, 'safeParse');
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const rows = await listDomains(db);
    expect(rows).toHaveLength(500);
    expect(rows.every((r) => r.auditCount === 20)).toBe(true);
    expect(auditParse).not.toHaveBeenCalled();
    expect(summaryParse).not.toHaveBeenCalled();
    expect(getAll.mock.contexts.map((store) => (store as IDBObjectStore).name)).toEqual(['domains']);
    vi.restoreAllMocks();

    // Listing grows with the number of domains, not of audits: 10× the data, well under 100× the
    // cost. Interleaved rounds, the cheapest of each kept.
    let tSmall = Infinity;
    let tLarge = Infinity;
    for (let round = 0; round < 3; round++) {
      tSmall = Math.min(tSmall, await costOfListing(small));
      tLarge = Math.min(tLarge, await costOfListing(db));
    }
    expect(tLarge).toBeLessThan(Math.max(100 * Math.max(tSmall, 1), 2000));
    expect(tLarge).toBeLessThan(5000);
  }, 180_000);

  it('opens one domain and compares two of its audits reading only those', async () => {
    const db = await fill(100, 20);
    const auditParse = vi.spyOn(Audit, 'safeParse');
    const t0 = cpuMs();
    const timeline = await domainSummaries(db, 'site-42.example');
    expect(timeline).toHaveLength(20);
    expect(auditParse).not.toHaveBeenCalled();
    const [newer, older] = await Promise.all([getAudit(db, timeline[0]!.id), getAudit(db, timeline[5]!.id)]);
    const diff = diffAudits(older!, newer!);
    expect(auditParse).toHaveBeenCalledTimes(2);
    expect(diff.unchanged.length).toBe(newer!.findings.length);
    expect(cpuMs() - t0).toBeLessThan(5000);
  }, 120_000);
});
