/**
 * Lookups stay fast with thousands of plugins: the knowledge base is indexed by component, so
 * judging one plugin costs the same whether the data holds a thousand plugins or sixteen thousand.
 */
import { describe, expect, it } from 'vitest';
import { judge } from '../../lib/kb/verdict';
import { growthOn, ratioOf } from '../support/growth';
import { testKb } from './helpers';

const NOW = new Date('2026-11-28T12:00:00Z');

function kbWith(plugins: number) {
  const advisories: Record<string, { id: string; ranges: { below: string }[] }[]> = {};
  for (let i = 0; i < plugins; i++) advisories[`wp-plugin:plugin-${i}`] = [{ id: `CVE-2024-${10000 + i}`, ranges: [{ below: '2.0.0' }] }, { id: `CVE-2025-${10000 + i}`, ranges: [{ below: '1.5.0' }] }];
  return testKb({ advisories });
}

describe('knowledge base scale', () => {
  it('judges a plugin in constant time, whatever the number of plugins it knows', () => {
    const g = growthOn(kbWith, (kb) => {
      const v = judge(kb, 'wp-plugin:plugin-7', '1.0.0', NOW);
      if (v.vulnerabilities.length !== 2) throw new Error('wrong verdict');
    }, 1_000, 16);
    // Linear in the number of plugins would be about 16; an index keeps it near 1.
    expect(ratioOf(g), `${g.small.toFixed(4)} → ${g.large.toFixed(4)} ms`).toBeLessThan(4);
  });
});
