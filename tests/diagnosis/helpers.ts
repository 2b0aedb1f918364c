/** Builders of realistic findings, checklist points and scan coverage for the diagnosis tests. */
import type { ChecklistPoint, Finding, PointId, PointStatus, Severity, Technology } from '../../lib/audit/schema';
import type { NotMeasured } from '../../lib/evidence/schema';
import type { ChecklistAnswers } from '../../lib/diagnosis/answers';
import { CHECKLIST } from '../../lib/diagnosis/checklist-model';

const FAMILY_OF: Record<string, Finding['family']> = {
  transport: 'transport', headers: 'headers', csp: 'csp', disclosure: 'disclosure', components: 'components', waf: 'waf', supervision: 'supervision',
};

export function finding(ruleId: string, severity: Severity, checklistPoint?: PointId, subject?: string, priority: Finding['priority'] = 'P2'): Finding {
  const id = subject ? `${ruleId}:${subject}` : ruleId;
  return {
    id,
    ruleId,
    ...(subject ? { subject } : {}),
    family: FAMILY_OF[ruleId.split('.')[0]!] ?? 'headers',
    severity,
    priority,
    dimension: 'security',
    ...(checklistPoint ? { checklistPoint } : {}),
    message: { key: `rule.${ruleId}.title`, params: {} },
    title: ruleId,
    evidence: [{ label: 'evidence.header-absent', value: 'Strict-Transport-Security' }],
  };
}

export const EVERYTHING_MEASURED: NotMeasured[] = [];
export const nothingOf = (...what: string[]): NotMeasured[] => what.map((w) => ({ what: w, reason: { key: 'notMeasured.timeout', params: { ms: 3000 } } }));

export function answersAll(status: PointStatus, overrides: Partial<Record<PointId, PointStatus>> = {}): ChecklistAnswers {
  const out: ChecklistAnswers = {};
  for (const p of CHECKLIST) out[p.id] = { status: overrides[p.id] ?? status, origin: 'user', confirmedAt: '2026-11-01T09:00:00.000Z' };
  return out;
}

export function points(statuses: Partial<Record<PointId, PointStatus>> = {}): ChecklistPoint[] {
  return CHECKLIST.map((p) => ({ id: p.id, block: p.block, level: p.level, status: statuses[p.id] ?? 'unknown' }));
}

export const jquery = (vulnerable: boolean): Technology => ({
  name: 'jQuery',
  version: '1.12.4',
  category: 'library',
  confidence: 100,
  sources: ['global:jQuery.fn.jquery'],
  vulnerabilities: vulnerable
    ? [{ id: 'CVE-2020-11022', severity: 'medium', summary: 'XSS in htmlPrefilter', fixedIn: '3.5.0', url: 'https://nvd.nist.gov/vuln/detail/CVE-2020-11022' }]
    : [],
});
