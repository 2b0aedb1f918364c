/**
 * Every regex of the knowledge base and the detectors against adversarial input: the time must
 * grow about linearly with the input (a catastrophic backtracking grows exponentially or
 * quadratically), and matchers never throw on arbitrary input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANNER_SIGNATURES, matchBanners } from '../../lib/kb/banners';
import { matchScriptUrl } from '../../lib/kb/script-url';
import { fromCookieNames, fromHeaders, fromMetaGenerator, fromUrlMarkers } from '../../lib/components/signals';
import { detectTechnologies } from '../../lib/components/detect';
import { Evidence } from '../../lib/evidence/schema';
import { parseVersion } from '../../lib/version/parse';
import { bestOf, expectLinear, expectSuperLinear, growth, growthOn } from '../support/growth';
import { ruleContext } from '../support/kb';

/** Inputs built to make a backtracking engine try many paths: long runs of what the pattern's atoms accept. */
function adversarial(anchor: string, n: number): string[] {
  const units = ['1.', '1', '.1', 'a', '-a', ' -a,', '\t', ' ', '*', '/', '"', 'v1.', '-beta1', ',-x/y', 'x'.repeat(3)];
  return units.map((u) => `${anchor}${u.repeat(Math.ceil(n / u.length))}!`);
}

/** Costs for an input 16 times longer; linear growth ≈ 16, quadratic ≈ 256. */
const growth16 = (run: (n: number) => void, small = 4_000) => growth(run, small, 16);

describe('backtracking', () => {
  it('the harness flags a regex that backtracks quadratically', () => {
    const bad = /\s+$/; // the classic "trim" pattern: quadratic on spaces followed by a non-space
    expectSuperLinear(growthOn((n) => `${' '.repeat(n)}x`, (input) => bad.exec(input), 1_000, 16), String(bad));
  });

  it.each(BANNER_SIGNATURES.map((s, i) => [`${s.library} #${i}`, s] as const))('banner regex %s grows linearly', (_label, s) => {
    expectLinear(growth16((n) => {
      for (const input of adversarial(s.anchor, n)) s.re.exec(input);
    }), s.re.source);
  });

  it('matchBanners stays bounded on multi-megabyte files full of anchors', () => {
    const anchors = BANNER_SIGNATURES.map((s) => s.anchor).join('1.1.1.1 ');
    const run = (n: number) => matchBanners(anchors.repeat(Math.ceil(n / anchors.length)));
    expectLinear(growth16((n) => run(n * 10)), 'matchBanners');
    expect(bestOf(() => run(4_000_000), 1)).toBeLessThan(2_000);
  });

  it('script URL patterns grow linearly', () => {
    const hosts = ['https://cdn.jsdelivr.net/npm/', 'https://unpkg.com/', 'https://cdnjs.cloudflare.com/ajax/libs/', 'https://code.jquery.com/', 'https://example.test/wp-includes/js/', 'https://example.test/core/misc/'];
    for (const host of hosts) {
      expectLinear(growth16((n) => {
        for (const input of adversarial(host, n)) {
          matchScriptUrl(input.replace(/\s/g, '%20'));
          matchScriptUrl(`${input.replace(/\s/g, '')}.js?ver=1.1.1.1.1.1`);
        }
      }), host);
    }
  });

  it('header, generator, cookie and URL-marker patterns grow linearly', () => {
    const headerNames = ['server', 'x-powered-by', 'x-aspnet-version', 'x-generator', 'link', 'x-pingback'];
    expectLinear(growth16((n) => {
      for (const name of headerNames) for (const v of adversarial('nginx/', n)) fromHeaders([[name, v]]);
    }), 'headers');
    expectLinear(growth16((n) => {
      for (const v of adversarial('WordPress ', n)) fromMetaGenerator([v]);
    }), 'generator');
    expectLinear(growth16((n) => {
      for (const v of adversarial('SESS', n)) fromCookieNames([v]);
    }), 'cookies');
    expectLinear(growth16((n) => {
      for (const v of adversarial('https://x.test/wp-content/', n)) fromUrlMarkers(v, 'script-url');
      for (const v of adversarial('https://x.test/page-data/', n)) fromUrlMarkers(`${v}page-data.json`, 'resource-url');
    }), 'url markers');
    expectLinear(growth16((n) => {
      for (const v of adversarial('1.', n)) parseVersion(v);
    }), 'parseVersion');
  });
});

describe('robustness on arbitrary input', () => {
  it('matchers and parsers never throw', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), (text) => {
      expect(Array.isArray(matchBanners(text))).toBe(true);
      expect(Array.isArray(matchScriptUrl(text))).toBe(true);
      expect(Array.isArray(matchScriptUrl(`https://cdn.jsdelivr.net/npm/${text}`))).toBe(true);
      expect(Array.isArray(fromUrlMarkers(`https://x.test/${text}`, 'script-url'))).toBe(true);
      expect(Array.isArray(fromHeaders([['server', text], ['x-powered-by', text]]))).toBe(true);
      parseVersion(text);
    }), { numRuns: 500 });
  });

  it('matchBanners finds a banner spliced into noise, and only well-formed versions', () => {
    fc.assert(fc.property(fc.string({ maxLength: 500 }), fc.string({ maxLength: 500 }), (a, b) => {
      const hits = matchBanners(`${a}\n/*! jQuery v3.6.0 | (c) OpenJS Foundation */\n${b}`);
      expect(hits.some((h) => h.library === 'jquery')).toBe(true);
      for (const h of hits) expect(parseVersion(h.version), h.version).not.toBeNull();
    }), { numRuns: 300 });
  });

  it('detection never throws on arbitrary valid evidence', () => {
    const str = fc.string({ maxLength: 200 });
    fc.assert(fc.property(fc.array(fc.tuple(str, str), { maxLength: 10 }), fc.array(str, { maxLength: 10 }), fc.array(fc.record({ library: fc.string({ maxLength: 64 }), version: fc.string({ maxLength: 64 }), path: fc.string({ maxLength: 200 }) }), { maxLength: 10 }), (headers, urls, libs) => {
      const evidence = Evidence.parse({
        url: 'https://x.test/',
        headers: { source: 'node', url: 'https://x.test/', status: 200, redirected: false, headers },
        page: null,
        globals: { libraries: libs },
        scriptFiles: { files: urls.map((u) => ({ url: `https://x.test/${u}`, bytes: 1, head: u, matches: libs.slice(0, 3).map(({ library, version }) => ({ library, version })) })) },
      });
      const techs = detectTechnologies(evidence, ruleContext(new Date('2026-11-28T00:00:00Z')));
      for (const t of techs) expect(t.sources.length).toBeGreaterThan(0);
    }), { numRuns: 200 });
  });
});
