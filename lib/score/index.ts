/**
 * Header score following the MDN HTTP Observatory model: base 100, one modifier per test,
 * bonuses only when the penalties leave at least 90. See docs/scoring.md.
 */
import type { Score } from '../audit/schema';
import { headerValue, type Evidence } from '../evidence/schema';
import { gradeFor } from './grade';

interface TestOutcome { test: string; result: string; modifier: number; pass: boolean }

function hsts(evidence: Evidence): TestOutcome {
  const value = evidence.headers && evidence.headers.url.startsWith('https:') ? headerValue(evidence.headers, 'strict-transport-security') : null;
  if (!evidence.headers?.url.startsWith('https:')) return { test: 'strict-transport-security', result: 'hsts-not-implemented-no-https', modifier: -20, pass: false };
  if (value === null) return { test: 'strict-transport-security', result: 'hsts-not-implemented', modifier: -20, pass: false };
  const maxAge = /max-age\s*=\s*(\d+)/i.exec(value);
  if (!maxAge) return { test: 'strict-transport-security', result: 'hsts-header-invalid', modifier: -20, pass: false };
  const seconds = Number(maxAge[1]);
  if (seconds < 15_768_000) return { test: 'strict-transport-security', result: 'hsts-implemented-max-age-less-than-six-months', modifier: -10, pass: false };
  return { test: 'strict-transport-security', result: 'hsts-implemented-max-age-at-least-six-months', modifier: 0, pass: true };
}

function xcto(evidence: Evidence): TestOutcome {
  const value = headerValue(evidence.headers, 'x-content-type-options');
  if (value === null) return { test: 'x-content-type-options', result: 'x-content-type-options-not-implemented', modifier: -5, pass: false };
  if (value.trim().toLowerCase() !== 'nosniff') return { test: 'x-content-type-options', result: 'x-content-type-options-header-invalid', modifier: -5, pass: false };
  return { test: 'x-content-type-options', result: 'x-content-type-options-nosniff', modifier: 0, pass: true };
}

export function scoreEvidence(evidence: Evidence): Score {
  const tests = evidence.headers ? [hsts(evidence), xcto(evidence)] : [];
  const penalties = tests.reduce((sum, t) => sum + Math.min(0, t.modifier), 0);
  const bonuses = tests.reduce((sum, t) => sum + Math.max(0, t.modifier), 0);
  const base = 100 + penalties;
  const value = Math.max(0, base >= 90 ? base + bonuses : base);
  return { value, grade: gradeFor(value), tests };
}
