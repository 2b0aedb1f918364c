/** The maintenance surface and the knowledge base's date, above the technologies (a stale base is said, never hidden). */
import type { Audit } from '../lib/audit/schema';
import { knowledgeBaseMessage, surfaceMessages } from '../lib/export/tech-status';
import { useT } from './i18n';

export function MaintenanceFacts({ audit }: { audit: Pick<Audit, 'startedAt' | 'knowledgeBase' | 'diagnosis'> }) {
  const { t, tn } = useT();
  const surface = audit.diagnosis.surface ? surfaceMessages(audit.diagnosis.surface) : [];
  const kb = knowledgeBaseMessage(audit);
  const [total, ...rest] = surface;
  const state = rest.pop();
  return (
    <>
      {total && (
        <p data-testid="surface">
          <strong>{tn(total.key, total.count!)}</strong>
          {rest.length > 0 && <> ({rest.map((m) => tn(m.key, m.count!)).join(', ')})</>}
          {state && <> — {t(state.key, state.params)}</>}
        </p>
      )}
      {kb && <p data-testid="kb-date" class={kb.key === 'kb.stale' ? 'warning' : 'muted'} role={kb.key === 'kb.stale' ? 'note' : undefined}>{t(kb.key, kb.params)}</p>}
    </>
  );
}
