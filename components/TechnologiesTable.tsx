import type { Technology } from '../lib/audit/schema';
import { sourceMessage, technologyStatus } from '../lib/export/tech-status';
import { useT } from './i18n';

/** Only advisory links Vigie writes itself (https URLs from the knowledge base) become links. */
function safeHttpsUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function TechnologiesTable({ technologies, kbDate }: { technologies: Technology[]; kbDate?: string }) {
  const { t, tn } = useT();
  if (!technologies.length) return <p class="muted">{t('report.noTechnologies')}</p>;
  return (
    <table data-testid="technologies" class="technologies">
      <thead>
        <tr>
          <th>{t('report.tech.name')}</th>
          <th>{t('report.tech.version')}</th>
          <th>{t('report.tech.category')}</th>
          <th>{t('report.tech.status')}</th>
          <th>{t('report.tech.sources')}</th>
        </tr>
      </thead>
      <tbody>
        {technologies.map((tech) => (
          <tr key={tech.name} data-tech={tech.name}>
            <td>{tech.name}</td>
            <td>{tech.version ?? '—'}</td>
            <td>{t(`tech.category.${tech.category}`)}</td>
            <td>
              {tech.vulnerabilities.length > 0 && (
                <details>
                  <summary class="chip sev-high">{tn('report.tech.vulnerabilities', tech.vulnerabilities.length)}</summary>
                  <ul>
                    {tech.vulnerabilities.map((v) => {
                      const href = safeHttpsUrl(v.url);
                      return (
                        <li key={v.id}>
                          <span class={`chip sev-${v.severity}`}>{t(`severity.${v.severity}`)}</span>{' '}
                          {v.severityUnknown && <span class="muted">({t('tech.severity.unknown')}) </span>}
                          {href ? <a href={href} target="_blank" rel="noopener noreferrer">{v.id}</a> : <code>{v.id}</code>} — {v.weakness ? t(`weakness.${v.weakness}`, { component: tech.name }) : v.summary}
                          {v.fixedIn && <> ({t('report.tech.fixedIn', { version: v.fixedIn })})</>}
                        </li>
                      );
                    })}
                  </ul>
                </details>
              )}
              {technologyStatus(tech, kbDate).map((m) => (
                <p key={m.key} class={m.key === 'tech.status.latest' ? 'muted' : undefined}>{m.count === undefined ? t(m.key, m.params) : tn(m.key, m.count, m.params)}</p>
              ))}
            </td>
            <td>
              <ul class="sources">
                {tech.sources.map((source) => {
                  const m = sourceMessage(source);
                  return <li key={source}>{t(m.key, m.params)}</li>;
                })}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
