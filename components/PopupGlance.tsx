/**
 * The popup at a glance: how many findings of each severity, and the three to act on first (most
 * urgent priority, then severity). The whole list stays one click away.
 */
import type { Finding } from '../lib/audit/schema';
import { SEVERITIES } from '../lib/audit/schema';
import { byUrgency } from '../lib/export/labels';
import { useT } from './i18n';

export function SeverityCounts({ findings }: { findings: Finding[] }) {
  const { t, number } = useT();
  const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  if (!counts.length) return null;
  return (
    <ul class="severity-counts" data-testid="severity-counts" aria-label={t('popup.counts.label')}>
      {counts.map(([severity, n]) => (
        // The word is always there: severity is never told by colour alone.
        <li key={severity} class={`chip sev-${severity}`} data-severity={severity}>
          <strong>{number(n)}</strong> {t(`severity.${severity}`)}
        </li>
      ))}
    </ul>
  );
}

export function TopActions({ findings, limit = 3 }: { findings: Finding[]; limit?: number }) {
  const { t } = useT();
  const top = byUrgency(findings).slice(0, limit);
  if (!top.length) return null;
  return (
    <section class="top-actions" data-testid="top-actions" aria-labelledby="top-actions-title">
      <h2 id="top-actions-title">{t('popup.top.title')}</h2>
      <ol>
        {top.map((f) => (
          <li key={f.id} class={`sev-${f.severity}`} data-testid="top-action" data-finding-id={f.id}>
            <span class={`chip sev-${f.severity}`}>{t(`severity.${f.severity}`)}</span> <span class="priority">{f.priority}</span> {t(f.message.key, f.message.params)}
          </li>
        ))}
      </ol>
    </section>
  );
}
