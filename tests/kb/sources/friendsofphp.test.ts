/**
 * The FriendsOfPHP extractor (scripts/kb/sources/friendsofphp.mjs) on real files of
 * FriendsOfPHP/security-advisories (tests/fixtures/kb/friendsofphp/, see its README), its small
 * YAML reader on the shapes those files use, and the mirror itself when this machine has it.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ES module
import { extract, parseYaml, rangeOf, linkedId, drupalRisk, magentoVersion, PACKAGES } from '../../../scripts/kb/sources/friendsofphp.mjs';
// @ts-expect-error: plain ES module
import { mirrorDir, openMirror } from '../../../scripts/kb/mirror.mjs';
import { inAnyRange } from '../../../lib/version/compare';
import { COMPONENTS } from '../../../lib/kb/components';
import { fixtureRepo } from '../../support/fixture-repo';

interface Range { from?: string; fromExclusive?: boolean; below?: string; atMost?: string; excludes?: string[] }
interface Advisory {
  id: string; aliases: string[]; severity: string; weakness: string; cwes: string[]; ranges: Range[];
  cvss?: number; published?: string; url: string; source: string; severityUnknown?: boolean;
}
interface Extract { source: Record<string, string>; advisories: Record<string, Advisory[]>; notes: string[] }

const REPOSITORY = 'FriendsOfPHP/security-advisories';
const PATHS = [
  'LICENSE',
  'drupal/core/CVE-2018-7600.yaml',
  'drupal/core/CVE-2019-6342.yaml',
  'drupal/drupal/CVE-2018-7600.yaml',
  'joomla/session/CVE-2015-8566.yaml',
  'laravel/framework/2020-07-27-1.yaml',
  'magento/magento1ce/2018-11-28.yaml',
  'magento/magento1ee/2018-11-28.yaml',
  'magento/product-community-edition/CVE-2019-8156.yaml',
  'magento/product-community-edition/CVE-2024-34102.yaml',
  'matyhtf/framework/CVE-2021-43676.yaml',
  'typo3/cms-core/2018-12-11-2.yaml',
  'typo3/cms-core/CVE-2019-10912.yaml',
  'typo3/cms/2018-12-11-2.yaml',
];
const run = (r: unknown = fixtureRepo(REPOSITORY, 'friendsofphp', PATHS)): Extract => extract(r, { checked: '2026-08-22' });
const result = run();
const find = (component: string, id: string, e: Extract = result) => {
  const found = e.advisories[component]?.find((a) => a.id === id || a.aliases.includes(id));
  if (!found) throw new Error(`${id} not extracted for ${component}`);
  return found;
};

describe('FriendsOfPHP extractor: source facts and packages', () => {
  it('names the source, its commit and its licence (the Unlicense)', () => {
    expect(result.source).toEqual({
      id: 'friendsofphp', name: 'FriendsOfPHP security advisories', repository: REPOSITORY,
      commit: '0'.repeat(40), date: '2026-08-22', checked: '2026-08-22', licence: 'Unlicense',
    });
  });

  it('maps packages only to components Vigie names', () => {
    for (const component of new Set(Object.values(PACKAGES) as string[])) expect(COMPONENTS[component], component).toBeDefined();
    expect(Object.keys(result.advisories)).toEqual(['drupal', 'laravel', 'magento', 'typo3']);
  });

  it('skips the other packages in one note: Joomla Framework, Magento 1 EE, the rest', () => {
    expect(result.notes[0]).toBe('3 advisories of 3 packages Vigie does not name skipped (read: drupal/core, drupal/drupal, typo3/cms, typo3/cms-core, magento/product-community-edition, magento/magento1ce, laravel/framework)');
    const ids = Object.values(result.advisories).flat().map((a) => a.id);
    expect(ids).not.toContain('CVE-2015-8566'); // joomla/session
    expect(ids).not.toContain('CVE-2021-43676'); // matyhtf/framework
    expect(result.advisories.magento!.map((a) => a.id)).toEqual(['CVE-2019-8156', 'CVE-2024-34102', 'FOP-magento/magento1ce/2018-11-28']);
  });

  it('is deterministic and keeps no titles', () => {
    expect(run()).toEqual(result);
    expect(JSON.stringify(result.advisories)).not.toMatch(/Remote Code|Cross-Site|Scripting|vulnerab/i);
  });
});

describe('FriendsOfPHP extractor: real advisories', () => {
  it('Drupal: one record from drupal/core and drupal/drupal, severity from the SA risk label', () => {
    const a = find('drupal', 'CVE-2018-7600');
    expect(a.aliases).toEqual(['SA-CORE-2018-002']);
    expect(a.ranges).toEqual([{ from: '7.0', below: '7.58' }, { from: '8.0', below: '8.3.9' }, { from: '8.4', below: '8.4.6' }, { from: '8.5', below: '8.5.1' }]);
    expect(a.severity).toBe('critical');
    expect(a.severityUnknown).toBeUndefined();
    expect(a.weakness).toBe('rce');
    expect(a.published).toBe('2018-03-28');
    expect(a.url).toBe('https://www.drupal.org/sa-core-2018-002');
    expect(a.source).toBe('friendsofphp');
    expect(result.advisories.drupal!.filter((x) => x.id === 'CVE-2018-7600')).toHaveLength(1);
  });

  it('Drupal: an exclusive lower bound; "Critical" is high', () => {
    const a = find('drupal', 'CVE-2019-6342');
    expect(a.ranges).toEqual([{ from: '8.7.3', fromExclusive: true, below: '8.7.5' }]);
    expect(a.severity).toBe('high');
    expect(a.aliases).toEqual(['SA-CORE-2019-008']);
  });

  it('TYPO3: without a CVE, the SA id; typo3/cms and typo3/cms-core merged', () => {
    const a = find('typo3', 'TYPO3-CORE-SA-2018-007');
    expect(a.id).toBe('TYPO3-CORE-SA-2018-007');
    expect(a.ranges).toEqual([{ from: '7.0.0', below: '7.6.32' }, { from: '8.0.0', below: '8.7.21' }, { from: '9.0.0', below: '9.5.2' }]);
    expect(a.severity).toBe('medium');
    expect(a.severityUnknown).toBe(true);
    expect(a.weakness).toBe('xss');
    expect(a.published).toBe('2018-12-11');
    expect(a.url).toBe('https://typo3.org/security/advisory/typo3-core-sa-2018-007');
    expect(result.advisories.typo3).toHaveLength(2);
  });

  it('TYPO3: a CVE with the SA id as alias', () => {
    const a = find('typo3', 'CVE-2019-10912');
    expect(a.aliases).toEqual(['TYPO3-CORE-SA-2019-016']);
    expect(a.ranges).toEqual([{ from: '9.0.0', below: '9.5.8' }]);
    expect(a.weakness).toBe('deserialization');
  });

  it('Magento 2: patch releases as a fourth number, so they order after their release', () => {
    const a = find('magento', 'CVE-2024-34102');
    expect(a.ranges).toEqual([
      { below: '2.4.4' }, { from: '2.4.4', below: '2.4.4.9' }, { from: '2.4.5', below: '2.4.5.8' },
      { from: '2.4.6', below: '2.4.6.6' }, { from: '2.4.7', below: '2.4.7.1' },
    ]);
    expect(inAnyRange('2.4.4', a.ranges)).toBe(true);
    expect(inAnyRange('2.4.4.9', a.ranges)).toBe(false);
    expect(inAnyRange('2.4.7.1', a.ranges)).toBe(false);
    expect(a.weakness).toBe('xxe');
    expect(a.url).toBe('https://helpx.adobe.com/security/products/magento/apsb24-40.html');
    expect(result.notes).toContain('5 Magento branches with patch releases ("2.4.4-p9") written with a fourth number ("2.4.4.9")');
    // A double-quoted title with a YAML "\_" escape is read.
    expect(find('magento', 'CVE-2019-8156').ranges).toEqual([{ from: '2.2', below: '2.2.10' }, { from: '2.3', below: '2.3.2.2' }]);
  });

  it('Magento 1 CE: no CVE, an id from the file path', () => {
    const a = find('magento', 'FOP-magento/magento1ce/2018-11-28');
    expect(a.aliases).toEqual([]);
    expect(a.ranges).toEqual([{ from: '1.5.0.0', below: '1.9.4.0' }]);
    expect(a.published).toBe('2018-11-26');
  });

  it('Laravel: quoted branch names, "~" times, inclusive upper bounds', () => {
    const a = find('laravel', 'FOP-laravel/framework/2020-07-27-1');
    expect(a.ranges).toHaveLength(13);
    expect(a.ranges[0]).toEqual({ from: '4.1.0', atMost: '4.1.99999' });
    expect(a.ranges[7]).toEqual({ from: '5.5.0', atMost: '5.5.49' });
    expect(a.ranges.at(-1)).toEqual({ from: '7.0.0', below: '7.22.4' });
    expect(a.published).toBe('2020-07-28');
    expect(a.url).toBe('https://blog.laravel.com/laravel-cookie-security-releases');
    expect(a.weakness).toBe('rce');
  });
});

describe('FriendsOfPHP extractor: helpers', () => {
  it('reads the YAML these files use', () => {
    const doc = parseYaml([
      "title:     'It''s a \"title\" # not a comment'",
      'link: https://example.org/a#b',
      'cve: ~',
      'branches:',
      '  "4.1":',
      '      time:     2018-06-28 00:00:00',
      "      versions: [ '>=4.1.0', <4.1.9 ]   # comment",
      "  '1.x':",
      '      time: null',
      '      versions: ["<1.1"]',
      'title2: "tab\\there\\_nbsp"',
      'composer-repository: false # package deleted',
      '',
    ].join('\n'));
    expect(doc).toEqual({
      title: 'It\'s a "title" # not a comment',
      link: 'https://example.org/a#b',
      cve: null,
      branches: { '4.1': { time: '2018-06-28 00:00:00', versions: ['>=4.1.0', '<4.1.9'] }, '1.x': { time: null, versions: ['<1.1'] } },
      title2: 'tab\there\u00a0nbsp',
      'composer-repository': false,
    });
  });

  it('refuses YAML it does not read', () => {
    expect(() => parseYaml('a:\n  - b\n')).toThrow(/block sequences/);
    expect(() => parseYaml('a: |\n  text\n')).toThrow(/unsupported/);
    expect(() => parseYaml("a: 'open\n")).toThrow(/unterminated/);
    expect(() => parseYaml('a: b\n    c: d\n')).toThrow(/indentation/);
  });

  it('turns constraints into ranges', () => {
    expect(rangeOf(['>=1.0.0', '<1.2.3'])).toEqual({ from: '1.0.0', below: '1.2.3' });
    expect(rangeOf(['>1.0', '<=2.0'])).toEqual({ from: '1.0', fromExclusive: true, atMost: '2.0' });
    expect(rangeOf(['<3'])).toEqual({ below: '3' });
    expect(rangeOf(['1.4.2'])).toEqual({ from: '1.4.2', atMost: '1.4.2' });
    expect(rangeOf(['!=1.0'])).toBeNull();
    expect(rangeOf(['>=2.4.4', '<2.4.4-p9'], magentoVersion)).toEqual({ from: '2.4.4', below: '2.4.4.9' });
  });

  it('reads vendor ids from links and Drupal risk labels from titles', () => {
    expect(linkedId('https://www.drupal.org/SA-CORE-2019-008')).toBe('SA-CORE-2019-008');
    expect(linkedId('https://www.drupal.org/SA-2017-001')).toBe('SA-CORE-2017-001');
    expect(linkedId('https://typo3.org/security/advisory/typo3-core-sa-2018-007')).toBe('TYPO3-CORE-SA-2018-007');
    expect(linkedId('https://github.com/advisories/GHSA-MH9J-v6mq-pfch')).toBe('GHSA-mh9j-v6mq-pfch');
    expect(linkedId('https://blog.laravel.com/x')).toBeUndefined();
    expect(drupalRisk('Drupal core - Less critical - Access bypass - SA-CORE-2020-006')).toBe('low');
    expect(drupalRisk('Contextual Links validation - Critical - Remote Code Execution')).toBe('high');
    expect(drupalRisk('Moderately Critical - Open Redirect')).toBe('medium');
    expect(drupalRisk('Remote code execution')).toBeUndefined();
  });
});

describe('FriendsOfPHP extractor on the mirror', () => {
  it.skipIf(!mirrorDir(REPOSITORY))('reads every mapped file and states known facts', () => {
    const e = run(openMirror(REPOSITORY));
    expect(e.source.licence).toBe('Unlicense');
    expect(e.notes.filter((n) => /unreadable/.test(n))).toEqual([]);
    const drupal = find('drupal', 'CVE-2018-7600', e);
    expect(inAnyRange('7.57', drupal.ranges)).toBe(true);
    expect(inAnyRange('8.5.0', drupal.ranges)).toBe(true);
    expect(inAnyRange('7.58', drupal.ranges)).toBe(false);
    const typo3 = find('typo3', 'TYPO3-CORE-SA-2018-007', e);
    expect(inAnyRange('8.7.20', typo3.ranges)).toBe(true);
    expect(inAnyRange('8.7.21', typo3.ranges)).toBe(false);
    for (const component of ['drupal', 'typo3', 'magento', 'laravel', 'symfony', 'contao', 'shopware']) expect(e.advisories[component]?.length, component).toBeGreaterThan(3);
    for (const list of Object.values(e.advisories)) for (const a of list) expect(a.ranges.length).toBeGreaterThan(0);
  });
});
