/**
 * How big the job of fixing a finding is, in three sizes a client can plan with: a configuration
 * change (under an hour), a few hours of work with a check afterwards, or a small project (days,
 * rehearsed on a copy of the site first). Sizes are by rule, with a per-family fallback; they are
 * orders of magnitude for a proposal, not quotes.
 */
import type { Family, Finding } from '../audit/schema';

export type JobSize = 'quick' | 'hours' | 'project';
export const JOB_SIZES: readonly JobSize[] = ['quick', 'hours', 'project'];

const BY_RULE: Readonly<Record<string, JobSize>> = {
  // A Content-Security-Policy has to be written for the site's own scripts and tested page by page.
  'csp.missing': 'hours',
  'csp.report-only': 'hours',
  'headers.sri-missing': 'hours',
  'headers.cors-credentials-any-origin': 'hours',
  'transport.https-missing': 'hours',
  'transport.tls-untrusted': 'hours',
  'mixed-content.active': 'hours',
  'mixed-content.passive': 'hours',
  'mixed-content.form-insecure': 'hours',
  'cookies.session-readable-by-scripts': 'hours',
  'supervision.no-error-tracking': 'hours',
  // Updating a component inside its branch: an update and a check of the pages that use it.
  'components.vulnerable-version': 'hours',
  'components.behind': 'hours',
  // A component past its end of life needs a major upgrade (PHP, a CMS, a library's new major).
  'components.eol': 'project',
  'performance.page-heavy': 'project',
  'performance.load-slow': 'project',
  'performance.ttfb-slow': 'project',
  'performance.many-requests': 'hours',
};

const BY_FAMILY: Readonly<Record<Family, JobSize>> = {
  headers: 'quick',
  transport: 'quick',
  disclosure: 'quick',
  cookies: 'hours',
  csp: 'quick',
  'mixed-content': 'hours',
  components: 'hours',
  performance: 'quick',
  supervision: 'quick',
  waf: 'hours',
};

/** The size of the job of fixing this finding. */
export function jobSize(finding: Pick<Finding, 'ruleId' | 'family'>): JobSize {
  return BY_RULE[finding.ruleId] ?? BY_FAMILY[finding.family] ?? 'hours';
}
