/**
 * Issue 3, end to end: Vigie in Chromium (test build: `cookies` permission and host access to
 * *.test granted, so cookie flags and the http:// variant are measured) grades local sites whose
 * header sets reproduce known HTTP Observatory outcomes. The expected scores are worked out by
 * hand below from the Observatory's published model (base 100, penalties first, bonuses only if
 * the penalties leave at least 90, value floored at 0) — not copied from Vigie's output.
 *
 * The sites answer http:// and https:// on one port (support-sites.ts), so the http:// variant
 * the scan checks really reaches the site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit } from '../../lib/audit/schema';
import { translate } from '../../lib/i18n';
import { gradedSites } from '../sites/graded.mjs';
import { launchVigie, type Vigie } from './harness.mjs';
import { auditOf, expectOnlyLocalRequests, findingsOf, netLogPath, ruleIds } from './helpers';
import { startOnePortSites, type OnePortSites } from './support-sites';

const en = (key: string, params?: Record<string, string | number>) => translate('en', key, params);

let sites: OnePortSites;
let vigie: Vigie;
const netLog = netLogPath('headers');
const audits: Record<string, Audit> = {};

beforeAll(async () => {
  sites = await startOnePortSites(gradedSites);
  vigie = await launchVigie({ netLogPath: netLog });
});

afterAll(async () => {
  await vigie?.close();
  await sites?.stop();
});

async function scanHost(host: string): Promise<Audit> {
  const { page, tabId } = await vigie.openTab(sites.url(host, 'https'));
  const { audit } = auditOf(await vigie.scan(tabId));
  await page.close();
  audits[host] = audit;
  return audit;
}

/** Observatory test → expected result and modifier, per site. */
type Expected = Record<string, [result: string, modifier: number]>;

/** The Observatory's arithmetic: penalties first, bonuses only from 90 up, never below 0. */
function observatoryScore(expected: Expected): number {
  const modifiers = Object.values(expected).map(([, m]) => m);
  const afterPenalties = 100 + modifiers.filter((m) => m < 0).reduce((a, b) => a + b, 0);
  const bonus = afterPenalties >= 90 ? modifiers.filter((m) => m > 0).reduce((a, b) => a + b, 0) : 0;
  return Math.max(0, afterPenalties + bonus);
}

function expectTests(audit: Audit, expected: Expected) {
  const byTest = Object.fromEntries(audit.score.tests.map((t) => [t.test, [t.result, t.modifier]]));
  for (const [test, [result, modifier]] of Object.entries(expected)) {
    expect(byTest[test], test).toEqual([result, modifier]);
  }
  expect(audit.score.value).toBe(observatoryScore(expected));
}

/** Cookie flags and the http:// variant were measured, not skipped for want of a permission. */
function expectOptionalChecksMeasured(audit: Audit) {
  const skipped = audit.notMeasured.map((n) => n.what);
  expect(skipped).not.toContain('cookies');
  expect(skipped).not.toContain('httpVariant');
  expect(skipped).not.toContain('headers');
  expect(audit.evidence.cookies?.source).toBe('cookies-api');
  expect(audit.evidence.httpVariant).not.toBeNull();
}

const HEADER_FAMILIES = new Set(['transport', 'headers', 'csp', 'cookies', 'disclosure']);
const headerRuleIds = (audit: Audit) => ruleIds(audit).filter((id) => HEADER_FAMILIES.has(id.split('.')[0]!)).sort();

describe('header grades of local sites, as the Observatory would give them', () => {
  it('top.test: hardened headers and cookie → A+ with its bonuses', async () => {
    const audit = await scanHost('top.test');
    const expected: Expected = {
      // default-src 'none', no unsafe source: the CSP bonus.
      'content-security-policy': ['csp-implemented-with-no-unsafe-default-src-none', 10],
      'cookies': ['cookies-secure-with-httponly-sessions-and-samesite', 5],
      'cross-origin-resource-sharing': ['cross-origin-resource-sharing-not-implemented', 0],
      'redirection': ['redirection-to-https', 0],
      'referrer-policy': ['referrer-policy-private', 5],
      'strict-transport-security': ['hsts-implemented-max-age-at-least-six-months', 0],
      'subresource-integrity': ['sri-not-implemented-but-all-scripts-loaded-from-secure-origin', 0],
      'x-content-type-options': ['x-content-type-options-nosniff', 0],
      'x-frame-options': ['x-frame-options-implemented-via-csp', 5],
      'cross-origin-resource-policy': ['corp-implemented-with-same-origin', 10],
    };
    expectTests(audit, expected);
    expect(audit.score.value).toBe(135);
    expect(audit.score.grade).toBe('A+');
    expect(audit.score.tests.every((t) => t.pass !== false)).toBe(true);

    expectOptionalChecksMeasured(audit);
    expect(audit.evidence.httpVariant!.outcome).toBe('redirected-to-https');
    expect(audit.evidence.httpVariant!.finalUrl!.startsWith('https://top.test:')).toBe(true);
    const cookie = audit.evidence.cookies!.items.find((c) => c.name === '__Host-session');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'lax' });
    // Only advice beyond the Observatory's grade remains: preload, COOP and Permissions-Policy.
    expect(headerRuleIds(audit)).toEqual(['headers.coop-missing', 'headers.permissions-policy-missing', 'transport.hsts-not-preload']);
  });

  it('middling.test: inline scripts allowed, cookie without SameSite, third-party script without SRI → B, its bonus withheld', async () => {
    const audit = await scanHost('middling.test');
    const expected: Expected = {
      'content-security-policy': ['csp-implemented-with-unsafe-inline', -20],
      'cookies': ['cookies-secure-with-httponly-sessions', 0],
      'redirection': ['redirection-to-https', 0],
      // +5 listed, but the penalties leave 75 (< 90): it does not count.
      'referrer-policy': ['referrer-policy-private', 5],
      'strict-transport-security': ['hsts-implemented-max-age-at-least-six-months', 0],
      'subresource-integrity': ['sri-not-implemented-but-external-scripts-loaded-securely', -5],
      'x-content-type-options': ['x-content-type-options-nosniff', 0],
      'x-frame-options': ['x-frame-options-sameorigin-or-deny', 0],
      'cross-origin-resource-policy': ['corp-not-implemented', 0],
    };
    expectTests(audit, expected);
    expect(audit.score.value).toBe(75);
    expect(audit.score.grade).toBe('B');
    expect(audit.score.tests.filter((t) => t.pass === false).map((t) => t.test).sort()).toEqual(['content-security-policy', 'subresource-integrity']);

    expectOptionalChecksMeasured(audit);
    expect(audit.evidence.httpVariant!.outcome).toBe('redirected-to-https');
    const ids = headerRuleIds(audit);
    expect(ids).toEqual(expect.arrayContaining(['csp.unsafe-inline', 'headers.sri-missing', 'cookies.samesite-missing', 'transport.hsts-no-subdomains']));
    expect(findingsOf(audit, 'cookies.samesite-missing', 'sessionid')).toHaveLength(1);
    for (const absent of ['cookies.secure-missing', 'cookies.httponly-missing', 'transport.http-no-redirect', 'transport.hsts-missing', 'csp.missing', 'headers.xcto-missing', 'headers.clickjacking-unprotected']) {
      expect(ids).not.toContain(absent);
    }
    const sri = findingsOf(audit, 'headers.sri-missing')[0]!;
    expect(sri.evidence.map((e) => e.value).join(' ')).toContain('cdn-assets.test');
  });

  it('bare.test: no security header, a bare PHP session cookie, no redirect from http:// → F at 0', async () => {
    const audit = await scanHost('bare.test');
    const expected: Expected = {
      'content-security-policy': ['csp-not-implemented', -25],
      // The worst cookie result wins: a session cookie without Secure.
      'cookies': ['cookies-session-without-secure-flag', -40],
      'redirection': ['redirection-missing', -20],
      'referrer-policy': ['referrer-policy-not-implemented', 0],
      'strict-transport-security': ['hsts-not-implemented', -20],
      'x-content-type-options': ['x-content-type-options-not-implemented', -5],
      'x-frame-options': ['x-frame-options-not-implemented', -20],
    };
    expectTests(audit, expected); // 100 − 130, floored at 0
    expect(audit.score.value).toBe(0);
    expect(audit.score.grade).toBe('F');

    expectOptionalChecksMeasured(audit);
    expect(audit.evidence.httpVariant!.outcome).toBe('no-redirect');
    const session = audit.evidence.cookies!.items.find((c) => c.name === 'PHPSESSID');
    expect(session).toMatchObject({ secure: false, httpOnly: false, sameSite: 'unspecified' });
    for (const rule of ['cookies.secure-missing', 'cookies.httponly-missing', 'cookies.samesite-missing']) {
      expect(findingsOf(audit, rule, 'PHPSESSID'), rule).toHaveLength(1);
    }
    expect(headerRuleIds(audit)).toEqual(expect.arrayContaining([
      'transport.http-no-redirect', 'transport.hsts-missing', 'csp.missing', 'headers.clickjacking-unprotected', 'headers.xcto-missing', 'headers.referrer-policy-missing',
    ]));
    // The cookie value never reaches the audit.
    const jar = await vigie.context.cookies(sites.url('bare.test', 'https'));
    const value = jar.find((c) => c.name === 'PHPSESSID')!.value;
    expect(value).toMatch(/^[0-9a-f]{26}$/);
    expect(JSON.stringify(audit)).not.toContain(value);
  });
});

describe('the report page of a poorly graded site', () => {
  it('shows the grade, the failing score tests, and each failing check expandable to evidence, explanation and fix', async () => {
    const audit = audits['bare.test']!;
    expect(audit).toBeDefined();
    const report = await vigie.context.newPage();
    await report.goto(`${vigie.base}/report.html?id=${audit.id}`);
    await report.waitForSelector('[data-testid=report]', { timeout: 15_000 });
    expect((await report.textContent('[data-testid=grade]'))!.trim()).toBe('F');

    const failingRows = await report.$$eval('[data-testid=score-tests] tr.failing td:first-child', (cells) => cells.map((c) => c.textContent));
    const failingTests = audit.score.tests.filter((t) => t.pass === false).map((t) => en(`score.test.${t.test}`));
    expect(failingRows.sort()).toEqual(failingTests.sort());
    expect(audit.score.tests.filter((t) => t.pass === false).map((t) => t.test).sort()).toEqual([
      'content-security-policy', 'cookies', 'redirection', 'strict-transport-security', 'x-content-type-options', 'x-frame-options',
    ]);

    // Findings are grouped worst first.
    const severities = await report.$$eval('.findings [data-testid=finding]', (items) => items.map((li) => /sev-(\w+)/.exec(li.className)?.[1] ?? ''));
    const order = ['critical', 'high', 'medium', 'low', 'info'];
    expect(severities.map((s) => order.indexOf(s))).toEqual([...severities.map((s) => order.indexOf(s))].sort((a, b) => a - b));
    expect(severities[0]).not.toBe('info');

    for (const [ruleId, subject] of [['cookies.secure-missing', 'PHPSESSID'], ['headers.xcto-missing', undefined], ['transport.http-no-redirect', undefined]] as const) {
      const finding = findingsOf(audit, ruleId, subject)[0]!;
      const item = report.locator(`.findings [data-testid=finding][data-finding-id="${finding.id}"]`);
      const body = item.locator('.finding-body');
      expect(await body.isVisible()).toBe(false); // collapsed until asked
      await item.locator('summary').click();
      expect(await body.isVisible()).toBe(true);
      const text = (await body.textContent())!;
      const base = finding.message.key.replace(/\.title$/, '');
      expect(text).toContain(en(`${base}.explain`, finding.message.params));
      expect(text).toContain(en(`${base}.fix`, finding.message.params));
      expect(finding.evidence.length).toBeGreaterThan(0);
      for (const e of finding.evidence) expect(text).toContain(e.value);
    }
    // A missing header comes with configuration to paste.
    const xcto = report.locator(`.findings [data-finding-id="${findingsOf(audit, 'headers.xcto-missing')[0]!.id}"] [data-testid=fix-snippets]`);
    expect(await xcto.textContent()).toMatch(/X-Content-Type-Options.*nosniff/i);
    await report.close();
  });
});

describe('network', () => {
  it('sent no request from the whole browser to any host but the local test sites', async () => {
    await vigie.close();
    expectOnlyLocalRequests(netLog, ['top.test', 'middling.test', 'bare.test', 'cdn-assets.test']);
    // The http:// variants were really requested, on the sites' own port.
    const plain = sites.sites.requests.filter((r) => r.scheme === 'http').map((r) => r.host);
    expect(plain).toEqual(expect.arrayContaining(['top.test', 'middling.test', 'bare.test']));
  });
});
