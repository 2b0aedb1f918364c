/**
 * Firefox-only paths, without a browser: the getSecurityInfo result as Firefox ESR 153 returns it
 * (shape recorded from a real run against the local test sites), hostile or partial results, the
 * MV2 manifest's optional permissions, and what the Firefox end-to-end build adds to the test build.
 */
import { describe, expect, it } from 'vitest';
import { parseFirefoxSecurityInfo, type FirefoxSecurityInfo } from '../../lib/collect/firefox-tls';
import { TlsEvidence } from '../../lib/evidence/schema';
import { permissionRequestFor } from '../../lib/permissions';
import projectConfig from '../../wxt.config';
import firefoxE2eConfig from '../e2e-firefox/wxt.config';

/** Every field Firefox 153 sent for a self-signed certificate accepted by the test profile. */
const RECORDED: FirefoxSecurityInfo & Record<string, unknown> = {
  state: 'secure',
  cipherSuite: 'TLS_AES_256_GCM_SHA384',
  secretKeyLength: 256,
  keaGroupName: 'x25519',
  signatureSchemeName: 'RSA-PSS-SHA256',
  overridableErrorCategory: 'trust_error',
  isUntrusted: true,
  isExtendedValidation: false,
  certificateTransparencyStatus: 'not_applicable',
  protocolVersion: 'TLSv1.3',
  certificates: [{
    subject: 'CN=vigie-test-sites',
    issuer: 'CN=vigie-test-sites',
    validity: { start: 1795874135000, end: 1796046935000 },
    fingerprint: { sha1: '03:C1:F5:6B', sha256: '2F:27:4F:7B' },
    serialNumber: '01:AC:E5:AC',
    isBuiltInRoot: false,
    subjectPublicKeyInfoDigest: { sha256: 'O4k+XFOFHqKKFiSk5515brRy0+xfXu7CmUeYjfihYvA=' },
  } as NonNullable<FirefoxSecurityInfo['certificates']>[number]],
  hsts: false,
  hpkp: false,
  usedEch: false,
};

describe('Firefox getSecurityInfo results', () => {
  it('keep only the bounded TLS evidence from a real result', () => {
    const tls = parseFirefoxSecurityInfo(RECORDED);
    expect(TlsEvidence.parse(tls)).toEqual({
      source: 'firefox-security-info',
      protocol: 'TLSv1.3',
      issuer: 'CN=vigie-test-sites',
      subject: 'CN=vigie-test-sites',
      validFrom: new Date(1795874135000).toISOString(),
      validTo: new Date(1796046935000).toISOString(),
      names: ['vigie-test-sites'],
      state: 'secure',
    });
    // No fingerprint, serial number or key digest is carried into the audit.
    expect(JSON.stringify(tls)).not.toMatch(/03:C1|01:AC|O4k\+/);
  });

  it('find the common name wherever it sits in the subject', () => {
    const tls = parseFirefoxSecurityInfo({ protocolVersion: 'TLSv1.2', certificates: [{ subject: 'C=FR,O=Boulangerie Martin SARL,CN=www.boulangerie-martin.fr', issuer: "CN=R11,O=Let's Encrypt,C=US", validity: { end: Date.UTC(2027, 1, 1) } }] });
    expect(tls?.names).toEqual(['www.boulangerie-martin.fr']);
    expect(tls?.validFrom).toBe('');
    expect(tls?.state).toBe('unknown');
    expect(TlsEvidence.safeParse(tls).success).toBe(true);
  });

  it('bound hostile or oversized values so the evidence stays valid', () => {
    const long = 'A'.repeat(100_000);
    const tls = parseFirefoxSecurityInfo({ state: long, protocolVersion: long, certificates: [{ subject: `CN=${'x'.repeat(5000)}`, issuer: long, validity: { start: 0, end: Date.UTC(2030, 0, 1) } }] });
    expect(TlsEvidence.safeParse(tls).success).toBe(true);
    expect(tls!.protocol.length).toBeLessThanOrEqual(32);
    expect(tls!.names.every((n) => n.length <= 253)).toBe(true);
  });

  it('give no evidence without a usable certificate', () => {
    expect(parseFirefoxSecurityInfo({ state: 'insecure', certificates: [] })).toBeNull();
    expect(parseFirefoxSecurityInfo({ certificates: [{ subject: 'CN=a', validity: { end: '2030-01-01' as unknown as number } }] })).toBeNull();
  });
});

type ManifestEnv = { browser: string; manifestVersion: 2 | 3; mode: string; command: 'build' | 'serve' };
type Manifest = { permissions?: string[]; optional_permissions?: string[]; optional_host_permissions?: string[]; host_permissions?: string[]; background?: { scripts?: string[] }; browser_specific_settings?: { gecko?: { id?: string } } };
const manifestOf = (env: ManifestEnv) => (projectConfig.manifest as (env: ManifestEnv) => Manifest)(env);

describe('Firefox MV2 manifest (published build)', () => {
  const firefox = manifestOf({ browser: 'firefox', manifestVersion: 2, mode: 'production', command: 'build' });
  const chrome = manifestOf({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' });

  it('asks at install for the same least permissions as Chromium', () => {
    expect(firefox.permissions).toEqual(['activeTab', 'scripting', 'storage']);
    expect(firefox.permissions).toEqual(chrome.permissions);
    expect(firefox.host_permissions).toBeUndefined();
  });

  it('keeps hosts and the TLS check optional, in the one list MV2 has', () => {
    expect(firefox.optional_permissions).toEqual(expect.arrayContaining(['cookies', 'webRequest', 'webRequestBlocking', 'http://*/*', 'https://*/*']));
    expect(firefox.optional_host_permissions).toBeUndefined();
    // Chromium has no getSecurityInfo: it never asks for webRequest.
    expect(chrome.optional_permissions).not.toContain('webRequest');
    expect(chrome.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  });

  it('asks for exactly what the TLS check needs, for the audited site only', () => {
    const request = permissionRequestFor('tls', 'https://shop.example:8443/cart');
    expect(request).toEqual({ permissions: ['webRequest', 'webRequestBlocking'], origins: ['https://shop.example/*'] });
    for (const p of request.permissions) expect(firefox.optional_permissions).toContain(p);
  });

  it('has a fixed gecko id, which the Firefox end-to-end tests pin to a known origin', () => {
    expect(firefox.browser_specific_settings?.gecko?.id).toBe('vigie@vigie.example');
  });
});

describe('Firefox end-to-end build', () => {
  type Hook = (wxt: unknown, arg: unknown) => void;
  const hooks = firefoxE2eConfig.hooks as Record<string, Hook>;

  it('grants only webRequest and webRequestBlocking on top of the test build, and adds the page opener', () => {
    const manifest = { permissions: ['activeTab', 'scripting', 'storage', 'cookies', 'webRequest'], background: { scripts: ['background.js'] } };
    hooks['build:manifestGenerated']!({}, manifest);
    expect(manifest.permissions).toEqual(['activeTab', 'scripting', 'storage', 'cookies', 'webRequest', 'webRequestBlocking']);
    expect(manifest.background.scripts).toEqual(['background.js', 'vigie-test-opener.js']);
    const files: { relativeDest: string; contents: string }[] = [];
    hooks['build:publicAssets']!({}, files);
    expect(files).toHaveLength(1);
    expect(files[0]!.contents).toContain("runtime.getURL('/popup.html?tabId=0')");
  });

  it('builds into its own folder, never over the shared builds', () => {
    expect(firefoxE2eConfig.outDir).toBe('.output-test/firefox-e2e');
    expect(projectConfig.outDir).not.toBe(firefoxE2eConfig.outDir);
  });
});
