/**
 * Security findings grouped under common vulnerability types, so a non-technical reader sees what
 * kind of harm each group could lead to. The mapping is by rule, with a per-family fallback.
 */
import type { Family, Finding, Severity } from '../audit/schema';

export type RiskCategory = 'injection' | 'xss' | 'access' | 'components' | 'misconfiguration';
export const RISK_CATEGORIES: readonly RiskCategory[] = ['injection', 'xss', 'access', 'components', 'misconfiguration'];

/** Content or code that others can slip into the page: unencrypted or unchecked sources. */
const BY_RULE: Readonly<Record<string, RiskCategory>> = {
  'mixed-content.active': 'injection',
  'mixed-content.passive': 'injection',
  'headers.sri-missing': 'injection',
  'headers.sri-crossorigin-missing': 'injection',
  'csp.http-source': 'injection',
  'components.compromised-source': 'injection',
  'headers.xcto-missing': 'xss',
  'transport.https-missing': 'access',
  'transport.http-no-redirect': 'access',
  'transport.tls-untrusted': 'access',
  'transport.hsts-missing': 'access',
  'transport.hsts-malformed': 'access',
  'mixed-content.form-insecure': 'access',
  'headers.cors-credentials-any-origin': 'access',
  'headers.clickjacking-unprotected': 'access',
  'components.version-exposed': 'misconfiguration',
};

const BY_FAMILY: Partial<Record<Family, RiskCategory>> = {
  csp: 'xss',
  cookies: 'access',
  components: 'components',
  'mixed-content': 'injection',
  transport: 'misconfiguration',
  headers: 'misconfiguration',
  disclosure: 'misconfiguration',
  waf: 'misconfiguration',
  supervision: 'misconfiguration',
};

/** The category of a security finding; null for findings that are not about security or only hints. */
export function riskCategory(finding: Pick<Finding, 'ruleId' | 'family' | 'dimension' | 'severity'>): RiskCategory | null {
  if (finding.severity === 'info') return null;
  if (finding.dimension !== 'security' && finding.family !== 'components') return null;
  return BY_RULE[finding.ruleId] ?? BY_FAMILY[finding.family] ?? null;
}

export interface RiskGroup {
  category: RiskCategory;
  findings: Finding[];
  worst: Severity;
}

const RANK: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Non-empty groups, the most serious first (worst severity, then the fixed order of categories). */
export function riskGroups(findings: readonly Finding[]): RiskGroup[] {
  const groups: RiskGroup[] = [];
  for (const category of RISK_CATEGORIES) {
    const members = findings.filter((f) => riskCategory(f) === category);
    if (!members.length) continue;
    const worst = RANK.find((s) => members.some((f) => f.severity === s))!;
    groups.push({ category, findings: members, worst });
  }
  return groups.sort((a, b) => RANK.indexOf(a.worst) - RANK.indexOf(b.worst) || RISK_CATEGORIES.indexOf(a.category) - RISK_CATEGORIES.indexOf(b.category));
}

/** Likelihood in words from the worst severity of the group: likely, possible or unlikely. */
export function likelihood(worst: Severity): 'likely' | 'possible' | 'unlikely' {
  return worst === 'critical' || worst === 'high' ? 'likely' : worst === 'medium' ? 'possible' : 'unlikely';
}
