/** The Retire.js, endoflife.date and release-data extractors, on real upstream records (tests/fixtures/kb/). */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ES module
import { extract as retire } from '../../../scripts/kb/sources/retirejs.mjs';
// @ts-expect-error: plain ES module
import { extractCycles, parseReleases } from '../../../scripts/kb/sources/endoflife.mjs';
// @ts-expect-error: plain ES module
import { extractReleases } from '../../../scripts/kb/sources/release-data.mjs';
import { fixtureRepo } from '../../support/fixture-repo';

const checked = '2026-12-04';

describe('Retire.js', () => {
  const repo = fixtureRepo('RetireJS/retire.js', 'retirejs', ['repository/jsrepository-master.json'], 'fd8df0d6f1da46d4bc0446321395fcf708619e07', '2026-08-20');
  const result = retire(repo, { checked });

  it('keeps ids, severity, CWE and ranges, never the summary', () => {
    const cve = result.advisories.jquery.find((a: { id: string }) => a.id === 'CVE-2015-9251');
    expect(cve).toEqual({
      id: 'CVE-2015-9251', aliases: ['GHSA-rmxg-73gg-4p98'], severity: 'medium', weakness: 'xss', cwes: ['79'],
      ranges: [{ from: '1.4.0', below: '1.12.0' }, { from: '1.12.3', below: '3.0.0-beta1', excludes: ['1.12.4-aem'] }],
      url: '', source: 'retirejs',
    });
    expect(JSON.stringify(result)).not.toMatch(/3rd party CORS request may execute/);
  });

  it('merges an advisory listed under several keys of one library, and names what it skipped', () => {
    const ids = result.advisories['jquery-ui'].map((a: { id: string }) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(result.notes.some((n: string) => n.includes('marked'))).toBe(true);
    expect(result.source).toMatchObject({ id: 'retirejs', commit: 'fd8df0d6f1da46d4bc0446321395fcf708619e07', date: '2026-08-20', checked, licence: 'Apache-2.0' });
  });
});

describe('endoflife.date', () => {
  const paths = ['php', 'wordpress', 'windows-server', 'jquery'].map((p) => `products/${p}.md`);
  const result = extractCycles(fixtureRepo('endoflife-date/endoflife.date', 'endoflife', paths), { checked });

  it('reads each product page’s release cycles: days, ended without a day, supported', () => {
    expect(result.cycles.php.find((c: { cycle: string }) => c.cycle === '5.6')).toMatchObject({ cycle: '5.6', eol: '2018-12-31', latest: '5.6.40' });
    expect(result.cycles.php[0]).toMatchObject({ eol: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), support: expect.any(String) });
    expect(result.cycles.wordpress.find((c: { cycle: string }) => c.cycle === '4.9')).toMatchObject({ eol: '2018-12-06', latest: '4.9.31' });
    expect(result.cycles.jquery.some((c: { eol: unknown }) => c.eol === true || c.eol === false)).toBe(true);
  });

  it('derives IIS lines from the Windows Server releases that ship them', () => {
    expect(result.cycles.iis).toContainEqual({ cycle: '8.5', releaseDate: '2013-11-25', eol: '2023-10-10', latest: '8.5' });
    expect(result.cycles.iis.find((c: { cycle: string }) => c.cycle === '10.0').eol).toBe('2034-11-14');
  });

  it('reads a flat front matter list and ignores what follows it', () => {
    expect(parseReleases('---\ntitle: X\nreleases:\n  - releaseCycle: "2"\n    eol: false # still\n\n  - releaseCycle: "1"\n    eol: 2020-01-01\nother: 1\n---\nreleases:\n  - releaseCycle: "9"\n')).toEqual([
      { releaseCycle: '2', eol: false },
      { releaseCycle: '1', eol: '2020-01-01' },
    ]);
  });
});

describe('release-data', () => {
  const paths = ['apache-http-server', 'jquery', 'joomla'].map((p) => `releases/${p}.json`);
  const result = extractReleases(fixtureRepo('endoflife-date/release-data', 'release-data', paths), { checked, maxMajor: { joomla: 6 } });

  it('dates every version', () => {
    expect(result.releases.apache['2.4.29']).toBe('2017-10-23');
    expect(result.releases.apache['2.4.33']).toBe('2018-03-21');
  });

  it('keeps a release listed twice once, and drops stray versions above the newest cycle', () => {
    expect(Object.keys(result.releases.jquery).filter((v) => /^1\.3(\.0)?$/.test(v))).toEqual(['1.3.0']);
    expect(result.releases.jquery['1.3.0']).toBe('2009-01-13');
    expect(result.releases.joomla['11.3']).toBeUndefined();
    expect(result.notes).toContain('joomla: versions above the newest known cycle dropped: 11.3');
  });
});
