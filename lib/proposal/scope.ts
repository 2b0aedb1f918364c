/**
 * Scope of each recommended action: within the maintenance contract, or a separate quote.
 * Order of the rule (docs/proposal.md): the agency's per-rule choice; then "a major version upgrade
 * is quoted" (an end-of-life component, or a fix only available in a newer major version); then
 * "no HTTPS at all is quoted"; then the agency's per-family choice; otherwise within the contract.
 */
import type { Audit, Finding } from '../audit/schema';
import type { ScopeClass, ScopeSettings } from '../settings/proposal';

export type ScopeReason = 'rule' | 'major-upgrade' | 'no-https' | 'family' | 'default';

export interface ScopedAction {
  finding: Finding;
  scope: ScopeClass;
  reason: ScopeReason;
}

const NO_HTTPS_RULES = new Set(['transport.https-missing']);

/** The leading number of a version string ("3.6.1" → 3, "v2" → 2); null when there is none. */
export function majorOf(version: unknown): number | null {
  if (typeof version !== 'string') return null;
  const match = /^\s*v?(\d{1,6})(?:\D|$)/i.exec(version);
  return match ? Number(match[1]) : null;
}

/** Rules whose fix is an upgrade of the component; `components.vulnerable` is the id older audits carry. */
const UPGRADE_RULES = new Set(['components.vulnerable-version', 'components.vulnerable', 'components.behind']);

/**
 * Whether fixing the finding means moving a component to a newer major version: always for an
 * end-of-life component; for a vulnerable or outdated one, when the version that fixes it (the
 * finding's `fix`, else the highest "fixed in" of its advisories, else the latest release) has a
 * higher major number than the version in use.
 */
export function needsMajorUpgrade(finding: Finding, audit: Pick<Audit, 'technologies'>): boolean {
  if (finding.ruleId === 'components.eol') return true;
  if (!UPGRADE_RULES.has(finding.ruleId)) return false;
  const { library, version, fix } = finding.message.params;
  const current = majorOf(version);
  if (current === null) return false;
  const tech = audit.technologies.find((t) => t.name === library && t.version === version);
  const vulnerable = finding.ruleId !== 'components.behind';
  const fixedIn = vulnerable ? (tech?.vulnerabilities ?? []).map((v) => majorOf(v.fixedIn)).filter((m): m is number => m !== null) : [];
  const target = (vulnerable ? majorOf(fix) : null) ?? (fixedIn.length ? Math.max(...fixedIn) : null) ?? majorOf(tech?.latest);
  return target !== null && target > current;
}

export function classifyAction(finding: Finding, audit: Pick<Audit, 'technologies'>, scope: ScopeSettings): ScopedAction {
  const own = Object.prototype.hasOwnProperty.call(scope.rules, finding.ruleId) ? scope.rules[finding.ruleId] : undefined;
  if (own) return { finding, scope: own, reason: 'rule' };
  if (scope.majorUpgradeIsQuote && needsMajorUpgrade(finding, audit)) return { finding, scope: 'quote', reason: 'major-upgrade' };
  if (scope.noHttpsIsQuote && NO_HTTPS_RULES.has(finding.ruleId)) return { finding, scope: 'quote', reason: 'no-https' };
  const family = scope.families[finding.family];
  if (family) return { finding, scope: family, reason: 'family' };
  return { finding, scope: 'contract', reason: 'default' };
}

/** Every action to take (info hints are not actions), in the order given, split by scope. */
export function scopeActions(findings: readonly Finding[], audit: Pick<Audit, 'technologies'>, scope: ScopeSettings): Record<ScopeClass, ScopedAction[]> {
  const out: Record<ScopeClass, ScopedAction[]> = { contract: [], quote: [] };
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const action = classifyAction(f, audit, scope);
    out[action.scope].push(action);
  }
  return out;
}
