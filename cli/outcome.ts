/**
 * What the exit code and the summary CSV need from a site, without its evidence: a long list of
 * prospects keeps only this in memory when the audits themselves are streamed (--format jsonl).
 */
import type { Severity } from '../lib/audit/schema';
import { translate, type Locale } from '../lib/i18n';
import type { SiteResult } from './scan';

export interface SiteOutcome {
  input: string;
  url: string;
  ok: boolean;
  grade: string;
  score: number | null;
  counts: Record<Severity, number>;
  findings: number;
  tier: string;
  error: string;
}

export function outcomeOf(result: SiteResult, locale: Locale): SiteOutcome {
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  if (!result.ok) {
    return { input: result.input, url: result.url ?? '', ok: false, grade: '', score: null, counts, findings: 0, tier: '', error: translate(locale, result.error.key, result.error.params) };
  }
  const audit = result.audit;
  for (const f of audit.findings) counts[f.severity]++;
  return {
    input: result.input, url: audit.url, ok: true, grade: audit.score.grade, score: audit.score.value, counts,
    findings: audit.findings.length, tier: audit.diagnosis.tier.recommended, error: '',
  };
}
