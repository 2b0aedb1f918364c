/**
 * The built CLI against local servers: a decent HTTPS site, a weak and hostile HTTP page, and
 * servers that misbehave. Asserts the outputs (validated by the same Audit schema as the
 * extension) and the exit codes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Audit } from '../../lib/audit/schema';
import { SEVERITIES, type Severity } from '../../lib/audit/schema';
import { makeTestCerts, type TestCerts } from './helpers/certs';
import { buildCli, ROOT, runCli, type Built } from './helpers/run';
import { startDualServer, startHttpsServer, startRawServer, type Started } from './helpers/servers';
import { siteHandler } from './helpers/site';

let certs: TestCerts;
let built: Built;
let site: Started;
let expired: Started;
let selfSigned: Started;
let raw: Started;
let work: string;
let env: Record<string, string>;

beforeAll(async () => {
  certs = makeTestCerts();
  built = buildCli();
  site = await startDualServer(certs.valid, siteHandler());
  expired = await startHttpsServer(certs.expired, siteHandler());
  selfSigned = await startHttpsServer(certs.selfSigned, siteHandler());
  raw = await startRawServer({
    '/bad-header': 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nThis is not a header\r\n\r\n<html></html>',
    '/garbage': Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x0d, 0x0a, 0x0d, 0x0a]),
    '/huge-headers': `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Big: ${'a'.repeat(200_000)}\r\n\r\n<html></html>`,
    '/close': null,
  });
  work = mkdtempSync(join(tmpdir(), 'vigie-cli-work-'));
  env = { NODE_EXTRA_CA_CERTS: certs.caPath };
}, 60_000);

afterAll(async () => {
  await Promise.all([site, expired, selfSigned, raw].filter(Boolean).map((s) => s.close()));
  built?.cleanup();
  certs?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

const run = (args: string[], options: { stdin?: string; killAfterMs?: number } = {}) => runCli(built.bin, args, { env, ...options });
const atLeast = (s: Severity, threshold: Severity) => SEVERITIES.indexOf(s) <= SEVERITIES.indexOf(threshold);

describe('vigie scan: an old WordPress with a plugin and a theme', () => {
  it('reads their version files, judges them, and says which file gave no version', async () => {
    const result = await run(['scan', site.url('/plain/wp/', 'http'), '--format', 'json', '--timeout', '5s']);
    expect(result.code).not.toBe(2);
    const audit = Audit.parse(JSON.parse(result.stdout));
    const cf7 = audit.technologies.find((t) => t.name === 'Contact Form 7');
    expect(cf7).toMatchObject({ version: '5.3.1', category: 'plugin', versionFrom: 'readme' });
    expect(cf7!.vulnerabilities.map((v) => v.id)).toContain('CVE-2020-35489');
    expect(audit.technologies.find((t) => t.name === 'Twenty Fifteen')).toMatchObject({ version: '1.1', category: 'theme', versionFrom: 'style' });
    expect(audit.evidence.versionFiles!.files.map((f) => [f.slug, f.outcome]).sort()).toEqual([['contact-form-7', 'version'], ['moved-away', 'redirected'], ['twentyfifteen', 'version']]);
    expect(audit.notMeasured).toContainEqual(expect.objectContaining({ what: 'versionFile', reason: expect.objectContaining({ key: 'notMeasured.version-file.redirected' }) }));
  });
});

describe('vigie scan: a decent HTTPS site', () => {
  let audit: Audit;

  beforeAll(async () => {
    const result = await run(['scan', site.url('/'), '--format', 'json', '--timeout', '5s']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    audit = Audit.parse(JSON.parse(result.stdout));
  });

  it('writes exactly the extension audit format, from Node', () => {
    expect(audit.schemaVersion).toBe(1);
    expect(audit.platform.name).toBe('node');
    expect(audit.headerSource).toBe('node');
    expect(audit.url).toBe(site.url('/'));
    expect(audit.domain).toBe('127.0.0.1');
  });

  it('keeps every header, each Set-Cookie separately, with values redacted', () => {
    const headers = audit.evidence.headers!;
    expect(headers.source).toBe('node');
    expect(headers.status).toBe(200);
    const setCookies = headers.headers.filter(([n]) => n.toLowerCase() === 'set-cookie');
    expect(setCookies).toHaveLength(3);
    expect(JSON.stringify(audit)).not.toContain('s3cr3t-value');
    expect(headers.headers.some(([n, v]) => n === 'Strict-Transport-Security' && v.startsWith('max-age=63072000'))).toBe(true);
  });

  it('reads cookie flags from Set-Cookie, never the values', () => {
    const cookies = audit.evidence.cookies!;
    expect(cookies.source).toBe('set-cookie');
    const byName = Object.fromEntries(cookies.items.map((c) => [c.name, c]));
    expect(byName.session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'strict', session: true, hostOnly: true, path: '/' });
    expect(byName.prefs).toMatchObject({ secure: false, httpOnly: false, sameSite: 'lax', session: false });
    expect(byName.tracker).toMatchObject({ domain: '.127.0.0.1', hostOnly: false, sameSite: 'unspecified' });
    // The cookie without Secure/HttpOnly/SameSite is reported by the cookie rules.
    expect(audit.findings.some((f) => f.family === 'cookies' && (f.subject ?? '').includes('tracker'))).toBe(true);
  });

  it('parses the HTML: scripts with resolved src and SRI, metas, forms, subresources', () => {
    const page = audit.evidence.page!;
    expect(page.title).toBe('Good test site');
    expect(page.scripts).toEqual([
      { src: site.url('/js/app.js'), integrity: 'sha384-def', crossOrigin: 'anonymous' },
      { src: site.url('/js/lib/jquery.js') },
    ]);
    expect(page.scriptCount).toBe(3);
    expect(page.inlineScriptCount).toBe(1);
    expect(page.metaGenerator).toEqual(['Hugo 0.120.0']);
    expect(page.metaHttpEquiv).toEqual([{ name: 'Content-Security-Policy', content: "default-src 'self'" }]);
    expect(page.forms).toEqual([{ action: site.url('/search'), method: 'post' }]);
    expect(page.subresources).toContainEqual({ kind: 'iframe', url: 'https://frames.example.test/embed' });
    expect(page.subresources).toContainEqual({ kind: 'img', url: site.url('/logo.png') });
    expect(page.navigation).toBeNull();
    expect(page.resources).toEqual([]);
  });

  it('reads the certificate through Node TLS', () => {
    const tls = audit.evidence.tls!;
    expect(tls.source).toBe('node');
    expect(tls.state).toBe('secure');
    expect(tls.issuer).toContain('CN=Vigie Test CA');
    expect(tls.names).toEqual(['localhost', '127.0.0.1']);
    expect(tls.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(new Date(tls.validTo).getTime()).toBeGreaterThan(Date.now());
  });

  it('follows the http:// variant hop by hop', () => {
    expect(audit.evidence.httpVariant).toEqual({
      url: site.url('/', 'http'),
      outcome: 'redirected-to-https',
      finalUrl: site.url('/'),
      hops: [{ url: site.url('/', 'http'), status: 301 }, { url: site.url('/'), status: 200 }],
    });
  });

  it('fetches security.txt once, the CORS answer and the script files', () => {
    expect(audit.evidence.securityTxt).toMatchObject({ status: 200, body: expect.stringContaining('Contact: mailto:security@example.test') });
    expect(audit.evidence.cors!.origin).toBe('https://vigie.invalid');
    expect(audit.evidence.cors!.headers).toContainEqual(['Access-Control-Allow-Origin', '*']);
    const files = audit.evidence.scriptFiles!.files;
    expect(files.map((f) => f.url)).toEqual([site.url('/js/app.js'), site.url('/js/lib/jquery.js')]);
    expect(files[1]!.head).toContain('jQuery v1.12.4');
    // Banners are matched by the knowledge base, as in the extension.
    expect(files[1]!.matches).toContainEqual({ library: 'jquery', version: '1.12.4' });
    expect(files[0]!.matches).toEqual([]);
  });

  it('lists what only a browser can see as not measured', () => {
    expect(audit.notMeasured.map((n) => n.what).sort()).toEqual(['globals', 'navigation', 'resources']);
    expect(audit.evidence.globals).toBeNull();
  });
});

describe('vigie scan: outputs and the deploy gate', () => {
  const weak = () => site.url('/plain/hostile', 'http');

  it('--fail-on exits 1 exactly when a finding reaches the threshold', async () => {
    const json = await run(['scan', weak(), '--format', 'json']);
    const audit = Audit.parse(JSON.parse(json.stdout));
    expect(audit.findings.some((f) => f.ruleId === 'transport.https-missing' && f.severity === 'critical')).toBe(true);
    expect((await run(['scan', weak(), '--format', 'json', '--fail-on', 'critical'])).code).toBe(1);

    const good = Audit.parse(JSON.parse((await run(['scan', site.url('/'), '--format', 'json'])).stdout));
    for (const threshold of ['critical', 'medium', 'info'] as const) {
      const expected = good.findings.some((f) => atLeast(f.severity, threshold)) ? 1 : 0;
      expect((await run(['scan', site.url('/'), '--format', 'json', '--fail-on', threshold])).code, threshold).toBe(expected);
    }
  });

  it('table: no colours off a terminal, hostile page strings neutralised', async () => {
    const result = await run(['scan', weak()]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain('transport.https-missing');
    expect(result.stdout).toContain(weak());
  });

  it('--lang fr writes the report in French', async () => {
    const result = await run(['scan', weak(), '--lang', 'fr']);
    expect(result.stdout).toContain('Non mesuré');
    expect(result.stdout).toMatch(/Note [A-F][+-]? \(\d+\/100\)/);
  });

  it('markdown and CSV', async () => {
    const md = await run(['scan', weak(), '--format', 'markdown']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# /);
    expect(md.stdout).not.toContain('\u001b');

    const csv = await run(['scan', weak(), site.url('/'), '--format', 'csv']);
    const audits = [weak(), site.url('/')].map(async (u) => Audit.parse(JSON.parse((await run(['scan', u, '--format', 'json'])).stdout)));
    const total = (await Promise.all(audits)).reduce((n, a) => n + a.findings.length, 0);
    const rows = csv.stdout.replace(/^\ufeff/, '').split('\r\n').filter((line) => /^"https?:/.test(line));
    expect(rows).toHaveLength(total);
    // A page string that a spreadsheet would run as a formula is made inert.
    expect(csv.stdout).not.toMatch(/(^|,)"=/m);
  });

  it('SARIF 2.1.0: rules, levels from severity, the URL as location', async () => {
    const result = await run(['scan', weak(), '--format', 'sarif']);
    const sarif = JSON.parse(result.stdout);
    expect(sarif.version).toBe('2.1.0');
    const runObj = sarif.runs[0];
    const ruleIds: string[] = runObj.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toContain('transport.https-missing');
    const https = runObj.results.find((r: { ruleId: string }) => r.ruleId === 'transport.https-missing');
    expect(https.level).toBe('error');
    expect(runObj.tool.driver.rules[https.ruleIndex].id).toBe('transport.https-missing');
    expect(https.locations[0].physicalLocation.artifactLocation.uri).toBe(weak());
    for (const r of runObj.results) expect(ruleIds).toContain(r.ruleId);
    expect(runObj.invocations[0].executionSuccessful).toBe(true);
  });

  it('JUnit XML: one suite per site, failures for findings, escaped text', async () => {
    const result = await run(['scan', weak(), site.url('/loop-a'), '--format', 'junit', '--fail-on', 'high']);
    const xml = result.stdout;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml).toContain('<failure type="critical"');
    expect(xml).toContain('<error message="');
    // No raw control character or unescaped markup from the page reaches the XML.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).not.toContain('<b>x</b>');
    expect(result.code).toBe(1);
  });
});

describe('vigie scan: certificates', () => {
  it('an expired certificate is reported, not a crash; --insecure reads the site anyway', async () => {
    const result = await run(['scan', expired.url('/'), '--format', 'json']);
    expect(result.code).toBe(0);
    const audit = Audit.parse(JSON.parse(result.stdout));
    expect(audit.evidence.tls).toMatchObject({ source: 'node', state: 'expired' });
    expect(new Date(audit.evidence.tls!.validTo).getTime()).toBeLessThan(Date.now());
    expect(audit.evidence.page).toBeNull();
    expect(audit.notMeasured.find((n) => n.what === 'page')?.reason.key).toBe('cli.notMeasured.certificate');
    // The expiry rule reads the certificate's end date against the audit date.
    expect(audit.findings.find((f) => f.ruleId === 'transport.tls-expiring')?.severity).toBe('critical');

    const insecure = Audit.parse(JSON.parse((await run(['scan', expired.url('/'), '--format', 'json', '--insecure'])).stdout));
    expect(insecure.evidence.page?.title).toBe('Good test site');
    expect(insecure.evidence.tls?.state).toBe('expired');
  });

  it('a self-signed certificate is recorded as such', async () => {
    const audit = Audit.parse(JSON.parse((await run(['scan', selfSigned.url('/'), '--format', 'json'])).stdout));
    expect(audit.evidence.tls?.state).toBe('self-signed');
    expect(audit.evidence.headers).toBeNull();
  });

  it('without the test CA, the valid certificate is untrusted too', async () => {
    const result = await runCli(built.bin, ['scan', site.url('/'), '--format', 'json']);
    expect(Audit.parse(JSON.parse(result.stdout)).evidence.tls?.state).toBe('untrusted');
  });
});

describe('vigie scan: bad input and hostile servers', () => {
  async function jsonl(urls: string[], extra: string[] = []) {
    const result = await run(['scan', ...urls, '--format', 'jsonl', '--timeout', '1s', '--deadline', '3s', ...extra], { killAfterMs: 20_000 });
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    return { result, lines };
  }

  it.each([
    ['not a url', 'invalid-url'],
    ['ftp://example.test/file', 'unsupported-scheme'],
    ['javascript:alert(1)', 'unsupported-scheme'],
  ])('%s is refused with a clear message', async (input, code) => {
    const { result, lines } = await jsonl([input]);
    expect(lines[0].error.code).toBe(code);
    expect(lines[0].error.message.length).toBeGreaterThan(10);
    expect(result.code).toBe(3);
  });

  it('a redirect loop is detected', async () => {
    const { lines } = await jsonl([site.url('/loop-a')]);
    expect(lines[0].error).toMatchObject({ code: 'redirect-loop' });
    expect(lines[0].error.message).toContain('/loop-a');
  });

  it('a redirect to a non-web or oversized address is not followed', async () => {
    const { lines } = await jsonl([site.url('/bad-location'), site.url('/long-location')]);
    expect(lines.map((l) => l.error.code)).toEqual(['bad-redirect', 'bad-redirect']);
  });

  it('a server that never answers times out', async () => {
    const { result, lines } = await jsonl([site.url('/hang')]);
    expect(lines[0].error.code).toBe('timeout');
    expect(result.ms).toBeLessThan(8000);
  });

  it('a server that trickles forever is stopped by the site deadline', async () => {
    const { result, lines } = await jsonl([site.url('/trickle')], ['--timeout', '10s', '--deadline', '1500ms']);
    expect(lines[0].error.code).toBe('deadline');
    expect(result.ms).toBeLessThan(8000);
  });

  it('a server that never stops sending is cut at the byte cap', async () => {
    const { lines } = await jsonl([site.url('/endless')], ['--timeout', '15s', '--deadline', '20s']);
    const audit = Audit.parse(lines[0]);
    expect(audit.evidence.page?.title).toBe('endless');
    expect(audit.notMeasured.some((n) => n.what === 'page-complete')).toBe(true);
  });

  it('a compression bomb is cut at the byte cap after decoding', async () => {
    const { lines } = await jsonl([site.url('/bomb')], ['--timeout', '15s', '--deadline', '20s']);
    expect(Audit.parse(lines[0]).notMeasured.some((n) => n.what === 'page-complete')).toBe(true);
  });

  it.each([
    ['/bad-header', 'malformed'],
    ['/garbage', 'malformed'],
    ['/huge-headers', 'headers-too-large'],
    ['/close', 'reset'],
  ])('malformed HTTP %s gives a clear error', async (path, code) => {
    const { lines } = await jsonl([raw.url(path, 'http')]);
    expect(lines[0].error.code).toBe(code);
  });

  it('malformed HTML is still read', async () => {
    const { lines } = await jsonl([site.url('/plain/hostile', 'http')]);
    const page = Audit.parse(lines[0]).evidence.page!;
    expect(page.scripts[0]!.src).toBe('http://cdn.evil.test/lib.js');
    expect(page.metaGenerator[0]).toContain('=HYPERLINK');
  });

  it('mixed content on an https page is found from the parsed HTML', async () => {
    const { lines } = await jsonl([site.url('/mixed')]);
    const audit = Audit.parse(lines[0]);
    expect(audit.findings.filter((f) => f.family === 'mixed-content').length).toBeGreaterThan(0);
  });

  it('a non-HTML answer is audited for its headers, the page is not measured', async () => {
    const { lines } = await jsonl([site.url('/data.json')]);
    const audit = Audit.parse(lines[0]);
    expect(audit.evidence.headers?.status).toBe(200);
    expect(audit.notMeasured.find((n) => n.what === 'page')?.reason.key).toBe('cli.notMeasured.not-html');
  });
});

describe('vigie scan: batches', () => {
  it('one slow or broken site never stalls the batch; one line per site; a summary CSV', async () => {
    const list = join(work, 'urls.txt');
    const summary = join(work, 'summary.csv');
    const urls = [site.url('/hang'), site.url('/'), 'not a url', site.url('/loop-a'), site.url('/trickle'), raw.url('/garbage', 'http'), site.url('/plain/hostile', 'http')];
    writeFileSync(list, `# prospects\n${urls.join('\n')}\n\n`);
    const result = await run(['scan', '--input', list, '--format', 'jsonl', '--concurrency', '3', '--timeout', '1s', '--deadline', '2s', '--summary', summary], { killAfterMs: 20_000 });
    expect(result.ms).toBeLessThan(12_000);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(urls.length);
    // Lines come as sites finish: the site that never answers is written after the good one.
    const position = (u: string) => lines.findIndex((l) => l.url === u);
    expect(position(site.url('/hang'))).toBeGreaterThan(position(site.url('/')));
    const ok = lines.filter((l) => !l.error);
    expect(ok.map((l) => Audit.parse(l).url).sort()).toEqual([site.url('/'), site.url('/plain/hostile', 'http')].sort());
    expect(result.code).toBe(4);

    const rows = readFileSync(summary, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(rows[0]).toContain('"input","url","status","grade","score"');
    expect(rows).toHaveLength(urls.length + 1);
    // Summary rows follow the input order, whatever order the sites finished in.
    expect(rows.slice(1).map((r) => r.split(',')[0]!.replace(/"/g, ''))).toEqual(urls);
  });

  it('reads the list from standard input', async () => {
    const result = await run(['scan', '--format', 'jsonl'], { stdin: `${site.url('/')}\n${site.url('/plain/hostile', 'http')}\n` });
    expect(result.stdout.trim().split('\n')).toHaveLength(2);
    expect(result.code).toBe(0);
  });

  it('--output writes the report to a file, nothing on standard output', async () => {
    const file = join(work, 'report.sarif');
    const result = await run(['scan', site.url('/'), '--format', 'sarif', '--output', file]);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe('2.1.0');
    expect((await run(['scan', site.url('/'), '--output', join(work, 'no-such-dir', 'x.json')])).code).toBe(2);
  });

  it('json with several sites is an array of audits', async () => {
    const result = await run(['scan', site.url('/'), site.url('/plain/hostile', 'http'), '--format', 'json', '--concurrency', '2']);
    const audits = JSON.parse(result.stdout) as unknown[];
    expect(audits).toHaveLength(2);
    for (const a of audits) Audit.parse(a);
  });
});

describe('vigie scan: checklist answers and usage errors', () => {
  it('--checklist brings manual answers into the diagnosis', async () => {
    const file = join(work, 'answers.json');
    writeFileSync(file, JSON.stringify({ domain: '127.0.0.1', updatedAt: '2026-01-01T00:00:00Z', answers: { D1: { status: 'ok', origin: 'user', note: 'Daily backups, tested' } } }));
    const audit = Audit.parse(JSON.parse((await run(['scan', site.url('/'), '--format', 'json', '--checklist', file])).stdout));
    expect(audit.checklist.points.find((p) => p.id === 'D1')).toMatchObject({ status: 'ok', origin: 'user', note: 'Daily backups, tested' });

    const without = Audit.parse(JSON.parse((await run(['scan', site.url('/'), '--format', 'json'])).stdout));
    expect(without.checklist.points.find((p) => p.id === 'D1')?.origin).not.toBe('user');
  });

  it('a bad checklist file is a usage error with a clear message', async () => {
    const bad = join(work, 'bad.json');
    writeFileSync(bad, JSON.stringify({ Z9: { status: 'great' } }));
    const result = await run(['scan', site.url('/'), '--checklist', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(bad);
    expect(result.stdout).toBe('');

    const notJson = join(work, 'not.json');
    writeFileSync(notJson, '{ nope');
    const second = await run(['scan', site.url('/'), '--checklist', notJson, '--lang', 'fr']);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('n’est pas du JSON valide');
  });

  it.each([
    [['scan', 'https://example.test', '--format', 'pdf'], 'Unknown format'],
    [['scan', 'https://example.test', '--fail-on', 'severe'], 'Unknown severity'],
    [['scan', 'https://example.test', '--concurrency', '0'], '--concurrency'],
    [['scan', 'https://example.test', '--timeout', 'soon'], '--timeout'],
    [['scan', 'https://example.test', '--bogus'], 'Invalid option'],
    [['audit', 'https://example.test'], 'Unknown command'],
    [['scan'], 'at least one address'],
  ])('%j is a usage error (exit 2)', async (args, text) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(text);
  });

  it('--help and --version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--fail-on');
    const version = await run(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});
