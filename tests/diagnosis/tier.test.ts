import { describe, expect, it } from 'vitest';
import type { Signal } from '../../lib/audit/schema';
import { recommendTier } from '../../lib/diagnosis/tier';
import { finding } from './helpers';

const raised = (...ids: string[]): Signal[] => ids.map((id) => ({ id, level: 'eleve', state: 'raised', reasons: [] }));
const keys = (t: ReturnType<typeof recommendTier>) => t.reasons.map((r) => r.key);

describe('recommended tier', () => {
  it('starts from the declared criticality', () => {
    expect(recommendTier({ criticality: 'low', findings: [], signals: [], threeCriticals: 'no' })).toEqual({
      recommended: 'essentiel',
      reasons: [{ key: 'tier.reason.criticality-low', params: {} }, { key: 'tier.reason.default', params: {} }],
    });
    expect(recommendTier({ criticality: 'medium', findings: [], signals: [], threeCriticals: 'no' }).recommended).toBe('business');
    expect(recommendTier({ criticality: 'high', findings: [], signals: [], threeCriticals: 'no' }).recommended).toBe('critique');
  });

  it('asks for the criticality when it is not declared', () => {
    const t = recommendTier({ findings: [], signals: [], threeCriticals: 'no' });
    expect(t.recommended).toBe('essentiel');
    expect(keys(t)).toEqual(['tier.reason.criticality-undeclared']);
  });

  it('raises a low-criticality site to Business for serious findings, outdated or vulnerable components', () => {
    const serious = recommendTier({ criticality: 'low', findings: [finding('transport.https-missing', 'critical', 'A3'), finding('headers.xcto-missing', 'medium', 'A5')], signals: [], threeCriticals: 'no' });
    expect(serious.recommended).toBe('business');
    expect(serious.reasons).toContainEqual({ key: 'tier.reason.serious-findings', params: { count: 1 } });
    expect(recommendTier({ criticality: 'low', findings: [], signals: raised('S3'), threeCriticals: 'no' })).toMatchObject({ recommended: 'business' });
    expect(keys(recommendTier({ criticality: 'low', findings: [], signals: raised('S8'), threeCriticals: 'no' }))).toContain('tier.reason.vulnerable');
    // Medium and low findings alone do not change the tier.
    expect(recommendTier({ criticality: 'low', findings: [finding('headers.xcto-missing', 'medium', 'A5')], signals: [], threeCriticals: 'no' }).recommended).toBe('essentiel');
  });

  it('recommends Critique when a major incident is probable on a site that matters', () => {
    const t = recommendTier({ criticality: 'medium', findings: [], signals: raised('S3'), threeCriticals: 'probable' });
    expect(t.recommended).toBe('critique');
    expect(keys(t)).toEqual(['tier.reason.criticality-medium', 'tier.reason.outdated', 'tier.reason.three-criticals']);
    expect(recommendTier({ criticality: 'low', findings: [], signals: [], threeCriticals: 'probable' }).recommended).toBe('business');
  });

  it('never lowers the tier of a highly critical site', () => {
    expect(recommendTier({ criticality: 'high', findings: [finding('transport.https-missing', 'critical', 'A3')], signals: raised('S3', 'S8'), threeCriticals: 'probable' }).recommended).toBe('critique');
  });
});
