/**
 * Hostile values, in every format, level and language: rendered as GitHub renders Markdown and as a
 * browser parses HTML, nothing becomes markup or a link that Vigie did not write; CSV cells never
 * start a formula; invisible characters are made visible; secrets stay redacted.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { EXPORT_LEVELS, exportAudit, exportMonthlyReport } from '../../lib/export';
import { LOCALES } from '../../lib/i18n';
import { HOSTILE, HOSTILE_AGENCY, hostileAudit } from '../fixtures/audits/hostile';
import { hostileMonthlyFixture } from '../fixtures/audits/monthly';
import { options } from './golden-helpers';
import { parseCsv } from './csv-parse';

/** The only live links allowed: the KB advisories of the fixture that are safe https addresses, and the agency site. */
const ALLOWED_LINKS = new Set(['https://github.com/advisories/GHSA-jpcq-cgw6-v4j6', 'https://acme.example/']);
const ALLOWED_TAGS = new Set(['DIV', 'H1', 'H2', 'H3', 'P', 'STRONG', 'CODE', 'A', 'UL', 'LI', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'PRE', 'BR', 'IMG', 'BLOCKQUOTE', 'HR']);
/** The charts' inline SVG: shapes and text only (no link, image, script or foreign content). */
const ALLOWED_SVG_TAGS = new Set(['svg', 'title', 'desc', 'rect', 'line', 'polyline', 'circle', 'text']);
const SVG_NS = 'http://www.w3.org/2000/svg';

function parseHtml(html: string) {
  const window = new Window();
  window.document.body.innerHTML = html;
  return window.document.body;
}

function expectInert(body: ReturnType<typeof parseHtml>, allowImage: boolean) {
  for (const el of body.querySelectorAll('*')) {
    const allowed = el.namespaceURI === SVG_NS ? ALLOWED_SVG_TAGS : ALLOWED_TAGS;
    expect(allowed.has(el.tagName), `unexpected <${el.tagName}>`).toBe(true);
    for (const attr of Array.from(el.attributes)) expect(attr.name.startsWith('on'), `attribute ${attr.name}`).toBe(false);
    if (el.namespaceURI === SVG_NS) for (const attr of Array.from(el.attributes)) expect(attr.name, `attribute ${attr.name} on <${el.tagName}>`).not.toMatch(/href/i);
  }
  for (const a of body.querySelectorAll('a')) expect(ALLOWED_LINKS.has(a.getAttribute('href') ?? ''), `link to ${a.getAttribute('href')}`).toBe(true);
  const images = body.querySelectorAll('img');
  if (!allowImage) expect(images.length).toBe(0);
  for (const img of images) expect(img.getAttribute('src')).toBe(HOSTILE_AGENCY.logo);
}

const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/;

describe.each(LOCALES)('hostile audit exports (%s)', (locale) => {
  describe.each(EXPORT_LEVELS)('%s level', (level) => {
    const opts = options(locale, HOSTILE_AGENCY, level);

    it('Markdown renders (GFM) with no HTML, no foreign link, and the hostile text shown literally', () => {
      const md = exportAudit(hostileAudit(), 'markdown', opts).content;
      const html = micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true, allowDangerousProtocol: true });
      const body = parseHtml(html);
      expectInert(body, false);
      if (level !== 'email') expect(body.textContent).toContain(HOSTILE.html);
      expect(body.textContent).toContain(`${HOSTILE.html} ${HOSTILE.mdLink}`.slice(0, 20));
      expect(INVISIBLE.test(md)).toBe(false);
    });

    it('HTML parses into the allowed elements only, with the hostile text as text', () => {
      const html = exportAudit(hostileAudit(), 'html', opts).content;
      const body = parseHtml(html.slice(html.indexOf('<body'), html.indexOf('</body>')).replace(/^<body[^>]*>/, ''));
      expectInert(body, level !== 'email');
      expect(body.textContent).toContain(HOSTILE.html);
      expect(INVISIBLE.test(html)).toBe(false);
    });

    it('plain text carries no invisible override and shows it as a code point', () => {
      const text = exportAudit(hostileAudit(), 'text', opts).content;
      expect(INVISIBLE.test(text)).toBe(false);
      if (level !== 'email') expect(text).toContain('<U+202E>');
    });
  });

  it('CSV: RFC 4180 rows of constant width, and no cell a spreadsheet would run as a formula', () => {
    const audit = hostileAudit();
    const csv = exportAudit(audit, 'csv', options(locale, HOSTILE_AGENCY)).content;
    expect(csv.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(audit.findings.length + 1);
    for (const row of rows) {
      expect(row).toHaveLength(rows[0]!.length);
      for (const cell of row) expect(/^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(cell), `formula cell ${JSON.stringify(cell.slice(0, 40))}`).toBe(false);
    }
    const all = rows.flat().join('\n');
    expect(all).toContain(`'${HOSTILE.formula}`);
    expect(all).toContain('<U+202E>');
  });

  it('the monthly report is as inert as the audit', () => {
    const opts = options(locale, HOSTILE_AGENCY);
    const md = exportMonthlyReport(hostileMonthlyFixture(), 'markdown', opts).content;
    expectInert(parseHtml(micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true, allowDangerousProtocol: true })), false);
    const html = exportMonthlyReport(hostileMonthlyFixture(), 'html', opts).content;
    expectInert(parseHtml(html.slice(html.indexOf('<div'), html.lastIndexOf('</body>'))), true);
    const rows = parseCsv(exportMonthlyReport(hostileMonthlyFixture(), 'csv', opts).content.slice(1));
    for (const cell of rows.flat()) expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
  });
});

describe('secrets and bounds', () => {
  it('redacts again on the way out: a token or a query string slipped into a finding never leaves', () => {
    const audit = hostileAudit();
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    audit.findings[0]!.evidence.push({ label: 'evidence.header', value: `Authorization: Bearer ${jwt}` }, { label: 'evidence.url', value: 'https://shop.example/account?session=abc123' });
    audit.url = 'https://shop.example/?token=s3cr3t';
    for (const format of ['markdown', 'text', 'html', 'csv', 'json'] as const) {
      const out = exportAudit(audit, format, options('en', null, 'full')).content;
      expect(out).not.toContain(jwt);
      expect(out).not.toContain('abc123');
      expect(out).not.toContain('s3cr3t');
    }
  });

  it('cuts very long values with a marker', () => {
    const md = exportAudit(hostileAudit(), 'markdown', options('en', null, 'full')).content;
    expect(md).not.toContain('A'.repeat(4001));
    expect(md).toContain('A'.repeat(4000));
    expect(md).toMatch(/more characters\)/);
  });

  it('a vulnerability whose address is not a clean https link is shown as code, not linked', () => {
    const html = exportAudit(hostileAudit(), 'html', options('en', null, 'full')).content;
    expect(html).not.toContain('href="javascript');
    expect(html).not.toMatch(/<a [^>]*user:pass@/);
    expect(html).toContain('user:pass@evil.example');
    expect(html).toContain('<code style="');
  });
});
