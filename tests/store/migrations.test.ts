/**
 * Every migration step runs over frozen example records of each earlier version. The records in
 * fixtures/ are written as that version wrote them and never regenerated: when a step is added,
 * add the frozen records of the version before it to FROZEN.
 */
import { describe, expect, it, vi } from 'vitest';
import { Audit } from '../../lib/audit/schema';
import { DomainChecklist } from '../../lib/diagnosis/answers';
import { getChecklist } from '../../lib/store/checklist';
import { DB_VERSION, domainSummaries, getAudit, openVigieDB } from '../../lib/store/db';
import { listDomains } from '../../lib/store/domains';
import { MIGRATIONS } from '../../lib/store/migrations';
import { openAtVersion, type VigieDatabase } from '../../lib/store/open';
import { AuditSummary } from '../../lib/store/schema';
import v1Records from './fixtures/v1-records.json';

interface FrozenRecords {
  /** Stores of that version → records as stored (raw JSON). */
  stores: Record<string, unknown[]>;
  /** Records of that version that were already corrupt: must survive migration without breaking it. */
  corrupt?: Record<string, unknown[]>;
}

const FROZEN: Record<number, FrozenRecords> = {
  1: {
    stores: { audits: v1Records.audits, summaries: v1Records.summaries, checklist: v1Records.checklist },
    corrupt: { summaries: [{ id: 'corrupt-1', domain: 'boutique-weak.example', startedAt: '2026-09-10T00:00:00.000Z', score: 'seventy' }] },
  },
};

async function seed(name: string, version: number): Promise<void> {
  const db = (await openAtVersion(name, version)) as unknown as VigieDatabase;
  const frozen = FROZEN[version]!;
  for (const [store, records] of Object.entries({ ...frozen.stores })) {
    const extra = frozen.corrupt?.[store] ?? [];
    const tx = db.transaction(store as 'audits', 'readwrite');
    await Promise.all([...[...records, ...extra].map((r) => tx.store.put(r as never)), tx.done]);
  }
  db.close();
}

describe('migrations', () => {
  it('are numbered one step at a time from 1', () => {
    expect(MIGRATIONS.map((m) => m.to)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(DB_VERSION).toBe(MIGRATIONS.length);
  });

  it('have frozen records for every earlier version', () => {
    for (let v = 1; v < DB_VERSION; v++) expect(FROZEN[v], `frozen records of v${v}`).toBeDefined();
  });

  for (let from = 1; from < DB_VERSION; from++) {
    it(`bring v${from} records to v${DB_VERSION}, readable and indexed`, async () => {
      const name = `vigie-migrate-${from}-${crypto.randomUUID()}`;
      await seed(name, from);
      const db = await openVigieDB(name);
      expect(db.version).toBe(DB_VERSION);
      const frozen = FROZEN[from]!;

      // Every frozen audit reads back as a valid current audit.
      for (const raw of frozen.stores.audits ?? []) {
        const id = (raw as { id: string }).id;
        const audit = await getAudit(db, id, () => { throw new Error(`audit ${id} did not survive`); });
        expect(Audit.parse(audit)).toEqual(raw);
      }
      // Domain rows are derived from the valid summaries; the corrupt one is left out.
      const summaries = (frozen.stores.summaries ?? []).map((s) => AuditSummary.parse(s));
      const domains = [...new Set(summaries.map((s) => s.domain))];
      const rows = await listDomains(db);
      expect(rows.map((r) => r.domain).sort()).toEqual(domains.sort());
      for (const row of rows) {
        const own = summaries.filter((s) => s.domain === row.domain).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
        expect(row.auditCount).toBe(own.length + (frozen.corrupt?.summaries ?? []).filter((c) => (c as { domain: string }).domain === row.domain).length);
        expect(row.lastAuditId).toBe(own[own.length - 1]!.id);
        expect(row.lastScore).toBe(own[own.length - 1]!.score);
        expect(row.previousScore).toBe(own.length > 1 ? own[own.length - 2]!.score : null);
        expect(row.firstStartedAt).toBe(own[0]!.startedAt);
        const reports: string[] = [];
        expect(await domainSummaries(db, row.domain, (_s, key) => reports.push(key))).toHaveLength(own.length);
      }
      for (const raw of frozen.stores.checklist ?? []) {
        const record = DomainChecklist.parse(raw);
        expect(await getChecklist(db, record.domain)).toEqual(record);
      }
      db.close();
    });
  }

  it('migrating a v1 database with the corrupt record does not stop the page from opening', async () => {
    const name = `vigie-migrate-corrupt-${crypto.randomUUID()}`;
    const v1 = (await openAtVersion(name, 1)) as unknown as VigieDatabase;
    await v1.put('summaries', { id: 'x', domain: 7 } as never);
    v1.close();
    const db = await openVigieDB(name);
    expect(await listDomains(db)).toEqual([]);
    db.close();
  });
});

describe('upgrades', () => {
  it('a failing step leaves the database at its old version with its records', async () => {
    const name = `vigie-migrate-fail-${crypto.randomUUID()}`;
    await seed(name, 1);
    const broken = [...MIGRATIONS.slice(0, 1), { to: 2, run: async () => { throw new Error('step failed'); } }];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(openAtVersion(name, 2, broken)).rejects.toThrow();
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
    const v1 = (await openAtVersion(name, 1)) as unknown as VigieDatabase;
    expect(v1.version).toBe(1);
    expect(await v1.count('audits')).toBe(FROZEN[1]!.stores.audits!.length);
    v1.close();
    const db = await openVigieDB(name);
    expect(await listDomains(db)).not.toEqual([]);
    db.close();
  });

  it('a page still holding the old version open does not block the upgrade', async () => {
    const name = `vigie-migrate-open-${crypto.randomUUID()}`;
    await seed(name, 1);
    const old = await openAtVersion(name, 1);
    const db = await openVigieDB(name);
    expect(db.version).toBe(DB_VERSION);
    db.close();
    old.close();
  });
});
