/** Test audits and databases for the history store tests. */
import { buildAudit } from '../../lib/audit/build';
import type { Audit, Finding } from '../../lib/audit/schema';
import { openVigieDB, type VigieDatabase } from '../../lib/store/db';
import { weakSiteEvidence } from '../fixtures/evidence/weak-site';
import { repoKb } from '../support/kb';

let base: Audit | null = null;

/** A real audit of the weak fixture site (built once, then copied). */
export function baseAudit(): Audit {
  base ??= buildAudit({
    id: '00000000-0000-4000-8000-000000000000',
    evidence: weakSiteEvidence,
    notMeasured: [],
    startedAt: new Date('2026-11-02T09:00:00.000Z'),
    durationMs: 1500,
    platform: { name: 'chromium', version: '131.0.0.0' },
    locale: 'en', kb: repoKb(),
  });
  return structuredClone(base);
}

let counter = 0;
/** A unique, valid v4-shaped UUID. */
export function testId(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export interface AuditOverrides {
  id?: string;
  domain?: string;
  startedAt?: string;
  score?: number;
  grade?: Audit['score']['grade'];
  /** Finding ids to keep from the base audit, plus extra ids (copies of the first finding). */
  findingIds?: string[];
}

export function makeAudit(o: AuditOverrides = {}): Audit {
  const audit = baseAudit();
  audit.id = o.id ?? testId();
  if (o.domain) {
    audit.domain = o.domain;
    audit.url = `https://${o.domain}/`;
  }
  if (o.startedAt) audit.startedAt = o.startedAt;
  if (o.score !== undefined) audit.score.value = o.score;
  if (o.grade) audit.score.grade = o.grade;
  if (o.findingIds) {
    const byId = new Map(audit.findings.map((f) => [f.id, f]));
    const template = audit.findings[0]!;
    audit.findings = o.findingIds.map((id): Finding => byId.get(id) ?? { ...structuredClone(template), id });
  }
  return audit;
}

export async function freshDb(): Promise<{ db: VigieDatabase; name: string }> {
  const name = `vigie-test-${crypto.randomUUID()}`;
  return { db: await openVigieDB(name), name };
}

/** Every record of every store, for "nothing changed" assertions. */
export async function snapshot(db: VigieDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const store of ['audits', 'summaries', 'domains', 'checklist', 'agencyFields', 'settings'] as const) out[store] = await db.getAll(store);
  return out;
}

export function recorder() {
  const reports: { store: string; key: string }[] = [];
  return { reports, report: (store: string, key: string) => void reports.push({ store, key }) };
}
