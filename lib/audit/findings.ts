import { Finding } from './schema';
import type { Evidence } from '../evidence/schema';
import { createTranslator, type Locale } from '../i18n';
import { RULES } from '../rules/registry';
import type { Rule, RuleContext } from '../rules/types';
import { SEVERITIES } from './schema';
import { redactEvidenceItem, redactParams, redactValue } from './redact';

export function findingId(ruleId: string, subject?: string): string {
  return subject ? `${ruleId}:${subject}` : ruleId;
}

/** Runs every rule whose evidence is present; a rule that throws is a bug, reported and skipped. */
export function evaluateRules(
  evidence: Evidence,
  ctx: RuleContext,
  locale: Locale,
  rules: readonly Rule[] = RULES,
  onRuleError: (ruleId: string, error: unknown) => void = () => {},
): Finding[] {
  const { t } = createTranslator(locale);
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (rule.requires.some((part) => evidence[part] === null)) continue;
    let hits;
    try {
      hits = rule.check(evidence, ctx);
    } catch (error) {
      onRuleError(rule.id, error);
      continue;
    }
    for (const hit of hits) {
      // Redacted before the title is rendered, so no query string or token reaches any text.
      const params = redactParams(hit.params ?? {});
      const key = `rule.${rule.id}.title`;
      findings.push({
        id: findingId(rule.id, hit.subject === undefined ? undefined : redactValue(hit.subject)),
        ruleId: rule.id,
        ...(hit.subject !== undefined ? { subject: redactValue(hit.subject).slice(0, 300) } : {}),
        family: rule.family,
        severity: hit.severity ?? rule.severity,
        priority: hit.priority ?? rule.priority,
        dimension: rule.dimension,
        ...(rule.checklistPoint ? { checklistPoint: rule.checklistPoint } : {}),
        message: { key, params },
        title: t(key, params),
        evidence: hit.evidence.slice(0, 50).map(redactEvidenceItem),
      });
    }
  }
  return sortFindings(findings);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.id.localeCompare(b.id),
  );
}

/** Re-renders finding titles in another language from their message keys. */
export function retitleFindings(findings: Finding[], locale: Locale): Finding[] {
  const { t } = createTranslator(locale);
  return findings.map((f) => ({ ...f, title: t(f.message.key, f.message.params) }));
}
