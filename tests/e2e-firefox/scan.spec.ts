/**
 * Vigie in Firefox ESR (puppeteer-core over WebDriver BiDi), on the same local test sites as the
 * Chromium suite: the scan message and its audit JSON, the popup's scan button, the badge, and
 * Firefox's own check, the certificate read through webRequest.getSecurityInfo.
 *
 * HTTPS goes through a loopback CONNECT proxy so that strong.test answers at https://strong.test/
 * on the default port, as real sites do.
 */
import { connect, type PeerCertificate } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit } from '../../lib/audit/schema';
import { REDACTED } from '../../lib/audit/redact';
import { translate } from '../../lib/i18n';
import { startSites, type RunningSites } from '../sites/index.mjs';
import { auditOf, findingsOf, gradeRank, pathsContaining, ruleIds } from '../e2e/helpers';
import { launchVigieFirefox, type VigieFirefox } from './harness.mjs';
import { startTlsProxy, type TlsProxy } from './tls-proxy.mjs';

const en = (key: string, params?: Record<string, string | number>) => translate('en', key, params);
const SECRET = 'secret5f1e2e9d3c7b';

let sites: RunningSites;
let proxy: TlsProxy;
let vigie: VigieFirefox;

beforeAll(async () => {
  sites = await startSites();
  proxy = await startTlsProxy(sites.ports.https);
  vigie = await launchVigieFirefox({ httpsProxyPort: proxy.port });
});

afterAll(async () => {
  await vigie?.close();
  await proxy?.stop();
  await sites?.stop();
});

/** The certificate the test HTTPS server presents, read with Node's TLS client for comparison. */
function serverCertificate(servername: string): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: sites.ports.https, servername, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate());
      socket.end();
    });
    socket.once('error', reject);
  });
}

async function scanUrl(url: string): Promise<{ audit: Audit; previous: ReturnType<typeof auditOf>['previous']; tabId: number }> {
  const tabId = await vigie.openTab(url);
  return { ...auditOf(await vigie.scan(tabId)), tabId };
}

describe('Firefox: the scan message', () => {
  let weak: Audit;

  it('audits weak.test over HTTP with the same findings as in Chromium, redacted', async () => {
    const url = sites.url('weak.test', 'http', `/?token=${SECRET}&utm_source=newsletter`);
    const { audit, previous, tabId } = await scanUrl(url);
    weak = audit;
    expect(previous).toBeNull();
    expect(audit.schemaVersion).toBe(1);
    expect(audit.domain).toBe('weak.test');
    expect(audit.platform.name).toBe('firefox');
    expect(audit.headerSource).toBe('page-fetch');
    expect(audit.url).toBe(sites.url('weak.test', 'http', `/?${REDACTED}`));
    const ids = ruleIds(audit);
    expect(ids).toEqual(expect.arrayContaining(['transport.https-missing', 'transport.hsts-missing', 'headers.xcto-missing']));
    expect(findingsOf(audit, 'disclosure.version-header', 'server')).toHaveLength(1);
    expect(findingsOf(audit, 'disclosure.version-header', 'x-powered-by')).toHaveLength(1);
    expect(findingsOf(audit, 'components.version-exposed', 'jquery')).toHaveLength(1);
    expect(audit.technologies.some((t) => /jquery/i.test(t.name) && t.version === '1.12.4')).toBe(true);
    // The test build is granted the cookies permission: Firefox's cookie jar is read too.
    expect(ids).toContain('cookies.httponly-missing');
    for (const finding of audit.findings) expect(en(finding.message.key, finding.message.params)).not.toBe(finding.message.key);
    const notMeasured = audit.notMeasured.map((n) => n.what);
    for (const measured of ['headers', 'page', 'cookies', 'tls']) expect(notMeasured).not.toContain(measured);
    expect(audit.evidence.tls).toBeNull(); // plain HTTP: no certificate to read
    expect([...pathsContaining(audit, SECRET), ...pathsContaining(audit, 'utm_source=newsletter')]).toEqual([]);
    expect(await vigie.badgeText(tabId)).toBe(audit.score.grade);
    await vigie.closeTab(tabId);
  });

  it('scores strong.test over HTTPS better, and reads its certificate through getSecurityInfo', async () => {
    const { audit, tabId } = await scanUrl('https://strong.test/');
    expect(audit.domain).toBe('strong.test');
    expect(audit.url).toBe('https://strong.test/');
    expect(audit.headerSource).toBe('page-fetch');
    const ids = ruleIds(audit);
    for (const absent of ['transport.https-missing', 'transport.hsts-missing', 'headers.xcto-missing', 'disclosure.version-header', 'components.version-exposed']) {
      expect(ids).not.toContain(absent);
    }
    expect(audit.score.value).toBeGreaterThan(weak.score.value);
    expect(gradeRank(audit.score.grade)).toBeLessThan(gradeRank(weak.score.grade));
    expect(await vigie.badgeText(tabId)).toBe(audit.score.grade);

    expect(audit.notMeasured.map((n) => n.what)).not.toContain('tls');
    const tls = audit.evidence.tls;
    const cert = await serverCertificate('strong.test');
    expect(tls).toMatchObject({ source: 'firefox-security-info', subject: 'CN=vigie-test-sites', issuer: 'CN=vigie-test-sites', names: ['vigie-test-sites'] });
    expect(tls!.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(new Date(tls!.validTo).getTime()).toBe(new Date(cert.valid_to).getTime());
    expect(new Date(tls!.validFrom).getTime()).toBe(new Date(cert.valid_from).getTime());
    expect(['secure', 'weak', 'insecure', 'broken']).toContain(tls!.state);
    expect(proxy.tunnels).toContain('strong.test:443');
    await vigie.closeTab(tabId);
  });

  it('follows strong.test from HTTP to HTTPS and audits the secure page', async () => {
    const { audit, previous, tabId } = await scanUrl(sites.urls['strong.test']!.http);
    expect(audit.url.startsWith('https://strong.test:')).toBe(true);
    expect(ruleIds(audit)).not.toContain('transport.https-missing');
    expect(previous?.score).toBeGreaterThan(weak.score.value);
    await vigie.closeTab(tabId);
  });

  it('sees weak.test over HTTPS as encrypted but still without HSTS', async () => {
    const { audit, tabId } = await scanUrl('https://weak.test/');
    const ids = ruleIds(audit);
    expect(ids).not.toContain('transport.https-missing');
    expect(ids).toContain('transport.hsts-missing');
    expect(ids).toContain('headers.xcto-missing');
    expect(findingsOf(audit, 'disclosure.version-header', 'server')).toHaveLength(1);
    expect(audit.evidence.tls?.source).toBe('firefox-security-info');
    await vigie.closeTab(tabId);
  });
});

describe('Firefox: the popup', () => {
  it('scans on a click and shows the grade and findings', async () => {
    const tabId = await vigie.openTab(sites.urls['weak.test']!.http);
    const popup = await vigie.openExtensionPage(`/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('[data-testid=scan]');
    await popup.click('[data-testid=scan]');
    await popup.waitForSelector('[data-testid=result]', { timeout: 30_000 });
    const grade = await popup.$eval('[data-testid=grade]', (el) => (el.textContent ?? '').trim());
    expect(gradeRank(grade)).toBeGreaterThan(0);
    expect(await popup.$eval('[data-testid=domain]', (el) => el.textContent)).toBe('weak.test');
    const rules = await popup.$$eval('[data-testid=finding]', (items) => items.map((li) => li.getAttribute('data-rule-id')));
    expect(rules).toEqual(expect.arrayContaining(['transport.https-missing', 'disclosure.version-header', 'components.version-exposed']));
    expect(await vigie.badgeText(tabId)).toBe(grade);
    await popup.close();
    await vigie.closeTab(tabId);
  });
});
