import type { Finding } from '../../lib/audit/schema';
import { useT } from '../i18n';

/** A compact list of findings (severity and title); titles are page-derived text, rendered as text only. */
export function FindingLines({ findings, testId }: { findings: readonly Finding[]; testId?: string }) {
  const { t } = useT();
  if (findings.length === 0) return <p class="muted" data-testid={testId}>{t('history.compare.none')}</p>;
  return (
    <ul class="finding-lines" data-testid={testId}>
      {findings.map((f) => (
        <li key={f.id} data-finding-id={f.id}>
          <span class={`chip sev-${f.severity}`}>{t(`severity.${f.severity}`)}</span> <span class="finding-title">{f.title}</span>
        </li>
      ))}
    </ul>
  );
}
