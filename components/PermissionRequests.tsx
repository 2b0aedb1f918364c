import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Audit } from '../lib/audit/schema';
import { GRANTS_BY_CHECK, permissionRequestFor, type OptionalGrant } from '../lib/permissions';
import { useT } from './i18n';

type GrantState = 'idle' | 'granted' | 'denied' | 'error';

/**
 * Offers the optional permissions behind the checks that were not measured, for this site only,
 * each with its reason. Asked from the report page (a normal tab), where every browser shows the prompt.
 */
export function PermissionRequests({ audit, onGranted }: { audit: Audit; onGranted?: (grant: OptionalGrant) => void }) {
  const { t } = useT();
  const [states, setStates] = useState<Partial<Record<OptionalGrant, GrantState>>>({});
  const grants = [...new Set(
    audit.notMeasured
      .filter((n) => n.reason.key.startsWith('notMeasured.permission.'))
      .map((n) => GRANTS_BY_CHECK[n.what])
      .filter((g): g is OptionalGrant => g !== undefined),
  )];
  if (!grants.length) return null;

  async function grant(which: OptionalGrant) {
    try {
      // Must run directly in the click handler: browsers only prompt on a user gesture.
      const ok = await browser.permissions.request(permissionRequestFor(which, audit.url) as Parameters<typeof browser.permissions.request>[0]);
      setStates((s) => ({ ...s, [which]: ok ? 'granted' : 'denied' }));
      if (ok) onGranted?.(which);
    } catch {
      setStates((s) => ({ ...s, [which]: 'error' }));
    }
  }

  return (
    <section class="permissions" data-testid="permission-requests">
      <h2>{t('permissions.title')}</h2>
      <p class="muted">{t('permissions.intro', { domain: audit.domain })}</p>
      <ul>
        {grants.map((which) => (
          <li key={which} data-grant={which}>
            <p>
              <strong>{t(`permissions.${which}.name`)}</strong> — {t(`permissions.${which}.reason`)}
            </p>
            {states[which] === 'granted' ? (
              <p role="status" class="ok-note">{t('permissions.granted')}</p>
            ) : (
              <button type="button" onClick={() => void grant(which)}>{t('permissions.grant', { domain: audit.domain })}</button>
            )}
            {states[which] === 'denied' && <p role="status" class="muted">{t('permissions.denied')}</p>}
            {states[which] === 'error' && <p role="alert" class="muted">{t('permissions.error')}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
