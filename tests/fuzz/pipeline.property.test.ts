/**
 * The whole pipeline on hostile evidence: whatever strings a page and its server put in every
 * field Vigie reads, buildAudit (rules, detection, hints, diagnosis, redaction) never throws,
 * never lets a rule fail, produces an audit its own schema accepts, and every export of that audit
 * renders inert. Also: the knowledge-base and hint matchers not already covered elsewhere
 * (compromised sources, lifecycle, advisories, weakness summaries), and every regular expression
 * exported by lib/kb and lib/hints, against adversarial input.
 */
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { buildAudit } from '../../lib/audit/build';
import { Audit } from '../../lib/audit/schema';
import { Evidence, type EvidenceInput } from '../../lib/evidence/schema';
import { EXPORT_FORMATS, exportAudit } from '../../lib/export';
import { affectingAdvisories, fixVersion, safeVersion } from '../../lib/kb/advisories';
import { decodeRange } from '../../lib/kb/knowledge';
import { repoKb } from '../support/kb';
import { judge } from '../../lib/kb/verdict';
import { compromisedSourceOf } from '../../lib/kb/compromised';
import { cycleOf, endOfLife, freshness } from '../../lib/kb/lifecycle';
import { parseVersion } from '../../lib/version/parse';
import { BANNER_SIGNATURES } from '../../lib/kb/banners';
import { MONITORING_SIGNATURES } from '../../lib/kb/monitoring';
import { WAF_SIGNATURES } from '../../lib/kb/waf-signatures';
import { cookieNames } from '../../lib/hints/cookie-names';
import { findMixedContent, insecureForms, upgradeInsecureRequests } from '../../lib/hints/mixed-content';
import { detectInfrastructure } from '../../lib/hints';
import { pageWeight } from '../../lib/hints/performance';
import { parseCsv } from '../export/csv-parse';
import { adversarialShapes, bestOf, expectLinear, growthOn, literalCharacters } from '../support/growth';

const NOW = new Date('2026-11-28T10:00:00Z');

/** Strings an attacker would try, mixed with random ones. */
const PAYLOADS = [
  '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '[x](javascript:alert(1))', '=HYPERLINK("https://evil.example","x")',
  '+1+1', '@SUM(1)', '-1', '\t=1', 'invoice\u202Egpj.exe', '`code`|pipe|', '\r\n# heading', '__proto__', 'constructor', 'toString',
  'jQuery v3.4.1', 'WordPress 4.9', 'PHP/5.4.0', 'nginx/1.0.0', '1.2.3-<b>beta</b>', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghij',
];
const hostile = fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 120 }), fc.tuple(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 40 })).map(([a, b]) => `${a}${b}`));
const url = fc.oneof(fc.webUrl(), hostile.map((h) => `https://x.example/${encodeURIComponent(h)}`), hostile);
/** Versions a page reports for its library globals: real ones (tagged), and whatever a hostile page puts there. */
const realVersion = fc.tuple(fc.constantFrom('', 'v'), fc.array(fc.nat({ max: 99_999 }), { minLength: 1, maxLength: 4 }), fc.constantFrom('', '-rc.1', 'b1', ' -ajax,-effects', '-aem', '.Final'))
  .map(([v, nums, suffix]) => `${v}${nums.join('.')}${suffix}`);
const libraryVersion = fc.oneof(realVersion.map((version) => ({ version, real: true })), fc.oneof(hostile, fc.string({ maxLength: 64 })).map((h) => ({ version: h.slice(0, 64), real: false })));
const libraryGlobal = fc.record({ library: fc.constantFrom('jquery', 'angular', 'react', 'vue', 'lodash'), tagged: libraryVersion, path: fc.string({ maxLength: 60 }) })
  .map(({ library, tagged, path }) => ({ library, version: tagged.version, path, real: tagged.real }));
const headerName = fc.constantFrom('server', 'x-powered-by', 'x-generator', 'set-cookie', 'content-security-policy', 'strict-transport-security', 'link', 'location', 'x-aspnet-version', 'via', 'x-cache', 'cf-ray', 'refresh', 'access-control-allow-origin');

const evidenceArb = fc.record({
  title: hostile,
  generators: fc.array(hostile, { maxLength: 3 }),
  headers: fc.array(fc.tuple(headerName, hostile), { maxLength: 10 }),
  scripts: fc.array(url, { maxLength: 6 }),
  cookies: fc.array(hostile, { maxLength: 4 }),
  forms: fc.array(url, { maxLength: 2 }),
  securityTxt: hostile,
  globals: fc.array(libraryGlobal, { maxLength: 3 }),
}).map((h): Evidence => {
  const pageUrl = 'https://shop.example/';
  const input: EvidenceInput = {
    url: pageUrl,
    headers: { source: 'page-fetch', url: pageUrl, status: 200, redirected: false, headers: h.headers },
    page: {
      url: pageUrl, protocol: 'https:', title: h.title.slice(0, 1024), contentType: 'text/html', elementCount: 10,
      scripts: h.scripts.map((src) => ({ src: src.slice(0, 4096) })), scriptCount: h.scripts.length, inlineScriptCount: 0, stylesheets: [],
      metaGenerator: h.generators.map((g) => g.slice(0, 1024)), metaHttpEquiv: [], forms: h.forms.map((action) => ({ action, method: 'post' })),
      subresources: h.scripts.map((s) => ({ kind: 'script' as const, url: s.slice(0, 4096) })), documentCookieNames: h.cookies.map((c) => c.slice(0, 256)),
      navigation: null, resources: h.scripts.map((name) => ({ name: name.slice(0, 4096), initiatorType: 'script', nextHopProtocol: 'h2', transferSize: 1, encodedBodySize: 1, decodedBodySize: 1, startTime: 1, duration: 1 })), resourceCount: h.scripts.length,
    },
    globals: { libraries: h.globals.map(({ library, version, path }) => ({ library, version, path })) },
    cookies: null,
    httpVariant: null,
    tls: null,
    securityTxt: { url: `${pageUrl}.well-known/security.txt`, status: 200, contentType: 'text/plain', body: `Contact: ${h.securityTxt}\nExpires: ${h.securityTxt}\n` },
    cors: null,
  };
  return Evidence.parse(input);
});

function build(evidence: Evidence) {
  const errors: string[] = [];
  const audit = buildAudit({
    id: '7a1c7f0e-3d2b-4c55-9a8e-0b6f1d2e3c4a', evidence, notMeasured: [], startedAt: NOW, durationMs: 10,
    platform: { name: 'chromium', version: '131' }, locale: 'en', kb: repoKb(), onRuleError: (ruleId, error) => errors.push(`${ruleId}: ${String(error)}`),
  });
  return { audit, errors };
}

const CHART_SVG = new Set(['svg', 'title', 'desc', 'rect', 'line', 'polyline', 'circle', 'text']);

function inertHtml(html: string) {
  const window = new Window();
  window.document.body.innerHTML = html;
  const body = window.document.body;
  expect(body.querySelectorAll('script, iframe, object, embed').length).toBe(0);
  // The only SVG is a chart's drawing (lib/export/render/chart-svg.ts): shapes and text, nothing else.
  for (const el of body.querySelectorAll('svg, svg *')) expect(CHART_SVG.has(el.tagName), `<${el.tagName}> in an SVG`).toBe(true);
  for (const el of body.querySelectorAll('*')) for (const attr of Array.from(el.attributes)) expect(attr.name.startsWith('on'), `<${el.tagName} ${attr.name}>`).toBe(false);
  for (const a of body.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').not.toMatch(/^\s*(javascript|data|vbscript):/i);
  expect(body.querySelectorAll('img').length).toBe(0);
}

describe('the whole pipeline on hostile evidence (property)', () => {
  it('buildAudit never throws, no rule fails, the audit satisfies its schema', () => {
    fc.assert(fc.property(evidenceArb, (evidence) => {
      const { audit, errors } = build(evidence);
      expect(errors).toEqual([]);
      expect(Audit.safeParse(audit).success).toBe(true);
    }), { numRuns: 120 });
  });

  it('a library global whose version is not a version is dropped on its own and never reaches the audit; real versions all do', () => {
    fc.assert(fc.property(evidenceArb, fc.array(libraryGlobal, { maxLength: 8 }), (base, reported) => {
      const libraries = reported.map(({ library, version, path }) => ({ library, version, path }));
      const { audit } = build(Evidence.parse({ ...base, globals: { libraries } }));
      const kept = audit.evidence.globals?.libraries ?? [];
      for (const l of kept) expect(parseVersion(l.version), l.version).not.toBeNull();
      // The order is kept and nothing is added: what stays is the reported list minus the junk.
      expect(libraries.filter((l) => kept.some((k) => k.version === l.version && k.path === l.path))).toEqual(kept);
      for (const l of reported) {
        const inAudit = kept.some((k) => k.version === l.version && k.path === l.path);
        if (l.real) expect(inAudit, `real version ${JSON.stringify(l.version)}`).toBe(true);
        if (parseVersion(l.version) === null) expect(inAudit, `junk ${JSON.stringify(l.version)}`).toBe(false);
      }
    }), { numRuns: 120 });
  });

  it('every export of such an audit is inert: no markup, no live link, no formula cell, no bidi override', () => {
    fc.assert(fc.property(evidenceArb, (evidence) => {
      const { audit } = build(evidence);
      for (const format of EXPORT_FORMATS) {
        const content = exportAudit(audit, format, { locale: 'en', timeZone: 'UTC', level: 'full' }).content;
        if (format !== 'json') expect(content, format).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
        if (format === 'html') inertHtml(content.slice(content.indexOf('<body'), content.indexOf('</body>')).replace(/^<body[^>]*>/, ''));
        if (format === 'markdown') inertHtml(micromark(content, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true, allowDangerousProtocol: true }));
        if (format === 'json') expect(() => JSON.parse(content)).not.toThrow();
        if (format === 'csv') {
          const rows = parseCsv(content.replace(/^\ufeff/, ''));
          for (const row of rows) {
            expect(row).toHaveLength(rows[0]!.length);
            for (const cell of row) expect(/^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(cell), `formula cell ${JSON.stringify(cell.slice(0, 40))}`).toBe(false);
          }
        }
      }
    }), { numRuns: 25 });
  });
});

describe('knowledge-base and hint matchers on arbitrary input (property)', () => {
  it('compromised sources, lifecycle, advisories and weakness summaries never throw', () => {
    const component = fc.oneof(fc.constantFrom('jquery', 'angularjs', 'php', 'wordpress', 'bootstrap', 'lodash', 'drupal', 'nginx', '__proto__', 'constructor', 'hasOwnProperty'), fc.string({ maxLength: 30 }));
    fc.assert(fc.property(component, hostile, url, (c, version, u) => {
      compromisedSourceOf(u);
      const kb = repoKb();
      cycleOf(kb, c, version);
      endOfLife(kb, c, version, NOW);
      freshness(kb, c, version, NOW);
      safeVersion(kb, c, version);
      judge(kb, c, version, NOW);
      for (const a of affectingAdvisories(kb, c, version)) expect(typeof a).toBe('object');
      decodeRange(version);
      fixVersion(version);
    }), { numRuns: 400 });
  });

  it('a compromised host matches with any path, and only on its own name or subdomains', () => {
    fc.assert(fc.property(fc.webPath(), fc.stringMatching(/^[a-z]{1,10}$/), (path, sub) => {
      expect(compromisedSourceOf(`https://${sub}.polyfill.io${path}`)?.host).toBe('polyfill.io');
      expect(compromisedSourceOf(`https://polyfill.io.${sub}.example${path}`)).toBeUndefined();
      expect(compromisedSourceOf(`https://${sub}polyfill.io.example${path}`)).toBeUndefined();
    }), { numRuns: 200 });
  });

  it('hints (cookies, mixed content, forms, weight, WAF, monitoring) never throw on hostile evidence', () => {
    fc.assert(fc.property(evidenceArb, (evidence) => {
      expect(Array.isArray(cookieNames(evidence))).toBe(true);
      findMixedContent(evidence);
      insecureForms(evidence);
      upgradeInsecureRequests(evidence);
      pageWeight(evidence);
      for (const t of detectInfrastructure(evidence)) expect(typeof t.name).toBe('string');
    }), { numRuns: 200 });
  });
});

/** Every RegExp reachable from the exports of lib/kb and lib/hints (walked, with a visited set). */
async function exportedRegexes(): Promise<Array<[string, RegExp]>> {
  const modules = import.meta.glob(['../../lib/kb/*.ts', '../../lib/hints/*.ts'], { eager: true }) as Record<string, Record<string, unknown>>;
  const found = new Map<RegExp, string>();
  const seen = new Set<unknown>();
  const walk = (value: unknown, path: string, depth: number) => {
    if (value instanceof RegExp) {
      if (!found.has(value)) found.set(value, path);
      return;
    }
    if (!value || typeof value !== 'object' || seen.has(value) || depth > 6) return;
    seen.add(value);
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
    for (const [key, item] of entries) walk(item, `${path}.${String(key)}`, depth + 1);
  };
  for (const [file, exports] of Object.entries(modules)) for (const [name, value] of Object.entries(exports)) walk(value, `${file.replace(/^.*lib\//, '')}:${name}`, 0);
  return [...found.entries()].map(([re, path]) => [path, re]);
}

describe('every exported regular expression of lib/kb and lib/hints, against adversarial input', () => {
  it('finds the signature tables (the inventory is not empty)', async () => {
    const all = await exportedRegexes();
    const tables = new Set([...BANNER_SIGNATURES.map((s) => s.re), ...WAF_SIGNATURES.flatMap((s) => (s.match.on === 'cookie' ? [s.match.cookie] : s.match.value ? [s.match.value] : [])), ...MONITORING_SIGNATURES.flatMap((s) => [s.host, s.path].filter((r): r is RegExp => r instanceof RegExp))]);
    expect(all.length).toBeGreaterThanOrEqual(tables.size);
    for (const re of tables) expect(all.some(([, r]) => r === re)).toBe(true);
  });

  it('each grows about linearly with its input (no catastrophic backtracking)', async () => {
    const slow: string[] = [];
    for (const [path, source] of await exportedRegexes()) {
      // A fresh, non-global copy: lastIndex of the shared object is left alone.
      const re = new RegExp(source.source, source.flags.replace(/[gy]/g, ''));
      const literal = literalCharacters(source.source);
      const g = growthOn((n) => adversarialShapes(literal, n), (inputs) => { for (const input of inputs) re.test(input); }, 2_000, 8);
      try {
        expectLinear(g, `${path} /${source.source}/`);
      } catch (error) {
        slow.push(String((error as Error).message).split('\n')[0]!);
      }
      // And a hard ceiling on a 64 KiB input, whatever the shape.
      const big = adversarialShapes(literal, 65_536);
      expect(bestOf(() => { for (const input of big) re.test(input); }, 1), `${path} on 64 KiB`).toBeLessThan(2_000);
    }
    expect(slow).toEqual([]);
  });
});
