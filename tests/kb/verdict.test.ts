/**
 * What the knowledge base says of a version, on small real-shaped facts: "behind" (the earliest
 * higher release strictly after the running one), a version newer than the KB, WordPress's branch
 * backports, a branch patched after its announced end of life, the one version to move to, and the
 * words that reach a person.
 */
import { describe, expect, it } from 'vitest';
import { affectingAdvisories } from '../../lib/kb/advisories';
import { elapsed, endOfLife, freshness, isoDuration } from '../../lib/kb/lifecycle';
import { judge } from '../../lib/kb/verdict';
import { translate, translatePlural } from '../../lib/i18n';
import { testKb } from './helpers';

const NOW = new Date('2026-11-28T12:00:00Z');

// Apache HTTP Server release days (release-data); 2.4.30–2.4.32 were never released.
const APACHE = {
  '2.2.34': '2017-07-11', '2.4.27': '2017-07-11', '2.4.28': '2017-10-05', '2.4.29': '2017-10-23', '2.4.33': '2018-03-17',
  '2.4.34': '2018-07-16', '2.4.35': '2018-09-22', '2.4.39': '2019-04-01', '2.4.66': '2025-12-04', '2.4.67': '2026-05-04', '2.4.68': '2026-06-08',
};

describe('behind', () => {
  const kb = testKb({ releases: { apache: APACHE }, cycles: { apache: [{ cycle: '2.4', releaseDate: '2012-02-21', eol: false, latest: '2.4.68', latestReleaseDate: '2026-06-08' }, { cycle: '2.2', releaseDate: '2005-12-01', eol: '2017-07-11', latest: '2.2.34', latestReleaseDate: '2017-07-11' }] } });

  it('is the time since the earliest higher release after the running one, with how many came out', () => {
    const f = freshness(kb, 'apache', '2.4.29', NOW);
    expect(f).toMatchObject({ kind: 'behind', since: '2018-03-17', next: { version: '2.4.33' }, releases: 7, lineLatest: { version: '2.4.68' }, newest: { version: '2.4.68' } });
    expect(isoDuration(elapsed('2018-03-17', NOW))).toBe('P8Y8M');
  });

  it('does not count a release of another line on the same day, nor one the audit could not know', () => {
    const nginx = testKb({ releases: { nginx: { '1.22.1': '2022-10-19', '1.23.2': '2022-10-19', '1.23.3': '2022-12-13', '1.24.0': '2023-04-11' } } });
    expect(freshness(nginx, 'nginx', '1.22.1', NOW)).toMatchObject({ kind: 'behind', since: '2022-12-13', releases: 2 });
    // An audit of 1 November 2022 knew nothing newer yet.
    expect(freshness(nginx, 'nginx', '1.22.1', new Date('2022-11-01T00:00:00Z'))).toMatchObject({ kind: 'current' });
  });

  it('says a version newer than every known release is newer than the knowledge base, never compares it', () => {
    expect(freshness(kb, 'apache', '2.4.71', NOW)).toMatchObject({ kind: 'newer-than-kb', newest: { version: '2.4.68' } });
    const verdict = judge(kb, 'apache', '2.4.71', NOW);
    expect(verdict.updateTo).toBeUndefined();
  });

  it('is not measured without release dates, or for an inexact version', () => {
    const undated = testKb({ releases: { lodash: { '4.17.20': '', '4.17.21': '' } } });
    expect(freshness(undated, 'lodash', '4.17.20', NOW)).toMatchObject({ kind: 'not-measured', reason: 'no-release-dates' });
    expect(freshness(kb, 'apache', '2.4', NOW)).toMatchObject({ kind: 'not-measured', reason: 'partial-version' });
  });

  it('names the version to move to with its own release day', () => {
    const verdict = judge(kb, 'apache', '2.4.29', NOW);
    expect(verdict.updateTo).toEqual({ version: '2.4.68', date: '2026-06-08', reason: 'behind' });
  });
});

describe('advisories', () => {
  it('reads inclusive and exclusive bounds, and an open range has no fix', () => {
    const kb = testKb({
      releases: { apache: APACHE },
      advisories: { apache: [
        { id: 'CVE-2019-0211', ranges: [{ from: '2.4.17', atMost: '2.4.38' }] },
        { id: 'CVE-TEST-OPEN', ranges: [{ from: '2.4.60' }] },
        { id: 'CVE-TEST-EXCL', ranges: [{ from: '2.4.29', fromExclusive: true, below: '2.4.35' }] },
      ] },
    });
    const ids = (v: string) => affectingAdvisories(kb, 'apache', v).map((a) => [a.advisory.id, a.fixedIn]);
    expect(ids('2.4.29')).toEqual([['CVE-2019-0211', '2.4.39']]);
    expect(ids('2.4.33')).toEqual([['CVE-2019-0211', '2.4.39'], ['CVE-TEST-EXCL', '2.4.35']]);
    expect(ids('2.4.39')).toEqual([]);
    expect(ids('2.4.66')).toEqual([['CVE-TEST-OPEN', undefined]]);
    expect(judge(kb, 'apache', '2.4.66', NOW)).toMatchObject({ noFix: true });
  });

  it('a flaw nobody fixed does not stop the move away from flaws that are fixed', () => {
    const kb = testKb({
      releases: { apache: APACHE },
      advisories: { apache: [
        { id: 'CVE-2019-0211', ranges: [{ from: '2.4.17', atMost: '2.4.38' }] },
        { id: 'CVE-TEST-UNFIXED', ranges: [{}] },
      ] },
    });
    const verdict = judge(kb, 'apache', '2.4.29', NOW);
    expect(verdict.vulnerabilities.map((a) => a.advisory.id)).toEqual(['CVE-2019-0211', 'CVE-TEST-UNFIXED']);
    expect(verdict.noFix).toBe(false);
    expect(verdict.updateTo).toMatchObject({ version: '2.4.39', reason: 'vulnerable' });
  });

  it('counts a Windows-only advisory only for a server that says it runs on Windows', () => {
    const kb = testKb({ advisories: { nginx: [{ id: 'CVE-2009-3896', ranges: [{ from: '0.1.0', below: '0.8.14' }], platform: 'windows' }] } });
    expect(affectingAdvisories(kb, 'nginx', '0.7.0')).toEqual([]);
    expect(affectingAdvisories(kb, 'nginx', '0.7.0', { windows: true })).toHaveLength(1);
  });

  it('WordPress: a release of the running branch published on or after the fix is patched (4.9.8 affected, 4.9.26 not)', () => {
    const kb = testKb({
      releases: { wordpress: { '4.9.8': '2018-08-02', '4.9.25': '2023-10-12', '4.9.26': '2024-06-24', '6.4.1': '2023-11-09', '6.4.2': '2023-12-06', '6.4.3': '2024-01-30' } },
      advisories: { wordpress: [{ id: 'CVE-TEST-WP', ranges: [{ atMost: '6.4.1' }] }] },
    });
    expect(affectingAdvisories(kb, 'wordpress', '4.9.8').map((a) => a.fixedIn)).toEqual(['4.9.26']);
    expect(affectingAdvisories(kb, 'wordpress', '4.9.25')).toHaveLength(1);
    expect(affectingAdvisories(kb, 'wordpress', '4.9.26')).toEqual([]);
    expect(affectingAdvisories(kb, 'wordpress', '6.4.1').map((a) => a.fixedIn)).toEqual(['6.4.2']);
    // The same ranges on a component without backports: 4.9.26 is inside "up to 6.4.1".
    const plain = testKb({ releases: { drupal: { '4.9.26': '2024-06-24', '6.4.2': '2023-12-06' } }, advisories: { drupal: [{ id: 'X', ranges: [{ atMost: '6.4.1' }] }] } });
    expect(affectingAdvisories(plain, 'drupal', '4.9.26')).toHaveLength(1);
  });
});

describe('support', () => {
  it('a line still getting releases after its announced end is behind its branch, not unsupported', () => {
    const kb = testKb({
      cycles: { wordpress: [{ cycle: '6.8', releaseDate: '2025-04-15', eol: false, latest: '6.8.3', latestReleaseDate: '2026-07-01' }, { cycle: '6.1', releaseDate: '2022-11-01', eol: '2023-03-29', latest: '6.1.12', latestReleaseDate: '2026-08-05' }] },
      releases: { wordpress: { '6.1.9': '2025-05-01', '6.1.12': '2026-08-05', '6.8.3': '2026-07-01' } },
    });
    const support = endOfLife(kb, 'wordpress', '6.1.9', NOW);
    expect(support).toMatchObject({ cycle: '6.1', eol: '2023-03-29', patchedAfterEol: { version: '6.1.12', date: '2026-08-05' } });
    expect(judge(kb, 'wordpress', '6.1.9', NOW).updateTo).toEqual({ version: '6.1.12', date: '2026-08-05', reason: 'branch-patched' });
  });

  it('a final release days after the end, or backports that stopped long ago, are an end of life', () => {
    const kb = testKb({
      cycles: { php: [{ cycle: '8.4', eol: '2028-12-31', latest: '8.4.12', latestReleaseDate: '2026-08-28' }, { cycle: '5.6', eol: '2018-12-31', latest: '5.6.40', latestReleaseDate: '2019-01-10' }] },
      releases: { php: { '5.6.39': '2018-12-06', '5.6.40': '2019-01-10', '8.4.12': '2026-08-28' } },
    });
    // PHP 5.6.40 came out ten days after 5.6's end: its last release, not a branch still patched.
    expect(endOfLife(kb, 'php', '5.6.39', NOW)).toEqual({ cycle: '5.6', eol: '2018-12-31' });
    const wp = testKb({
      cycles: { wordpress: [{ cycle: '6.8', eol: false, latest: '6.8.3', latestReleaseDate: '2026-07-01' }, { cycle: '3.7', eol: '2013-12-12', latest: '3.7.41', latestReleaseDate: '2022-11-30' }] },
      releases: { wordpress: { '3.7.1': '2013-10-29', '3.7.41': '2022-11-30', '6.8.3': '2026-07-01' } },
    });
    // 3.7.x had backports until 2022 and none since: on the audit date it is unsupported.
    expect(endOfLife(wp, 'wordpress', '3.7.1', NOW)).toEqual({ cycle: '3.7', eol: '2013-12-12' });
  });

  it('a line ended on a day its source does not give is an end of life with no date', () => {
    const kb = testKb({ cycles: { php: [{ cycle: '8.4', eol: '2028-12-31', latest: '8.4.12', latestReleaseDate: '2026-08-28' }, { cycle: '5.2', eol: true, latest: '5.2.17', latestReleaseDate: '2011-01-06' }] } });
    expect(endOfLife(kb, 'php', '5.2.4', NOW)).toEqual({ cycle: '5.2', eol: true });
    expect(judge(kb, 'php', '5.2.4', NOW).updateTo).toEqual({ version: '8.4.12', date: '2026-08-28', reason: 'end-of-life' });
  });

  it('a vulnerable version moves to the first safe release, but never into an ended line', () => {
    const kb = testKb({
      releases: { apache: APACHE },
      cycles: { apache: [{ cycle: '2.4', eol: false, latest: '2.4.68', latestReleaseDate: '2026-06-08' }, { cycle: '2.2', eol: '2017-07-11', latest: '2.2.34', latestReleaseDate: '2017-07-11' }] },
      advisories: { apache: [{ id: 'CVE-A', ranges: [{ from: '2.2.0', below: '2.2.34' }, { from: '2.4.0', atMost: '2.4.38' }] }] },
    });
    expect(judge(kb, 'apache', '2.4.29', NOW).updateTo).toEqual({ version: '2.4.39', date: '2019-04-01', reason: 'vulnerable' });
    // 2.2.34 has no known flaw, but its line ended: the advice is the supported line's latest.
    expect(judge(kb, 'apache', '2.2.20', NOW).updateTo).toEqual({ version: '2.4.68', date: '2026-06-08', reason: 'vulnerable' });
  });
});

describe('words', () => {
  it('durations and counts are words in both languages, never ISO codes', () => {
    const params = { library: 'Apache HTTP Server', version: '2.4.29', behind: 'P8Y9M', releases: 37, since: '2018-03-17' };
    expect(translate('en', 'rule.components.behind.title', params)).toBe('Apache HTTP Server 2.4.29 is 8 years and 9 months behind (37 newer releases)');
    expect(translate('fr', 'rule.components.behind.title', params)).toBe('Apache HTTP Server 2.4.29 a 8 ans et 9 mois de retard (37 versions plus récentes)');
    expect(translate('en', 'rule.components.behind.title', { ...params, behind: 'P1Y', releases: 1 })).toBe('Apache HTTP Server 2.4.29 is 1 year behind (1 newer release)');
    expect(translate('fr', 'rule.components.behind.explain', params)).toContain('depuis le 17 mars 2018');
    expect(translatePlural('fr', 'tech.status.behind', 1, { behind: 'P5M' })).toBe('5 mois de retard (1 version plus récente)');
  });

  it('an end of life is a date in words, or said to have none', () => {
    const base = { library: 'PHP', version: '7.2.24', cycle: '7.2', target: 'rule.components.target.dated', fix: '8.4.12', fixDate: '2026-08-28' };
    expect(translate('en', 'rule.components.eol.explain', { ...base, since: '2020-11-30', eolNote: 'rule.components.note.eol-dated' })).toContain('end of life on November 30, 2020:');
    expect(translate('fr', 'rule.components.eol.explain', { ...base, since: '', eolNote: 'rule.components.note.eol-undated' })).toContain('en fin de vie (ses auteurs ne donnent pas de date)');
    expect(translate('fr', 'rule.components.eol.fix', base)).toContain('la version 8.4.12, publiée le 28 août 2026');
    expect(translate('en', 'tech.status.eol-undated')).not.toMatch(/yes|true/);
  });
});
