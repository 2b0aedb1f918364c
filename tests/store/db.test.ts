import { describe, expect, it } from 'vitest';
import { domainSummaries, getAudit, previousSummary, saveAudit, summarize } from '../../lib/store/db';
import { listDomains } from '../../lib/store/domains';
import { domainFirstSeen } from '../../lib/store/first-seen';
import { freshDb, makeAudit, recorder } from './helpers';

describe('saveAudit / getAudit', () => {
  it('stores an audit, its summary and its domain row', async () => {
    const { db } = await freshDb();
    const audit = makeAudit({ domain: 'shop.example', startedAt: '2026-10-01T10:00:00.000Z' });
    await saveAudit(db, audit);
    expect(await getAudit(db, audit.id)).toEqual(audit);
    expect(await domainSummaries(db, 'shop.example')).toEqual([summarize(audit)]);
    const [row] = await listDomains(db);
    expect(row).toMatchObject({ domain: 'shop.example', auditCount: 1, lastAuditId: audit.id, previousScore: null, lastGrade: audit.score.grade });
  });

  it('returns null for an unknown id', async () => {
    const { db } = await freshDb();
    expect(await getAudit(db, 'nope')).toBeNull();
  });

  it('refuses an invalid audit and writes nothing', async () => {
    const { db } = await freshDb();
    const bad = { ...makeAudit(), score: { value: 'high' } } as never;
    await expect(saveAudit(db, bad)).rejects.toThrow();
    expect(await db.count('audits')).toBe(0);
    expect(await db.count('domains')).toBe(0);
  });

  it('keeps the domain row right whatever order audits arrive in', async () => {
    const { db } = await freshDb();
    const june = makeAudit({ domain: 'a.example', startedAt: '2026-06-01T00:00:00.000Z', score: 40 });
    const aug = makeAudit({ domain: 'a.example', startedAt: '2026-08-01T00:00:00.000Z', score: 80 });
    const july = makeAudit({ domain: 'a.example', startedAt: '2026-07-01T00:00:00.000Z', score: 60 });
    for (const a of [aug, june, july]) await saveAudit(db, a);
    const [row] = await listDomains(db);
    expect(row).toMatchObject({ auditCount: 3, lastAuditId: aug.id, lastScore: 80, previousScore: 60, firstStartedAt: june.startedAt });
    expect((await domainSummaries(db, 'a.example')).map((s) => s.id)).toEqual([aug.id, july.id, june.id]);
  });

  it('saving the same id twice replaces it (no duplicate)', async () => {
    const { db } = await freshDb();
    const audit = makeAudit({ domain: 'a.example', score: 50 });
    await saveAudit(db, audit);
    await saveAudit(db, { ...audit, score: { ...audit.score, value: 55 } });
    const [row] = await listDomains(db);
    expect(row).toMatchObject({ auditCount: 1, lastScore: 55 });
  });

  it('does not mix domains whose names share a prefix', async () => {
    const { db } = await freshDb();
    await saveAudit(db, makeAudit({ domain: 'shop.example' }));
    await saveAudit(db, makeAudit({ domain: 'shop.example.org' }));
    expect(await domainSummaries(db, 'shop.example')).toHaveLength(1);
    expect((await listDomains(db)).map((r) => r.auditCount)).toEqual([1, 1]);
  });

  it('previousSummary gives the latest audit before a date', async () => {
    const { db } = await freshDb();
    const a = makeAudit({ domain: 'a.example', startedAt: '2026-01-01T00:00:00.000Z' });
    const b = makeAudit({ domain: 'a.example', startedAt: '2026-02-01T00:00:00.000Z' });
    await saveAudit(db, a);
    await saveAudit(db, b);
    expect((await previousSummary(db, 'a.example', '2026-03-01T00:00:00.000Z'))?.id).toBe(b.id);
    expect((await previousSummary(db, 'a.example', b.startedAt))?.id).toBe(a.id);
    expect(await previousSummary(db, 'a.example', a.startedAt)).toBeNull();
  });
});

describe('corrupt records are reported and skipped', () => {
  it('in audits', async () => {
    const { db } = await freshDb();
    await db.put('audits', { id: 'broken', domain: 'a.example', startedAt: 'x', findings: 'oops' });
    const { reports, report } = recorder();
    expect(await getAudit(db, 'broken', report)).toBeNull();
    expect(reports).toEqual([{ store: 'audits', key: 'broken' }]);
  });

  it('in summaries', async () => {
    const { db } = await freshDb();
    const good = makeAudit({ domain: 'a.example' });
    await saveAudit(db, good);
    await db.put('summaries', { id: 'broken', domain: 'a.example', startedAt: '2026-01-01', score: 'NaN' });
    const { reports, report } = recorder();
    expect((await domainSummaries(db, 'a.example', report)).map((s) => s.id)).toEqual([good.id]);
    expect(reports).toEqual([{ store: 'summaries', key: 'broken' }]);
  });

  it('in domain rows', async () => {
    const { db } = await freshDb();
    await saveAudit(db, makeAudit({ domain: 'a.example' }));
    await db.put('domains', { domain: 'evil.example', auditCount: -1 });
    const { reports, report } = recorder();
    expect((await listDomains(db, report)).map((r) => r.domain)).toEqual(['a.example']);
    expect(reports).toEqual([{ store: 'domains', key: 'evil.example' }]);
  });
});

describe('domainFirstSeen', () => {
  it('gives the date of the first audit that showed each finding', async () => {
    const { db } = await freshDb();
    await saveAudit(db, makeAudit({ domain: 'a.example', startedAt: '2026-03-01T00:00:00.000Z', findingIds: ['x.one'] }));
    await saveAudit(db, makeAudit({ domain: 'a.example', startedAt: '2026-01-01T00:00:00.000Z', findingIds: ['x.one', 'x.two'] }));
    await saveAudit(db, makeAudit({ domain: 'a.example', startedAt: '2026-05-01T00:00:00.000Z', findingIds: ['x.three'] }));
    await saveAudit(db, makeAudit({ domain: 'b.example', startedAt: '2025-01-01T00:00:00.000Z', findingIds: ['x.three'] }));
    expect(Object.fromEntries(await domainFirstSeen(db, 'a.example'))).toEqual({
      'x.one': '2026-01-01T00:00:00.000Z', 'x.two': '2026-01-01T00:00:00.000Z', 'x.three': '2026-05-01T00:00:00.000Z',
    });
  });
});
