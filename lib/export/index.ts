/**
 * Exports of an audit and of a monthly report, in every format and level, in FR or EN chosen at
 * export time. Pure: no clock, no browser API.
 */
import { parseAgencyProfile } from '../agency/schema';
import { redactEvidence, redactFinding, redactUrl } from '../audit/redact';
import type { Audit } from '../audit/schema';
import { emailDoc } from './content/email';
import { fullDoc, standardDoc } from './content/full';
import { monthlyDoc } from './content/monthly';
import { proposalDoc, summaryDoc } from './content/proposal';
import { questionnaireDoc } from './content/questionnaire';
import { offerSettings } from '../proposal/offer';
import { createExportContext } from './context';
import { auditCsv, monthlyCsv } from './csv';
import type { Doc } from './doc';
import { auditJson, monthlyJson } from './json';
import { renderHtmlDocument, renderHtmlFragment } from './render/html';
import { renderMarkdown } from './render/markdown';
import { renderText } from './render/text';
import type { ExportFormat, ExportLevel, ExportOptions, ExportResult, MonthlyReportData } from './types';

export * from './types';
export { exportFileName } from './filename';

/**
 * Audits are redacted when built; exports redact again (idempotent) so that a record from an older
 * version, an import or a bug never carries a secret out.
 */
export function redactForExport(audit: Audit): Audit {
  return { ...audit, url: redactUrl(audit.url), findings: audit.findings.map(redactFinding), evidence: redactEvidence(audit.evidence) };
}

const BUILDERS: Record<ExportLevel, typeof fullDoc> = {
  email: emailDoc,
  summary: summaryDoc,
  proposal: proposalDoc,
  standard: (ctx, audit, agency, _offer, history) => standardDoc(ctx, audit, agency, history),
  full: fullDoc,
};

export function auditDoc(audit: Audit, options: ExportOptions): Doc {
  return BUILDERS[options.level ?? 'full'](createExportContext(options), redactForExport(audit), parseAgencyProfile(options.agency), offerSettings(options.settings), options.history ?? []);
}

export function monthlyReportDoc(data: MonthlyReportData, options: ExportOptions): Doc {
  return monthlyDoc(createExportContext(options), data, parseAgencyProfile(options.agency));
}

const MIME: Record<ExportFormat, [string, string]> = {
  markdown: ['text/markdown;charset=utf-8', 'md'],
  text: ['text/plain;charset=utf-8', 'txt'],
  html: ['text/html;charset=utf-8', 'html'],
  json: ['application/json', 'json'],
  csv: ['text/csv;charset=utf-8', 'csv'],
};

function result(format: ExportFormat, content: string): ExportResult {
  const [mimeType, extension] = MIME[format];
  return { content, mimeType, extension };
}

function renderDoc(format: 'markdown' | 'text' | 'html', doc: Doc): string {
  if (format === 'markdown') return renderMarkdown(doc);
  if (format === 'text') return renderText(doc);
  return renderHtmlDocument(doc);
}

/** One audit in one format. JSON is the complete audit and CSV lists every finding, whatever the level. */
export function exportAudit(audit: Audit, format: ExportFormat, options: ExportOptions): ExportResult {
  if (format === 'json') return result(format, auditJson(redactForExport(audit)));
  if (format === 'csv') return result(format, auditCsv(createExportContext(options), redactForExport(audit)));
  return result(format, renderDoc(format, auditDoc(audit, options)));
}

export function exportMonthlyReport(data: MonthlyReportData, format: ExportFormat, options: ExportOptions): ExportResult {
  if (format === 'json') return result(format, monthlyJson(data));
  if (format === 'csv') return result(format, monthlyCsv(createExportContext(options), data));
  return result(format, renderDoc(format, monthlyReportDoc(data, options)));
}

/** The blank client questionnaire (28 points, ten warning signs) in one language, with the agency's letterhead. */
export function clientQuestionnaireDoc(options: Pick<ExportOptions, 'locale' | 'agency' | 'messages'>): Doc {
  return questionnaireDoc(createExportContext(options), parseAgencyProfile(options.agency));
}

export function exportQuestionnaire(format: 'markdown' | 'text' | 'html', options: Pick<ExportOptions, 'locale' | 'agency' | 'messages'>): ExportResult {
  return result(format, renderDoc(format, clientQuestionnaireDoc(options)));
}

/** What a copy button puts on the clipboard: rich HTML and its plain-text twin. */
export interface ClipboardPayload {
  html: string;
  text: string;
}

export function clipboardPayload(doc: Doc): ClipboardPayload {
  return { html: renderHtmlFragment(doc), text: renderText(doc) };
}
