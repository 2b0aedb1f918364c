/** Error-tracking and RUM tools seen on the page: script addresses, and where scripts sent reports. */
import type { Technology } from '../audit/schema';
import type { Evidence } from '../evidence/schema';
import { MONITORING_SIGNATURES, type MonitoringKind, type MonitoringSignature } from '../kb/monitoring';

export interface MonitoringHint {
  tool: string;
  name: string;
  kinds: MonitoringKind[];
  /** Addresses that matched (query strings dropped), each with how it was seen; at most a few per tool. */
  seen: Array<{ url: string; from: 'script' | 'beacon' }>;
  from: Array<'script' | 'beacon'>;
}

const MAX_URLS_PER_TOOL = 5;

function parse(url: string): { host: string; path: string } | null {
  if (!/^https?:\/\//i.test(url)) return null;
  try {
    const u = new URL(url);
    return { host: u.hostname.toLowerCase(), path: u.pathname };
  } catch {
    return null;
  }
}

function matches(signature: MonitoringSignature, url: { host: string; path: string }): boolean {
  if (!signature.host && !signature.path) return false;
  return (!signature.host || signature.host.test(url.host)) && (!signature.path || signature.path.test(url.path));
}

export function withoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

export function detectMonitoring(evidence: Evidence): MonitoringHint[] {
  const page = evidence.page;
  if (!page) return [];
  const candidates: Array<{ url: string; from: 'script' | 'beacon' }> = [
    ...page.scripts.map((s) => ({ url: s.src, from: 'script' as const })),
    ...page.subresources.filter((r) => r.kind === 'script').map((r) => ({ url: r.url, from: 'script' as const })),
    ...page.resources.map((r) => ({ url: r.name, from: r.initiatorType === 'script' ? ('script' as const) : ('beacon' as const) })),
  ];
  const byTool = new Map<string, MonitoringHint>();
  for (const candidate of candidates) {
    const url = parse(candidate.url);
    if (!url) continue;
    for (const signature of MONITORING_SIGNATURES) {
      if (signature.from !== candidate.from || !matches(signature, url)) continue;
      const hint = byTool.get(signature.tool) ?? { tool: signature.tool, name: signature.name, kinds: [...signature.kinds], seen: [], from: [] };
      const shown = withoutQuery(candidate.url);
      if (!hint.seen.some((s) => s.url === shown) && hint.seen.length < MAX_URLS_PER_TOOL) hint.seen.push({ url: shown, from: candidate.from });
      if (!hint.from.includes(candidate.from)) hint.from.push(candidate.from);
      byTool.set(signature.tool, hint);
    }
  }
  return [...byTool.values()];
}

export function monitoringTechnology(hint: MonitoringHint): Technology {
  return {
    name: hint.name,
    category: 'monitoring',
    confidence: hint.from.includes('script') ? 80 : 70,
    sources: hint.from.map((f) => (f === 'script' ? 'script' : 'resource-timing')),
    vulnerabilities: [],
  };
}
