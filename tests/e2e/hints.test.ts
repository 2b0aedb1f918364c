/**
 * Issue 5, end to end in Chromium: mixed content on https pages (and a clean page that must not be
 * flagged), upgrade-insecure-requests, WAF/CDN signatures in headers and cookies, monitoring
 * scripts, and security.txt (valid, expired, absent).
 *
 * All sites answer http:// and https:// on one port (support-sites.ts): an http:// subresource
 * `http://old-assets.test:P/…` that Chromium auto-upgrades really reaches `https://old-assets.test:P/…`,
 * and the sites' request log shows what the browser actually asked for. Monitoring tools are local
 * stand-ins at their vendors' usual paths; no request goes to a vendor (checked on the network log).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit } from '../../lib/audit/schema';
import { mixedSites } from '../sites/mixed.mjs';
import { vendorSites } from '../sites/vendors.mjs';
import { launchVigie, type Vigie } from './harness.mjs';
import { auditOf, expectOnlyLocalRequests, findingsOf, netLogPath, ruleIds } from './helpers';
import { startOnePortSites, type OnePortSites } from './support-sites';

/**
 * What each browser does with an http:// subresource of an https page (Mixed Content Level 2):
 * Chromium (since 86–88) and Firefox (since 127) block active content and upgrade images, audio
 * and video to https://. Only Chromium runs here; the Firefox line documents the same expectation.
 */
const BROWSER_OUTCOME = {
  chromium: { script: 'blocked', stylesheet: 'blocked', iframe: 'blocked', img: 'upgraded', media: 'upgraded' },
  firefox: { script: 'blocked', stylesheet: 'blocked', iframe: 'blocked', img: 'upgraded', media: 'upgraded' },
} as const;
/** The finding's evidence label for each outcome, when nothing else is known. */
const LABEL = { blocked: 'evidence.mixed.blocked-expected', upgraded: 'evidence.mixed.loaded-https' } as const;

const ASSET_PATHS = { script: '/js/widget.js', stylesheet: '/css/theme.css', iframe: '/embed/map.html', img: '/img/logo.png', media: '/media/intro.mp4' } as const;

const where = { port: 0 };
let sites: OnePortSites;
let vigie: Vigie;
const netLog = netLogPath('hints');

beforeAll(async () => {
  sites = await startOnePortSites([...mixedSites(where), ...vendorSites]);
  where.port = sites.port;
  vigie = await launchVigie({ netLogPath: netLog });
});

afterAll(async () => {
  await vigie?.close();
  await sites?.stop();
});

async function scanHost(host: string): Promise<Audit> {
  const { page, tabId } = await vigie.openTab(sites.url(host, 'https'));
  // A video may still be loading after the load event: wait until every image and media element
  // has its outcome (a resource timing entry, as asked or upgraded to https://, or an error), which
  // is what the snapshot then reads.
  await page.waitForFunction(() => {
    const loaded = new Set(performance.getEntriesByType('resource').map((e) => e.name));
    const upgraded = (src: string) => {
      const url = new URL(src, location.href);
      if (url.protocol === 'http:') url.protocol = 'https:';
      return url.href;
    };
    return [...document.querySelectorAll<HTMLImageElement | HTMLMediaElement>('img[src], video[src], audio[src]')].every((el) => {
      const src = el.getAttribute('src')!;
      if (loaded.has(new URL(src, location.href).href) || loaded.has(upgraded(src))) return true;
      return el instanceof HTMLImageElement ? el.complete && el.naturalWidth === 0 : el.error !== null;
    });
  }, undefined, { timeout: 15_000 });
  const { audit } = auditOf(await vigie.scan(tabId));
  await page.close();
  return audit;
}

const MIXED_RULES = ['mixed-content.active', 'mixed-content.passive', 'mixed-content.form-insecure', 'mixed-content.upgraded-by-policy'];
const mixedIds = (audit: Audit) => ruleIds(audit).filter((id) => id.startsWith('mixed-content.'));
const evidenceOf = (audit: Audit, ruleId: string) => findingsOf(audit, ruleId).flatMap((f) => f.evidence);
const requested = (scheme: 'http' | 'https', host: string, path: string) => sites.sites.requests.some((r) => r.scheme === scheme && r.host === host && r.path === path);

describe('mixed content', () => {
  it('mixed.test: reports the active and passive http:// subresources with what Chromium did, and the form posting to http://', async () => {
    const audit = await scanHost('mixed.test');
    const assetUrl = (path: string) => `http://old-assets.test:${sites.port}${path}`;

    // What Chromium really did, from the server's side: active content never requested, passive content upgraded.
    for (const [kind, outcome] of Object.entries(BROWSER_OUTCOME.chromium)) {
      const path = ASSET_PATHS[kind as keyof typeof ASSET_PATHS];
      expect(requested('http', 'old-assets.test', path), `${kind} over http://`).toBe(false);
      expect(requested('https', 'old-assets.test', path), `${kind} over https://`).toBe(outcome === 'upgraded');
    }

    expect(mixedIds(audit).sort()).toEqual(['mixed-content.active', 'mixed-content.form-insecure', 'mixed-content.passive']);
    const active = findingsOf(audit, 'mixed-content.active')[0]!;
    expect(active.severity).toBe('high');
    expect(active.message.params).toMatchObject({ count: 3 });
    const passive = findingsOf(audit, 'mixed-content.passive')[0]!;
    expect(passive.message.params).toMatchObject({ count: 2 });
    // Upgraded, not seen loading unencrypted: the passive finding stays low.
    expect(passive.severity).toBe('low');

    // Each item: what the DOM asked for (kind and http:// address) and Chromium's outcome.
    const items = [...evidenceOf(audit, 'mixed-content.active'), ...evidenceOf(audit, 'mixed-content.passive')];
    for (const [kind, outcome] of Object.entries(BROWSER_OUTCOME.chromium)) {
      const value = `${kind}: ${assetUrl(ASSET_PATHS[kind as keyof typeof ASSET_PATHS])}`;
      const item = items.find((e) => e.value === value);
      expect(item, value).toBeDefined();
      expect(item!.label, `${kind} ${outcome}`).toBe(LABEL[outcome]);
    }
    expect(items.some((e) => e.label === 'evidence.mixed.uir-absent')).toBe(true);

    const form = evidenceOf(audit, 'mixed-content.form-insecure');
    expect(form).toContainEqual({ label: 'evidence.mixed.form-http', value: `POST http://mixed.test:${sites.port}/newsletter` });
    expect(findingsOf(audit, 'mixed-content.form-insecure')[0]!.severity).toBe('high');
  });

  it('upgrade.test: upgrade-insecure-requests makes the same http:// requests https://, reported as upgraded only', async () => {
    const audit = await scanHost('upgrade.test');
    expect(requested('https', 'old-assets.test', ASSET_PATHS.script)).toBe(true);
    expect(mixedIds(audit)).toEqual(['mixed-content.upgraded-by-policy']);
    const finding = findingsOf(audit, 'mixed-content.upgraded-by-policy')[0]!;
    expect(finding.severity).toBe('info');
    expect(finding.message.params).toMatchObject({ count: 3 });
    expect(finding.evidence).toEqual(expect.arrayContaining([
      { label: 'evidence.mixed.upgraded-by-policy', value: `script: http://old-assets.test:${sites.port}${ASSET_PATHS.script}` },
      { label: 'evidence.mixed.upgraded-by-policy', value: `img: http://old-assets.test:${sites.port}${ASSET_PATHS.img}` },
      { label: 'evidence.mixed.form-upgraded', value: `POST http://upgrade.test:${sites.port}/reservation` },
      { label: 'evidence.mixed.uir-set', value: 'header' },
    ]));
  });

  it('clean.test: an https page loading everything over https is not flagged (an http:// link or text is not mixed content)', async () => {
    const audit = await scanHost('clean.test');
    expect(audit.evidence.page!.subresources.length).toBeGreaterThanOrEqual(3);
    expect(audit.evidence.page!.resources.length).toBeGreaterThanOrEqual(3);
    for (const rule of MIXED_RULES) expect(ruleIds(audit)).not.toContain(rule);
  });
});

describe('WAF and CDN hints', () => {
  it('cf-shop.test: Cloudflare from its headers and bot-management cookie, as a waf technology with its evidence', async () => {
    const audit = await scanHost('cf-shop.test');
    const hint = findingsOf(audit, 'waf.detected', 'cloudflare');
    expect(hint).toHaveLength(1);
    expect(hint[0]!.severity).toBe('info');
    const values = hint[0]!.evidence.map((e) => e.value);
    expect(values.some((v) => /^cf-ray: [0-9a-f]{16}-CDG$/.test(v))).toBe(true);
    expect(values).toContain('server: cloudflare');
    expect(hint[0]!.evidence).toContainEqual({ label: 'evidence.waf.cookie', value: '__cf_bm' });
    // The cookie's value never shows.
    const jar = await vigie.context.cookies(sites.url('cf-shop.test', 'https'));
    const bm = jar.find((c) => c.name === '__cf_bm')!.value;
    expect(JSON.stringify(audit)).not.toContain(bm);
    expect(ruleIds(audit)).not.toContain('waf.none-detected');
    const tech = audit.technologies.find((t) => t.name === 'Cloudflare');
    expect(tech?.category).toBe('waf');
    expect(tech?.sources).toEqual(expect.arrayContaining(['header:cf-ray', 'cookie:__cf_bm']));
  });

  it('sucuri-blog.test: Sucuri Website Firewall from its headers', async () => {
    const audit = await scanHost('sucuri-blog.test');
    const hint = findingsOf(audit, 'waf.detected', 'sucuri');
    expect(hint).toHaveLength(1);
    expect(hint[0]!.evidence.map((e) => e.value)).toEqual(expect.arrayContaining(['x-sucuri-id: 18014']));
    const tech = audit.technologies.find((t) => /sucuri/i.test(t.name));
    expect(tech?.category).toBe('waf');
    expect(ruleIds(audit)).not.toContain('waf.none-detected');
  });

  it('clean.test: no vendor signature → the "none detected" hint, and no waf/cdn technology', async () => {
    const audit = await scanHost('clean.test');
    expect(ruleIds(audit)).toContain('waf.none-detected');
    expect(ruleIds(audit)).not.toContain('waf.detected');
    expect(audit.technologies.filter((t) => t.category === 'waf' || t.category === 'cdn')).toEqual([]);
  });
});

describe('supervision', () => {
  it('watched.test: four monitoring agents as technologies of category monitoring, and a valid security.txt', async () => {
    const audit = await scanHost('watched.test');
    const monitoring = audit.technologies.filter((t) => t.category === 'monitoring').map((t) => t.name).sort();
    expect(monitoring).toEqual(['AppDynamics Browser RUM', 'Bugsnag', 'Dynatrace', 'Elastic APM (RUM)']);
    expect(findingsOf(audit, 'supervision.monitoring-detected').map((f) => f.subject).sort()).toEqual(['appdynamics', 'bugsnag', 'dynatrace', 'elastic-apm']);
    expect(findingsOf(audit, 'supervision.monitoring-detected', 'bugsnag')[0]!.evidence).toContainEqual({ label: 'evidence.script', value: `https://watched.test:${sites.port}/js/vendor/bugsnag.min.js` });
    expect(ruleIds(audit)).not.toContain('supervision.no-error-tracking');

    const valid = findingsOf(audit, 'supervision.security-txt-valid');
    expect(valid).toHaveLength(1);
    expect(valid[0]!.evidence).toContainEqual({ label: 'evidence.securitytxt.contact', value: 'mailto:security@watched.test' });
    expect(ruleIds(audit)).not.toContain('supervision.security-txt-missing');
    expect(ruleIds(audit)).not.toContain('supervision.security-txt-invalid');
  });

  it('cf-shop.test: an expired security.txt is invalid, with the date', async () => {
    const audit = await scanHost('cf-shop.test');
    const invalid = findingsOf(audit, 'supervision.security-txt-invalid');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]!.evidence).toContainEqual({ label: 'evidence.securitytxt.expired', value: '2023-01-31T23:00:00.000Z' });
    expect(ruleIds(audit)).not.toContain('supervision.security-txt-valid');
  });

  it('sucuri-blog.test: no security.txt → missing, with the status; no monitoring → no error tracking seen', async () => {
    const audit = await scanHost('sucuri-blog.test');
    const missing = findingsOf(audit, 'supervision.security-txt-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.evidence).toContainEqual({ label: 'evidence.securitytxt.status', value: '404' });
    expect(ruleIds(audit)).toContain('supervision.no-error-tracking');
    expect(audit.technologies.filter((t) => t.category === 'monitoring')).toEqual([]);
  });

  it('fetched security.txt once per scan, from the audited origin only', () => {
    const fetches = sites.sites.requests.filter((r) => r.path === '/.well-known/security.txt');
    const scans: Record<string, number> = { 'mixed.test': 1, 'upgrade.test': 1, 'clean.test': 2, 'cf-shop.test': 2, 'sucuri-blog.test': 2, 'watched.test': 1 };
    for (const [host, count] of Object.entries(scans)) expect(fetches.filter((r) => r.host === host), host).toHaveLength(count);
    expect(fetches.filter((r) => r.host === 'old-assets.test')).toEqual([]);
  });
});

describe('network', () => {
  it('sent no request from the whole browser to any host but the local test sites (no vendor was contacted)', async () => {
    await vigie.close();
    expectOnlyLocalRequests(netLog, ['mixed.test', 'upgrade.test', 'clean.test', 'old-assets.test', 'cf-shop.test', 'sucuri-blog.test', 'watched.test']);
  });
});
