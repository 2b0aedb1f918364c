/**
 * Each finding says how big the job is and, unless it is only information, what it means for the
 * client's business — for every rule Vigie has, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { jobSize, JOB_SIZES } from '../../lib/fixes/effort';
import { hasMessage, translate } from '../../lib/i18n';
import { businessImpactKey } from '../../lib/proposal/impact';
import { RULES } from '../../lib/rules/registry';

describe('size of the job', () => {
  it('is one of the three sizes for every rule, with words in both languages', () => {
    for (const rule of RULES) {
      const size = jobSize({ ruleId: rule.id, family: rule.family });
      expect(JOB_SIZES, rule.id).toContain(size);
    }
    for (const size of JOB_SIZES) {
      expect(hasMessage(`job.${size}`)).toBe(true);
      expect(translate('fr', `job.${size}`)).not.toBe(translate('en', `job.${size}`));
    }
  });

  it('tells a header line from a major upgrade', () => {
    expect(jobSize({ ruleId: 'headers.xcto-missing', family: 'headers' })).toBe('quick');
    expect(jobSize({ ruleId: 'transport.hsts-missing', family: 'transport' })).toBe('quick');
    expect(jobSize({ ruleId: 'csp.missing', family: 'csp' })).toBe('hours');
    expect(jobSize({ ruleId: 'components.vulnerable-version', family: 'components' })).toBe('hours');
    expect(jobSize({ ruleId: 'components.eol', family: 'components' })).toBe('project');
  });
});

describe('business impact', () => {
  it('every rule that is not information has a sentence for the business, in both languages', () => {
    for (const rule of RULES) {
      const key = businessImpactKey({ ruleId: rule.id, family: rule.family, dimension: rule.dimension, severity: rule.severity });
      if (rule.severity === 'info') continue;
      expect(key, rule.id).not.toBeNull();
      expect(hasMessage(key!), `${rule.id}: ${key}`).toBe(true);
      expect(translate('fr', key!)).not.toBe(translate('en', key!));
    }
  });

  it('information findings are facts, not risks', () => {
    expect(businessImpactKey({ ruleId: 'waf.detected', family: 'waf', dimension: 'security', severity: 'info' })).toBeNull();
  });

  it('security findings speak of the harm of their risk category', () => {
    expect(businessImpactKey({ ruleId: 'transport.https-missing', family: 'transport', dimension: 'security', severity: 'critical' })).toBe('proposal.risk.access.impact');
    expect(businessImpactKey({ ruleId: 'components.eol', family: 'components', dimension: 'preventive', severity: 'high' })).toBe('proposal.risk.components.impact');
    expect(businessImpactKey({ ruleId: 'performance.page-heavy', family: 'performance', dimension: 'evolutive', severity: 'low' })).toBe('impact.performance');
  });
});
