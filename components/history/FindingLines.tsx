import type { Finding } from '../../lib/audit/schema';
import { hasMessage } from '../../lib/i18n';
import { useT } from '../i18n';

/**
 * A finding's title in the page's language, from its message (the stored `title` is the English
 * text of when the audit was made; it is only the fallback for a message this version no longer has).
 */
export function useFindingTitle(): (f: Pick<Finding, 'message' | 'title'>) => string {
  const { t } = useT();
  return (f) => (hasMessage(f.message.key) ? t(f.message.key, f.message.params) : f.title);
}

/** A compact list of findings (severity and title); titles are page-derived text, rendered as text only. */
export function FindingLines({ findings, testId }: { findings: readonly Finding[]; testId?: string }) {
  const { t } = useT();
  const title = useFindingTitle();
  if (findings.length === 0) return <p class="muted" data-testid={testId}>{t('history.compare.none')}</p>;
  return (
    <ul class="finding-lines" data-testid={testId}>
      {findings.map((f) => (
        <li key={f.id} data-finding-id={f.id}>
          <span class={`chip sev-${f.severity}`}>{t(`severity.${f.severity}`)}</span> <span class="finding-title">{title(f)}</span>
        </li>
      ))}
    </ul>
  );
}
