/**
 * Issue 16, end to end: a local site shaped like an old WordPress (core 4.9.8, Apache 2.4.29 (Ubuntu)
 * and PHP 7.2 banners, Contact Form 7 5.3.1 and Twenty Fifteen 1.1 with their real version files,
 * plus plugins whose readme lies, redirects, is huge or slow), scanned by Vigie in Chromium: what the
 * audit JSON holds, what the report shows in both languages, and which requests were made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Audit, Technology } from '../../lib/audit/schema';
import { LIGHT, SEVERITIES } from '../../lib/design/tokens';
import { knowledgeBaseMessage } from '../../lib/export/tech-status';
import { translate } from '../../lib/i18n';
import { oldWordpressSite } from '../sites/old-wordpress.mjs';
import { strongSite } from '../sites/strong.mjs';
import { weakSite } from '../sites/weak.mjs';
import { startSites, type RunningSites } from '../sites/index.mjs';
import { launchVigie, type Vigie } from './harness.mjs';
import { auditOf, findingsOf } from './helpers';

const HOST = 'old-wordpress.test';
let sites: RunningSites;
let vigie: Vigie;
let audit: Audit;

beforeAll(async () => {
  sites = await startSites({ sites: [oldWordpressSite, strongSite, weakSite] });
  vigie = await launchVigie();
  const { page, tabId } = await vigie.openTab(sites.url(HOST, 'http', '/'));
  ({ audit } = auditOf(await vigie.scan(tabId)));
  await page.close();
}, 120_000);

afterAll(async () => {
  await vigie?.close();
  await sites?.stop();
});

const tech = (name: string): Technology => {
  const found = audit.technologies.find((t) => t.name === name);
  if (!found) throw new Error(`${name} not in ${audit.technologies.map((t) => t.name).join(', ')}`);
  return found;
};

describe('the audit of an old WordPress', () => {
  it('judges WordPress core with its advisories, and names its branch’s latest release as the one to move to', () => {
    const wp = tech('WordPress');
    expect(wp).toMatchObject({ version: '4.9.8', category: 'cms' });
    expect(wp.vulnerabilities.length).toBeGreaterThan(20);
    expect(wp.updateTo?.version).toMatch(/^4\.9\.\d+$/);
    // 4.9 still gets security releases: behind its branch, not "end of life".
    expect(wp.eol).toBeUndefined();
    expect(wp.patchedAfterEol?.cycle).toBe('4.9');
    // Every finding that names a version for WordPress names the same one.
    const fixes = new Set(audit.findings.filter((f) => f.subject?.startsWith('wordpress')).map((f) => f.message.params.fix).filter(Boolean));
    expect([...fixes]).toEqual([wp.updateTo!.version]);
  });

  it('judges Apache from its banner as the upstream version, says Ubuntu may have patched it, and lowers the severity', () => {
    const apache = tech('Apache HTTP Server');
    expect(apache).toMatchObject({ version: '2.4.29', upstreamAssumed: { distribution: 'Ubuntu' } });
    expect(apache.vulnerabilities.map((v) => v.id)).toEqual(expect.arrayContaining(['CVE-2018-1312', 'CVE-2019-0211']));
    expect(apache.behind).toMatchObject({ since: '2018-03-21', next: { version: '2.4.33' } });
    expect(apache.behindBy).toMatch(/^P8Y\d+M$/);
    const finding = findingsOf(audit, 'components.vulnerable-version', 'apache@2.4.29')[0]!;
    // The worst advisory is Apache's "important" (high): one step lower for a distribution's build, never dropped.
    expect(apache.vulnerabilities.some((v) => v.severity === 'high')).toBe(true);
    expect(apache.vulnerabilities.some((v) => v.severity === 'critical')).toBe(false);
    expect(finding.severity).toBe('medium');
    expect(finding.message.params.caveat).toBe('rule.components.note.distribution');
  });

  it('lists the plugin and the theme with the version their own files state, and their advisories', () => {
    const cf7 = tech('Contact Form 7');
    expect(cf7).toMatchObject({ version: '5.3.1', category: 'plugin', versionFrom: 'readme', notJudged: 'no-release-dates' });
    expect(cf7.vulnerabilities.find((v) => v.id === 'CVE-2020-35489')).toMatchObject({ fixedIn: '5.3.2' });
    const theme = tech('Twenty Fifteen');
    expect(theme).toMatchObject({ version: '1.1', category: 'theme', versionFrom: 'style' });
    expect(theme.vulnerabilities.map((v) => v.id)).toContain('CVE-2015-3429');
    expect(findingsOf(audit, 'components.vulnerable-version', 'wp-plugin:contact-form-7@5.3.1')).toHaveLength(1);
  });

  it('keeps lying, redirected, huge and slow version files out of the verdict, with a reason each', () => {
    const byslug = Object.fromEntries(audit.evidence.versionFiles!.files.map((f) => [f.slug, f]));
    expect(byslug['contact-form-7']).toMatchObject({ outcome: 'version', version: '5.3.1' });
    expect(byslug['soft-404']).toMatchObject({ outcome: 'not-a-version-file' });
    expect(byslug['moved-away']).toMatchObject({ outcome: 'redirected' });
    // The stable tag of the huge readme is beyond the first 8 KiB: not read.
    expect(byslug['huge-readme']).toMatchObject({ outcome: 'no-version' });
    expect(byslug['slow-readme']).toMatchObject({ outcome: 'timeout' });
    const reasons = audit.notMeasured.filter((n) => n.what === 'versionFile').map((n) => `${n.reason.params.slug} ${n.reason.key}`);
    expect(reasons.sort()).toEqual([
      'huge-readme notMeasured.version-file.no-version',
      'moved-away notMeasured.version-file.redirected',
      'slow-readme notMeasured.version-file.timeout',
      'soft-404 notMeasured.version-file.not-a-version-file',
    ]);
    // A ?ver= value is a hint: shown, never judged; one equal to WordPress's own version is not even that.
    const moved = audit.technologies.find((t) => t.name === 'moved-away')!;
    expect(moved).toMatchObject({ version: '2.0.0', versionFrom: 'query-hint', notJudged: 'version-hint', vulnerabilities: [] });
    const slow = audit.technologies.find((t) => t.name === 'slow-readme')!;
    expect(slow).toMatchObject({ category: 'plugin', notJudged: 'version-unknown', vulnerabilities: [] });
    expect(slow.version).toBeUndefined();
  });

  it('asks only for the version files of the extensions the page references, on its own site, without cookies', () => {
    const asked = sites.requests.filter((r) => /\/(readme\.txt|style\.css)$/.test(r.path) && r.path.includes('/wp-content/')).map((r) => `${r.host}${r.path}`);
    expect(new Set(asked)).toEqual(new Set([
      `${HOST}/wp-content/plugins/contact-form-7/readme.txt`,
      `${HOST}/wp-content/plugins/soft-404/readme.txt`,
      `${HOST}/wp-content/plugins/moved-away/readme.txt`,
      `${HOST}/wp-content/plugins/huge-readme/readme.txt`,
      `${HOST}/wp-content/plugins/slow-readme/readme.txt`,
      `${HOST}/wp-content/themes/twentyfifteen/style.css`,
    ]));
  });

  it('counts the maintenance surface, and records the knowledge base’s date', () => {
    expect(audit.diagnosis.surface).toMatchObject({ byKind: expect.objectContaining({ cms: 1, plugin: 5, theme: 1 }) });
    expect(audit.diagnosis.surface!.vulnerable).toBeGreaterThanOrEqual(4);
    expect(audit.knowledgeBase?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('what the report says', () => {
  async function report(locale: 'en' | 'fr'): Promise<Page> {
    const page = await vigie.context.newPage();
    // The report speaks the browser's language: make this page's browser French or English.
    await page.addInitScript((lang: string) => {
      Object.defineProperty(navigator, 'languages', { get: () => [lang] });
      Object.defineProperty(navigator, 'language', { get: () => lang });
    }, locale === 'fr' ? 'fr-FR' : 'en-US');
    await page.goto(`${vigie.base}/report.html?id=${audit.id}`);
    await page.waitForSelector('[data-testid=technologies]', { timeout: 15_000 });
    return page;
  }

  for (const locale of ['en', 'fr'] as const) {
    it(`words durations, dates and versions for people (${locale})`, async () => {
      const page = await report(locale);
      const table = (await page.textContent('[data-testid=technologies]'))!;
      expect(table).toContain('Contact Form 7');
      expect(table).toContain('Twenty Fifteen');
      expect(table).toContain(translate(locale, 'tech.category.plugin'));
      expect(table).toContain(translate(locale, 'tech.status.version-file', { file: 'readme.txt' }));
      expect(table).toContain(translate(locale, 'tech.status.version-hint', { version: '2.0.0' }));
      expect(table).toContain(translate(locale, 'tech.status.upstream-distribution', { distribution: 'Ubuntu' }));
      const body = (await page.textContent('body'))!;
      // No ISO duration, no "since yes", no raw message key reaches the reader.
      expect(body).not.toMatch(/\bP\d+(?:Y|M)\b|\bP\d+Y\d+M\b/);
      expect(body).not.toMatch(/since yes|depuis le yes/i);
      // Where components were seen is worded, addresses without the redaction marker.
      const raw = /.{0,40}(?<![\w-])(?:script-url|extension-url|query-hint|readme|header):.{0,40}/.exec(body)?.[0];
      expect(raw ?? null).toBeNull();
      expect(body).not.toMatch(/\b(?:tech\.status|notMeasured|rule\.components)\.[\w.-]+/);
      const kb = knowledgeBaseMessage(audit)!;
      expect(await page.textContent('[data-testid=kb-date]')).toBe(translate(locale, kb.key, kb.params));
      expect(await page.textContent('[data-testid=not-measured]')).toContain('moved-away');
      await page.close();
    });
  }

  it('prints table headers and words whole, however many columns (no "Le/ve/l")', async () => {
    const page = await vigie.context.newPage();
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${vigie.base}/print.html?id=${audit.id}&lang=fr&level=full`);
    await page.waitForSelector('.export-doc table');
    // Each header cell wraps at most once per word: a header broken inside a word has more lines than words.
    const broken = await page.$$eval('.export-doc th', (cells) => cells.flatMap((th) => {
      const range = document.createRange();
      range.selectNodeContents(th);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      const words = (th.textContent ?? '').trim().split(/\s+/).filter(Boolean).length;
      return lines > Math.max(1, words) ? [`${th.textContent} (${lines} lines)`] : [];
    }));
    expect(broken).toEqual([]);
    await page.close();
  });

  /** Pages of a PDF: its page objects ("/Type /Page", not the "/Type /Pages" tree). */
  const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

  /** Scans a site once more: its history then has two audits, and its reports a score chart. */
  async function scanAgain(host: string): Promise<Audit> {
    const { page, tabId } = await vigie.openTab(sites.url(host, 'http', '/'));
    const again = auditOf(await vigie.scan(tabId)).audit;
    await page.close();
    return again;
  }

  it('prints the meeting report with the findings by severity of the audit JSON, as SVG, each severity written with its count', async () => {
    const page = await vigie.context.newPage();
    await page.goto(`${vigie.base}/print.html?id=${audit.id}&lang=fr&level=standard`);
    await page.waitForSelector('[data-testid=print-page][data-level=standard]');
    const svg = page.locator('[data-testid=export-chart][data-chart=severity] svg');
    expect(await svg.getAttribute('role')).toBe('img');
    expect(await svg.locator('> title').textContent()).toBe(translate('fr', 'export.chart.severity.title'));
    const counts = Object.fromEntries(SEVERITIES.map((s) => [s, audit.findings.filter((f) => f.severity === s).length]));
    expect(await svg.locator('text').allTextContents()).toEqual(SEVERITIES.flatMap((s) => [translate('fr', `severity.${s}`), String(counts[s])]));
    // The old WordPress has findings of several severities, each drawn in its own colour.
    const fills = await svg.locator('rect').evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')));
    expect(fills).toEqual(SEVERITIES.filter((s) => counts[s]! > 0).map((s) => LIGHT.sevBg[s]));
    expect(fills.length).toBeGreaterThan(2);
    expect(await svg.locator('> desc').textContent()).toContain(String(audit.findings.length));
    // A single audit of the domain: no score over time.
    expect(await page.locator('[data-testid=export-chart][data-chart=score]').count()).toBe(0);
    await page.close();
  });

  it('prints three levels within their page counts: summary ≤ 2 A4 pages, standard ≤ 8, full with contents', async () => {
    // Each site audited twice: the meeting report has both charts, the score over time too.
    const wordpress = await scanAgain(HOST);
    await scanAgain('weak.test');
    const weak = await scanAgain('weak.test');
    const counts: Record<string, number> = {};
    for (const [name, id] of [['wordpress', wordpress.id], ['weak', weak.id]] as const) {
      for (const level of ['summary', 'standard', 'full'] as const) {
        const page = await vigie.context.newPage();
        await page.goto(`${vigie.base}/print.html?id=${id}&lang=fr&level=${level}`);
        await page.waitForSelector(`[data-testid=print-page][data-level=${level}]`);
        // The one-page summary has no room for a chart.
        expect(await page.locator('[data-testid=export-chart]').evaluateAll((f) => f.map((x) => x.getAttribute('data-chart')))).toEqual(level === 'summary' ? [] : ['severity', 'score']);
        // The page's own CSS page size (A4) and margins, as "Save as PDF" would use them.
        counts[`${name}.${level}`] = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
        if (level === 'full') expect(await page.locator('h2').first().textContent()).toBe('Sommaire');
        await page.close();
      }
    }
    console.log(`[print] A4 pages per level: ${JSON.stringify(counts)}`);
    for (const name of ['wordpress', 'weak']) {
      expect(counts[`${name}.summary`], JSON.stringify(counts)).toBeGreaterThan(0);
      expect(counts[`${name}.summary`], JSON.stringify(counts)).toBeLessThanOrEqual(2);
      expect(counts[`${name}.standard`], JSON.stringify(counts)).toBeLessThanOrEqual(8);
      expect(counts[`${name}.standard`], JSON.stringify(counts)).toBeLessThan(counts[`${name}.full`]!);
    }
  }, 120_000);
});
