import { SEVERITIES, type Finding } from '../lib/audit/schema';
import type { Evidence } from '../lib/evidence/schema';
import { FindingItem } from './FindingItem';
import { useT } from './i18n';

export function FindingsBySeverity({ findings, evidence }: { findings: Finding[]; evidence?: Evidence }) {
  const { t } = useT();
  if (!findings.length) return <p class="ok-note" data-testid="no-findings">{t('popup.noFindings')}</p>;
  return (
    <div class="findings">
      {SEVERITIES.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (!group.length) return null;
        return (
          <section key={severity} class="severity-group" data-testid={`severity-${severity}`}>
            <h3>
              {t(`severity.${severity}`)} <span class="count">{group.length}</span>
            </h3>
            <ul class="finding-list">
              {group.map((f) => (
                <FindingItem key={f.id} finding={f} {...(evidence ? { evidence } : {})} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
