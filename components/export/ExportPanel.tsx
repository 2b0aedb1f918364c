/**
 * Export controls for an audit or a monthly report: report language and content level, copy
 * buttons (rich + plain text, Markdown, text), downloads named after the domain and date, and a
 * link to the print page. The lead mounts it in the popup (compact) and the report page.
 */
import { useState } from 'preact/hooks';
import type { AgencyProfile } from '../../lib/agency/schema';
import type { Audit } from '../../lib/audit/schema';
import type { Settings } from '../../lib/settings/schema';
import { renderMarkdown } from '../../lib/export/render/markdown';
import { renderText } from '../../lib/export/render/text';
import {
  EXPORT_LEVELS, auditDoc, clipboardPayload, exportAudit, exportFileName, exportMonthlyReport, monthlyReportDoc,
  type ExportFormat, type ExportLevel, type HistoryPoint, type MonthlyReportData,
} from '../../lib/export';
import type { Locale } from '../../lib/i18n';
import { useT } from '../i18n';
import type { ClipboardDeps } from './clipboard';
import { CopyButton } from './CopyButton';
import { DownloadButton } from './DownloadButton';
import { LanguagePicker } from './LanguagePicker';

export type ExportSource = { kind: 'audit'; audit: Audit } | { kind: 'monthly'; data: MonthlyReportData };

export interface ExportPanelProps {
  source: ExportSource;
  agency?: AgencyProfile | null;
  /** The report language to start with; the UI language by default. */
  initialLocale?: Locale;
  /** `print.html?id=…` of this audit (the language is appended); no print link without it. */
  printUrl?: string;
  /** The popup shows the copy buttons only. */
  compact?: boolean;
  clipboard?: ClipboardDeps;
  download?: (result: { content: string; mimeType: string; extension: string }, fileName: string) => void;
  /** The agency's settings (scope rules, tiers, SLAs) so exports follow them; defaults when absent. */
  settings?: Settings | null;
  /** The domain's audits, for the score chart of the meeting and full reports; none by default. */
  history?: readonly HistoryPoint[];
}

const DOWNLOADS: readonly ExportFormat[] = ['markdown', 'text', 'html', 'json', 'csv'];

export function ExportPanel({ source, agency = null, initialLocale, printUrl, compact = false, clipboard, download, settings = null, history = [] }: ExportPanelProps) {
  const { t, locale: uiLocale } = useT();
  const [locale, setLocale] = useState<Locale>(initialLocale ?? uiLocale);
  const [level, setLevel] = useState<ExportLevel>(compact ? 'email' : 'proposal');
  const options = { locale, level, agency, history, ...(settings ? { settings } : {}) };
  const doc = () => (source.kind === 'audit' ? auditDoc(source.audit, options) : monthlyReportDoc(source.data, options));
  const run = (format: ExportFormat) => (source.kind === 'audit' ? exportAudit(source.audit, format, options) : exportMonthlyReport(source.data, format, options));
  const domain = source.kind === 'audit' ? source.audit.domain : source.data.domain;
  const date = source.kind === 'audit' ? source.audit.startedAt : source.data.period.from;
  /** `vigie-<domain>-<date>[-monthly|-email|-proposal].<ext>`: JSON and CSV do not depend on the level. */
  const suffix = (format: ExportFormat) => (source.kind === 'monthly' ? 'monthly' : format === 'json' || format === 'csv' || level === 'full' ? undefined : level);

  return (
    <section class="export-panel" data-testid="export-panel">
      <h2>{t('export.ui.title')}</h2>
      <div class="export-choices">
        <LanguagePicker value={locale} onChange={setLocale} />
        {source.kind === 'audit' && (
          <label>
            {t('export.ui.level')}{' '}
            <select value={level} data-testid="export-level" onChange={(e) => setLevel((e.currentTarget as HTMLSelectElement).value as ExportLevel)}>
              {EXPORT_LEVELS.map((l) => <option key={l} value={l}>{t(`export.ui.level.${l}`)}</option>)}
            </select>
          </label>
        )}
      </div>
      <div class="export-copy">
        <CopyButton label={t('export.ui.copyRich')} testId="copy-rich" payload={() => clipboardPayload(doc())} {...(clipboard ? { deps: clipboard } : {})} />
        <CopyButton label={t('export.ui.copyMarkdown')} testId="copy-markdown" payload={() => ({ text: renderMarkdown(doc()) })} {...(clipboard ? { deps: clipboard } : {})} />
        {!compact && <CopyButton label={t('export.ui.copyText')} testId="copy-text" payload={() => ({ text: renderText(doc()) })} {...(clipboard ? { deps: clipboard } : {})} />}
      </div>
      {!compact && (
        <div class="export-downloads">
          <span>{t('export.ui.downloads')}</span>
          {DOWNLOADS.map((format) => (
            <DownloadButton
              key={format}
              label={t(`export.ui.download.${format}`)}
              testId={`download-${format}`}
              result={() => run(format)}
              fileName={(ext) => exportFileName(domain, date, ext, suffix(format))}
              {...(download ? { download } : {})}
            />
          ))}
        </div>
      )}
      {printUrl && (
        // Print or save as PDF at three levels: the meeting report is the default (no level in the address).
        <p class="export-print-levels">
          {t('export.ui.print.label')}{' '}
          {(['summary', 'standard', 'full'] as const).map((level, i) => (
            <span key={level}>
              {i > 0 && ' · '}
              <a class="export-print" data-testid={level === 'standard' ? 'export-print' : `export-print-${level}`} href={`${printUrl}${printUrl.includes('?') ? '&' : '?'}lang=${locale}${level === 'standard' ? '' : `&level=${level}`}`} target="_blank" rel="noopener">
                {t(`export.ui.print.${level}`)}
              </a>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
