import { describe, expect, it } from 'vitest';
import { getChecklist, saveChecklist } from '../../lib/store/checklist';
import { domainSummaries, getAudit, saveAudit } from '../../lib/store/db';
import { getAgencyFields, saveAgencyFields } from '../../lib/store/agency-fields';
import { listDomains } from '../../lib/store/domains';
import { deleteAudit, deleteDomain, deleteEverything, storageUsage } from '../../lib/store/housekeeping';
import type { AgencyFields } from '../../lib/store/schema';
import { freshDb, makeAudit } from './helpers';

const fields = (domain: string, month = '2026-10'): AgencyFields => ({ domain, month, uptimePercent: 99.9, tickets: { P0: 0, P1: 1, P2: 3, P3: 5 }, timeSpentHours: 6.5, comment: 'Plugin updates', updatedAt: '2026-11-01T00:00:00.000Z' });

async function seeded() {
  const { db } = await freshDb();
  const a1 = makeAudit({ domain: 'a.example', startedAt: '2026-09-01T00:00:00.000Z', score: 50 });
  const a2 = makeAudit({ domain: 'a.example', startedAt: '2026-10-01T00:00:00.000Z', score: 70 });
  const b1 = makeAudit({ domain: 'b.example', startedAt: '2026-10-02T00:00:00.000Z', score: 90 });
  for (const a of [a1, a2, b1]) await saveAudit(db, a);
  await saveChecklist(db, { domain: 'a.example', answers: { C1: { status: 'ok', origin: 'user' } }, updatedAt: '2026-10-01T00:00:00.000Z' });
  await saveChecklist(db, { domain: 'b.example', answers: { C1: { status: 'ko', origin: 'user' } }, updatedAt: '2026-10-01T00:00:00.000Z' });
  await saveAgencyFields(db, fields('a.example'));
  await saveAgencyFields(db, fields('b.example'));
  return { db, a1, a2, b1 };
}

describe('deleteAudit', () => {
  it('removes the audit and moves the domain row back to the previous audit', async () => {
    const { db, a1, a2 } = await seeded();
    expect(await deleteAudit(db, a2.id)).toBe(true);
    expect(await getAudit(db, a2.id)).toBeNull();
    const row = (await listDomains(db)).find((r) => r.domain === 'a.example');
    expect(row).toMatchObject({ auditCount: 1, lastAuditId: a1.id, lastScore: 50, previousScore: null });
  });

  it('removes the domain row with the last audit, and says false for an unknown id', async () => {
    const { db, b1 } = await seeded();
    expect(await deleteAudit(db, b1.id)).toBe(true);
    expect((await listDomains(db)).map((r) => r.domain)).toEqual(['a.example']);
    expect(await deleteAudit(db, b1.id)).toBe(false);
  });
});

describe('deleteDomain', () => {
  it('removes all of a domain and nothing of the others', async () => {
    const { db, b1 } = await seeded();
    expect(await deleteDomain(db, 'a.example')).toBe(2);
    expect(await domainSummaries(db, 'a.example')).toEqual([]);
    expect(await getChecklist(db, 'a.example')).toBeNull();
    expect(await getAgencyFields(db, 'a.example', '2026-10')).toBeNull();
    expect((await listDomains(db)).map((r) => r.domain)).toEqual(['b.example']);
    expect(await getAudit(db, b1.id)).not.toBeNull();
    expect(await getChecklist(db, 'b.example')).not.toBeNull();
    expect(await getAgencyFields(db, 'b.example', '2026-10')).toEqual(fields('b.example'));
  });
});

describe('deleteEverything', () => {
  it('empties every history store', async () => {
    const { db } = await seeded();
    await deleteEverything(db);
    for (const store of ['audits', 'summaries', 'domains', 'checklist', 'agencyFields'] as const) expect(await db.count(store)).toBe(0);
  });
});

describe('storageUsage', () => {
  it('passes the estimate through', async () => {
    expect(await storageUsage(async () => ({ usage: 1234, quota: 10_000 }))).toEqual({ usage: 1234, quota: 10_000 });
  });
  it('is null when the estimate is missing, incomplete or fails', async () => {
    expect(await storageUsage(undefined)).toBeNull();
    expect(await storageUsage(async () => ({ usage: 5 }))).toBeNull();
    expect(await storageUsage(async () => { throw new Error('denied'); })).toBeNull();
  });
});

describe('agency fields', () => {
  it('round-trip and refuse invalid values', async () => {
    const { db } = await freshDb();
    await saveAgencyFields(db, fields('a.example', '2026-11'));
    expect(await getAgencyFields(db, 'a.example', '2026-11')).toEqual(fields('a.example', '2026-11'));
    await expect(saveAgencyFields(db, { ...fields('a.example'), uptimePercent: 140 })).rejects.toThrow();
    await expect(saveAgencyFields(db, { ...fields('a.example'), month: '2026-13' })).rejects.toThrow();
  });
});
