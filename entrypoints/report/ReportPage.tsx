import { useEffect, useState } from 'preact/hooks';
import { FindingsBySeverity } from '../../components/FindingsBySeverity';
import { GradeBadge } from '../../components/GradeBadge';
import { PermissionRequests } from '../../components/PermissionRequests';
import { useT } from '../../components/i18n';
import type { Audit } from '../../lib/audit/schema';
import { getAudit, openVigieDB } from '../../lib/store/db';

type State = { phase: 'loading' } | { phase: 'missing' } | { phase: 'ready'; audit: Audit };

function downloadJson(audit: Audit) {
  const blob = new Blob([JSON.stringify(audit, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `vigie-${audit.domain}-${audit.startedAt.slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function ReportPage() {
  const { t, dateTime } = useT();
  const [state, setState] = useState<State>({ phase: 'loading' });

  useEffect(() => {
    const id = new URLSearchParams(location.search).get('id') ?? '';
    void openVigieDB()
      .then((db) => getAudit(db, id))
      .then((audit) => {
        setState(audit ? { phase: 'ready', audit } : { phase: 'missing' });
        if (audit) document.title = t('report.title', { domain: audit.domain });
      })
      .catch(() => setState({ phase: 'missing' }));
  }, []);

  if (state.phase === 'loading') return <p class="loading">{t('report.loading')}</p>;
  if (state.phase === 'missing') return <p class="error" role="alert">{t('report.notFound')}</p>;
  const { audit } = state;
  return (
    <main class="report-main" data-testid="report" data-audit-id={audit.id}>
      <h1>{t('report.title', { domain: audit.domain })}</h1>
      <section class="summary">
        <GradeBadge score={audit.score} />
        <dl>
          <dt>{t('report.url')}</dt>
          <dd><code>{audit.url}</code></dd>
          <dt>{t('report.date')}</dt>
          <dd>{dateTime(audit.startedAt)}</dd>
          <dt>{t('report.platform')}</dt>
          <dd>{audit.platform.name} {audit.platform.version}</dd>
          <dt>{t('report.headerSource')}</dt>
          <dd data-testid="header-source">{t(`headerSource.${audit.headerSource}`)}</dd>
        </dl>
        <button type="button" onClick={() => downloadJson(audit)}>{t('report.downloadJson')}</button>
      </section>

      <section>
        <h2>{t('report.findings')}</h2>
        <FindingsBySeverity findings={audit.findings} />
      </section>

      <section>
        <h2>{t('report.scoreTests')}</h2>
        <table>
          <thead>
            <tr><th>{t('report.test')}</th><th>{t('report.result')}</th><th>{t('report.modifier')}</th></tr>
          </thead>
          <tbody>
            {audit.score.tests.map((test) => (
              <tr key={test.test}><td>{test.test}</td><td><code>{test.result}</code></td><td class="num">{test.modifier > 0 ? `+${test.modifier}` : test.modifier}</td></tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h2>{t('report.technologies')}</h2>
        {audit.technologies.length === 0 ? (
          <p class="muted">{t('report.noTechnologies')}</p>
        ) : (
          <table data-testid="technologies">
            <thead>
              <tr><th>{t('report.tech.name')}</th><th>{t('report.tech.version')}</th><th>{t('report.tech.category')}</th><th>{t('report.tech.sources')}</th></tr>
            </thead>
            <tbody>
              {audit.technologies.map((tech) => (
                <tr key={tech.name}><td>{tech.name}</td><td>{tech.version ?? '—'}</td><td>{tech.category}</td><td>{tech.sources.join(', ')}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <PermissionRequests audit={audit} />

      <section>
        <h2>{t('report.notMeasured')}</h2>
        {audit.notMeasured.length === 0 ? (
          <p class="muted">{t('report.notMeasured.none')}</p>
        ) : (
          <ul data-testid="not-measured">
            {audit.notMeasured.map((n, i) => (
              <li key={i}><strong>{t(`measure.${n.what}`)}</strong> — {t(n.reason.key, n.reason.params)}</li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
