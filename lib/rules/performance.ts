import type { EvidenceItem } from '../audit/schema';
import { redactUrl } from '../audit/redact';
import { headerValue, type Evidence, type NavigationEntry } from '../evidence/schema';
import { kib, pageWeight, PERF_THRESHOLDS as T } from '../hints/performance';
import { ev } from './evidence-labels';
import { defineRules, type RuleHit } from './types';

const ms = (value: number) => String(Math.round(value));

const B4_TIMING = { family: 'performance', severity: 'low', priority: 'P3', dimension: 'supervision', checklistPoint: 'B4', requires: ['page'] } as const;

/** One hit when a navigation time passes its low threshold, medium past the second; one sample, said so. */
function timingHits(
  evidence: Evidence,
  read: (nav: NavigationEntry) => number,
  threshold: { low: number; medium: number },
  items: (nav: NavigationEntry) => EvidenceItem[],
): RuleHit[] {
  const nav = evidence.page!.navigation;
  if (!nav || read(nav) <= threshold.low) return [];
  const hit: RuleHit = {
    params: { ms: Math.round(read(nav)) },
    evidence: [...items(nav), { label: 'evidence.perf.single-sample', value: redactUrl(evidence.page!.url) }],
  };
  return [read(nav) > threshold.medium ? { ...hit, severity: 'medium', priority: 'P2' } : hit];
}

export const performanceRules = defineRules([
  {
    id: 'performance.ttfb-slow',
    ...B4_TIMING,
    // 0 means the browser did not record it (e.g. a page restored from the back/forward cache).
    check: (evidence) => timingHits(evidence, (nav) => nav.responseStart, T.ttfb, (nav) => [{ label: 'evidence.perf.ttfb-ms', value: ms(nav.responseStart) }]),
  },
  {
    id: 'performance.load-slow',
    ...B4_TIMING,
    // 0: the load event had not ended when the page was read.
    check: (evidence) => timingHits(evidence, (nav) => nav.loadEventEnd, T.load, (nav) => [
      { label: 'evidence.perf.load-ms', value: ms(nav.loadEventEnd) },
      { label: 'evidence.perf.dcl-ms', value: ms(nav.domContentLoadedEventEnd) },
    ]),
  },
  {
    id: 'performance.old-protocol',
    family: 'performance',
    severity: 'low',
    priority: 'P3',
    dimension: 'evolutive',
    checklistPoint: 'B4',
    requires: ['page'],
    check: (evidence) => {
      const protocol = evidence.page!.navigation?.nextHopProtocol.trim().toLowerCase() ?? '';
      // An empty value means the browser did not say: not measured, not old.
      if (!/^http\/1(?:\.[01])?$/.test(protocol)) return [];
      return [{ params: { protocol }, evidence: [{ label: 'evidence.perf.protocol', value: protocol }] }];
    },
  },
  {
    id: 'performance.document-uncompressed',
    family: 'performance',
    severity: 'low',
    priority: 'P3',
    dimension: 'evolutive',
    checklistPoint: 'B4',
    requires: ['headers'],
    check: (evidence) => {
      const encoding = headerValue(evidence.headers, 'content-encoding')?.trim().toLowerCase() ?? '';
      if (encoding !== '' && encoding !== 'identity') return [];
      const nav = evidence.page?.navigation;
      // The page's own navigation may have been compressed even when the re-fetch shows no header.
      if (nav && nav.encodedBodySize > 0 && nav.encodedBodySize < nav.decodedBodySize) return [];
      if (nav && nav.decodedBodySize > 0 && nav.decodedBodySize < T.compressMinBytes) return [];
      const items: EvidenceItem[] = [ev.headerAbsent('Content-Encoding')];
      if (nav && nav.decodedBodySize > 0) items.push({ label: 'evidence.perf.document-kib', value: String(kib(nav.decodedBodySize)) });
      else items.push({ label: 'evidence.perf.size-not-measured', value: 'document' });
      return [{ evidence: items }];
    },
  },
  {
    id: 'performance.document-heavy',
    family: 'performance',
    severity: 'low',
    priority: 'P3',
    dimension: 'evolutive',
    checklistPoint: 'B4',
    requires: ['page'],
    check: (evidence) => {
      const nav = evidence.page!.navigation;
      if (!nav || nav.decodedBodySize <= T.documentBytes.low) return [];
      return [{ params: { kib: kib(nav.decodedBodySize) }, evidence: [{ label: 'evidence.perf.document-kib', value: String(kib(nav.decodedBodySize)) }] }];
    },
  },
  {
    id: 'performance.page-heavy',
    family: 'performance',
    severity: 'low',
    priority: 'P3',
    dimension: 'evolutive',
    checklistPoint: 'B4',
    requires: ['page'],
    check: (evidence) => {
      const weight = pageWeight(evidence);
      if (!weight || weight.measuredBytes <= T.pageBytes.low) return [];
      const items: EvidenceItem[] = [
        { label: 'evidence.perf.page-kib', value: String(kib(weight.measuredBytes)) },
        { label: 'evidence.perf.measured-count', value: String(weight.measuredCount) },
      ];
      // Hidden sizes make the weight a lower bound; say so instead of counting them as 0 bytes.
      if (weight.hiddenCount > 0) items.push({ label: 'evidence.perf.hidden-sizes', value: String(weight.hiddenCount) });
      if (weight.unlistedCount > 0) items.push({ label: 'evidence.perf.unlisted', value: String(weight.unlistedCount) });
      const hit: RuleHit = { params: { kib: kib(weight.measuredBytes) }, evidence: items };
      return [weight.measuredBytes > T.pageBytes.medium ? { ...hit, severity: 'medium', priority: 'P2' } : hit];
    },
  },
  {
    id: 'performance.many-requests',
    family: 'performance',
    severity: 'low',
    priority: 'P3',
    dimension: 'evolutive',
    checklistPoint: 'B4',
    requires: ['page'],
    check: (evidence) => {
      const page = evidence.page!;
      const count = page.resourceCount + 1;
      if (count <= T.requests.low) return [];
      const hit: RuleHit = { params: { count }, evidence: [{ label: 'evidence.perf.requests', value: String(count) }] };
      return [count > T.requests.medium ? { ...hit, severity: 'medium', priority: 'P2' } : hit];
    },
  },
  {
    id: 'performance.document-no-cache-policy',
    family: 'performance',
    severity: 'low',
    priority: 'P3',
    dimension: 'evolutive',
    checklistPoint: 'B4',
    requires: ['headers'],
    check: (evidence) => {
      if (headerValue(evidence.headers, 'cache-control') !== null || headerValue(evidence.headers, 'expires') !== null) return [];
      const validators = ['etag', 'last-modified'].map((n) => [n, headerValue(evidence.headers, n)] as const);
      return [{
        evidence: [
          ev.headerAbsent('Cache-Control'),
          ev.headerAbsent('Expires'),
          ...validators.map(([n, v]) => (v === null ? ev.headerAbsent(n) : ev.header(n, v.slice(0, 200)))),
        ],
      }];
    },
  },
]);
