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

/** At most this many evidence lines of one kind (a component can have a hundred advisories; the technologies table lists them all). */
const PER_LABEL = 5;

export function boundedEvidence<T extends { label: string }>(items: readonly T[]): { shown: T[]; hidden: number } {
  const seen = new Map<string, number>();
  const shown: T[] = [];
  for (const item of items) {
    const n = (seen.get(item.label) ?? 0) + 1;
    seen.set(item.label, n);
    if (n <= PER_LABEL) shown.push(item);
  }
  return { shown, hidden: items.length - shown.length };
}

/** One finding, expandable to its evidence, explanation and fix. Page-supplied values render as text only. */
export function FindingItem({ finding, open = false, evidence }: { finding: Finding; open?: boolean; evidence?: Evidence }) {
  const { t, tn } = useT();
  const params = finding.message.params;
  const base = finding.message.key.replace(/\.title$/, '');
  const impact = businessImpactKey(finding);
  const { shown, hidden } = boundedEvidence(finding.evidence.map(evidenceForPeople));
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
                {shown.map((item, i) => (
                  <li key={i}>
                    <span class="muted">{t(item.label)}</span>{item.value && <> <code>{item.value}</code></>}
                  </li>
                ))}
                {hidden > 0 && <li class="muted" data-testid="evidence-more">{tn('finding.evidence.more', hidden)}</li>}
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
