/** Findings and audits for the proposal tests, built from the realistic fixture and the rule registry. */
import { Audit, type Finding, type PointId, type PointStatus } from '../../lib/audit/schema';
import { getRule } from '../../lib/rules/registry';
import realistic from '../fixtures/audits/shop-example.json';

export function shop(): Audit {
  return Audit.parse(structuredClone(realistic));
}

/** A finding as the registry's rule would produce it (family, severity, priority, dimension, point). */
export function findingOf(ruleId: string, params: Record<string, string | number> = {}, overrides: Partial<Finding> = {}): Finding {
  const rule = getRule(ruleId);
  if (!rule) throw new Error(`unknown rule ${ruleId}`);
  return {
    id: `${ruleId}:${JSON.stringify(params)}`,
    ruleId,
    family: rule.family,
    severity: rule.severity,
    priority: rule.priority,
    dimension: rule.dimension,
    ...(rule.checklistPoint ? { checklistPoint: rule.checklistPoint } : {}),
    message: { key: `rule.${ruleId}.title`, params },
    title: ruleId,
    evidence: [],
    ...overrides,
  };
}

/** The shop audit with only these findings and every checklist point at `status` except the given ones. */
export function auditWith(findings: Finding[], answers: Partial<Record<PointId, PointStatus>> = {}, status: PointStatus = 'ok'): Audit {
  const audit = shop();
  audit.findings = findings;
  audit.checklist.points = audit.checklist.points.map((p) => ({ ...p, status: answers[p.id] ?? status }));
  audit.signals = audit.signals.map((s) => ({ ...s, state: 'clear' as const, reasons: [] }));
  return audit;
}
