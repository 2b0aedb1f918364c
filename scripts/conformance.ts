/**
 * Conformance with the MDN HTTP Observatory: runs Vigie's score on the Observatory's own test cases
 * (../shared/conformance/observatory-cases.jsonl, when present) and on two whole-site captures, and
 * prints agreement per test. Run with `npm run conformance`. Deliberate divergences: docs/scoring.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Evidence, type EvidenceInput } from '../lib/evidence/schema';
import { runTests, scoreEvidence } from '../lib/score';
import { gradeFor } from '../lib/score/grade';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared/conformance');

type HeaderMap = Record<string, string | string[]>;
interface Response { verified?: boolean; status?: number; headers?: HeaderMap; httpEquiv?: Record<string, string[]> }
interface Case {
  test: string; source: string; site: string;
  auto: Response; https: Response | null; http: Response | null;
  cors: { headers: HeaderMap; requestHeaders: Record<string, string> } | null;
  httpRedirects: [string, number][]; html: string | null;
  cookies: { key: string; domain?: string; path?: string; secure?: boolean; httpOnly?: boolean; hostOnly?: boolean; sameSite?: string; expires?: string }[];
  sessionUrl: string | null;
  expected: { result: string; pass: boolean };
}

/** Observatory test function → Vigie test name. */
const TESTS: Record<string, string> = {
  contentSecurityPolicyTest: 'content-security-policy', cookiesTest: 'cookies', strictTransportSecurityTest: 'strict-transport-security',
  subresourceIntegrityTest: 'subresource-integrity', redirectionTest: 'redirection', xFrameOptionsTest: 'x-frame-options',
  xContentTypeOptionsTest: 'x-content-type-options', referrerPolicyTest: 'referrer-policy',
  crossOriginResourceSharingTest: 'cross-origin-resource-sharing', crossOriginResourcePolicyTest: 'cross-origin-resource-policy',
  crossOriginOpenerPolicyTest: 'cross-origin-opener-policy', crossOriginEmbedderPolicyTest: 'cross-origin-embedder-policy',
};
/** Tests that read only response headers and <meta http-equiv> (target ≥ 95 %); the others target ≥ 90 %. */
const HEADER_TESTS = new Set(['content-security-policy', 'strict-transport-security', 'x-frame-options', 'x-content-type-options',
  'referrer-policy', 'cross-origin-resource-sharing', 'cross-origin-resource-policy', 'cross-origin-opener-policy', 'cross-origin-embedder-policy']);

/** Disagreements Vigie keeps on purpose, by case source (docs/scoring.md, "Deliberate differences"). */
const DELIBERATE: Record<string, string> = {
  'test/subresource-integrity.test.js:43': 'protocol-relative script on an https page loads over https',
  'test/subresource-integrity.test.js:122': 'protocol-relative script on an https page loads over https',
  'test/subresource-integrity.test.js:142': 'protocol-relative script on an https page loads over https',
};

function pairs(map: HeaderMap | undefined): [string, string][] {
  return Object.entries(map ?? {}).flatMap(([name, v]) => (Array.isArray(v) ? v.map((x): [string, string] => [name, x]) : [[name, v]]));
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  if (m) return m[1] ?? m[2] ?? m[3] ?? '';
  return new RegExp(`\\s${name}(?=[\\s>/])`, 'i').test(tag) ? '' : undefined;
}

/** What the page snapshot collector reports for the scripts: src resolved as the DOM resolves it. */
function scriptsOf(html: string, base: string) {
  return [...html.matchAll(/<script\b[^>]*>/gi)].flatMap(([tag]) => {
    const src = attr(tag, 'src');
    if (src === undefined) return [];
    let resolved: string;
    try { resolved = new URL(src, base).href; } catch { return []; }
    const integrity = attr(tag, 'integrity');
    const crossOrigin = attr(tag, 'crossorigin');
    return [{ src: resolved, ...(integrity !== undefined ? { integrity } : {}), ...(crossOrigin !== undefined ? { crossOrigin } : {}) }];
  });
}

function metas(httpEquiv: Record<string, string[]> | undefined) {
  return Object.entries(httpEquiv ?? {}).flatMap(([name, list]) => list.map((content) => ({ name, content })));
}

function page(url: string, html: string | null, contentType: string, httpEquiv: Record<string, string[]> | undefined): EvidenceInput['page'] {
  return {
    url, protocol: new URL(url).protocol, title: '', contentType, elementCount: 0,
    scripts: html ? scriptsOf(html, url) : [], scriptCount: 0, inlineScriptCount: 0, stylesheets: [], metaGenerator: [],
    metaHttpEquiv: metas(httpEquiv), forms: [], subresources: [], documentCookieNames: [], navigation: null, resources: [], resourceCount: 0,
  };
}

function variant(httpUrl: string, reachable: boolean, chain: { url: string; status: number }[]): EvidenceInput['httpVariant'] {
  if (!reachable) return { url: httpUrl, outcome: 'unreachable', hops: [] };
  const last = chain[chain.length - 1];
  const outcome = !last || chain.length === 1 ? 'no-redirect' : last.url.startsWith('https:') ? 'redirected-to-https' : 'redirected-elsewhere';
  return { url: httpUrl, outcome, ...(last ? { finalUrl: last.url } : {}), hops: chain };
}

function caseEvidence(c: Case): Evidence {
  const url = c.sessionUrl ?? `https://${c.site}/`;
  const test = TESTS[c.test];
  let headerUrl = url;
  let headerPairs = pairs(c.auto.headers);
  if (test === 'strict-transport-security' || test === 'cookies') {
    // The HSTS test reads the https:// response; the cookie test asks the HSTS test.
    if (c.https) headerPairs = [...headerPairs.filter(([n]) => n.toLowerCase() !== 'strict-transport-security'), ...pairs(c.https.headers).filter(([n]) => n.toLowerCase() === 'strict-transport-security')];
    else headerUrl = `http://${c.site}/`;
  }
  const contentType = pairs(c.auto.headers).find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? 'text/html';
  const setCookies = headerPairs.filter(([n]) => n.toLowerCase() === 'set-cookie').map(([, v]) => v);
  const input: EvidenceInput = {
    url,
    headers: { source: 'node', url: headerUrl, status: c.auto.status ?? 200, redirected: false, headers: headerPairs },
    page: page(url, c.html, contentType, c.auto.httpEquiv),
    globals: null,
    cookies: {
      source: 'node',
      items: c.cookies.map((k) => ({
        name: k.key, domain: k.domain ?? c.site, path: k.path ?? '/', secure: k.secure === true, httpOnly: k.httpOnly === true,
        sameSite: (['strict', 'lax', 'none'].includes((k.sameSite ?? '').toLowerCase()) ? k.sameSite!.toLowerCase() : 'unspecified') as 'strict' | 'lax' | 'none' | 'unspecified',
        session: !k.expires, hostOnly: k.hostOnly === true,
      })),
      setCookieHeaders: setCookies,
    },
    httpVariant: variant(`http://${c.site}/`, c.http !== null && c.http.verified !== false, c.httpRedirects.map(([u, status]) => ({ url: u, status }))),
    tls: c.https && c.https.verified === false
      ? { source: 'node', protocol: 'TLSv1.3', issuer: '', subject: '', validFrom: '', validTo: '', names: [], state: 'broken' }
      : null,
    cors: c.cors ? { origin: c.cors.requestHeaders.origin ?? c.cors.requestHeaders.Origin ?? '', headers: pairs(c.cors.headers) } : null,
  };
  return Evidence.parse(input);
}

function runCases(file: string): { agreeHeader: number; totalHeader: number; agreeOther: number; totalOther: number } {
  const cases = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Case);
  const perTest = new Map<string, { agree: number; total: number }>();
  const misses: string[] = [];
  for (const c of cases) {
    const test = TESTS[c.test];
    if (!test) throw new Error(`Unknown Observatory test ${c.test}`);
    const got = runTests(caseEvidence(c)).find((t) => t.test === test)!;
    const ok = got.result === c.expected.result && (got.pass ?? false) === c.expected.pass;
    const entry = perTest.get(test) ?? { agree: 0, total: 0 };
    entry.total += 1;
    if (ok) entry.agree += 1;
    else misses.push(`  ${c.source}: expected ${c.expected.result}, Vigie ${got.result}${DELIBERATE[c.source] ? ` (deliberate: ${DELIBERATE[c.source]})` : ''}`);
    perTest.set(test, entry);
  }
  const pct = (a: number, t: number) => (t ? ((100 * a) / t).toFixed(1) : '-');
  console.log('Observatory cases');
  const totals = { agreeHeader: 0, totalHeader: 0, agreeOther: 0, totalOther: 0 };
  for (const [test, { agree, total }] of [...perTest].sort()) {
    console.log(`  ${test.padEnd(32)} ${String(agree).padStart(3)}/${String(total).padEnd(3)} ${pct(agree, total)}%`);
    if (HEADER_TESTS.has(test)) { totals.agreeHeader += agree; totals.totalHeader += total; } else { totals.agreeOther += agree; totals.totalOther += total; }
  }
  console.log(`  header & meta tests: ${totals.agreeHeader}/${totals.totalHeader} ${pct(totals.agreeHeader, totals.totalHeader)}% (target 95%)`);
  console.log(`  other tests:         ${totals.agreeOther}/${totals.totalOther} ${pct(totals.agreeOther, totals.totalOther)}% (target 90%)`);
  const all = totals.agreeHeader + totals.agreeOther;
  const count = totals.totalHeader + totals.totalOther;
  console.log(`  overall:             ${all}/${count} ${pct(all, count)}%`);
  if (misses.length) console.log(`Disagreements (${misses.length}):\n${misses.join('\n')}`);
  return totals;
}

interface Site {
  site: { hostname: string };
  responses: Record<string, Response & { data?: string }> & { httpRedirects: { url: string; status: number }[] };
  resources: { path?: string };
  session: { url: string; jar?: { cookies?: Case['cookies'] } };
}

function siteEvidence(s: Site): Evidence {
  const url = s.session.url;
  const auto = s.responses.auto!;
  const contentType = pairs(auto.headers).find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? 'text/html';
  const autoPairs = pairs(auto.headers);
  const input: EvidenceInput = {
    url,
    headers: { source: 'node', url, status: auto.status ?? 200, redirected: false, headers: autoPairs },
    page: page(url, s.resources.path ?? null, contentType, auto.httpEquiv),
    globals: null,
    cookies: {
      source: 'node',
      items: (s.session.jar?.cookies ?? []).map((k) => ({
        name: k.key, domain: k.domain ?? s.site.hostname, path: k.path ?? '/', secure: k.secure === true, httpOnly: k.httpOnly === true,
        sameSite: 'unspecified' as const, session: true, hostOnly: k.hostOnly === true,
      })),
      setCookieHeaders: [],
    },
    httpVariant: variant(`http://${s.site.hostname}/`, s.responses.http?.verified !== false, s.responses.httpRedirects),
    tls: null,
    cors: s.responses.cors ? { origin: 'https://http-observatory.security.mozilla.org', headers: pairs(s.responses.cors.headers) } : null,
  };
  return Evidence.parse(input);
}

/** Known, documented differences on the captures (docs/scoring.md): the Observatory's points Vigie cannot earn. */
interface SiteExpectation { score: number; grade: string; divergence?: { result: string; modifier: number; why: string } }

function runSites(dir: string, expected: Record<string, SiteExpectation>): number {
  let failures = 0;
  console.log('Whole-site captures');
  for (const [file, want] of Object.entries(expected)) {
    const path = resolve(dir, file);
    if (!existsSync(path)) continue;
    const score = scoreEvidence(siteEvidence(JSON.parse(readFileSync(path, 'utf8')) as Site));
    const exact = score.value === want.score && score.grade === want.grade;
    const explained = !exact && want.divergence !== undefined && score.value + want.divergence.modifier === want.score;
    if (!exact && !explained) failures += 1;
    const verdict = exact ? 'agree' : explained ? `differ only by the deliberate divergence ${want.divergence!.result} (${want.divergence!.modifier > 0 ? '+' : ''}${want.divergence!.modifier}): ${want.divergence!.why}` : 'DISAGREE';
    console.log(`  ${file}: Vigie ${score.grade}/${score.value}, Observatory ${want.grade}/${want.score} ${verdict}`);
    for (const t of score.tests) console.log(`    ${t.test.padEnd(32)} ${t.result} (${t.modifier >= 0 ? '+' : ''}${t.modifier})`);
  }
  return failures;
}

const casesFile = resolve(shared, 'observatory-cases.jsonl');
if (!existsSync(casesFile)) {
  console.log(`No conformance cases at ${casesFile}: nothing to compare.`);
} else {
  const totals = runCases(casesFile);
  const siteFailures = runSites(resolve(shared, 'sites'), {
    'mozilla-org.json': { score: 75, grade: gradeFor(75) },
    'observatory-mozilla-org.json': {
      score: 110, grade: gradeFor(110),
      divergence: { result: 'hsts-preloaded', modifier: 5, why: 'the host is in Chromium\'s HSTS preload list, which Vigie does not ship' },
    },
  });
  const headerOk = totals.agreeHeader / Math.max(1, totals.totalHeader) >= 0.95;
  const otherOk = totals.agreeOther / Math.max(1, totals.totalOther) >= 0.9;
  process.exitCode = headerOk && otherOk && siteFailures === 0 ? 0 : 1;
}
