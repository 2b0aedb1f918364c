/**
 * JUnit XML for CI test reports: one test suite per site, one test case per Vigie rule. A rule
 * with findings at or above `failureAt` is a failure (each finding listed), a rule whose evidence
 * was not collected is skipped, any other rule passed; a site that could not be scanned is a
 * suite with one erroring case. Every string is escaped for XML, and characters XML 1.0 cannot
 * carry are shown as visible code points.
 */
import type { Audit, Finding, Severity } from '../audit/schema';
import { SEVERITIES } from '../audit/schema';
import { translate, type Locale } from '../i18n';
import { RULES } from '../rules/registry';
import { createExportContext } from './context';
import { byUrgency, evidenceLabel, findingTitle, severityLabel } from './labels';
import { visibleCodePoint } from './sanitize';

// Not allowed in XML 1.0 at all: C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlEscape(value: string): string {
  return value
    .replace(XML_INVALID, visibleCodePoint)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface JunitFailure {
  input: string;
  url: string | null;
  message: string;
}

export interface JunitOptions {
  locale: Locale;
  /** Findings at least this severe are failures; milder ones are reported in the case's output. */
  failureAt?: Severity;
}

const atLeast = (severity: Severity, threshold: Severity) => SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
const attr = (name: string, value: string | number) => ` ${name}="${xmlEscape(String(value))}"`;
const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function auditsJunit(audits: readonly Audit[], failures: readonly JunitFailure[], options: JunitOptions): string {
  const ctx = createExportContext({ locale: options.locale, timeZone: 'UTC' });
  const threshold = options.failureAt ?? 'info';
  const describe = (f: Finding) =>
    [`${severityLabel(ctx, f.severity)} · ${f.priority} · ${findingTitle(ctx, f)}`, ...f.evidence.map((e) => `  ${evidenceLabel(ctx, e.label)}: ${ctx.clip(e.value, 1000)}`)].join('\n');

  const suites: string[] = [];
  let total = 0;
  let failed = 0;
  let errors = 0;
  let skippedTotal = 0;

  for (const audit of audits) {
    const byRule = new Map<string, Finding[]>();
    for (const f of byUrgency(audit.findings)) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
    const ruleIds = [...RULES.map((r) => r.id), ...[...byRule.keys()].filter((id) => !RULES.some((r) => r.id === id))];
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteSkipped = 0;
    for (const ruleId of ruleIds) {
      const rule = RULES.find((r) => r.id === ruleId);
      const classname = `${audit.domain}.${rule?.family ?? ruleId.split('.')[0]}`;
      const open = `    <testcase${attr('classname', classname)}${attr('name', ruleId)} time="0">`;
      const findings = byRule.get(ruleId) ?? [];
      const failing = findings.filter((f) => atLeast(f.severity, threshold));
      if (failing.length) {
        suiteFailures++;
        const worst = failing[0]!;
        cases.push(`${open}\n      <failure${attr('type', worst.severity)}${attr('message', findingTitle(ctx, worst))}>${xmlEscape(findings.map(describe).join('\n\n'))}</failure>\n    </testcase>`);
      } else if (findings.length) {
        cases.push(`${open}\n      <system-out>${xmlEscape(findings.map(describe).join('\n\n'))}</system-out>\n    </testcase>`);
      } else if (rule && rule.requires.some((part) => audit.evidence[part] === null)) {
        suiteSkipped++;
        cases.push(`${open}\n      <skipped${attr('message', translate(options.locale, 'cli.junit.rule-skipped'))}/>\n    </testcase>`);
      } else {
        cases.push(`${open}</testcase>`);
      }
    }
    total += cases.length;
    failed += suiteFailures;
    skippedTotal += suiteSkipped;
    suites.push(
      `  <testsuite${attr('name', audit.url)}${attr('tests', cases.length)}${attr('failures', suiteFailures)} errors="0"${attr('skipped', suiteSkipped)}${attr('timestamp', audit.startedAt.replace(/\.\d+Z$/, ''))}${attr('time', seconds(audit.durationMs))}>\n` +
        `    <properties>\n      <property${attr('name', 'grade')}${attr('value', audit.score.grade)}/>\n      <property${attr('name', 'score')}${attr('value', audit.score.value)}/>\n    </properties>\n` +
        `${cases.join('\n')}\n  </testsuite>`,
    );
  }

  for (const failure of failures) {
    total++;
    errors++;
    const name = failure.url ?? failure.input;
    suites.push(
      `  <testsuite${attr('name', name)} tests="1" failures="0" errors="1" skipped="0">\n` +
        `    <testcase${attr('classname', name)}${attr('name', translate(options.locale, 'cli.junit.scan-failed'))} time="0">\n` +
        `      <error${attr('message', failure.message)}/>\n    </testcase>\n  </testsuite>`,
    );
  }

  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attr('name', 'Vigie')}${attr('tests', total)}${attr('failures', failed)}${attr('errors', errors)}${attr('skipped', skippedTotal)}>\n${suites.join('\n')}\n</testsuites>\n`;
}
