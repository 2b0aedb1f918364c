/**
 * Markdown: each audit rendered by the shared export (lib/export, full level), one after the
 * other; a site that could not be scanned gets a short section saying why.
 */
import { exportAudit } from '../../lib/export';
import { code, heading, paragraph, strong, text } from '../../lib/export/doc';
import { renderMarkdown } from '../../lib/export/render/markdown';
import { translate, type Locale } from '../../lib/i18n';
import type { SiteResult } from '../scan';
import { errorMessage } from './errors';

export function markdownReport(results: readonly SiteResult[], locale: Locale): string {
  return results
    .map((result) => {
      if (result.ok) return exportAudit(result.audit, 'markdown', { locale, level: 'full', timeZone: 'UTC' }).content.trimEnd();
      return renderMarkdown({
        lang: locale,
        title: result.input,
        blocks: [
          heading(1, result.input),
          paragraph(code(result.url ?? result.input)),
          paragraph(strong(translate(locale, 'cli.markdown.failed')), text(` — ${errorMessage(locale, result.error)}`)),
        ],
      }).trimEnd();
    })
    .join('\n\n---\n\n')
    .concat('\n');
}
