/** Evidence + context → a complete, redacted Audit. Pure: ids and dates are passed in. */
import type { Evidence, NotMeasured } from '../evidence/schema';
import type { Locale } from '../i18n';
import { diagnose, type ChecklistAnswers } from '../diagnosis';
import { detectTechnologies } from '../components/detect';
import { scoreEvidence } from '../score';
import { domainOf } from './domain';
import { evaluateRules } from './findings';
import { redactEvidence, redactFinding, redactUrl } from './redact';
import { SCHEMA_VERSION, type Audit } from './schema';

export interface BuildAuditInput {
  id: string;
  evidence: Evidence;
  notMeasured: NotMeasured[];
  startedAt: Date;
  durationMs: number;
  platform: Audit['platform'];
  locale: Locale;
  answers?: ChecklistAnswers;
  onRuleError?: (ruleId: string, error: unknown) => void;
}

export function buildAudit(input: BuildAuditInput): Audit {
  const { evidence, startedAt } = input;
  const findings = evaluateRules(evidence, { now: startedAt }, input.locale, undefined, input.onRuleError).map(redactFinding);
  const technologies = detectTechnologies(evidence, { now: startedAt });
  const result = diagnose({ findings, technologies, answers: input.answers ?? {}, now: startedAt });
  return {
    id: input.id,
    schemaVersion: SCHEMA_VERSION,
    url: redactUrl(evidence.url),
    domain: domainOf(evidence.url),
    locale: input.locale,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    platform: input.platform,
    headerSource: evidence.headers?.source ?? 'none',
    score: scoreEvidence(evidence),
    findings,
    technologies,
    signals: result.signals,
    checklist: result.checklist,
    diagnosis: result.diagnosis,
    notMeasured: input.notMeasured,
    evidence: redactEvidence(evidence),
  };
}
