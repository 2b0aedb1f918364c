/**
 * Exports in a real Chromium, for a site whose headers carry hostile strings (an HTML image with an
 * onerror handler, a spreadsheet formula, Markdown link syntax): the report page's rich copy read
 * back from the real clipboard in both flavours (text/html and text/plain), the Markdown copy, the
 * JSON, CSV and Markdown downloads with their names, the popup's copy buttons and their
 * confirmation, and the print page rendered to PDF in French and English with its text extracted.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import type { Audit } from '../../lib/audit/schema';
import { auditDoc, clipboardPayload, redactForExport, type ExportLevel } from '../../lib/export';
import { renderMarkdown } from '../../lib/export/render/markdown';
import { renderText } from '../../lib/export/render/text';
import { translate, type Locale } from '../../lib/i18n';
import { startSites, type RunningSites } from '../sites/index.mjs';
import { HOSTILE_FORMULA, HOSTILE_HTML, HOSTILE_MARKDOWN, pastedSite } from '../sites/pasted.mjs';
import { launchVigie, type Vigie } from './harness.mjs';
import { auditOf, expectOnlyLocalRequests, netLogPath } from './helpers';
import { dumpStores, openPopup, scanInPopup, storedAudit } from './support-pages';
import { SEVERITIES } from '../../lib/design/tokens';
import type { ChartBlock } from '../../lib/export/doc';

const DOMAIN = 'pasted.test';
const en = (key: string, params?: Record<string, string | number>) => translate('en', key, params);
const docOf = (audit: Audit, level: ExportLevel, locale: Locale = 'en') => auditDoc(audit, { locale, level, agency: null });

let sites: RunningSites;
let vigie: Vigie;
const netLog = netLogPath('exports');
const work = mkdtempSync(join(tmpdir(), 'vigie-exports-'));
let audit: Audit;
let tabId: number;

beforeAll(async () => {
  sites = await startSites({ sites: [pastedSite] });
  vigie = await launchVigie({ netLogPath: netLog });
  // The real clipboard, for Vigie's pages (toolchain.md).
  await vigie.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The site's tab stays open: the popup scans it again later.
  ({ tabId } = await vigie.openTab(sites.url(DOMAIN, 'http', '/')));
  audit = auditOf(await vigie.scan(tabId)).audit;
});

afterAll(async () => {
  await vigie?.close();
  await sites?.stop();
});

/** Both flavours of what the clipboard holds, as another application would read them. */
async function readClipboard(page: Page): Promise<{ types: string[]; html: string | null; text: string }> {
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    if (!item) throw new Error('The clipboard is empty');
    const html = item.types.includes('text/html') ? await (await item.getType('text/html')).text() : null;
    return { types: [...item.types].sort(), html, text: await navigator.clipboard.readText() };
  });
}

/** What an HTML paste would show and contain, parsed by the browser. */
async function parseHtml(page: Page, html: string) {
  return page.evaluate((markup) => {
    const doc = new DOMParser().parseFromString(markup, 'text/html');
    return {
      text: doc.body.textContent ?? '',
      images: doc.querySelectorAll('img').length,
      handlers: [...doc.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      links: [...doc.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
      headings: [...doc.querySelectorAll('h1, h2')].map((h) => h.textContent),
      tables: doc.querySelectorAll('table').length,
    };
  }, html);
}

async function clickCopy(page: Page, testId: string, confirmation = en('export.ui.copied')) {
  await page.bringToFront();
  await page.click(`[data-testid=${testId}]`);
  await page.waitForSelector(`[data-testid=${testId}][data-state=copied]`, { timeout: 5000 });
  // The confirmation is in the live region next to the button.
  expect(await page.$eval(`[data-testid=${testId}]`, (b) => b.nextElementSibling?.textContent)).toBe(confirmation);
}

async function download(page: Page, testId: string): Promise<{ name: string; content: string }> {
  const [file] = (await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testId}]`)])) as [Download, void];
  return { name: file.suggestedFilename(), content: readFileSync((await file.path())!, 'utf8') };
}

/** RFC 4180 fields (every field quoted by Vigie), for checking cell starts. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (c !== '\r') cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

describe('the report page', () => {
  let report: Page;
  const day = () => audit.startedAt.slice(0, 10);

  beforeAll(async () => {
    report = await vigie.context.newPage();
    await report.goto(`${vigie.base}/report.html?id=${audit.id}`);
    await report.waitForSelector('[data-testid=export-panel]');
    await report.selectOption('[data-testid=export-language]', 'en');
    await report.selectOption('[data-testid=export-level]', 'full');
  });

  it('copies the full report as rich HTML and plain text, both read back from the real clipboard', async () => {
    await clickCopy(report, 'copy-rich');
    const clip = await readClipboard(report);
    expect(clip.types).toEqual(['text/html', 'text/plain']);
    const expected = clipboardPayload(docOf(audit, 'full'));

    // Plain text: exactly Vigie's text rendering, with the domain, the grade and every finding.
    expect(clip.text).toBe(expected.text);
    expect(clip.text).toContain(DOMAIN);
    expect(clip.text).toContain(`${audit.score.grade} (${audit.score.value}/100)`);
    for (const f of audit.findings) expect(clip.text, f.ruleId).toContain(f.title);
    // Page-supplied values are quoted as text.
    expect(clip.text).toContain(HOSTILE_HTML);
    expect(clip.text).toContain(HOSTILE_FORMULA);

    // HTML: headings and tables for a paste into a document, the hostile values escaped.
    const html = clip.html!;
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain(HOSTILE_HTML);
    const parsed = await parseHtml(report, html);
    expect(parsed.images).toBe(0);
    expect(parsed.handlers).toBe(0);
    expect(parsed.links.filter((href) => href?.includes('evil.test'))).toEqual([]);
    expect(parsed.headings[0]).toBe(docOf(audit, 'full').title);
    expect(parsed.tables).toBeGreaterThan(0);
    expect(parsed.text).toContain(DOMAIN);
    expect(parsed.text).toContain(`${audit.score.grade} (${audit.score.value}/100)`);
    for (const f of audit.findings) expect(parsed.text, f.ruleId).toContain(f.title);
    // The hostile strings survive as visible text, not as markup.
    expect(parsed.text).toContain(HOSTILE_HTML);
    expect(parsed.text).toContain(HOSTILE_FORMULA);
  });

  it('copies Markdown with no live markup from the page', async () => {
    await clickCopy(report, 'copy-markdown');
    const clip = await readClipboard(report);
    expect(clip.types).toEqual(['text/plain']);
    expect(clip.text).toBe(renderMarkdown(docOf(audit, 'full')));
    expect(clip.text.startsWith(`# ${docOf(audit, 'full').title}`)).toBe(true);
    // Outside code spans (shown literally), no raw HTML and no link from the page.
    const outsideCode = clip.text.replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toMatch(/(?<!\\)<img/);
    expect(outsideCode).not.toContain(HOSTILE_MARKDOWN);
    expect(outsideCode).not.toMatch(/(?<!\\)\]\(http:\/\/evil/);
    // …where the values are quoted in prose, their markup characters are escaped.
    expect(outsideCode).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(outsideCode).toContain('\\[click\\](http\\://evil.test/md)');
  });

  it('downloads the complete audit as JSON, named after the domain and date', async () => {
    const file = await download(report, 'download-json');
    expect(file.name).toBe(`vigie-${DOMAIN}-${day()}.json`);
    const exported = JSON.parse(file.content) as Audit;
    // The complete audit as stored (exports redact again, which changes nothing on a fresh audit).
    expect(exported).toEqual(redactForExport(audit));
    expect(exported).toEqual(audit);
    expect(exported.schemaVersion).toBe(1);
  });

  it('downloads a CSV with one row per finding and no cell a spreadsheet would run', async () => {
    const file = await download(report, 'download-csv');
    expect(file.name).toBe(`vigie-${DOMAIN}-${day()}.csv`);
    expect(file.content.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(file.content.slice(1));
    expect(rows.length - 1).toBe(audit.findings.length);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(audit.findings.map((f) => f.id).sort());
    for (const cell of rows.flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.flat().some((cell) => cell.includes(HOSTILE_FORMULA))).toBe(true);
  });

  it('downloads Markdown named after the domain, date and level', async () => {
    const full = await download(report, 'download-markdown');
    expect(full.name).toBe(`vigie-${DOMAIN}-${day()}.md`);
    expect(full.content).toBe(renderMarkdown(docOf(audit, 'full')));
    await report.selectOption('[data-testid=export-level]', 'proposal');
    const proposal = await download(report, 'download-markdown');
    expect(proposal.name).toBe(`vigie-${DOMAIN}-${day()}-proposal.md`);
    expect(proposal.content).toBe(renderMarkdown(docOf(audit, 'proposal')));
    expect(proposal.content).toContain(DOMAIN);
  });

  it('exports in the report language chosen at export time, links to the print page in it', async () => {
    expect(await report.getAttribute('[data-testid=export-print]', 'href')).toBe(`${vigie.base}/print.html?id=${audit.id}&lang=en`);
    await report.selectOption('[data-testid=export-language]', 'fr');
    await report.selectOption('[data-testid=export-level]', 'email');
    expect(await report.getAttribute('[data-testid=export-print]', 'href')).toBe(`${vigie.base}/print.html?id=${audit.id}&lang=fr`);
    // The panel offers the three print levels.
    expect(await report.getAttribute('[data-testid=export-print-summary]', 'href')).toBe(`${vigie.base}/print.html?id=${audit.id}&lang=fr&level=summary`);
    expect(await report.getAttribute('[data-testid=export-print-full]', 'href')).toBe(`${vigie.base}/print.html?id=${audit.id}&lang=fr&level=full`);
    // A French email summary, while the page itself stays in English.
    await clickCopy(report, 'copy-text');
    const french = (await readClipboard(report)).text;
    expect(french).toBe(renderText(docOf(audit, 'email', 'fr')));
    expect(french).not.toBe(renderText(docOf(audit, 'email', 'en')));
    expect(french).toContain(DOMAIN);
    await report.close();
  });
});

describe('the popup copy buttons', () => {
  it('copy the email summary and say so', async () => {
    const popup = await openPopup(vigie, tabId);
    const id = await scanInPopup(popup);
    const scanned = await storedAudit(vigie.controlPage, id);
    await popup.waitForSelector('[data-testid=copy-rich][data-state=idle]');
    expect(await popup.$eval('[data-testid=copy-rich]', (b) => b.nextElementSibling?.textContent)).toBe('');

    await clickCopy(popup, 'copy-rich');
    const rich = await readClipboard(popup);
    expect(rich.types).toEqual(['text/html', 'text/plain']);
    expect(rich.text).toBe(clipboardPayload(docOf(scanned, 'email')).text);
    expect(rich.text).toContain(DOMAIN);
    expect(rich.text).toContain(scanned.score.grade);
    expect((await parseHtml(popup, rich.html!)).text).toContain(DOMAIN);

    await clickCopy(popup, 'copy-markdown');
    expect((await readClipboard(popup)).text).toBe(renderMarkdown(docOf(scanned, 'email')));
    // The confirmation goes away by itself.
    await popup.waitForSelector('[data-testid=copy-markdown][data-state=idle]', { timeout: 5000 });
    await popup.close();
  });
});

/**
 * The PDF's text, extracted by pdftotext (Debian package poppler-utils). Without it, the text the
 * print page laid out is read from the page instead, and the test says so in its output.
 */
const PDFTOTEXT = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

async function printedText(page: Page, pdf: Buffer, name: string): Promise<string> {
  if (!PDFTOTEXT) {
    console.warn('pdftotext not found (apt-get install -y poppler-utils): checking the print page\'s text instead of the PDF\'s.');
    return (await page.textContent('main')) ?? '';
  }
  const path = join(work, `${name}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

describe('the print page', () => {
  it.each(['fr', 'en'] as const)('renders the full report in %s to an A4 PDF with the title, domain and grade', async (lang) => {
    const page = await vigie.context.newPage();
    await page.goto(`${vigie.base}/print.html?id=${audit.id}&lang=${lang}&level=full`);
    await page.waitForSelector(`[data-testid=print-page][data-audit-id="${audit.id}"]`);
    const doc = docOf(audit, 'full', lang);
    expect(await page.title()).toBe(doc.title);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.$$('main img')).toHaveLength(0);

    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.print-button')).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(1);

    const text = (await printedText(page, pdf, `print-${lang}`)).replace(/\s+/g, ' ');
    expect(text).toContain(doc.title);
    expect(text).toContain(DOMAIN);
    expect(text).toContain(`${audit.score.grade} (${audit.score.value}/100)`);
    // The report language, not the browser's: a heading of that language only.
    const otherTitle = docOf(audit, 'full', lang === 'fr' ? 'en' : 'fr').title;
    expect(text).not.toContain(otherTitle);
    // Page-supplied values printed as text.
    expect(text).toContain('onerror=alert(1)');
    await page.close();
  });
});

describe('the charts of the printed meeting report', () => {
  it.each(['fr', 'en'] as const)('draw in %s the findings by severity of the audit JSON and the score of each audit of the domain, as SVG', async (lang) => {
    // The popup scanned the site again: the domain has two audits, the newer one is printed.
    const summaries = ((await dumpStores(vigie.controlPage, ['summaries'])).summaries ?? [])
      .map((r) => r.value as { id: string; domain: string; startedAt: string; score: number })
      .filter((s) => s.domain === DOMAIN)
      .sort((a, b) => (a.startedAt < b.startedAt ? -1 : 1));
    expect(summaries.length).toBeGreaterThanOrEqual(2);
    const latest = await storedAudit(vigie.controlPage, summaries.at(-1)!.id);
    const page = await vigie.context.newPage();
    await page.goto(`${vigie.base}/print.html?id=${latest.id}&lang=${lang}&level=standard`);
    await page.waitForSelector('[data-testid=export-chart][data-chart=score] svg');
    const drawn = await page.$$eval('[data-testid=export-chart]', (figures) => figures.map((f) => {
      const svg = f.querySelector('svg')!;
      return {
        chart: f.getAttribute('data-chart'),
        role: svg.getAttribute('role'),
        title: svg.querySelector(':scope > title')?.textContent,
        desc: svg.querySelector(':scope > desc')?.textContent,
        texts: [...svg.querySelectorAll('text')].map((t) => t.textContent),
        bars: svg.querySelectorAll('rect').length,
        dots: [...svg.querySelectorAll('circle')].map((c) => c.querySelector('title')?.textContent),
      };
    }));
    expect(drawn.map((d) => [d.chart, d.role])).toEqual([['severity', 'img'], ['score', 'img']]);

    // Each severity written with its count, the counts those of the audit JSON.
    const counts = Object.fromEntries(SEVERITIES.map((s) => [s, latest.findings.filter((f) => f.severity === s).length]));
    const [severity, score] = drawn as [typeof drawn[0], typeof drawn[0]];
    expect(severity.texts).toEqual(SEVERITIES.flatMap((s) => [translate(lang, `severity.${s}`), String(counts[s])]));
    expect(severity.bars).toBe(SEVERITIES.filter((s) => counts[s]! > 0).length);
    expect(severity.title).toBe(translate(lang, 'export.chart.severity.title'));
    // The words are those of the export built from the same audit and history.
    const charts = auditDoc(latest, { locale: lang, level: 'standard', agency: null, history: summaries }).blocks.filter((b): b is ChartBlock => b.kind === 'chart');
    expect([severity.desc, score.desc]).toEqual(charts.map((c) => c.description));
    expect(severity.desc).toContain(String(latest.findings.length));
    // One dot per audit of the domain, each with its score.
    expect(score.dots).toHaveLength(summaries.length);
    summaries.forEach((s, i) => expect(score.dots[i]).toContain(`${s.score}/100`));
    await page.close();
  });
});

describe('network', () => {
  it('sent no request from the whole browser to any host but the local test site', async () => {
    await vigie.close();
    expectOnlyLocalRequests(netLog, [DOMAIN]);
  });
});
