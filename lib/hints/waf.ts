/**
 * WAF / CDN / load-balancer hints from passive signatures (lib/kb/waf-signatures.ts): what the
 * browser already received, never a request of our own.
 */
import type { Technology } from '../audit/schema';
import type { Evidence } from '../evidence/schema';
import { INFRA_VENDORS, WAF_SIGNATURES, type InfraKind, type InfraVendor, type WafSignature } from '../kb/waf-signatures';
import { cookieNames } from './cookie-names';

/** Longest header value quoted back as evidence. */
const QUOTE_MAX = 200;

export interface InfraMatch {
  signature: WafSignature;
  /** `header` with the header's name and (cut) value, or `cookie` with the cookie's name. */
  seen: { on: 'header'; name: string; value: string } | { on: 'cookie'; name: string };
}

export interface InfraHint {
  vendor: InfraVendor;
  /** The strongest thing the matches show: a filtering feature beats a CDN, which beats a load balancer. */
  kind: InfraKind;
  matches: InfraMatch[];
}

const KIND_RANK: Record<InfraKind, number> = { waf: 3, cdn: 2, 'load-balancer': 1 };

export function detectWafVendors(evidence: Evidence): InfraHint[] {
  const byVendor = new Map<string, InfraMatch[]>();
  const push = (match: InfraMatch) => {
    const list = byVendor.get(match.signature.vendor) ?? [];
    list.push(match);
    byVendor.set(match.signature.vendor, list);
  };
  for (const [name, value] of evidence.headers?.headers ?? []) {
    const lower = name.toLowerCase();
    for (const signature of WAF_SIGNATURES) {
      const m = signature.match;
      if (m.on !== 'header' || m.header !== lower) continue;
      if (m.value && !m.value.test(value.trim())) continue;
      push({ signature, seen: { on: 'header', name: lower, value: value.slice(0, QUOTE_MAX) } });
    }
  }
  for (const name of cookieNames(evidence)) {
    for (const signature of WAF_SIGNATURES) {
      const m = signature.match;
      if (m.on === 'cookie' && m.cookie.test(name)) push({ signature, seen: { on: 'cookie', name } });
    }
  }
  const hints: InfraHint[] = [];
  for (const vendor of INFRA_VENDORS) {
    const matches = byVendor.get(vendor.id);
    if (!matches) continue;
    const kind = matches.reduce<InfraKind>((best, m) => (KIND_RANK[m.signature.shows] > KIND_RANK[best] ? m.signature.shows : best), 'load-balancer');
    hints.push({ vendor, kind, matches });
  }
  return hints;
}

/** A hint as a technology: a load balancer is listed as server infrastructure, not as a firewall. */
export function infraTechnology(hint: InfraHint): Technology {
  const sources = [...new Set(hint.matches.map((m) => (m.seen.on === 'header' ? `header:${m.seen.name}` : `cookie:${m.seen.name}`)))].slice(0, 20);
  const category: Technology['category'] = hint.kind === 'waf' ? 'waf' : hint.kind === 'cdn' ? 'cdn' : 'server';
  // Two independent signatures make a hint firmer; it is never a certainty.
  const confidence = Math.min(90, (hint.kind === 'load-balancer' ? 40 : 60) + 10 * (sources.length - 1));
  return { name: hint.vendor.name, category, confidence, sources, vulnerabilities: [] };
}
