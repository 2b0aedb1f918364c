/**
 * Small knowledge bases for the runtime's tests, written in the extractors' shape
 * (scripts/kb/types.d.ts) and encoded by the build's own functions, so the encoding is tested too.
 */
// @ts-expect-error: a plain ES module script without types
import { encodeAdvisories, encodeLifecycle, mergeAdvisories } from '../../scripts/build-kb.mjs';
import { createKnowledgeBase, type KnowledgeBase } from '../../lib/kb/knowledge';

export interface TestAdvisory {
  id: string;
  aliases?: string[];
  severity?: 'critical' | 'high' | 'medium' | 'low' | 'info';
  cvss?: number;
  weakness?: string;
  ranges: { from?: string; fromExclusive?: boolean; below?: string; atMost?: string; excludes?: string[] }[];
  url?: string;
  source?: string;
  platform?: 'windows';
}

export interface TestCycle { cycle: string; releaseDate?: string; eol: string | boolean; latest?: string; latestReleaseDate?: string }

export function testKb(facts: {
  advisories?: Record<string, TestAdvisory[]>;
  cycles?: Record<string, TestCycle[]>;
  releases?: Record<string, Record<string, string>>;
  date?: string;
}): KnowledgeBase {
  const advisories = Object.fromEntries(Object.entries(facts.advisories ?? {}).map(([c, list]) => [c, list.map((a) => ({
    aliases: [], severity: 'high', weakness: 'other', cwes: [], url: '', source: 'test', ...a,
  }))]));
  const { merged } = mergeAdvisories([{ advisories }]);
  const date = facts.date ?? '2026-08-22';
  return createKnowledgeBase({
    meta: { format: 2, date, sources: [{ id: 'test', name: 'Test facts', repository: 'test/test', commit: '0'.repeat(40), date, licence: 'none' }] },
    advisories: encodeAdvisories(merged),
    lifecycle: encodeLifecycle(facts.cycles ?? {}, facts.releases ?? {}),
  });
}
