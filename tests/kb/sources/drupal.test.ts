/**
 * The Drupal OSV extractor (scripts/kb/sources/drupal.mjs) on real records of
 * DrupalSecurityTeam/drupal-advisory-database (tests/fixtures/kb/drupal/, see its README), on a few
 * made-up records for what the real ones do not have (CVSS vectors, other ecosystems), and on the
 * mirror itself when this machine has it.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ES module
import { extract, cvss3Score, parseConstraint, componentOf, drupalWeakness, statedRiskScore } from '../../../scripts/kb/sources/drupal.mjs';
// @ts-expect-error: plain ES module
import { mirrorDir, openMirror } from '../../../scripts/kb/mirror.mjs';
import { inAnyRange } from '../../../lib/version/compare';
import { fixtureRepo, type FixtureRepo } from '../../support/fixture-repo';

interface Range { from?: string; fromExclusive?: boolean; below?: string; atMost?: string; excludes?: string[] }
interface Advisory {
  id: string; aliases: string[]; severity: string; weakness: string; cwes: string[]; ranges: Range[];
  cvss?: number; published?: string; url: string; source: string; severityUnknown?: boolean;
}
interface Extract { source: Record<string, string>; advisories: Record<string, Advisory[]>; notes: string[] }

const REPOSITORY = 'DrupalSecurityTeam/drupal-advisory-database';
const PATHS = [
  'LICENSE',
  'advisories/admin_toolbar/DRUPAL-CONTRIB-2021-025.json',
  'advisories/admin_toolbar_search/DRUPAL-CONTRIB-2022-008.json',
  'advisories/core/DRUPAL-CORE-2018-002.json',
  'advisories/core/DRUPAL-CORE-2020-006.json',
  'advisories/core/DRUPAL-CORE-2020-013.json',
  'advisories/core/DRUPAL-CORE-2023-004.json',
  'advisories/protected_pages/DRUPAL-CONTRIB-2025-101.json',
  'advisories/webform/DRUPAL-CONTRIB-2020-011.json',
];
const run = (r: FixtureRepo | ReturnType<typeof memoryRepo> = fixtureRepo(REPOSITORY, 'drupal', PATHS)): Extract => extract(r, { checked: '2026-08-22' });
const result = run();
const find = (component: string, id: string, e: Extract = result) => {
  const found = e.advisories[component]?.find((a) => a.id === id || a.aliases.includes(id));
  if (!found) throw new Error(`${id} not extracted for ${component}`);
  return found;
};

/** A repository of made-up records, for shapes the real ones do not have. */
function memoryRepo(files: Record<string, unknown>) {
  const text = new Map(Object.entries(files).map(([p, v]) => [p, typeof v === 'string' ? v : JSON.stringify(v)]));
  const paths = [...text.keys()];
  return {
    repository: REPOSITORY, commit: '1'.repeat(40), date: '2026-08-01',
    list: (prefix = '') => paths.filter((p) => p.startsWith(prefix)),
    read: (p: string) => text.get(p)!,
    readAll: (wanted: string[]) => new Map(wanted.filter((p) => text.has(p)).map((p) => [p, text.get(p)!])),
  };
}
const record = (over: Record<string, unknown>) => ({
  id: 'DRUPAL-CONTRIB-2026-999', published: '2026-01-02T10:00:00.000Z', aliases: [], details: 'The module doesn\'t sufficiently escape titles.',
  affected: [{ package: { ecosystem: 'Packagist:https://packages.drupal.org/8', name: 'drupal/example' }, severity: [], ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.2.0' }] }], database_specific: { affected_versions: '<1.2.0' } }],
  references: [{ type: 'WEB', url: 'https://www.drupal.org/sa-contrib-2026-999' }],
  ...over,
});

describe('Drupal extractor: source facts', () => {
  it('names the source, its commit and its licence', () => {
    expect(result.source).toEqual({
      id: 'drupal', name: 'Drupal security advisories (OSV)', repository: REPOSITORY,
      commit: '0'.repeat(40), date: '2026-08-22', checked: '2026-08-22', licence: 'MIT',
    });
  });

  it('sorts components and advisories', () => {
    expect(Object.keys(result.advisories)).toEqual([
      'drupal', 'drupal-module:admin_toolbar', 'drupal-module:admin_toolbar_search', 'drupal-module:protected_pages', 'drupal-module:webform',
    ]);
    expect(result.advisories.drupal!.map((a) => a.id)).toEqual(['CVE-2018-7600', 'CVE-2020-13665', 'CVE-2020-28948', 'SA-CORE-2023-004']);
    expect(run()).toEqual(result);
  });

  it('keeps no upstream prose', () => {
    const text = JSON.stringify(Object.values(result.advisories));
    expect(text).not.toMatch(/vulnerability|module|attacker/i);
  });
});

describe('Drupal extractor: SA-CORE-2018-002 (Drupalgeddon 2)', () => {
  const a = find('drupal', 'SA-CORE-2018-002');

  it('shows the CVE, keeps the SA and OSV ids as aliases, links the SA page', () => {
    expect(a.id).toBe('CVE-2018-7600');
    expect(a.aliases).toEqual(['SA-CORE-2018-002', 'DRUPAL-CORE-2018-002']);
    expect(a.url).toBe('https://www.drupal.org/sa-core-2018-002');
    expect(a.published).toBe('2018-03-28');
    expect(a.source).toBe('drupal');
  });

  it('adds the Drupal 7 range the OSV ranges leave out', () => {
    expect(a.ranges).toEqual([
      { from: '7.0', below: '7.58' },
      { from: '8.0.0', below: '8.3.9' },
      { from: '8.4.0', below: '8.4.6' },
      { from: '8.5.0', below: '8.5.1' },
    ]);
    expect(inAnyRange('7.57', a.ranges)).toBe(true);
    expect(inAnyRange('7.58', a.ranges)).toBe(false);
    expect(inAnyRange('8.5.0', a.ranges)).toBe(true);
    expect(inAnyRange('8.5.1', a.ranges)).toBe(false);
    expect(result.notes).toContain('3 core records: Drupal 7 ranges taken from affected_versions (the OSV ranges start at 8.0)');
  });

  it('states no severity: medium, marked unknown; the weakness from the details', () => {
    expect(a.severity).toBe('medium');
    expect(a.severityUnknown).toBe(true);
    expect(a.cvss).toBeUndefined();
    expect(a.weakness).toBe('rce');
    expect(a.cwes).toEqual([]);
  });
});

describe('Drupal extractor: other real records', () => {
  it('trims aliases and picks the smallest of several CVEs', () => {
    expect(find('drupal', 'SA-CORE-2020-006').id).toBe('CVE-2020-13665');
    const tar = find('drupal', 'SA-CORE-2020-013');
    expect(tar.id).toBe('CVE-2020-28948');
    expect(tar.aliases).toEqual(['CVE-2020-28949', 'SA-CORE-2020-013', 'DRUPAL-CORE-2020-013']);
    expect(tar.ranges[0]).toEqual({ from: '7.0', below: '7.75' });
  });

  it('shows the SA id without a CVE; keeps "<7.95" without a lower bound', () => {
    const a = find('drupal', 'DRUPAL-CORE-2023-004');
    expect(a.id).toBe('SA-CORE-2023-004');
    expect(a.aliases).toEqual(['DRUPAL-CORE-2023-004']);
    expect(a.ranges).toEqual([{ below: '7.95' }, { from: '8.0.0', below: '9.4.12' }, { from: '9.5.0', below: '9.5.5' }, { from: '10.0.0', below: '10.0.5' }]);
    expect(a.weakness).toBe('xss');
  });

  it('maps a contributed project with several ranges, last_affected as atMost', () => {
    const a = find('drupal-module:admin_toolbar', 'SA-CONTRIB-2021-025');
    expect(a.ranges).toEqual([{ below: '2.5.0' }, { from: '3.0.0', atMost: '3.0.0' }, { from: '3.0.1', atMost: '3.0.1' }]);
    expect(a.url).toBe('https://www.drupal.org/sa-contrib-2021-025');
    expect(a.weakness).toBe('xss');
  });

  it('keeps contrib versions composer-normalised (webform 8.x-5.11 is 5.11.0)', () => {
    expect(find('drupal-module:webform', 'SA-CONTRIB-2020-011').ranges).toEqual([{ below: '5.11.0' }]);
  });

  it('an unsupported project: every version affected', () => {
    const a = find('drupal-module:admin_toolbar_search', 'SA-CONTRIB-2022-008');
    expect(a.ranges).toEqual([{}]);
    expect(result.notes).toContain('1 records affect every version (unsupported projects, "*")');
  });

  it('reads the CVSS score newer SAs state in their details', () => {
    const a = find('drupal-module:protected_pages', 'SA-CONTRIB-2025-101');
    expect(a.id).toBe('CVE-2025-9551');
    expect(a.cvss).toBe(6.3);
    expect(a.severity).toBe('medium');
    expect(a.severityUnknown).toBeUndefined();
    expect(a.weakness).toBe('auth-bypass');
    expect(a.ranges).toEqual([{ below: '1.8.0' }]);
  });
});

describe('Drupal extractor: made-up records', () => {
  it('computes the CVSS v3 base score of a severity vector', () => {
    const e = run(memoryRepo({
      'advisories/example/DRUPAL-CONTRIB-2026-999.json': record({ severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] }),
    }));
    const a = find('drupal-module:example', 'SA-CONTRIB-2026-999', e);
    expect(a.cvss).toBe(9.8);
    expect(a.severity).toBe('critical');
    expect(a.severityUnknown).toBeUndefined();
    expect(a.weakness).toBe('xss');
    expect(e.source.licence).toBe('none');
  });

  it('reads OSV versions lists, open ranges and CWEs; skips other ecosystems and withdrawn records', () => {
    const e = run(memoryRepo({
      'advisories/example/DRUPAL-CONTRIB-2026-999.json': record({
        aliases: ['GHSA-aaaa-bbbb-cccc'],
        database_specific: { cwe_ids: ['CWE-89'] },
        affected: [{
          package: { ecosystem: 'Packagist:https://packages.drupal.org/8', name: 'drupal/example' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '2.0.0' }] }, { type: 'GIT', events: [{ introduced: 'abc' }] }],
          versions: ['1.0.1'],
          database_specific: { affected_versions: '<1.2.0' },
        }, { package: { ecosystem: 'npm', name: 'example' }, ranges: [] }],
      }),
      'advisories/gone/DRUPAL-CONTRIB-2026-998.json': record({ id: 'DRUPAL-CONTRIB-2026-998', withdrawn: '2026-02-01T00:00:00Z' }),
      'advisories/broken/DRUPAL-CONTRIB-2026-997.json': '{ not json',
    }));
    const a = find('drupal-module:example', 'GHSA-aaaa-bbbb-cccc', e);
    expect(a.id).toBe('SA-CONTRIB-2026-999');
    expect(a.aliases).toEqual(['GHSA-aaaa-bbbb-cccc', 'DRUPAL-CONTRIB-2026-999']);
    expect(a.ranges).toEqual([{ from: '1.0.1', atMost: '1.0.1' }, { from: '2.0.0' }]);
    expect(a.cwes).toEqual(['89']);
    expect(a.weakness).toBe('sqli');
    expect(e.notes).toEqual(expect.arrayContaining([
      '1 records unreadable (not JSON), skipped: advisories/broken/DRUPAL-CONTRIB-2026-997.json',
      '1 withdrawn records skipped: DRUPAL-CONTRIB-2026-998',
      '1 affected packages of another ecosystem skipped: DRUPAL-CONTRIB-2026-999 (npm)',
      '1 ranges of a type other than ECOSYSTEM/SEMVER skipped: DRUPAL-CONTRIB-2026-999 (GIT)',
    ]));
    expect(e.notes.some((n) => n.includes('affected_versions part not in the OSV ranges'))).toBe(true);
  });

  it('maps drupal/drupal to the core component', () => {
    expect(componentOf('drupal/drupal')).toBe('drupal');
    expect(componentOf('drupal/core')).toBe('drupal');
    expect(componentOf('drupal/bootstrap')).toBe('drupal-module:bootstrap');
    expect(componentOf('symfony/yaml')).toBeUndefined();
  });
});

describe('Drupal extractor: helpers', () => {
  it('computes CVSS v3 base scores', () => {
    expect(cvss3Score('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBe(9.8);
    expect(cvss3Score('CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N')).toBe(6.1);
    expect(cvss3Score('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H')).toBe(9.9);
    expect(cvss3Score('CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N')).toBe(0);
    expect(cvss3Score('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toBeUndefined();
  });

  it('reads the SA constraints', () => {
    expect(parseConstraint('>=7.0 <7.58 || >= 8.0.0 <8.3.9')).toEqual([{ from: '7.0', below: '7.58' }, { from: '8.0.0', below: '8.3.9' }]);
    expect(parseConstraint('* ')).toEqual([{}]);
    expect(parseConstraint('3.0.1 || 11.0.* || >1.0 <=1.4.2')).toEqual([
      { from: '3.0.1', atMost: '3.0.1' }, { from: '11.0.0', below: '11.1.0' }, { from: '1.0', fromExclusive: true, atMost: '1.4.2' },
    ]);
    expect(parseConstraint('^1.2')).toBeNull();
  });

  it('classifies from the flaw, not from the project\'s presentation', () => {
    expect(drupalWeakness([], 'This module enables file uploads to the site. The module doesn\'t sufficiently check access to its settings page.')).toBe('access-control');
    expect(drupalWeakness(['79'], 'anything')).toBe('xss');
    expect(drupalWeakness([], 'The module doesn\'t sufficiently sanitize data before passing it to the underlying shell.')).toBe('command-injection');
  });

  it('reads a stated CVSS risk score', () => {
    expect(statedRiskScore('**CVSS risk score ([experimental](https://www.drupal.org/x)) 6.9 / Medium**')).toBe(6.9);
    expect(statedRiskScore('no score here')).toBeUndefined();
  });
});

describe('Drupal extractor on the mirror', () => {
  it.skipIf(!mirrorDir(REPOSITORY))('finds SA-CORE-2018-002 affecting 7.57 and 8.5.0, not 7.58', () => {
    const e = run(openMirror(REPOSITORY));
    const a = find('drupal', 'SA-CORE-2018-002', e);
    expect(a.id).toBe('CVE-2018-7600');
    expect(inAnyRange('7.57', a.ranges)).toBe(true);
    expect(inAnyRange('8.5.0', a.ranges)).toBe(true);
    expect(inAnyRange('7.58', a.ranges)).toBe(false);
    expect(inAnyRange('8.5.1', a.ranges)).toBe(false);
    expect(e.source.licence).toBe('MIT');
    expect(e.advisories.drupal!.length).toBeGreaterThan(80);
    expect(Object.keys(e.advisories).filter((c) => c.startsWith('drupal-module:')).length).toBeGreaterThan(300);
    for (const list of Object.values(e.advisories)) for (const adv of list) expect(adv.ranges.length).toBeGreaterThan(0);
  });
});
