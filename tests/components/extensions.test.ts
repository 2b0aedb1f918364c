/**
 * WordPress plugins and themes: found from the page's own URLs, versions confirmed from their own
 * readme.txt / style.css (real headers), read within bounds, and judged only when the version is known.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVersionFiles, versionFileGaps, VERSION_FILE_LIMITS, type FileRead, type FileReader } from '../../lib/collect/version-files';
import { detectComponents } from '../../lib/components/detect';
import { readVersionFile, referencedExtensions } from '../../lib/components/extensions';
import { Evidence } from '../../lib/evidence/schema';
import { ruleContext } from '../support/kb';
import { wordpressPage } from '../fixtures/components/pages';

const fixture = (name: string) => readFileSync(join(process.cwd(), 'tests', 'fixtures', 'wordpress', name), 'utf8');
const ORIGIN = 'https://blog.example.test';
const NOW = new Date('2026-11-28T12:00:00Z');

describe('extensions referenced by the page', () => {
  it('finds plugins and themes by slug, keeps a sub-folder install and the ?ver= hints, same origin only', () => {
    const found = referencedExtensions([
      `${ORIGIN}/site/wp-content/plugins/contact-form-7/includes/js/index.js?ver=5.3.1`,
      `${ORIGIN}/site/wp-content/plugins/contact-form-7/includes/css/styles.css?ver=5.3.1`,
      `${ORIGIN}/site/wp-content/themes/TwentyFifteen/style.css?ver=4.9.8`,
      'https://cdn.example.net/wp-content/plugins/elementor/x.js',
      `${ORIGIN}/wp-content/plugins/../../etc/passwd`,
      `${ORIGIN}/modules/contrib/webform/js/webform.js`,
      `${ORIGIN}/media/com_virtuemart/css/vm-site.css?v=4.2.4`,
      `${ORIGIN}/modules/mod_menu/tmpl/default.js`,
      'javascript:alert(1)',
    ], ORIGIN);
    expect(found.map((e) => e.id)).toEqual(['wp-plugin:contact-form-7', 'wp-theme:twentyfifteen', 'drupal-module:webform', 'joomla-extension:com_virtuemart', 'joomla-extension:mod_menu']);
    expect(found[0]).toMatchObject({ slug: 'contact-form-7', base: `${ORIGIN}/site/wp-content/plugins/contact-form-7/`, verHints: ['5.3.1'] });
    expect(found[0]!.urls).toHaveLength(2);
    // The folder keeps its case for fetching; the id is lower-case for the knowledge base.
    expect(found[1]).toMatchObject({ slug: 'TwentyFifteen', base: `${ORIGIN}/site/wp-content/themes/TwentyFifteen/` });
  });

  it('stops at a bounded number of extensions', () => {
    const urls = Array.from({ length: 500 }, (_, i) => `${ORIGIN}/wp-content/plugins/p${i}/a.js`);
    expect(referencedExtensions(urls, ORIGIN, 200)).toHaveLength(200);
  });
});

describe('version files', () => {
  it('reads the stable tag and name of a real readme.txt, and the header of a real style.css', () => {
    expect(readVersionFile('wp-plugin', fixture('contact-form-7.readme.txt'))).toEqual({ ok: true, version: '6.0.6', name: 'Contact Form 7' });
    expect(readVersionFile('wp-theme', fixture('twentyseventeen.style.css'))).toEqual({ ok: true, version: '2.5', name: 'Twenty Seventeen' });
  });

  it('refuses trunk, error pages, binary files, headerless files and values that are no version', () => {
    const readme = fixture('contact-form-7.readme.txt');
    expect(readVersionFile('wp-plugin', readme.replace('Stable tag: 6.0.6', 'Stable tag: trunk'))).toEqual({ ok: false, reason: 'trunk' });
    expect(readVersionFile('wp-plugin', '<!doctype html><title>Not found</title>')).toEqual({ ok: false, reason: 'not-a-version-file' });
    expect(readVersionFile('wp-plugin', `=== X ===\u0000\u0001`)).toEqual({ ok: false, reason: 'not-text' });
    expect(readVersionFile('wp-plugin', readme.replace('Stable tag: 6.0.6', 'Stable tag: <script>alert(1)</script>'))).toEqual({ ok: false, reason: 'no-version' });
    expect(readVersionFile('wp-theme', 'body { color: red }')).toEqual({ ok: false, reason: 'not-a-version-file' });
    // A stable tag beyond the first 8 KiB is not read.
    expect(readVersionFile('wp-plugin', `=== X ===\n${'a'.repeat(9000)}\nStable tag: 1.0`)).toEqual({ ok: false, reason: 'no-version' });
  });
});

const body = (text: string): FileRead => ({ kind: 'body', bytes: new TextEncoder().encode(text) });

describe('reading version files within bounds', () => {
  it('reads at most 20 files, themes first, lists every one asked for, and never another origin', async () => {
    const urls = [
      ...Array.from({ length: 25 }, (_, i) => `${ORIGIN}/wp-content/plugins/plugin-${i}/a.js`),
      `${ORIGIN}/wp-content/themes/twentyseventeen/style.css`,
    ];
    const asked: string[] = [];
    const reader: FileReader = async (url) => {
      asked.push(url);
      return url.endsWith('style.css') ? body(fixture('twentyseventeen.style.css')) : body(fixture('contact-form-7.readme.txt'));
    };
    const result = await readVersionFiles(referencedExtensions(urls, ORIGIN), ORIGIN, reader);
    expect(asked).toHaveLength(VERSION_FILE_LIMITS.maxFiles);
    expect(asked[0]).toBe(`${ORIGIN}/wp-content/themes/twentyseventeen/style.css`);
    expect(asked.every((u) => u.startsWith(`${ORIGIN}/`))).toBe(true);
    expect(result.files).toHaveLength(26);
    expect(result.files.filter((f) => f.outcome === 'skipped-limit')).toHaveLength(6);
    expect(result.files[0]).toMatchObject({ kind: 'wp-theme', outcome: 'version', version: '2.5', name: 'Twenty Seventeen' });
    Evidence.shape.versionFiles.parse(result);
  });

  it('turns slow, redirected, missing and lying files into reasons, and never fails', async () => {
    const outcomes: Record<string, FileRead | 'throw'> = {
      slow: { kind: 'timeout' },
      moved: { kind: 'redirected' },
      gone: { kind: 'status', status: 404 },
      liar: body('<html><body>Page not found</body></html>'),
      binary: { kind: 'body', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]) },
      broken: 'throw',
    };
    const reader: FileReader = async (url) => {
      const slug = /plugins\/([^/]+)\//.exec(url)![1]!;
      const got = outcomes[slug]!;
      if (got === 'throw') throw new Error('boom');
      return got;
    };
    const urls = Object.keys(outcomes).map((slug) => `${ORIGIN}/wp-content/plugins/${slug}/x.js`);
    const result = await readVersionFiles(referencedExtensions(urls, ORIGIN), ORIGIN, reader);
    expect(Object.fromEntries(result.files.map((f) => [f.slug, f.outcome]))).toEqual({
      slow: 'timeout', moved: 'redirected', gone: 'not-found', liar: 'not-a-version-file', binary: 'not-text', broken: 'error',
    });
    const gaps = versionFileGaps(result);
    expect(gaps).toHaveLength(6);
    expect(gaps[2]).toEqual({ what: 'versionFile', reason: { key: 'notMeasured.version-file.not-found', params: { slug: 'gone', url: `${ORIGIN}/wp-content/plugins/gone/readme.txt`, status: 404 } } });
  });

  it('reads only the first 8 KiB of a huge file', async () => {
    let handed = 0;
    const reader: FileReader = async (_url, limits) => {
      const text = `=== Big ===\nStable tag: 1.2.3\n${'x'.repeat(5_000_000)}`;
      handed = Math.min(text.length, limits.maxBytes);
      return body(text);
    };
    const result = await readVersionFiles(referencedExtensions([`${ORIGIN}/wp-content/plugins/big/x.js`], ORIGIN), ORIGIN, reader);
    expect(handed).toBe(8192);
    expect(result.files[0]).toMatchObject({ outcome: 'version', version: '1.2.3' });
  });
});

describe('plugins and themes in the audit', () => {
  const page = (files: unknown[], extraUrls: string[] = []) => Evidence.parse({
    ...wordpressPage,
    page: {
      ...wordpressPage.page!,
      scripts: [...wordpressPage.page!.scripts, ...[
        'https://blog.example.test/wp-content/plugins/contact-form-7/includes/js/index.js?ver=5.3.1',
        'https://blog.example.test/wp-content/plugins/akismet/_inc/akismet.js?ver=6.4.3',
        ...extraUrls,
      ].map((src) => ({ src }))],
      stylesheets: [...wordpressPage.page!.stylesheets, { href: 'https://blog.example.test/wp-content/themes/twentyfifteen/style.css?ver=6.4.3' }],
    },
    versionFiles: { files },
  });

  it('judges a plugin and a theme whose own files state the version, with the name they give themselves', () => {
    const found = detectComponents(page([
      { kind: 'wp-plugin', slug: 'contact-form-7', url: 'https://blog.example.test/wp-content/plugins/contact-form-7/readme.txt', outcome: 'version', version: '5.3.1', name: 'Contact Form 7' },
      { kind: 'wp-theme', slug: 'twentyfifteen', url: 'https://blog.example.test/wp-content/themes/twentyfifteen/style.css', outcome: 'version', version: '1.1', name: 'Twenty Fifteen' },
      { kind: 'wp-plugin', slug: 'akismet', url: 'https://blog.example.test/wp-content/plugins/akismet/readme.txt', outcome: 'not-found', status: 404 },
    ]), ruleContext(NOW));
    const cf7 = found.find((d) => d.component === 'wp-plugin:contact-form-7')!.technology;
    expect(cf7).toMatchObject({ name: 'Contact Form 7', version: '5.3.1', category: 'plugin', versionFrom: 'readme', notJudged: 'no-release-dates' });
    expect(cf7.vulnerabilities.map((v) => v.id)).toContain('CVE-2020-35489');
    expect(cf7.vulnerabilities.find((v) => v.id === 'CVE-2020-35489')).toMatchObject({ fixedIn: '5.3.2', severity: 'high', source: 'wordfence' });
    const theme = found.find((d) => d.component === 'wp-theme:twentyfifteen')!.technology;
    expect(theme).toMatchObject({ name: 'Twenty Fifteen', version: '1.1', category: 'theme', versionFrom: 'style' });
    expect(theme.vulnerabilities.map((v) => v.id)).toContain('CVE-2015-3429');
    // Akismet's only version is "?ver=6.4.3", WordPress's own: not even a hint, the version is unknown.
    const akismet = found.find((d) => d.component === 'wp-plugin:akismet')!.technology;
    expect(akismet).toMatchObject({ notJudged: 'version-unknown', vulnerabilities: [] });
    expect(akismet.version).toBeUndefined();
    expect(akismet.confidence).toBeGreaterThanOrEqual(90);
  });

  it('without any version file, the ?ver= hint is not judged, and a plugin without one is "version unknown"', () => {
    const found = detectComponents(page([], ['https://blog.example.test/wp-content/plugins/no-version-plugin/a.js']), ruleContext(NOW));
    const cf7 = found.find((d) => d.component === 'wp-plugin:contact-form-7')!;
    expect(cf7.technology).toMatchObject({ version: '5.3.1', notJudged: 'version-hint', vulnerabilities: [] });
    expect(cf7.verdict).toBeUndefined();
    expect(found.find((d) => d.component === 'wp-plugin:no-version-plugin')!.technology).toMatchObject({ category: 'plugin', notJudged: 'version-unknown' });
  });
});

describe('where a component was seen, in words', () => {
  it('labels every kind of source and drops the redaction marker from addresses', async () => {
    const { sourceMessage } = await import('../../lib/export/tech-status');
    const { translate } = await import('../../lib/i18n');
    const say = (locale: 'en' | 'fr', s: string) => { const m = sourceMessage(s); return translate(locale, m.key, m.params); };
    expect(say('en', 'header:server')).toBe('Response header Server');
    expect(say('fr', 'header:x-powered-by')).toBe('En-tête de réponse X-Powered-By');
    expect(say('fr', 'meta-generator')).toBe('Balise « generator » de la page');
    expect(say('en', 'readme:https://x.test/wp-content/plugins/a/readme.txt')).toBe('Plugin readme https://x.test/wp-content/plugins/a/readme.txt');
    expect(say('en', 'script-url:https://x.test/a.js?[redacted]')).toBe('Script address https://x.test/a.js');
    for (const s of ['global:jQuery.fn.jquery', 'stylesheet-url:u', 'resource-url:u', 'script-file:u', 'cookie:PHPSESSID', 'style:u', 'query-hint:u', 'extension-url:u']) {
      for (const locale of ['en', 'fr'] as const) expect(say(locale, s)).not.toMatch(/^[a-z-]+:|tech\\.source/);
    }
  });

  it('gives the "seen in" evidence of a finding the kind of source as label and the address as value', async () => {
    const { evidenceForPeople } = await import('../../lib/export/tech-status');
    expect(evidenceForPeople({ label: 'evidence.components.source', value: 'script-url:https://x.test/a.js?[redacted]' })).toEqual({ label: 'tech.source-kind.script-url', value: 'https://x.test/a.js' });
    expect(evidenceForPeople({ label: 'evidence.components.source', value: 'header:x-powered-by' })).toEqual({ label: 'tech.source-kind.header', value: 'X-Powered-By' });
    expect(evidenceForPeople({ label: 'evidence.components.source', value: 'meta-generator' })).toEqual({ label: 'tech.source.meta-generator', value: '' });
    const other = { label: 'evidence.header', value: 'Server: Apache' };
    expect(evidenceForPeople(other)).toEqual(other);
  });
});

describe('a severity the source does not state', () => {
  it('is said to be a default in the report table and the full export', async () => {
    const { exportAudit } = await import('../../lib/export');
    const { Audit } = await import('../../lib/audit/schema');
    const { readFileSync: read } = await import('node:fs');
    const audit = Audit.parse(JSON.parse(read(join(process.cwd(), 'tests', 'fixtures', 'audits', 'shop-example.json'), 'utf8')));
    const tech = audit.technologies.find((t) => t.vulnerabilities.length > 0)!;
    tech.vulnerabilities[0] = { ...tech.vulnerabilities[0]!, severityUnknown: true };
    for (const [locale, words] of [['en', 'severity not stated by the source'], ['fr', 'gravité non indiquée par la source']] as const) {
      const out = exportAudit(audit, 'markdown', { locale, level: 'full', agency: null }).content;
      expect(out).toContain(`(${words})`);
    }
  });
});

describe('the page reader of version files', () => {
  it('sends no credentials, follows no redirect and reads no more than the limit', async () => {
    const { pageFileReader } = await import('../../lib/collect/version-files');
    const calls: RequestInit[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = (async (_url: string, init: RequestInit) => {
      calls.push(init);
      return new Response('=== X ===\nStable tag: 1.0.0\n' + 'x'.repeat(100_000), { status: 200 });
    }) as typeof fetch;
    try {
      const got = await pageFileReader(`${ORIGIN}/wp-content/plugins/x/readme.txt`, { ...VERSION_FILE_LIMITS, maxBytes: 1024 });
      expect(calls[0]).toMatchObject({ credentials: 'omit', redirect: 'manual' });
      expect(got.kind).toBe('body');
      expect(got.kind === 'body' && got.bytes.length).toBe(1024);
      globalThis.fetch = (async () => Response.redirect(`${ORIGIN}/elsewhere`, 302)) as typeof fetch;
      expect(await pageFileReader(`${ORIGIN}/wp-content/plugins/x/readme.txt`, VERSION_FILE_LIMITS)).toEqual({ kind: 'redirected' });
    } finally {
      globalThis.fetch = original;
    }
  });
});
