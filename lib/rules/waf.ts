import type { EvidenceItem } from '../audit/schema';
import type { Evidence } from '../evidence/schema';
import { detectWafVendors, type InfraHint } from '../hints/waf';
import type { InfraKind } from '../kb/waf-signatures';
import { ev } from './evidence-labels';
import { defineRules, type RuleHit } from './types';

function matchEvidence(hint: InfraHint): EvidenceItem[] {
  const items = hint.matches.slice(0, 20).map((m): EvidenceItem =>
    m.seen.on === 'header' ? ev.header(m.seen.name, m.seen.value) : { label: 'evidence.waf.cookie', value: m.seen.name },
  );
  const sources = [...new Set(hint.matches.map((m) => m.signature.source))].slice(0, 5);
  return [...items, ...sources.map((s) => ({ label: 'evidence.waf.signature-source', value: s }))];
}

function hitsOfKind(kind: InfraKind) {
  return (evidence: Evidence): RuleHit[] =>
    detectWafVendors(evidence)
      .filter((h) => h.kind === kind)
      .map((h) => ({ subject: h.vendor.id, params: { vendor: h.vendor.name }, evidence: matchEvidence(h) }));
}

/** Every WAF rule informs A5 from the response headers (cookies are read when measured). */
const A5 = { family: 'waf', priority: 'P3', dimension: 'security', checklistPoint: 'A5', requires: ['headers'] } as const;

export const wafRules = defineRules([
  { id: 'waf.detected', ...A5, severity: 'info', check: hitsOfKind('waf') },
  { id: 'waf.cdn-detected', ...A5, severity: 'info', check: hitsOfKind('cdn') },
  { id: 'waf.load-balancer-detected', ...A5, severity: 'info', check: hitsOfKind('load-balancer') },
  {
    id: 'waf.none-detected',
    ...A5,
    severity: 'low',
    check: (evidence) => {
      if (detectWafVendors(evidence).length > 0) return [];
      const server = evidence.headers!.headers.find(([n]) => n.toLowerCase() === 'server');
      return [{
        evidence: [
          { label: 'evidence.waf.none', value: String(evidence.headers!.headers.length) },
          ...(server ? [ev.header('server', server[1].slice(0, 200))] : []),
          ...(evidence.cookies === null && (evidence.page?.documentCookieNames.length ?? 0) === 0 ? [{ label: 'evidence.waf.cookies-unknown', value: 'cookies' }] : []),
        ],
      }];
    },
  },
]);
