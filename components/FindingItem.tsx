import type { Finding } from '../lib/audit/schema';
import { useT } from './i18n';

/** One finding, expandable to its evidence, explanation and fix. Page-supplied values render as text only. */
export function FindingItem({ finding, open = false }: { finding: Finding; open?: boolean }) {
  const { t } = useT();
  const params = finding.message.params;
  const base = finding.message.key.replace(/\.title$/, '');
  return (
    <li class={`finding sev-${finding.severity}`} data-testid="finding" data-rule-id={finding.ruleId} data-finding-id={finding.id}>
      <details open={open}>
        <summary>
          <span class={`chip sev-${finding.severity}`}>{t(`severity.${finding.severity}`)}</span>
          <span class="finding-title">{t(finding.message.key, params)}</span>
          <span class="chip priority">{finding.priority}</span>
        </summary>
        <div class="finding-body">
          {finding.evidence.length > 0 && (
            <>
              <h4>{t('finding.evidence')}</h4>
              <ul class="evidence">
                {finding.evidence.map((item, i) => (
                  <li key={i}>
                    <span class="muted">{t(item.label)}</span> <code>{item.value}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h4>{t('finding.explain')}</h4>
          <p>{t(`${base}.explain`, params)}</p>
          <h4>{t('finding.fix')}</h4>
          <p>{t(`${base}.fix`, params)}</p>
        </div>
      </details>
    </li>
  );
}
