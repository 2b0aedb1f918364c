/**
 * Infrastructure hints as technologies: WAF/CDN/load balancer (categories waf, cdn, server) and
 * monitoring tools (category monitoring). Pure; the audit builder merges them into `technologies`.
 */
import type { Technology } from '../audit/schema';
import type { Evidence } from '../evidence/schema';
import { detectMonitoring, monitoringTechnology } from './monitoring';
import { detectWafVendors, infraTechnology } from './waf';

export { detectMonitoring, detectWafVendors };

export function detectInfrastructure(evidence: Evidence): Technology[] {
  return [...detectWafVendors(evidence).map(infraTechnology), ...detectMonitoring(evidence).map(monitoringTechnology)];
}
