import type { EvidenceItem } from '../audit/schema';
import { headerValues, type Evidence } from '../evidence/schema';
import { evaluatePolicy, META_IGNORED_DIRECTIVES, parsePolicy, splitPolicies, type CspIssue, type CspIssueKind } from '../headers/csp';
import { clip } from '../headers/clip';
import { ev } from './evidence-labels';
import { defineRules, type RuleHit } from './types';

interface Enforced { text: string; from: 'header' | 'meta' }

function metaCsp(evidence: Evidence): string[] {
  return (evidence.page?.metaHttpEquiv ?? []).filter((m) => m.name.trim().toLowerCase() === 'content-security-policy').map((m) => m.content);
}

/** Every enforced policy: the Content-Security-Policy headers, then the <meta http-equiv> ones. */
function enforced(evidence: Evidence): Enforced[] {
  return [
    ...splitPolicies(headerValues(evidence.headers, 'content-security-policy')).map((text) => ({ text, from: 'header' as const })),
    ...splitPolicies(metaCsp(evidence)).map((text) => ({ text, from: 'meta' as const })),
  ];
}

const policyItem = (p: Enforced): EvidenceItem =>
  p.from === 'header' ? ev.header('Content-Security-Policy', clip(p.text)) : { label: 'evidence.meta-csp', value: clip(p.text) };

/**
 * CSP Evaluator's issues that hold for the page: with several policies every one is enforced, so a
 * weakness counts only when each policy has it (one strict policy is enough to block).
 */
function sharedIssues(policies: Enforced[], kinds: readonly CspIssueKind[]): CspIssue[] {
  if (policies.length === 0) return [];
  const perPolicy = policies.map((p) => evaluatePolicy(p.text).filter((i) => kinds.includes(i.kind)));
  const [first, ...rest] = perPolicy;
  return first!.filter((issue) => rest.every((list) => list.some((i) => i.kind === issue.kind)));
}

function issueRule(id: string, kinds: readonly CspIssueKind[], opts: { severity: 'critical' | 'high' | 'medium' | 'low' | 'info'; priority: 'P0' | 'P1' | 'P2' | 'P3'; perDirective?: boolean; filter?: (i: CspIssue) => boolean }) {
  return {
    id,
    family: 'csp' as const,
    severity: opts.severity,
    priority: opts.priority,
    dimension: 'security' as const,
    checklistPoint: 'A5' as const,
    requires: ['headers'] as const,
    check: (evidence: Evidence): RuleHit[] => {
      const policies = enforced(evidence);
      const issues = sharedIssues(policies, kinds).filter(opts.filter ?? (() => true));
      if (issues.length === 0) return [];
      const items = policies.slice(0, 3).map(policyItem);
      if (!opts.perDirective) {
        const directives = [...new Set(issues.map((i) => i.directive))].join(', ');
        const sources = [...new Set(issues.map((i) => i.value).filter((v): v is string => v !== null))].join(' ');
        return [{ params: { directive: clip(directives, 200), source: clip(sources, 300) }, evidence: items }];
      }
      const byDirective = new Map<string, CspIssue[]>();
      for (const i of issues) byDirective.set(i.directive, [...(byDirective.get(i.directive) ?? []), i]);
      return [...byDirective].map(([directive, list]) => ({
        subject: directive,
        params: { directive, source: clip([...new Set(list.map((i) => i.value ?? ''))].join(' '), 300) },
        evidence: items,
      }));
    },
  };
}

export const cspRules = defineRules([
  {
    id: 'csp.missing',
    family: 'csp',
    severity: 'medium',
    priority: 'P2',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['headers'],
    check: (evidence) => {
      if (enforced(evidence).length) return [];
      if (headerValues(evidence.headers, 'content-security-policy-report-only').length) return [];
      return [{ evidence: [ev.headerAbsent('Content-Security-Policy')] }];
    },
  },
  {
    id: 'csp.report-only',
    family: 'csp',
    severity: 'medium',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['headers'],
    check: (evidence) => {
      if (enforced(evidence).length) return [];
      const ro = headerValues(evidence.headers, 'content-security-policy-report-only');
      return ro.length ? [{ evidence: [ev.header('Content-Security-Policy-Report-Only', clip(ro.join(', ')))] }] : [];
    },
  },
  issueRule('csp.unsafe-inline', ['unsafe-inline'], { severity: 'high', priority: 'P2' }),
  issueRule('csp.unsafe-eval', ['unsafe-eval'], { severity: 'medium', priority: 'P3' }),
  issueRule('csp.broad-source', ['wildcard', 'scheme-source'], { severity: 'high', priority: 'P2', perDirective: true }),
  issueRule('csp.object-src-missing', ['missing-object-src'], { severity: 'medium', priority: 'P3' }),
  issueRule('csp.base-uri-missing', ['missing-base-uri'], { severity: 'low', priority: 'P3' }),
  issueRule('csp.script-src-missing', ['missing-script-src'], { severity: 'high', priority: 'P2' }),
  issueRule('csp.strict-dynamic-without-nonce', ['strict-dynamic-without-nonce'], { severity: 'medium', priority: 'P2' }),
  issueRule('csp.http-source', ['http-source'], { severity: 'medium', priority: 'P3' }),
  issueRule('csp.allowlist-bypass', ['allowlist-bypass'], { severity: 'low', priority: 'P3', filter: (i) => i.value !== "'self'" }),
  issueRule('csp.syntax', ['syntax', 'weak-nonce'], { severity: 'low', priority: 'P3' }),
  {
    id: 'csp.duplicate-directive',
    family: 'csp',
    severity: 'low',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['headers'],
    check: (evidence) => {
      const policies = enforced(evidence);
      const repeated = [...new Set(policies.flatMap((p) => parsePolicy(p.text).duplicates))];
      return repeated.length ? [{ params: { directive: clip(repeated.join(', '), 200) }, evidence: policies.slice(0, 3).map(policyItem) }] : [];
    },
  },
  {
    id: 'csp.meta-ignored-directive',
    family: 'csp',
    severity: 'low',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['page'],
    check: (evidence) => {
      const metas = splitPolicies(metaCsp(evidence));
      const ignored = [...new Set(metas.flatMap((text) => [...parsePolicy(text).directives.keys()].filter((d) => (META_IGNORED_DIRECTIVES as readonly string[]).includes(d))))];
      return ignored.length ? [{ params: { directive: ignored.join(', ') }, evidence: metas.slice(0, 3).map((value) => ({ label: 'evidence.meta-csp', value: clip(value) })) }] : [];
    },
  },
]);
