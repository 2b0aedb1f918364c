import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../lib/audit/findings';
import type { Evidence, NavigationEntry } from '../../lib/evidence/schema';
import { PERF_THRESHOLDS } from '../../lib/hints/performance';
import { performanceRules } from '../../lib/rules/performance';
import { AUDIT_DATE, resource, strongSiteEvidence, weakSiteEvidence, withHeaders, withPage } from '../fixtures/hints/sites';
import { ruleContext } from '../support/kb';

const run = (evidence: Evidence, locale: 'en' | 'fr' = 'en') => evaluateRules(evidence, ruleContext(AUDIT_DATE), locale, performanceRules);
const byId = (evidence: Evidence) => Object.fromEntries(run(evidence).map((f) => [f.id, f]));
const nav = (base: Evidence, patch: Partial<NavigationEntry>) => withPage(base, { navigation: { ...base.page!.navigation!, ...patch } });
/** The strong site with the compression and cache headers a tuned server adds. */
const tuned = withHeaders(strongSiteEvidence, [['content-encoding', 'br'], ['cache-control', 'no-cache'], ['etag', '"abc"']]);
/** The strong site served as is: no Content-Encoding, and navigation sizes equal (nothing compressed). */
const raw = nav(withHeaders(strongSiteEvidence, [['cache-control', 'no-cache']]), { encodedBodySize: 31_000, decodedBodySize: 31_000 });

describe('performance hints on the reference sites', () => {
  it('say nothing about a fast, compressed, h2 page', () => {
    expect(run(tuned)).toEqual([]);
  });

  it('flag the weak site\'s HTTP/1.1 only (it is compressed, answers in 420 ms and sets cache headers)', () => {
    const findings = run(weakSiteEvidence);
    expect(findings.map((f) => f.id)).toEqual(['performance.old-protocol']);
    expect(findings[0]!.title).toBe('The page is served over http/1.1, not HTTP/2 or HTTP/3');
    expect(findings[0]!.checklistPoint).toBe('B4');
  });
});

describe('time to first byte and load time', () => {
  it('fire above their thresholds, medium past the second one', () => {
    expect(byId(nav(tuned, { responseStart: PERF_THRESHOLDS.ttfb.low }))['performance.ttfb-slow']).toBeUndefined();
    const slow = byId(nav(tuned, { responseStart: 1200 }))['performance.ttfb-slow']!;
    expect([slow.severity, slow.priority, slow.title]).toEqual(['low', 'P3', 'The server takes 1,200 ms to start answering']);
    expect(slow.evidence[0]).toEqual({ label: 'evidence.perf.ttfb-ms', value: '1200' });
    expect(byId(nav(tuned, { responseStart: 2500 }))['performance.ttfb-slow']!.severity).toBe('medium');
    expect(byId(nav(tuned, { loadEventEnd: 5000 }))['performance.load-slow']!.severity).toBe('low');
    expect(byId(nav(tuned, { loadEventEnd: 9000 }))['performance.load-slow']!.severity).toBe('medium');
    expect(run(nav(tuned, { responseStart: 1200 }), 'fr').find((f) => f.ruleId === 'performance.ttfb-slow')!.title).toMatch(/^Le serveur met 1\s200 ms/);
  });

  it('stay silent when the browser gave no timing', () => {
    expect(run(withPage(tuned, { navigation: null }))).toEqual([]);
    expect(byId(nav(tuned, { responseStart: 0 }))['performance.ttfb-slow']).toBeUndefined();
    expect(byId(nav(tuned, { loadEventEnd: 0 }))['performance.load-slow']).toBeUndefined();
  });
});

describe('protocol', () => {
  it('accepts h2 and h3, flags http/1.x, and treats an empty value as not measured', () => {
    for (const [protocol, fires] of [['h2', false], ['h3', false], ['http/1.1', true], ['http/1.0', true], ['HTTP/1.1', true], ['', false]] as const) {
      expect(!!byId(nav(tuned, { nextHopProtocol: protocol }))['performance.old-protocol'], protocol).toBe(fires);
    }
  });
});

describe('compression of the document', () => {
  it('fires without Content-Encoding on a page worth compressing', () => {
    const finding = byId(raw)['performance.document-uncompressed']!;
    expect(finding.evidence).toEqual([{ label: 'evidence.header-absent', value: 'Content-Encoding' }, { label: 'evidence.perf.document-kib', value: '30' }]);
    expect(finding.dimension).toBe('evolutive');
  });

  it('trusts the navigation sizes when they show compression the re-fetch did not', () => {
    // The strong fixture's own navigation: 8,700 bytes on the wire for 31,000 decoded.
    expect(byId(withHeaders(strongSiteEvidence, [['cache-control', 'no-cache']]))['performance.document-uncompressed']).toBeUndefined();
  });

  it('ignores tiny documents and says when the size is unknown', () => {
    expect(byId(nav(raw, { encodedBodySize: 600, decodedBodySize: 600 }))['performance.document-uncompressed']).toBeUndefined();
    const unknown = byId(withPage(raw, { navigation: null }))['performance.document-uncompressed']!;
    expect(unknown.evidence).toContainEqual({ label: 'evidence.perf.size-not-measured', value: 'document' });
  });

  it('accepts gzip, br, zstd and deflate, and treats "identity" as no compression', () => {
    for (const encoding of ['gzip', 'br', 'zstd', 'deflate']) expect(byId(withHeaders(raw, [['Content-Encoding', encoding]]))['performance.document-uncompressed']).toBeUndefined();
    expect(byId(withHeaders(raw, [['Content-Encoding', 'identity']]))['performance.document-uncompressed']).toBeDefined();
  });
});

describe('weight and requests', () => {
  it('flags a heavy HTML document', () => {
    const finding = byId(nav(tuned, { decodedBodySize: 900 * 1024, encodedBodySize: 150 * 1024 }))['performance.document-heavy']!;
    expect(finding.message.params).toEqual({ kib: 900 });
  });

  it('adds up measured sizes and states the hidden ones as not measured, not as zero', () => {
    const images = Array.from({ length: 8 }, (_, i) => resource(`https://www.strong.example/img/hero-${i}.jpg`, 'img', { encodedBodySize: 450 * 1024, decodedBodySize: 450 * 1024, transferSize: 450 * 1024 + 300 }));
    const thirdParty = Array.from({ length: 5 }, (_, i) => resource(`https://ads.third.example/t${i}.js`, 'script', { transferSize: 0, encodedBodySize: 0, decodedBodySize: 0 }));
    const evidence = withPage(tuned, { resources: [...images, ...thirdParty], resourceCount: 20 });
    const finding = byId(evidence)['performance.page-heavy']!;
    expect(finding.severity).toBe('low');
    expect(finding.message.params).toEqual({ kib: 8 * 450 + 8 });
    expect(finding.evidence).toEqual([
      { label: 'evidence.perf.page-kib', value: String(8 * 450 + 8) },
      { label: 'evidence.perf.measured-count', value: '9' },
      { label: 'evidence.perf.hidden-sizes', value: '5' },
      { label: 'evidence.perf.unlisted', value: '7' },
    ]);
    expect(finding.title).toBe('The page weighs at least 3,608 KiB');
    const heavier = withPage(tuned, { resources: [...images, ...images.map((r) => ({ ...r, name: `${r.name}?2x` }))], resourceCount: 16 });
    expect(byId(heavier)['performance.page-heavy']!.severity).toBe('medium');
  });

  it('does not call a page light because its files hide their size', () => {
    const hidden = Array.from({ length: 40 }, (_, i) => resource(`https://cdn.other.example/${i}.js`, 'script', { transferSize: 0, encodedBodySize: 0, decodedBodySize: 0 }));
    expect(byId(withPage(tuned, { resources: hidden }))['performance.page-heavy']).toBeUndefined();
  });

  it('counts requests, the document included', () => {
    expect(byId(withPage(tuned, { resourceCount: PERF_THRESHOLDS.requests.low - 1 }))['performance.many-requests']).toBeUndefined();
    const many = byId(withPage(tuned, { resourceCount: 150 }))['performance.many-requests']!;
    expect([many.severity, many.message.params]).toEqual(['low', { count: 151 }]);
    expect(byId(withPage(tuned, { resourceCount: 400 }))['performance.many-requests']!.severity).toBe('medium');
  });
});

describe('cache headers of the document', () => {
  it('fires when neither Cache-Control nor Expires is sent, and lists the validators', () => {
    const evidence = withHeaders(strongSiteEvidence, [['content-encoding', 'gzip'], ['ETag', 'W/"5f3a-1b2c"']]);
    expect(strongSiteEvidence.headers!.headers.some(([n]) => /^(cache-control|expires)$/i.test(n))).toBe(false);
    const finding = byId(evidence)['performance.document-no-cache-policy']!;
    expect(finding.evidence).toEqual([
      { label: 'evidence.header-absent', value: 'Cache-Control' },
      { label: 'evidence.header-absent', value: 'Expires' },
      { label: 'evidence.header', value: 'etag: W/"5f3a-1b2c"' },
      { label: 'evidence.header-absent', value: 'last-modified' },
    ]);
  });

  it('accepts any explicit policy, no-store included', () => {
    expect(byId(withHeaders(strongSiteEvidence, [['Cache-Control', 'no-store']]))['performance.document-no-cache-policy']).toBeUndefined();
    expect(byId(withHeaders(strongSiteEvidence, [['Expires', '0']]))['performance.document-no-cache-policy']).toBeUndefined();
  });

  it('is skipped when headers were not measured', () => {
    expect(run({ ...strongSiteEvidence, headers: null }).map((f) => f.ruleId)).not.toContain('performance.document-no-cache-policy');
  });
});
