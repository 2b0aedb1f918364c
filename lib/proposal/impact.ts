/**
 * What a finding means for the client's business, in one sentence: for security findings the harm
 * of their risk category (lib/proposal/risk.ts), for the others what the client loses (visitors,
 * time to notice an outage). Information findings are facts, not risks: no sentence.
 */
import type { Finding } from '../audit/schema';
import { riskCategory } from './risk';

/** The message key of the business impact of a finding, or null when it has none to tell. */
export function businessImpactKey(finding: Pick<Finding, 'ruleId' | 'family' | 'dimension' | 'severity'>): string | null {
  if (finding.severity === 'info') return null;
  const category = riskCategory(finding);
  if (category) return `proposal.risk.${category}.impact`;
  switch (finding.family) {
    case 'performance':
      return 'impact.performance';
    case 'supervision':
      return 'impact.supervision';
    case 'waf':
      return 'impact.waf';
    default:
      return finding.dimension === 'security' ? 'proposal.risk.misconfiguration.impact' : 'impact.maintenance';
  }
}
