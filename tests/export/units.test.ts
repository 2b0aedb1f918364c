import { describe, expect, it } from 'vitest';
import { AgencyProfile, LOGO_MAX_CHARS, parseAgencyProfile } from '../../lib/agency/schema';
import { Audit } from '../../lib/audit/schema';
import { ageAt } from '../../lib/export/age';
import { createExportContext } from '../../lib/export/context';
import { csvCell } from '../../lib/export/csv';
import { exportAudit, exportFileName } from '../../lib/export';
import { escapeHtml } from '../../lib/export/render/html';
import { escapeMarkdownText, markdownCode } from '../../lib/export/render/markdown';
import { neutraliseInvisible } from '../../lib/export/sanitize';
import realistic from '../fixtures/audits/shop-example.json';
import { options } from './golden-helpers';

describe('CSV cells', () => {
  it.each([
    ['=1+1', '"\'=1+1"'],
    ['+33 1 23', '"\'+33 1 23"'],
    ['-2', '"\'-2"'],
    ['@SUM(A1)', '"\'@SUM(A1)"'],
    ['\t=1', '"\'\t=1"'],
    ['＝1+1', '"\'＝1+1"'],
    ['say "hi", ok', '"say ""hi"", ok"'],
    ['a\nb', '"a\r\nb"'],
    ['plain', '"plain"'],
  ])('%j → %s', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('keeps numbers as numbers', () => {
    expect(csvCell(-3)).toBe('"-3"');
  });
});

describe('Markdown escaping', () => {
  it('neutralises markup, autolinks and line-start syntax', () => {
    expect(escapeMarkdownText('<b>x</b> [a](javascript:b) *c* _d_ `e` | f')).toBe('\\<b\\>x\\</b\\> \\[a\\](javascript:b) \\*c\\* \\_d\\_ \\`e\\` \\| f');
    expect(escapeMarkdownText('see https://evil.example and www.evil.example')).toBe('see https\\://evil.example and www\\.evil.example');
    expect(escapeMarkdownText('# title')).toBe('\\# title');
    expect(escapeMarkdownText('- item')).toBe('\\- item');
    expect(escapeMarkdownText('1. item')).toBe('1\\. item');
    expect(escapeMarkdownText('a\nb')).toBe('a b');
  });

  it('fences code spans longer than any backtick run inside, and escapes pipes in tables', () => {
    expect(markdownCode('a`b', false)).toBe('``a`b``');
    expect(markdownCode('`x`', false)).toBe('`` `x` ``');
    expect(markdownCode('a|b', true)).toBe('`a\\|b`');
  });
});

describe('HTML and invisible characters', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml('<a href="x">\'&')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });

  it('shows bidirectional overrides and control characters as code points', () => {
    expect(neutraliseInvisible('a\u202Eb\u0007c\r\nd')).toBe('a<U+202E>b<U+0007>c\nd');
  });
});

describe('file names', () => {
  it('use the domain and the day of the audit, safely', () => {
    expect(exportFileName('shop.example', '2026-11-20T09:30:00.000Z', 'md', 'proposal')).toBe('vigie-shop.example-2026-11-20-proposal.md');
    expect(exportFileName('../../etc/passwd', 'garbage', 'csv')).toBe('vigie-etc_passwd-undated.csv');
    expect(exportFileName('', '2026-01-01', 'json')).toBe('vigie-site-2026-01-01.json');
  });
});

describe('agency profile', () => {
  const png = 'data:image/png;base64,iVBORw0KGgo=';
  it('accepts a name, a contact, an http(s) site and a raster logo', () => {
    expect(parseAgencyProfile({ name: 'Atelier', contact: 'a@b.example', website: 'https://atelier.example', logo: png })).not.toBeNull();
  });

  it.each([
    [{ name: '' }],
    [{ name: 'X', website: 'javascript:alert(1)' }],
    [{ name: 'X', website: 'https://user:pw@x.example' }],
    [{ name: 'X', logo: 'data:image/svg+xml;base64,PHN2Zz4=' }],
    [{ name: 'X', logo: 'https://x.example/logo.png' }],
    [{ name: 'X', logo: `data:image/png;base64,${'A'.repeat(LOGO_MAX_CHARS)}` }],
    [{ name: 'line\nbreak' }],
  ])('refuses %j', (raw) => {
    expect(parseAgencyProfile(raw)).toBeNull();
    expect(AgencyProfile.safeParse(raw).success).toBe(false);
  });
});

describe('language and locale', () => {
  it('re-renders findings in the export language, whatever the audit language', () => {
    const audit = Audit.parse({ ...realistic, locale: 'en' });
    const fr = exportAudit(audit, 'text', options('fr', null, 'full')).content;
    const en = exportAudit({ ...audit, locale: 'fr' }, 'text', options('en', null, 'full')).content;
    expect(fr).toContain('HSTS n\'est pas activé');
    expect(fr).not.toContain('HSTS is not enabled');
    expect(en).toContain('HSTS is not enabled');
  });

  it('formats dates and numbers in the report language', () => {
    const fr = createExportContext({ locale: 'fr', timeZone: 'UTC' });
    const en = createExportContext({ locale: 'en', timeZone: 'UTC' });
    expect(fr.date('2026-11-20T09:30:00Z')).toBe('20 novembre 2026');
    expect(en.date('2026-11-20T09:30:00Z')).toBe('November 20, 2026');
    expect(fr.number(1234.5)).toBe('1\u202f234,5');
    expect(en.number(1234.5)).toBe('1,234.5');
    expect(fr.date('not a date')).toBe('not a date');
  });

  it('dates a finding with the rule 1-5-15 at the audit date, not the clock', () => {
    expect(ageAt('2024-06-03T08:00:00Z', '2026-11-20T09:30:00Z')).toEqual({ days: 900, multiplier: 15 });
    expect(ageAt('2025-09-15T10:00:00Z', '2026-11-20T09:30:00Z')).toEqual({ days: 430, multiplier: 5 });
    expect(ageAt(undefined, '2026-11-20T09:30:00Z')).toBeNull();
    expect(ageAt('garbage', '2026-11-20T09:30:00Z')).toBeNull();
  });
});
