/**
 * Content-Security-Policy: splitting and tokenising policies (CSP3 §2.2), and the detailed weaknesses
 * found by Google's CSP Evaluator (npm `csp_evaluator`), which Vigie does not re-implement.
 */
import { checkStrictDynamicNotStandalone } from 'csp_evaluator/dist/checks/strictcsp_checks.js';
import { CspEvaluator, DEFAULT_CHECKS } from 'csp_evaluator/dist/evaluator.js';
import { Type as FindingType, Severity as FindingSeverity } from 'csp_evaluator/dist/finding.js';
import { CspParser } from 'csp_evaluator/dist/parser.js';

const MAX_POLICY = 16_384;
const MAX_POLICIES = 20;

/** Header values (or meta contents) → individual policies; a comma separates policies. */
export function splitPolicies(values: readonly string[]): string[] {
  return values
    .slice(0, MAX_POLICIES)
    .flatMap((v) => v.slice(0, MAX_POLICY).split(','))
    .map((p) => p.replace(/[\r\n]/g, ' ').trim())
    .filter((p) => p !== '')
    .slice(0, MAX_POLICIES);
}

export interface ParsedPolicy {
  /** Directive name (lowercased) → source expressions as written. The first occurrence wins. */
  directives: Map<string, string[]>;
  /** Directive names that appear more than once (browsers ignore the repeats). */
  duplicates: string[];
}

export function parsePolicy(text: string): ParsedPolicy {
  const directives = new Map<string, string[]>();
  const duplicates = new Set<string>();
  for (const entry of text.slice(0, MAX_POLICY).split(';')) {
    const tokens = entry.trim().split(/[\t\n\f\r ]+/).filter(Boolean);
    const name = tokens.shift()?.toLowerCase();
    if (!name) continue;
    if (directives.has(name)) {
      duplicates.add(name);
      continue;
    }
    directives.set(name, tokens.slice(0, 500));
  }
  return { directives, duplicates: [...duplicates] };
}

/** Directives a <meta http-equiv> policy may not carry (HTML §4.2.5.3): browsers ignore them there. */
export const META_IGNORED_DIRECTIVES = ['frame-ancestors', 'report-uri', 'sandbox'] as const;

export type CspIssueKind =
  | 'unsafe-inline'
  | 'unsafe-eval'
  | 'scheme-source'
  | 'wildcard'
  | 'missing-object-src'
  | 'missing-base-uri'
  | 'missing-script-src'
  | 'strict-dynamic-without-nonce'
  | 'allowlist-bypass'
  | 'http-source'
  | 'weak-nonce'
  | 'syntax'
  | 'other';

export interface CspIssue {
  kind: CspIssueKind;
  directive: string;
  value: string | null;
  /** True for the evaluator's "high" and "syntax" grades, false for the "maybe"/medium ones. */
  serious: boolean;
}

function kindOf(type: FindingType, directive: string, value: string | undefined): CspIssueKind {
  switch (type) {
    case FindingType.SCRIPT_UNSAFE_INLINE: return 'unsafe-inline';
    case FindingType.SCRIPT_UNSAFE_EVAL: return 'unsafe-eval';
    case FindingType.PLAIN_URL_SCHEMES: return 'scheme-source';
    case FindingType.PLAIN_WILDCARD: return 'wildcard';
    case FindingType.MISSING_DIRECTIVES:
      if (directive === 'object-src') return 'missing-object-src';
      if (directive === 'base-uri') return 'missing-base-uri';
      if (directive === 'script-src') return 'missing-script-src';
      return 'other';
    case FindingType.STRICT_DYNAMIC_NOT_STANDALONE:
      return 'strict-dynamic-without-nonce';
    case FindingType.SCRIPT_ALLOWLIST_BYPASS:
    case FindingType.OBJECT_ALLOWLIST_BYPASS:
      return 'allowlist-bypass';
    case FindingType.SRC_HTTP: return 'http-source';
    case FindingType.MISSING_SEMICOLON:
    case FindingType.UNKNOWN_DIRECTIVE:
    case FindingType.INVALID_KEYWORD:
      return 'syntax';
    case FindingType.NONCE_CHARSET:
    case FindingType.NONCE_LENGTH:
      return 'weak-nonce';
    default:
      return 'other';
  }
}

/** Runs CSP Evaluator on one policy; never throws (a policy it cannot read yields a syntax issue). */
export function evaluatePolicy(text: string): CspIssue[] {
  const policy = text.slice(0, MAX_POLICY);
  try {
    const parsed = new CspParser(policy).csp;
    // Checks run on the policy as a CSP3 browser applies it (nonces/hashes cancel 'unsafe-inline', etc.).
    const findings = new CspEvaluator(parsed).evaluate(undefined, [...DEFAULT_CHECKS, checkStrictDynamicNotStandalone]);
    const issues: CspIssue[] = [];
    const seen = new Set<string>();
    for (const f of findings) {
      const kind = kindOf(f.type, f.directive, f.value);
      if (kind === 'other') continue;
      const value = f.value ?? null;
      const key = `${kind}|${f.directive}|${value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push({
        kind,
        directive: f.directive.slice(0, 64),
        value: value === null ? null : value.slice(0, 200),
        serious: f.severity === FindingSeverity.HIGH || f.severity === FindingSeverity.SYNTAX,
      });
      if (issues.length >= 60) break;
    }
    return issues;
  } catch {
    return [{ kind: 'syntax', directive: '', value: null, serious: true }];
  }
}
