/**
 * SARIF 2.1.0 for code-scanning dashboards: one run, every Vigie rule declared as a SARIF rule
 * (id = rule id, level from its severity, `security-severity` for dashboards that sort by it),
 * one result per finding located at the audited URL, and sites that could not be scanned as
 * tool execution notifications. Pure; strings come from the catalogues in the chosen language.
 */
import type { Audit, Finding, Severity } from '../audit/schema';
import { hasMessage, translate, type Locale } from '../i18n';
import { RULES } from '../rules/registry';
import { createExportContext } from './context';
import { byUrgency, evidenceLabel, findingTitle } from './labels';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'critical' || severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'note';
}

/** The 0–10 scale code-scanning dashboards use to rank security results. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

export interface SarifFailure {
  /** The address as given, and the URL tried when it could be parsed. */
  input: string;
  url: string | null;
  message: string;
}

export interface SarifOptions {
  locale: Locale;
  toolVersion: string;
}

/** A rule's catalogue text with its placeholders (filled per finding) shown as an ellipsis. */
function ruleText(locale: Locale, key: string): string | null {
  return hasMessage(key) ? translate(locale, key).replace(/\{[a-zA-Z0-9_]+\}/g, '…') : null;
}

function location(uri: string) {
  return { physicalLocation: { artifactLocation: { uri } } };
}

export function auditsSarif(audits: readonly Audit[], failures: readonly SarifFailure[], options: SarifOptions): string {
  const ctx = createExportContext({ locale: options.locale, timeZone: 'UTC' });
  const rules = RULES.map((rule) => {
    const title = ruleText(options.locale, `rule.${rule.id}.title`) ?? rule.id;
    const explain = ruleText(options.locale, `rule.${rule.id}.explain`);
    const fix = ruleText(options.locale, `rule.${rule.id}.fix`);
    return {
      id: rule.id,
      name: rule.id.replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
      shortDescription: { text: title },
      ...(explain ? { fullDescription: { text: explain } } : {}),
      ...(fix ? { help: { text: fix } } : {}),
      defaultConfiguration: { level: sarifLevel(rule.severity) },
      properties: { tags: ['security', rule.family], 'security-severity': SECURITY_SEVERITY[rule.severity], priority: rule.priority },
    };
  });
  const index = new Map(rules.map((rule, i) => [rule.id, i]));

  const result = (audit: Audit, finding: Finding) => {
    const evidence = finding.evidence.map((e) => `${evidenceLabel(ctx, e.label)}: ${ctx.clip(e.value, 500)}`);
    return {
      ruleId: finding.ruleId,
      ...(index.has(finding.ruleId) ? { ruleIndex: index.get(finding.ruleId)! } : {}),
      level: sarifLevel(finding.severity),
      message: { text: [findingTitle(ctx, finding), ...evidence].join('\n') },
      locations: [location(audit.url)],
      partialFingerprints: { 'vigieFinding/v1': `${audit.domain}|${finding.id}` },
      properties: {
        severity: finding.severity,
        'security-severity': SECURITY_SEVERITY[finding.severity],
        priority: finding.priority,
        ...(finding.checklistPoint ? { checklistPoint: finding.checklistPoint } : {}),
        ...(finding.subject ? { subject: finding.subject } : {}),
      },
    };
  };

  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Vigie', version: options.toolVersion, semanticVersion: options.toolVersion, rules } },
        results: audits.flatMap((audit) => byUrgency(audit.findings).map((f) => result(audit, f))),
        invocations: [
          {
            executionSuccessful: failures.length === 0,
            toolExecutionNotifications: failures.map((f) => ({
              level: 'error',
              message: { text: f.message },
              ...(f.url ? { locations: [location(f.url)] } : {}),
            })),
          },
        ],
        artifacts: audits.map((audit) => ({ location: { uri: audit.url } })),
        properties: {
          audits: audits.map((audit) => ({ url: audit.url, grade: audit.score.grade, score: audit.score.value, startedAt: audit.startedAt })),
        },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
