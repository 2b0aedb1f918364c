/**
 * "Without maintenance / with maintenance": short scenarios from a small library (wording in the
 * catalogues, keys `scenario.<id>.title|without|with`), chosen from the site's own findings and
 * checklist answers, at most five, the most serious first.
 */
import type { Audit, PointId, Severity } from '../audit/schema';

export const SCENARIO_IDS = [
  'compromised-source', 'vulnerable-component', 'end-of-life', 'outdated', 'no-https', 'certificate',
  'mixed-content', 'script-injection', 'session-theft', 'no-backup', 'no-staging', 'no-monitoring',
  'disclosure', 'slow-site',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export const MAX_SCENARIOS = 5;

interface ScenarioMatch {
  rules?: readonly string[];
  families?: readonly string[];
  /** Checklist points whose KO answer calls for the scenario (a KO Critique point counts as critical). */
  points?: readonly PointId[];
}

const LIBRARY: Readonly<Record<ScenarioId, ScenarioMatch>> = {
  'compromised-source': { rules: ['components.compromised-source'] },
  'vulnerable-component': { rules: ['components.vulnerable-version', 'components.vulnerable'], points: ['A1'] },
  'end-of-life': { rules: ['components.eol'], points: ['D3'] },
  outdated: { rules: ['components.behind'], points: ['D4', 'A2'] },
  'no-https': { rules: ['transport.https-missing', 'transport.http-no-redirect', 'transport.hsts-missing', 'transport.hsts-malformed'] },
  certificate: { rules: ['transport.tls-expiring', 'transport.tls-untrusted'], points: ['B5'] },
  'mixed-content': { rules: ['mixed-content.active', 'mixed-content.form-insecure', 'mixed-content.passive'] },
  'script-injection': { families: ['csp'], rules: ['headers.sri-missing', 'headers.xcto-missing'] },
  'session-theft': { families: ['cookies'], rules: ['headers.cors-credentials-any-origin', 'headers.clickjacking-unprotected'] },
  'no-backup': { points: ['C1', 'C3'] },
  'no-staging': { points: ['D1'] },
  'no-monitoring': { rules: ['supervision.no-error-tracking'], points: ['B1', 'B3'] },
  disclosure: { families: ['disclosure'], rules: ['components.version-exposed'] },
  'slow-site': { families: ['performance'] },
};

const RANK: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export interface ChosenScenario {
  id: ScenarioId;
  /** The most serious finding or answer that calls for it. */
  severity: Severity;
}

export function chooseScenarios(audit: Pick<Audit, 'findings' | 'checklist'>, max: number = MAX_SCENARIOS): ChosenScenario[] {
  const chosen: ChosenScenario[] = [];
  for (const id of SCENARIO_IDS) {
    const match = LIBRARY[id];
    const severities: Severity[] = audit.findings
      .filter((f) => f.severity !== 'info' && (match.rules?.includes(f.ruleId) || match.families?.includes(f.family)))
      .map((f) => f.severity);
    for (const p of audit.checklist.points) {
      if (p.status === 'ko' && match.points?.includes(p.id)) severities.push(p.level === 'critique' ? 'critical' : 'high');
    }
    if (!severities.length) continue;
    chosen.push({ id, severity: RANK.find((s) => severities.includes(s))! });
  }
  // Stable sort: equal severities keep the library's order (the most harmful scenarios come first there).
  return chosen.sort((a, b) => RANK.indexOf(a.severity) - RANK.indexOf(b.severity)).slice(0, Math.max(0, max));
}
