import { evidenceForPeople } from '../lib/export/tech-status';
import type { Finding } from '../lib/audit/schema';
import type { Evidence } from '../lib/evidence/schema';
import { fixFor } from '../lib/fixes';
import { jobSize } from '../lib/fixes/effort';
import { businessImpactKey } from '../lib/proposal/impact';
import { useT } from './i18n';

function FixSnippets({ finding, evidence }: { finding: Finding; evidence: Evidence }) {
  const { t } = useT();
  let snippets = null;
  try {
    snippets = fixFor(finding.ruleId, evidence, finding.subject);
  } catch {
    snippets = null;
  }
  if (!snippets) return null;
  return (
    <div class="fix-snippets" data-testid="fix-snippets">
      {(['nginx', 'apache', 'generic'] as const).map((kind) => (
        <div key={kind}>
          <p class="muted">{t(`fix.${kind}`)}</p>
          <pre><code>{snippets[kind]}</code></pre>
        </div>
      ))}
      {finding.family === 'csp' && <p class="muted">{t('fix.csp.built-from-page')}</p>}
    </div>
  );
}

/** One finding, expandable to its evidence, explanation and fix. Page-supplied values render as text only. */
export function FindingItem({ finding, open = false, evidence }: { finding: Finding; open?: boolean; evidence?: Evidence }) {
  const { t } = useT();
  const params = finding.message.params;
  const base = finding.message.key.replace(/\.title$/, '');
  const impact = businessImpactKey(finding);
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
                {finding.evidence.map(evidenceForPeople).map((item, i) => (
                  <li key={i}>
                    <span class="muted">{t(item.label)}</span> <code>{item.value}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h4>{t('finding.explain')}</h4>
          <p>{t(`${base}.explain`, params)}</p>
          {impact && (
            <>
              <h4>{t('finding.business')}</h4>
              <p data-testid="finding-business">{t(impact)}</p>
            </>
          )}
          <h4>{t('finding.fix')}</h4>
          <p>{t(`${base}.fix`, params)}</p>
          {finding.severity !== 'info' && <p class="muted" data-testid="finding-job" data-size={jobSize(finding)}><strong>{t('finding.job')}</strong> — {t(`job.${jobSize(finding)}`)}</p>}
          {evidence && <FixSnippets finding={finding} evidence={evidence} />}
        </div>
      </details>
    </li>
  );
}
