import { describe, expect, it } from 'vitest';
import { domainSummaries, openVigieDB, saveAudit } from '../../lib/store/db';
import { listDomains } from '../../lib/store/domains';
import { deleteAudit } from '../../lib/store/housekeeping';
import { freshDb, makeAudit } from './helpers';

describe('two writers at once', () => {
  it('popup and report page saving audits of one domain concurrently keep every audit and a right domain row', async () => {
    const { db: popup, name } = await freshDb();
    const report = await openVigieDB(name);
    const audits = Array.from({ length: 60 }, (_, i) =>
      makeAudit({ domain: 'shop.example', startedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(), score: i }));
    await Promise.all(audits.map((a, i) => saveAudit(i % 2 ? popup : report, a)));
    const [row] = await listDomains(report);
    expect(row).toMatchObject({ auditCount: 60, lastAuditId: audits[59]!.id, lastScore: 59, previousScore: 58, firstStartedAt: audits[0]!.startedAt });
    expect(await domainSummaries(popup, 'shop.example')).toHaveLength(60);
    report.close();
  });

  it('a delete racing with saves leaves the row consistent with the summaries', async () => {
    const { db: a, name } = await freshDb();
    const b = await openVigieDB(name);
    const first = makeAudit({ domain: 'x.example', startedAt: '2026-01-01T00:00:00.000Z' });
    await saveAudit(a, first);
    const later = Array.from({ length: 10 }, (_, i) => makeAudit({ domain: 'x.example', startedAt: `2026-02-${String(i + 1).padStart(2, '0')}T00:00:00.000Z` }));
    await Promise.all([deleteAudit(b, first.id), ...later.map((x, i) => saveAudit(i % 2 ? a : b, x))]);
    const [row] = await listDomains(a);
    const summaries = await domainSummaries(a, 'x.example');
    expect(summaries).toHaveLength(10);
    expect(row).toMatchObject({ auditCount: 10, lastAuditId: summaries[0]!.id, firstStartedAt: summaries[9]!.startedAt });
    b.close();
  });
});
