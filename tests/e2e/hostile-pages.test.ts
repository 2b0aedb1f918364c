/**
 * More hostile pages (tests/sites/hostile-extra.mjs): tampered built-ins, a huge document, frames,
 * a sandboxed document, a page that leaves during the scan, a CSP that forbids everything, and
 * attacker strings in every field Vigie reads. Each scan answers within a bound, with what it could
 * not measure; nothing from the page runs in the popup or the report; every export stays inert.
 */
import { Window } from 'happy-dom';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit } from '../../lib/audit/schema';
import { EXPORT_FORMATS, exportAudit } from '../../lib/export';
import type { ScanResponse } from '../../lib/messages';
import { hostileExtraSites, PAYLOADS } from '../sites/hostile-extra.mjs';
import { startSites, type RunningSites } from '../sites/index.mjs';
import { launchVigie, type Vigie } from './harness.mjs';
import { auditOf, expectOnlyLocalRequests, netLogPath } from './helpers';

let sites: RunningSites;
let vigie: Vigie;
const netLog = netLogPath('hostile-pages');
const dialogs: string[] = [];

/** The scan's own bounds (snapshot 8 s, globals 2 s, header fallback 5 s, optional checks 6 s) with room to spare. */
const ANSWER_WITHIN_MS = 25_000;

beforeAll(async () => {
  sites = await startSites({ sites: hostileExtraSites() });
  vigie = await launchVigie({ netLogPath: netLog });
  // Any dialog, in any page of the browser, is recorded; pages of the audited sites may open some, extension pages never.
  const watch = (page: Page) => page.on('dialog', (d) => {
    dialogs.push(`${page.url()}: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  vigie.context.pages().forEach(watch);
  vigie.context.on('page', watch);
}, 120_000);

afterAll(async () => {
  await vigie?.close();
  await sites?.stop();
});

async function timedScan(tabId: number) {
  const t0 = Date.now();
  const response = (await vigie.scan(tabId)) as ScanResponse;
  return { response, elapsed: Date.now() - t0 };
}

const closeTab = (tabId: number) => vigie.controlPage.evaluate((id) => chrome.tabs.remove(id), tabId).catch(() => {});

const extensionDialogs = () => dialogs.filter((d) => d.startsWith('chrome-extension://'));

/** Nothing the page supplied became an element, an attribute handler, or ran, in this extension page. */
async function expectInert(page: Page) {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __vigiePwned?: unknown }).__vigiePwned ?? null,
    marked: document.querySelectorAll('.vigiepwn').length,
    handlers: document.querySelectorAll('[onerror],[onload],[onclick]').length,
    svgs: Array.from(document.querySelectorAll('svg')).filter((s) => s.getAttribute('onload') !== null).length,
    images: Array.from(document.querySelectorAll('img')).filter((i) => i.getAttribute('src') === 'x').length,
    scripts: Array.from(document.querySelectorAll('script')).filter((s) => !s.src).length,
    javascriptLinks: Array.from(document.querySelectorAll('a[href]')).filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
  }));
  expect(state).toEqual({ pwned: null, marked: 0, handlers: 0, svgs: 0, images: 0, scripts: 0, javascriptLinks: 0 });
}

/** Opens the popup for the tab, scans from it, opens the report: both pages stay inert. */
async function throughTheUi(tabId: number): Promise<string> {
  const popup = await vigie.context.newPage();
  await popup.goto(`${vigie.base}/popup.html?tabId=${tabId}`);
  await popup.click('[data-testid=scan]');
  await popup.waitForSelector('[data-testid=result]', { timeout: ANSWER_WITHIN_MS });
  await expectInert(popup);
  const reportPromise = vigie.context.waitForEvent('page');
  await popup.click('[data-testid=open-report]');
  const report = await reportPromise;
  await report.waitForSelector('[data-testid=report]', { timeout: 15_000 });
  // Late effects have had their chance once the document and every image in it have finished (an
  // image's error event is queued as it completes) and the tasks queued by then have run.
  await report.waitForFunction(() => document.readyState === 'complete' && [...document.images].every((img) => img.complete));
  await report.evaluate(() => new Promise((resolve) => setTimeout(() => setTimeout(resolve, 0), 0)));
  await expectInert(report);
  const text = await report.locator('body').innerText();
  await report.close();
  await popup.close();
  return text;
}

const CHART_SVG = new Set(['svg', 'title', 'desc', 'rect', 'line', 'polyline', 'circle', 'text']);

function parseHtml(html: string) {
  const window = new Window();
  window.document.body.innerHTML = html;
  return window.document.body;
}

/** Every export format of a real audit of the page: HTML and Markdown render no element the page supplied; CSV starts no formula. */
function expectExportsInert(audit: Audit) {
  for (const format of EXPORT_FORMATS) {
    const content = exportAudit(audit, format, { locale: 'en', timeZone: 'UTC', level: 'full' }).content;
    expect(content.length).toBeGreaterThan(0);
    // Formats read by people show bidirectional overrides as visible code points; JSON is data and keeps the page's string.
    if (format !== 'json') expect(content, format).not.toContain('\u202E');
    if (format === 'html' || format === 'markdown') {
      const html = format === 'html' ? content : micromark(content, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true, allowDangerousProtocol: true });
      const body = parseHtml(html);
      expect(body.querySelectorAll('.vigiepwn, script, iframe, object, embed').length, format).toBe(0);
      // The only SVG is a chart's drawing (lib/export/render/chart-svg.ts): shapes and text, nothing else.
      for (const el of body.querySelectorAll('svg, svg *')) expect(CHART_SVG.has(el.tagName), `${format}: <${el.tagName}> in an SVG`).toBe(true);
      for (const el of body.querySelectorAll('*')) for (const attr of Array.from(el.attributes)) expect(attr.name.startsWith('on'), `${format}: <${el.tagName} ${attr.name}>`).toBe(false);
      for (const a of body.querySelectorAll('a')) expect(a.getAttribute('href') ?? '', format).not.toMatch(/^\s*(javascript|data):/i);
      for (const img of body.querySelectorAll('img')) expect(img.getAttribute('src') ?? '', format).toMatch(/^data:image\//);
    }
    if (format === 'csv') {
      for (const line of content.split(/\r?\n/)) for (const cell of line.split(',')) expect(cell.replace(/^"/, ''), 'CSV cell').not.toMatch(/^[=+\-@\t\r]/);
    }
    if (format === 'json') expect(() => JSON.parse(content)).not.toThrow();
  }
}

describe('hostile pages, more', () => {
  it('tampered built-ins in the page: the scan answers, lies stay text, nothing runs in Vigie', async () => {
    const { tabId } = await vigie.openTab(sites.urls['tamper.test']!.http);
    const { response, elapsed } = await timedScan(tabId);
    expect(elapsed).toBeLessThan(ANSWER_WITHIN_MS);
    const { audit } = auditOf(response);
    expect(audit.domain).toBe('tamper.test');
    if (process.env.VIGIE_E2E_VERBOSE) console.info('tamper.test', JSON.stringify(audit.evidence.globals), JSON.stringify(audit.notMeasured), audit.technologies.map((t) => `${t.name} ${t.version}`).join(', '));
    // The isolated-world snapshot does not see the page's replaced built-ins.
    expect(audit.evidence.page?.title).toBe('Tampered');
    // Main-world globals may be lied about (the page controls that world) but only as bounded strings.
    for (const lib of audit.evidence.globals?.libraries ?? []) expect(lib.version.length).toBeLessThanOrEqual(64);
    await throughTheUi(tabId);
    expectExportsInert(audit);
    await closeTab(tabId);
  });

  it('100,000 elements and thousands of scripts and resources: bounded lists, true counts, a bounded time', async () => {
    const { page, tabId } = await vigie.openTab(sites.urls['huge.test']!.http);
    await page.waitForFunction(() => performance.getEntriesByType('resource').length >= 3_000, undefined, { timeout: 30_000 }).catch(() => {});
    const { response, elapsed } = await timedScan(tabId);
    expect(elapsed).toBeLessThan(ANSWER_WITHIN_MS);
    const { audit } = auditOf(response);
    const snapshot = audit.evidence.page;
    if (snapshot) {
      expect(snapshot.elementCount).toBeGreaterThanOrEqual(100_000);
      expect(snapshot.scriptCount).toBeGreaterThanOrEqual(3_600);
      expect(snapshot.inlineScriptCount).toBeGreaterThanOrEqual(2_000);
      expect(snapshot.scripts.length).toBeLessThanOrEqual(1_500);
      expect(snapshot.resources.length).toBeLessThanOrEqual(1_500);
      expect(snapshot.subresources.length).toBeLessThanOrEqual(1_500);
      expect(audit.evidence.scriptFiles?.files.length ?? 0).toBeLessThanOrEqual(30);
    } else {
      // The snapshot ran out of time: then it says so.
      expect(audit.notMeasured).toContainEqual({ what: 'page', reason: { key: 'notMeasured.timeout', params: { ms: expect.any(Number) } } });
    }
    await closeTab(tabId);
  });

  it('nested, sandboxed and foreign frames: the top document is audited, the frames are listed, not entered', async () => {
    const { tabId } = await vigie.openTab(sites.urls['frames.test']!.http);
    const { response, elapsed } = await timedScan(tabId);
    expect(elapsed).toBeLessThan(ANSWER_WITHIN_MS);
    const { audit } = auditOf(response);
    expect(audit.domain).toBe('frames.test');
    expect(audit.evidence.page?.title).toBe('Frames');
    const frames = (audit.evidence.page?.subresources ?? []).filter((s) => s.kind === 'iframe').map((s) => s.url);
    expect(frames.some((u) => u.includes('/nest?'))).toBe(true);
    expect(frames.some((u) => u.includes('payload.test'))).toBe(true);
    expect(frames.some((u) => u.startsWith('javascript:'))).toBe(false);
    await throughTheUi(tabId);
    await closeTab(tabId);
  });

  it('a document sandboxed by its own CSP (opaque origin): answers, with the headers from the extension or marked not measured', async () => {
    const { tabId } = await vigie.openTab(sites.urls['sandboxed.test']!.http);
    const { response, elapsed } = await timedScan(tabId);
    expect(elapsed).toBeLessThan(ANSWER_WITHIN_MS);
    const { audit } = auditOf(response);
    expect(audit.domain).toBe('sandboxed.test');
    if (process.env.VIGIE_E2E_VERBOSE) console.info('sandboxed.test', audit.headerSource, JSON.stringify(audit.notMeasured));
    // document.cookie throws in a sandboxed document: no names, no failure.
    expect(audit.evidence.page?.documentCookieNames ?? []).toEqual([]);
    if (audit.headerSource === 'none') expect(audit.notMeasured.map((n) => n.what)).toContain('headers');
    else expect(audit.evidence.headers?.headers.some(([n]) => n.toLowerCase() === 'content-security-policy')).toBe(true);
    await closeTab(tabId);
  });

  it('a page that navigates away during the scan: an audit that says the page changed, then the new page scans normally', async () => {
    const { page, tabId } = await vigie.openTab(sites.urls['leave.test']!.http);
    const homeRequests = () => sites.requests.filter((r) => r.host === 'leave.test' && r.path === '/').length;
    const loads = homeRequests();
    const scanning = timedScan(tabId);
    // The snapshot's re-read of the page has reached the server (which holds it 2.5 s): the collector
    // is running in this document. Now the page leaves.
    await expect.poll(homeRequests, { timeout: 10_000, interval: 20 }).toBeGreaterThan(loads);
    await page.evaluate(() => location.assign('/elsewhere'));
    const { response, elapsed } = await scanning;
    if (process.env.VIGIE_E2E_VERBOSE) console.info('leave.test', JSON.stringify(response.ok ? { ok: true, url: response.audit.url, notMeasured: response.audit.notMeasured } : response));
    expect(elapsed).toBeLessThan(ANSWER_WITHIN_MS);
    const { audit } = auditOf(response);
    // The audit is of the page the scan started on, and says what it could no longer read, and why.
    expect(audit.domain).toBe('leave.test');
    expect(audit.url).not.toMatch(/\/elsewhere$/);
    expect(audit.evidence.page).toBeNull();
    const pageChanged = { key: 'notMeasured.page-changed', params: {} };
    expect(audit.notMeasured).toContainEqual({ what: 'page', reason: pageChanged });
    expect(audit.notMeasured).toContainEqual({ what: 'securityTxt', reason: pageChanged });
    expect(audit.notMeasured.map((n) => n.reason.key)).not.toContain('notMeasured.invalid-result');
    // The headers come from the extension's own request (the test build has access to the test hosts).
    expect(audit.headerSource).toBe('background-fetch');

    // The extension is still fine: the page it arrived at scans normally.
    await page.waitForURL(/\/elsewhere$/, { timeout: 10_000 });
    const again = auditOf((await timedScan(tabId)).response);
    expect(again.audit.url).toMatch(/\/elsewhere$/);
    expect(again.audit.evidence.page?.title).toBe('Elsewhere');
    expect(again.audit.notMeasured.map((n) => n.reason.key)).not.toContain('notMeasured.page-changed');
    await closeTab(tabId);
  });

  it("a CSP that forbids everything, connect-src included: the headers are read all the same, or said not measured", async () => {
    const { tabId } = await vigie.openTab(sites.urls['lockdown.test']!.http);
    const { response, elapsed } = await timedScan(tabId);
    expect(elapsed).toBeLessThan(ANSWER_WITHIN_MS);
    const { audit } = auditOf(response);
    if (process.env.VIGIE_E2E_VERBOSE) console.info('lockdown.test', audit.headerSource, JSON.stringify(audit.notMeasured));
    expect(['page-fetch', 'background-fetch', 'none']).toContain(audit.headerSource);
    if (audit.headerSource === 'none') {
      expect(audit.notMeasured.map((n) => n.what)).toContain('headers');
    } else {
      const csp = audit.evidence.headers?.headers.find(([n]) => n.toLowerCase() === 'content-security-policy')?.[1];
      expect(csp).toContain("default-src 'none'");
      expect(audit.findings.map((f) => f.ruleId)).not.toContain('csp.missing');
    }
    // security.txt is fetched by the collector or marked not measured, never silently absent.
    expect(audit.evidence.securityTxt !== null || audit.notMeasured.some((n) => n.what === 'securityTxt')).toBe(true);
    await closeTab(tabId);
  });

  it('attacker strings in every field read: kept bounded, shown as text, exported inert', async () => {
    const { tabId } = await vigie.openTab(sites.urls['payload.test']!.http);
    const { response, elapsed } = await timedScan(tabId);
    expect(elapsed).toBeLessThan(ANSWER_WITHIN_MS);
    const { audit } = auditOf(response);
    const page = audit.evidence.page!;
    // Read as the page gave them (title cut to the bound), then redacted: the script URL's token is gone.
    expect(page.title.length).toBeLessThanOrEqual(1024);
    expect(page.title).toContain('<img src=x onerror=');
    expect(page.metaGenerator.some((g) => g.includes('WordPress 4.9'))).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('abcdef0123456789abcdef0123456789');
    const header = (name: string) => audit.evidence.headers?.headers.find(([n]) => n.toLowerCase() === name)?.[1] ?? '';
    expect(header('server')).toContain('<img');
    expect(header('x-long').length).toBeLessThanOrEqual(16_384);
    expect(audit.evidence.securityTxt?.body ?? '').toContain('Acknowledgments:');

    const reportText = await throughTheUi(tabId);
    // The payloads are visible as text somewhere in the report (so the test reads the right page).
    expect(reportText).toContain('payload.test');
    expectExportsInert(audit);
    await closeTab(tabId);
  });

  it('no dialog was ever opened by an extension page, and no payload flag was set in one', () => {
    expect(extensionDialogs()).toEqual([]);
  });

  it('sent no request from the whole browser to any host but the local test sites', async () => {
    await vigie.close();
    expectOnlyLocalRequests(netLog, ['tamper.test', 'huge.test', 'frames.test', 'leave.test', 'lockdown.test', 'payload.test']);
  });
});
