import { describe, expect, it } from 'vitest';
import { Technology } from '../../lib/audit/schema';
import { Evidence } from '../../lib/evidence/schema';
import { detectComponents, detectTechnologies } from '../../lib/components/detect';
import { fromCookieNames, fromHeaders, fromMetaGenerator, fromUrlMarkers } from '../../lib/components/signals';
import { matchScriptUrl } from '../../lib/kb/script-url';
import { drupalPage, legacyPage, nextShopifyPage, wordpressPage } from '../fixtures/components/pages';
import { ruleContext } from '../support/kb';

const NOW = new Date('2026-11-28T12:00:00Z');
const byName = (list: Technology[], name: string) => list.filter((t) => t.name === name);

describe('detectTechnologies on realistic pages', () => {
  it('returns valid Technology entries', () => {
    for (const page of [wordpressPage, legacyPage, drupalPage, nextShopifyPage]) {
      for (const t of detectTechnologies(page, ruleContext(NOW))) Technology.parse(t);
    }
  });

  it('combines every source of a WordPress site per component, with versions from the right source', () => {
    const techs = detectTechnologies(wordpressPage, ruleContext(NOW));
    const [wp] = byName(techs, 'WordPress');
    expect(wp!.version).toBe('6.4.3');
    expect(wp!.category).toBe('cms');
    expect(wp!.sources).toEqual(expect.arrayContaining(['meta-generator', 'header:link', 'cookie:wordpress_test_cookie', 'script-url:https://blog.example.test/wp-includes/js/wp-emoji-release.min.js?ver=6.4.3']));
    expect(wp!.confidence).toBe(100);
    const [jq] = byName(techs, 'jQuery');
    expect(jq!.version).toBe('3.7.1');
    expect(jq!.sources).toEqual(['global:jQuery.fn.jquery', 'script-url:https://blog.example.test/wp-includes/js/jquery/jquery.min.js?ver=3.7.1']);
    expect(byName(techs, 'jQuery Migrate')[0]!.version).toBe('3.4.1');
    expect(byName(techs, 'WooCommerce')[0]!.version).toBe('8.5.2');
    expect(byName(techs, 'nginx')[0]!.version).toBe('1.18.0');
    expect(byName(techs, 'PHP')[0]!.version).toBe('7.4.33');
    // The theme's own ?ver= is only a hint of the theme's version: shown as such, never judged.
    expect(techs.filter((t) => t.version === '4.5.3')).toEqual([expect.objectContaining({ name: 'storefront', category: 'theme', versionFrom: 'query-hint', notJudged: 'version-hint', vulnerabilities: [] })]);
  });

  it('ignores scripts of other extensions (chrome-extension://, moz-extension://)', () => {
    const names = detectTechnologies(wordpressPage, ruleContext(NOW)).map((t) => `${t.name}@${t.version}`);
    expect(names).not.toContain('jQuery@1.8.3');
    expect(names.some((n) => n.startsWith('Lodash'))).toBe(false);
    expect(detectTechnologies(legacyPage, ruleContext(NOW)).some((t) => t.name === 'React')).toBe(false);
  });

  it('keeps two different jQuery builds apart and reads nothing from hashes or cache-busting queries', () => {
    const techs = detectTechnologies(legacyPage, ruleContext(NOW));
    expect(byName(techs, 'jQuery').map((t) => t.version).sort()).toEqual(['1.12.4', '3.3.1']);
    const v331 = byName(techs, 'jQuery').find((t) => t.version === '3.3.1')!;
    expect(v331.sources).toEqual(['global:jQuery.fn.jquery', 'script-file:https://www.legacy.test/static/js/8f3c9e1a.js']);
    expect(techs.map((t) => t.version)).not.toContain('2.3.1');
    expect(techs.map((t) => t.version)).not.toContain('2.1.0');
    expect(byName(techs, 'Underscore.js')[0]!.version).toBe('1.8.3');
  });

  it('attaches advisories, end of life, latest and behind-by from the knowledge base', () => {
    const techs = detectTechnologies(legacyPage, ruleContext(NOW));
    const jq = byName(techs, 'jQuery').find((t) => t.version === '1.12.4')!;
    expect(jq.vulnerabilities.map((v) => v.id)).toEqual(expect.arrayContaining(['CVE-2015-9251', 'CVE-2020-11022', 'CVE-2020-11023', 'CVE-2019-11358']));
    const v11022 = jq.vulnerabilities.find((v) => v.id === 'CVE-2020-11022')!;
    expect(v11022).toMatchObject({ severity: 'medium', fixedIn: '3.5.0', url: 'https://github.com/advisories/GHSA-gxr4-xjj5-5px2' });
    expect(v11022.summary).toMatch(/Cross-site scripting/);
    // "below 2.999.999" in the source means "move to 3.0.0".
    expect(jq.vulnerabilities.find((v) => v.id === 'RETIRE-73')?.fixedIn).toBe('3.0.0');
    // jQuery 1.x ended without a day endoflife.date knows: true, never the word "yes".
    expect(jq.eol).toBe(true);
    expect(jq.latest).toMatch(/^\d+\.\d+\.\d+$/);
    expect(jq.behindBy).toMatch(/^P(\d+Y)?(\d+M)?$/);
    // Superseded by 3.0.0 on 9 June 2016 (2.2.4, out the same day as 1.12.4, does not count).
    expect(jq.behind).toMatchObject({ since: '2016-06-09', next: { version: '3.0.0', date: '2016-06-09' } });
    const php = byName(techs, 'PHP')[0]!;
    expect(php.eol).toBe('2018-12-31');
    expect(php.sources).toEqual(['header:x-powered-by', 'cookie:PHPSESSID']);
  });

  it('computes end of life and behind-by from the audit date, not the clock', () => {
    const in2018 = detectTechnologies(legacyPage, ruleContext(new Date('2018-06-01T00:00:00Z')));
    expect(byName(in2018, 'PHP')[0]!.eol).toBeUndefined();
    const wpThen = detectTechnologies(wordpressPage, ruleContext(new Date('2020-01-01T00:00:00Z')));
    expect(byName(wpThen, 'PHP')[0]!.eol).toBeUndefined();
    expect(byName(detectTechnologies(wordpressPage, ruleContext(NOW)), 'PHP')[0]!.eol).toBe('2022-11-28');
  });

  it('recognises Drupal, Cloudflare, Next.js and Shopify from headers, cookies and URLs', () => {
    const drupal = detectComponents(drupalPage, ruleContext(NOW));
    expect(drupal.find((d) => d.component === 'drupal')?.technology.version).toBe('10.1.6');
    expect(drupal.find((d) => d.component === 'jquery')?.technology.version).toBe('3.7.1');
    expect(drupal.find((d) => d.component === 'cloudflare')?.technology.category).toBe('cdn');
    const next = detectComponents(nextShopifyPage, ruleContext(NOW));
    expect(next.find((d) => d.component === 'nextjs')?.technology.version).toBe('13.4.19');
    expect(next.find((d) => d.component === 'shopify')?.technology.sources).toEqual(expect.arrayContaining(['cookie:_shopify_y']));
    // A presence-only probe (drupalSettings language) never becomes a version.
    expect(drupal.find((d) => d.component === 'drupal')?.technology.version).not.toBe('en');
  });
});

describe('script URLs', () => {
  it.each([
    ['https://code.jquery.com/jquery-3.5.1.min.js', 'jquery', '3.5.1'],
    ['https://code.jquery.com/jquery-3.5.1.slim.min.js', 'jquery', '3.5.1'],
    ['https://code.jquery.com/ui/1.12.1/jquery-ui.min.js', 'jquery-ui', '1.12.1'],
    ['https://code.jquery.com/jquery-migrate-3.0.0.min.js', 'jquery-migrate', '3.0.0'],
    ['https://cdnjs.cloudflare.com/ajax/libs/twitter-bootstrap/4.3.1/js/bootstrap.min.js', 'bootstrap', '4.3.1'],
    ['https://cdnjs.cloudflare.com/ajax/libs/moment.js/2.29.4/moment.min.js', 'moment', '2.29.4'],
    ['https://ajax.googleapis.com/ajax/libs/jquery/1.8.3/jquery.min.js', 'jquery', '1.8.3'],
    ['https://cdn.jsdelivr.net/npm/vue@2.6.14/dist/vue.min.js', 'vue', '2.6.14'],
    ['https://cdn.jsdelivr.net/npm/@angular/core@17.3.0/fesm2022/core.mjs', 'angular', '17.3.0'],
    ['https://unpkg.com/react-dom@16.14.0/umd/react-dom.production.min.js', 'react-dom', '16.14.0'],
    ['https://stackpath.bootstrapcdn.com/bootstrap/4.5.2/js/bootstrap.bundle.min.js', 'bootstrap', '4.5.2'],
    ['https://example.test/js/jquery-1.11.3.min.js', 'jquery', '1.11.3'],
    ['https://example.test/js/jquery-ui-1.10.4.custom.min.js', 'jquery-ui', '1.10.4'],
    ['https://example.test/js/modernizr-2.8.3.min.js', 'modernizr', '2.8.3'],
    ['https://example.test/wp-includes/js/jquery/jquery.js?ver=1.12.4-wp', 'jquery', '1.12.4'],
    ['https://example.test/core/misc/drupal.js?v=9.5.11', 'drupal', '9.5.11'],
  ])('%s', (url, library, version) => {
    expect(matchScriptUrl(url)).toContainEqual({ library, version });
  });

  it.each([
    'https://example.test/assets/a8f3c9e1.js',
    'https://example.test/static/js/main.4f5e6d7c.chunk.js',
    'https://example.test/js/app.js?v=1.2.3',
    'https://example.test/js/jquery.min.js?v=3.4.1',
    'https://example.test/wp-content/themes/x/jquery.min.js?ver=3.4.1',
    'https://example.test/1.12.4/script.js',
    'https://example.test/js/jquery-3.4.1-8f3c9e1a.js',
    'https://cdn.jsdelivr.net/npm/unknown-lib@1.2.3/x.js',
    'chrome-extension://abcdefghijklmnop/jquery-1.8.3.min.js',
    'moz-extension://0b7f0e4c/lib/jquery-1.8.3.min.js',
    'data:text/javascript,jquery-1.8.3.min.js',
    'not a url',
  ])('reads no version from %s', (url) => {
    expect(matchScriptUrl(url)).toEqual([]);
  });
});

describe('header, generator, cookie and URL signals', () => {
  it('reads products and versions from headers', () => {
    const obs = fromHeaders([
      ['Server', 'Microsoft-IIS/10.0'], ['X-Powered-By', 'ASP.NET'], ['X-AspNet-Version', '4.0.30319'],
      ['Server', 'Apache-Coyote/1.1'], ['server', 'openresty/1.21.4.1'], ['X-Powered-By', 'Express'],
    ]);
    expect(obs.map((o) => [o.component, o.version])).toEqual([
      ['iis', '10.0'], ['aspnet', undefined], ['aspnet', '4.0.30319'], ['tomcat', '1.1'], ['openresty', '1.21.4.1'], ['express', undefined],
    ]);
  });

  it('reads CMS from meta generator', () => {
    expect(fromMetaGenerator(['Joomla! - Open Source Content Management', 'TYPO3 CMS', 'Ghost 5.75', 'Wix.com Website Builder']).map((o) => [o.component, o.version]))
      .toEqual([['joomla', undefined], ['typo3', undefined], ['ghost', '5.75'], ['wix', undefined]]);
  });

  it('reads platforms from cookie names', () => {
    expect(fromCookieNames(['PrestaShop-a1b2c3', 'SSESS0123456789abcdef0123456789abcdef', 'laravel_session', 'random']).map((o) => o.component))
      .toEqual(['prestashop', 'drupal', 'laravel']);
  });

  it('reads platforms from URL markers, only on http(s)', () => {
    expect(fromUrlMarkers('https://x.test/typo3temp/assets/js/a.js', 'script-url').map((o) => o.component)).toEqual(['typo3']);
    expect(fromUrlMarkers('https://x.test/static/version1700000000/frontend/Magento/luma/en_US/requirejs/require.js', 'script-url').map((o) => o.component)).toEqual(['magento']);
    expect(fromUrlMarkers('chrome-extension://x/wp-content/a.js', 'script-url')).toEqual([]);
  });
});

describe('stylesheet URLs', () => {
  it('read versions from CDN stylesheets and WordPress core stylesheets, not from theme stylesheets', () => {
    const evidence = Evidence.parse({
      ...wordpressPage,
      page: {
        ...wordpressPage.page!,
        metaGenerator: [],
        scripts: [],
        subresources: [],
        stylesheets: [
          { href: 'https://maxcdn.bootstrapcdn.com/bootstrap/3.3.7/css/bootstrap.min.css' },
          { href: 'https://blog.example.test/wp-includes/css/dist/block-library/style.min.css?ver=6.2.2' },
          { href: 'https://blog.example.test/wp-content/themes/storefront/style.css?ver=4.5.3' },
        ],
      },
      globals: null,
    });
    const techs = detectTechnologies(evidence, ruleContext(NOW));
    expect(byName(techs, 'Bootstrap')[0]).toMatchObject({ version: '3.3.7', sources: ['stylesheet-url:https://maxcdn.bootstrapcdn.com/bootstrap/3.3.7/css/bootstrap.min.css'] });
    expect(byName(techs, 'WordPress')[0]!.version).toBe('6.2.2');
    expect(techs.filter((t) => t.version === '4.5.3').map((t) => [t.name, t.versionFrom])).toEqual([['storefront', 'query-hint']]);
  });
});
