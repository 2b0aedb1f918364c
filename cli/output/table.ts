/**
 * The terminal table: per site its grade, its findings (most urgent first) and what was not
 * measured. Colours only when asked (a TTY without NO_COLOR). Every page-supplied string is put on
 * one line with control characters made visible, so a hostile page cannot move the cursor or
 * change the terminal's colours.
 */
import type { Severity } from '../../lib/audit/schema';
import { createExportContext } from '../../lib/export/context';
import { byUrgency, findingTitle, measureLabel, message, severityLabel } from '../../lib/export/labels';
import { oneLine } from '../../lib/export/sanitize';
import { translate, translatePlural, type Locale } from '../../lib/i18n';
import type { SiteResult } from '../scan';
import { errorMessage } from './errors';

const SEVERITY_COLOUR: Record<Severity, string> = { critical: '\x1b[1;31m', high: '\x1b[31m', medium: '\x1b[33m', low: '\x1b[36m', info: '\x1b[2m' };
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

/** Colours for a stream: only on a terminal, never with NO_COLOR set, never on a dumb terminal. */
export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

function pad(value: string, width: number): string {
  const length = Array.from(value).length;
  return length >= width ? value : value + ' '.repeat(width - length);
}

export function tableReport(results: readonly SiteResult[], locale: Locale, colour: boolean): string {
  const ctx = createExportContext({ locale, timeZone: 'UTC' });
  const paint = (code: string, value: string) => (colour ? `${code}${value}${RESET}` : value);
  const lines: string[] = [];
  let scanned = 0;
  let findingsTotal = 0;
  for (const result of results) {
    if (!result.ok) {
      lines.push(paint(BOLD, oneLine(result.url ?? result.input)));
      lines.push(`  ${paint(SEVERITY_COLOUR.critical, oneLine(translate(locale, 'cli.table.failed', { message: errorMessage(locale, result.error) })))}`);
      lines.push('');
      continue;
    }
    const audit = result.audit;
    scanned++;
    findingsTotal += audit.findings.length;
    const grade = translate(locale, 'cli.table.grade', { grade: audit.score.grade, score: audit.score.value });
    lines.push(`${paint(BOLD, oneLine(ctx.clip(audit.url)))}  ${grade} · ${translatePlural(locale, 'cli.table.findings', audit.findings.length)}`);
    if (audit.findings.length === 0) lines.push(`  ${translate(locale, 'cli.table.none')}`);
    else {
      const severities = audit.findings.map((f) => severityLabel(ctx, f.severity));
      const width = Math.max(Array.from(translate(locale, 'cli.table.severity')).length, ...severities.map((s) => Array.from(s).length)) + 2;
      const pWidth = Math.max(Array.from(translate(locale, 'cli.table.priority')).length, 2) + 2;
      lines.push(`  ${pad(translate(locale, 'cli.table.severity'), width)}${pad(translate(locale, 'cli.table.priority'), pWidth)}${translate(locale, 'cli.table.finding')}`);
      for (const f of byUrgency(audit.findings)) {
        lines.push(`  ${paint(SEVERITY_COLOUR[f.severity], pad(severityLabel(ctx, f.severity), width))}${pad(f.priority, pWidth)}${oneLine(findingTitle(ctx, f))}  ${paint('\x1b[2m', f.ruleId)}`);
      }
    }
    const notMeasured = audit.notMeasured.map((n) => `${measureLabel(ctx, n.what)} (${message(ctx, n.reason)})`);
    if (notMeasured.length) {
      lines.push(`  ${translate(locale, 'cli.table.notMeasured')}`);
      for (const item of notMeasured) lines.push(`    - ${oneLine(item)}`);
    }
    lines.push('');
  }
  if (results.length > 1) lines.push(translate(locale, 'cli.table.total', { scanned, total: results.length, findings: findingsTotal }));
  return `${lines.join('\n').trimEnd()}\n`;
}
