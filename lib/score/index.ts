/**
 * Header score following the MDN HTTP Observatory model (scoring version 6): base 100, one modifier per
 * test result, bonuses only when the penalties leave at least 90, no upper bound, never below 0.
 * See docs/scoring.md.
 */
import type { Score } from '../audit/schema';
import type { Evidence } from '../evidence/schema';
import { cookiesTest } from './checks/cookies';
import { corsTest } from './checks/cors';
import { cspTest } from './checks/csp';
import { hstsTest } from './checks/hsts';
import { redirectionTest } from './checks/redirection';
import { coepTest, coopTest, corpTest, referrerPolicyTest, xContentTypeOptionsTest, xFrameOptionsTest } from './checks/simple-headers';
import { sriTest } from './checks/sri';
import { gradeFor } from './grade';
import type { TestOutcome } from './outcome';
import { MINIMUM_SCORE_FOR_EXTRA_CREDIT } from './table';

export type { TestOutcome } from './outcome';

/** Every test, in the Observatory's order of presentation. */
export function runTests(evidence: Evidence): TestOutcome[] {
  return [
    cspTest(evidence),
    cookiesTest(evidence),
    corsTest(evidence),
    redirectionTest(evidence),
    referrerPolicyTest(evidence),
    hstsTest(evidence),
    sriTest(evidence),
    xContentTypeOptionsTest(evidence),
    xFrameOptionsTest(evidence),
    corpTest(evidence),
    coopTest(evidence),
    coepTest(evidence),
  ];
}

export function scoreTests(tests: readonly TestOutcome[]): number {
  const penalties = tests.reduce((sum, t) => sum + Math.min(0, t.modifier), 0);
  const bonuses = tests.reduce((sum, t) => sum + Math.max(0, t.modifier), 0);
  const base = 100 + penalties;
  return Math.max(0, base >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? base + bonuses : base);
}

export function scoreEvidence(evidence: Evidence): Score {
  const tests = runTests(evidence);
  const value = scoreTests(tests);
  return { value, grade: gradeFor(value), tests: tests.map((t) => ({ ...t })) };
}
