/** A detected component, enriched from the knowledge base on the audit's date. */
import type { Severity, Technology } from '../audit/schema';
import { affectingAdvisories } from '../kb/advisories';
import { componentInfo } from '../kb/components';
import { behindBy, endOfLife, latestVersion, monthsDuration } from '../kb/lifecycle';

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export function enrich(component: string, version: string | undefined, confidence: number, sources: string[], now: Date): Technology | null {
  const info = componentInfo(component);
  if (!info) return null;
  const tech: Technology = {
    name: info.name,
    ...(version ? { version: version.slice(0, 64) } : {}),
    category: info.category,
    confidence: Math.max(0, Math.min(100, Math.round(confidence))),
    sources: sources.slice(0, 20),
    vulnerabilities: [],
  };
  const latest = latestVersion(component);
  if (latest) tech.latest = latest;
  if (!version) return tech;
  tech.vulnerabilities = affectingAdvisories(component, info.name, version)
    .map((a) => ({
      id: a.advisory.id,
      severity: a.advisory.severity,
      summary: a.summary.slice(0, 500),
      ...(a.fixedIn ? { fixedIn: a.fixedIn } : {}),
      url: a.advisory.url,
    }))
    .sort((a, b) => RANK[b.severity] - RANK[a.severity] || a.id.localeCompare(b.id))
    .slice(0, 200);
  const eol = endOfLife(component, version, now);
  if (eol) tech.eol = eol.since;
  const behind = behindBy(component, version, now);
  if (behind && behind.months >= 1) tech.behindBy = monthsDuration(behind.months);
  return tech;
}
