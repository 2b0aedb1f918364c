/** The CLI's pure parts: parsing of cookies, HTML, addresses, options, checklist files; SARIF and JUnit. */
import { describe, expect, it } from 'vitest';
import { buildAudit } from '../../lib/audit/build';
import { Audit } from '../../lib/audit/schema';
import { LIMITS } from '../../lib/evidence/limits';
import { auditsJunit, xmlEscape } from '../../lib/export/junit';
import { auditsSarif, sarifLevel } from '../../lib/export/sarif';
import { RULES } from '../../lib/rules/registry';
import { parseCli, parseDuration, UsageError } from '../../cli/args';
import { answersFromJson, ChecklistError } from '../../cli/checklist';
import { parseSetCookie } from '../../cli/collect/cookies';
import { decodeHtml, snapshotFromHtml } from '../../cli/collect/html';
import { httpVariantOf } from '../../cli/collect/site';
import { coveredNames, formatName, tlsStateOf } from '../../cli/collect/tls';
import { exitCodeFor } from '../../cli/exit-codes';
import { outcomeOf } from '../../cli/outcome';
import { parseTarget } from '../../cli/targets';
import { weakSiteEvidence } from '../fixtures/evidence/weak-site';
import { repoKb } from '../support/kb';

const NOW = new Date('2026-11-28T10:00:00Z');

describe('Set-Cookie parsing', () => {
  const url = new URL('https://shop.example/account/login');

  it('reads flags case-insensitively and never keeps the value', () => {
    const item = parseSetCookie('sid=SECRET; path=/; SECURE; httponly; SameSite=STRICT', url, NOW);
    expect(item).toEqual({ name: 'sid', domain: 'shop.example', path: '/', secure: true, httpOnly: true, sameSite: 'strict', session: true, hostOnly: true });
    expect(JSON.stringify(item)).not.toContain('SECRET');
  });

  it('Max-Age wins over Expires; a Domain attribute makes a shared cookie; the default path is the directory', () => {
    const item = parseSetCookie('a=1; Expires=Wed, 01 Jan 2031 00:00:00 GMT; Max-Age=60; Domain=.Example', url, NOW);
    expect(item).toMatchObject({ domain: '.example', hostOnly: false, path: '/account', session: false, expirationDate: NOW.getTime() / 1000 + 60 });
    expect(parseSetCookie('b=2; Expires=Wed, 01 Jan 2031 00:00:00 GMT', url, NOW).expirationDate).toBe(Date.UTC(2031, 0, 1) / 1000);
  });

  it('an unknown SameSite value or a nameless cookie does not break parsing', () => {
    expect(parseSetCookie('c=3; SameSite=Bogus', url, NOW).sameSite).toBe('unspecified');
    expect(parseSetCookie('justavalue', url, NOW).name).toBe('');
  });
});

describe('HTML snapshot', () => {
  it('resolves addresses against <base href> wherever it appears, skips data: subresources', () => {
    const page = snapshotFromHtml(
      '<script src="a.js"></script><base href="https://cdn.example/static/"><img src="data:image/png;base64,AA"><img src="/x.png"><video poster="p.jpg"></video><form></form>',
      'https://site.example/dir/page', 'text/html; charset=UTF-8',
    );
    expect(page.scripts[0]!.src).toBe('https://cdn.example/static/a.js');
    expect(page.subresources.map((s) => s.url)).toEqual(['https://cdn.example/static/a.js', 'https://cdn.example/x.png', 'https://cdn.example/static/p.jpg']);
    expect(page.forms).toEqual([{ action: 'https://site.example/dir/page', method: 'get' }]);
    expect(page.contentType).toBe('text/html');
    expect(page.protocol).toBe('https:');
  });

  it('caps the lists but counts everything', () => {
    const html = '<script src="/s.js"></script>'.repeat(LIMITS.scripts + 50) + '<meta name="generator" content="x">'.repeat(LIMITS.metas + 5);
    const page = snapshotFromHtml(html, 'https://site.example/', 'text/html');
    expect(page.scripts).toHaveLength(LIMITS.scripts);
    expect(page.scriptCount).toBe(LIMITS.scripts + 50);
    expect(page.metaGenerator).toHaveLength(LIMITS.metas);
  });

  it('decodes the declared charset', () => {
    const body = Buffer.from([0x3c, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3e, 0x63, 0x61, 0x66, 0xe9, 0x3c, 0x2f, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3e]);
    expect(snapshotFromHtml(decodeHtml(body, 'text/html; charset=windows-1252'), 'https://s.example/', 'text/html').title).toBe('café');
    expect(decodeHtml(body, 'text/html; charset=no-such-charset')).toContain('caf');
  });
});

describe('addresses', () => {
  it.each([
    ['example.com', 'https://example.com/'],
    ['example.com:8443/shop', 'https://example.com:8443/shop'],
    ['http://example.com/#frag', 'http://example.com/'],
    ['  https://EXAMPLE.com  ', 'https://example.com/'],
  ])('%s → %s', (input, expected) => {
    const target = parseTarget(input);
    expect(target.ok && target.url.href).toBe(expected);
  });

  it.each([
    ['mailto:someone@example.com', 'unsupported-scheme'],
    ['file:///etc/passwd', 'unsupported-scheme'],
    ['http://', 'invalid-url'],
    ['two words', 'invalid-url'],
    [`https://example.com/${'a'.repeat(5000)}`, 'invalid-url'],
  ])('%s is refused (%s)', (input, code) => {
    const target = parseTarget(input);
    expect(target.ok).toBe(false);
    expect(!target.ok && target.code).toBe(code);
  });
});

describe('options', () => {
  it('durations', () => {
    expect(parseDuration('--timeout', '500ms', 100, 10_000)).toBe(500);
    expect(parseDuration('--timeout', '2.5s', 100, 10_000)).toBe(2500);
    expect(parseDuration('--timeout', '3', 100, 10_000)).toBe(3000);
    expect(() => parseDuration('--timeout', '50ms', 100, 10_000)).toThrow(UsageError);
    expect(() => parseDuration('--timeout', '-1s', 100, 10_000)).toThrow(UsageError);
  });

  it('defaults and --fail-on none', () => {
    const options = parseCli(['scan', 'a.example', '--fail-on', 'none']);
    expect(options).toMatchObject({ command: 'scan', urls: ['a.example'], format: 'table', failOn: null, concurrency: 4, timeoutMs: 10_000, locale: 'en' });
    expect(parseCli(['scan', 'a.example', '--fail-on', 'high', '-f', 'sarif', '--lang', 'fr'])).toMatchObject({ failOn: 'high', format: 'sarif', locale: 'fr' });
  });
});

describe('TLS evidence', () => {
  it('names the state of a certificate from the verification error', () => {
    expect(tlsStateOf(null)).toBe('secure');
    expect(tlsStateOf('CERT_HAS_EXPIRED')).toBe('expired');
    expect(tlsStateOf('DEPTH_ZERO_SELF_SIGNED_CERT')).toBe('self-signed');
    expect(tlsStateOf('ERR_TLS_CERT_ALTNAME_INVALID')).toBe('name-mismatch');
    expect(tlsStateOf('UNABLE_TO_VERIFY_LEAF_SIGNATURE')).toBe('untrusted');
  });

  it('reads covered names and distinguished names', () => {
    expect(coveredNames({ subjectaltname: 'DNS:example.com, DNS:*.example.com, IP Address:192.0.2.1', subject: { CN: 'x' } as never })).toEqual(['example.com', '*.example.com', '192.0.2.1']);
    expect(coveredNames({ subjectaltname: undefined as never, subject: { CN: 'only-cn.example' } as never })).toEqual(['only-cn.example']);
    expect(formatName({ CN: 'R3', O: "Let's Encrypt", OU: ['a', 'b'] })).toBe("CN=R3, O=Let's Encrypt, OU=a, OU=b");
  });
});

describe('http:// variant', () => {
  const start = new URL('http://www.shop.example/');
  const response = (url: string) => ({ kind: 'response' as const, response: { url, status: 200, headers: [], body: Buffer.alloc(0), truncated: false, tls: null } });
  it('classifies where the hops lead', () => {
    expect(httpVariantOf(start, { hops: [{ url: start.href, status: 301 }, { url: 'https://shop.example/', status: 200 }], responses: [], lastUrl: '', end: response('https://shop.example/') }).outcome).toBe('redirected-to-https');
    expect(httpVariantOf(start, { hops: [{ url: start.href, status: 302 }, { url: 'http://other.example/', status: 200 }], responses: [], lastUrl: '', end: response('http://other.example/') }).outcome).toBe('redirected-elsewhere');
    expect(httpVariantOf(start, { hops: [{ url: start.href, status: 200 }], responses: [], lastUrl: '', end: response(start.href) }).outcome).toBe('no-redirect');
    expect(httpVariantOf(start, { hops: [{ url: start.href, status: 302 }], responses: [], lastUrl: '', end: { kind: 'loop', url: start.href } }).outcome).toBe('unreachable');
  });
});

describe('checklist files', () => {
  const answers = { A1: { status: 'ok', origin: 'user' } };
  it('accepts answers alone, one domain, a list and a backup file', () => {
    expect(answersFromJson(answers, 'f')('any.example')).toEqual(answers);
    const one = answersFromJson({ domain: 'shop.example', answers, updatedAt: '2026-01-01' }, 'f');
    expect(one('shop.example')).toEqual(answers);
    expect(one('other.example')).toBeUndefined();
    expect(answersFromJson([{ domain: 'www.a.example', answers, updatedAt: 'x' }], 'f')('a.example')).toEqual(answers);
    expect(answersFromJson({ format: 'vigie-backup', version: 1, checklists: [{ domain: 'b.example', answers, updatedAt: 'x' }] }, 'f')('b.example')).toEqual(answers);
  });

  it('says which field is wrong', () => {
    try {
      answersFromJson({ domain: 'x', answers: { A1: { status: 'maybe', origin: 'user' } }, updatedAt: 'x' }, 'answers.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ChecklistError);
      expect((error as ChecklistError).params.detail).toContain('answers.A1.status');
    }
  });
});

const audit = Audit.parse(buildAudit({
  id: '7a1c7f0e-3d2b-4c55-9a8e-0b6f1d2e3c4a', evidence: weakSiteEvidence, notMeasured: [], startedAt: NOW, durationMs: 1200,
  platform: { name: 'node', version: '20.0.0' }, locale: 'en', kb: repoKb(),
}));

describe('SARIF', () => {
  it('declares every rule and points each result at its rule and the audited URL', () => {
    const sarif = JSON.parse(auditsSarif([audit], [{ input: 'bad', url: null, message: 'bad: not valid' }], { locale: 'en', toolVersion: '1.2.3' }));
    const run = sarif.runs[0];
    expect(run.tool.driver.rules).toHaveLength(RULES.length);
    expect(run.results).toHaveLength(audit.findings.length);
    for (const result of run.results) {
      const finding = audit.findings.find((f) => `${audit.domain}|${f.id}` === result.partialFingerprints['vigieFinding/v1'])!;
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(finding.ruleId);
      expect(result.level).toBe(sarifLevel(finding.severity));
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(audit.url);
    }
    expect(run.invocations[0]).toMatchObject({ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'bad: not valid' } }] });
  });
});

describe('JUnit', () => {
  it('escapes everything XML cannot carry', () => {
    expect(xmlEscape('a<b>&"\'\u0001\ud800')).toBe('a&lt;b&gt;&amp;&quot;&apos;&lt;U+0001&gt;&lt;U+D800&gt;');
  });

  it('one case per rule, a failure per rule with findings at the threshold', () => {
    const xml = auditsJunit([audit], [], { locale: 'en', failureAt: 'high' });
    expect(xml.match(/<testcase /g)).toHaveLength(RULES.length);
    const failing = new Set(audit.findings.filter((f) => f.severity === 'critical' || f.severity === 'high').map((f) => f.ruleId));
    expect(xml.match(/<failure /g) ?? []).toHaveLength(failing.size);
    expect(xml).toContain(`<testsuites name="Vigie" tests="${RULES.length}" failures="${failing.size}" errors="0"`);
  });
});

describe('exit codes', () => {
  const ok = outcomeOf({ input: 'a', ok: true, audit }, 'en');
  const failed = outcomeOf({ input: 'b', ok: false, url: null, error: { code: 'timeout', key: 'cli.error.timeout', params: { ms: 500 } } }, 'en');
  it('findings first, then scan failures', () => {
    const worst = audit.findings.some((f) => f.severity === 'critical');
    expect(worst).toBe(true);
    expect(exitCodeFor([ok], 'critical')).toBe(1);
    expect(exitCodeFor([ok], null)).toBe(0);
    expect(exitCodeFor([ok, failed], null)).toBe(4);
    expect(exitCodeFor([ok, failed], 'critical')).toBe(1);
    expect(exitCodeFor([failed], 'critical')).toBe(3);
    expect(failed.error).toBe('The server did not answer within 500 ms.');
    expect(ok.counts.critical).toBe(audit.findings.filter((f) => f.severity === 'critical').length);
  });
});
