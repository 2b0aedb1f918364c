/**
 * The Apache HTTP Server extractor (scripts/kb/sources/apache-httpd.mjs) on real records of
 * apache/httpd-site (tests/fixtures/kb/apache-httpd/, see its README), and on the mirror itself
 * when this machine has it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ES module
import { extract } from '../../../scripts/kb/sources/apache-httpd.mjs';
// @ts-expect-error: plain ES module
import { mirrorDir, openMirror } from '../../../scripts/kb/mirror.mjs';
import { affectingAdvisories } from '../../../lib/kb/advisories';
import { inAnyRange } from '../../../lib/version/compare';
import { fixtureRepo, KB_FIXTURES, type FixtureRepo } from '../../support/fixture-repo';
import { testKb } from '../helpers';

interface Range { from?: string; fromExclusive?: boolean; below?: string; atMost?: string; excludes?: string[] }
interface Advisory {
  id: string; aliases: string[]; severity: 'critical' | 'high' | 'medium' | 'low' | 'info'; weakness: string; cwes: string[]; ranges: Range[];
  cvss?: number; published?: string; url: string; source: string; platform?: 'windows'; severityUnknown?: boolean;
}
interface Extract {
  source: Record<string, string>;
  advisories: Record<string, Advisory[]>;
  notes: string[];
}

const FOLDER = 'content/security/json/';
const PATHS = readdirSync(join(KB_FIXTURES, 'apache-httpd', FOLDER)).filter((f) => f.endsWith('.json')).sort().map((f) => FOLDER + f);
const repo = () => fixtureRepo('apache/httpd-site', 'apache-httpd', PATHS);
const run = (r: FixtureRepo = repo()): Extract => extract(r, { checked: '2026-12-04' });
const result = run();
const byId = (id: string, e: Extract = result) => {
  const found = e.advisories.apache?.find((a) => a.id === id);
  if (!found) throw new Error(`${id} not extracted`);
  return found;
};
const kb = (e: Extract = result) => testKb({ advisories: { apache: e.advisories.apache ?? [] } });
const affecting = (version: string, e?: Extract, windows = false) =>
  affectingAdvisories(kb(e), 'apache', version, { windows }).map((a) => a.advisory.id);

/** The fixture repository plus extra files (made here from real records) for the skip paths. */
function withExtra(extra: Record<string, string>): FixtureRepo {
  const base = repo();
  const paths = [...PATHS, ...Object.keys(extra)].sort();
  return {
    ...base,
    list: (prefix = '') => paths.filter((p) => p.startsWith(prefix)),
    read: (p) => extra[p] ?? base.read(p),
    readAll: (wanted) => new Map(wanted.map((p) => [p, extra[p] ?? base.read(p)])),
  };
}

describe('apache-httpd extractor: the facts', () => {
  it('scopes an upper bound alone to the line its entry names ("Apache HTTP Server 2.4" starts at 2.4.0)', () => {
    const record = JSON.parse(readFileSync(join(KB_FIXTURES, 'apache-httpd', FOLDER, 'CVE-2021-44224.json'), 'utf8'));
    const entries = record.affects.vendor.vendor_data[0].product.product_data[0].version.version_data;
    // The same record with only its "<= 2.4.51" entry, once named for the 2.4 line, once for the product.
    const scoped = structuredClone(record);
    scoped.CVE_data_meta.ID = 'CVE-2099-0001';
    scoped.affects.vendor.vendor_data[0].product.product_data[0].version.version_data = [entries[1]];
    const unscoped = structuredClone(scoped);
    unscoped.CVE_data_meta.ID = 'CVE-2099-0002';
    unscoped.affects.vendor.vendor_data[0].product.product_data[0].version.version_data = [{ ...entries[1], version_name: 'Apache HTTP Server' }];
    const e = run(withExtra({ [`${FOLDER}CVE-2099-0001.json`]: JSON.stringify(scoped), [`${FOLDER}CVE-2099-0002.json`]: JSON.stringify(unscoped) }));
    expect(byId('CVE-2099-0001', e).ranges).toEqual([{ from: '2.4.0', below: '2.4.52' }]);
    expect(byId('CVE-2099-0002', e).ranges).toEqual([{ below: '2.4.52' }]);
  });

  it('states its source with the mirror commit, day and licence', () => {
    expect(result.source).toEqual({
      id: 'apache-httpd',
      name: 'Apache HTTP Server security advisories',
      repository: 'apache/httpd-site',
      commit: '0'.repeat(40),
      date: '2026-08-22',
      checked: '2026-12-04',
      licence: 'Apache-2.0',
    });
  });

  it('extracts every fixture record under the "apache" component, sorted by id', () => {
    expect(Object.keys(result.advisories)).toEqual(['apache']);
    const ids = result.advisories.apache!.map((a) => a.id);
    expect(ids).toHaveLength(PATHS.length);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
  });

  it('is deterministic', () => {
    expect(JSON.stringify(run())).toBe(JSON.stringify(result));
  });

  it('keeps no upstream prose (titles are only classified)', () => {
    const text = JSON.stringify(result);
    for (const title of ['privilege escalation from modules', 'Weak Digest auth nonce', 'OptionsBleed', 'HTTP request splitting with mod_rewrite']) {
      expect(text).not.toContain(title);
    }
  });
});

describe('apache-httpd extractor: CVE JSON 4.0 ranges', () => {
  it('turns an enumerated run into one range below the fix, excluding versions other records know but this one does not list', () => {
    // CVE-2019-0211 lists 2.4.17 … 2.4.38 ("="), not 2.4.32 (a tag other records list), and is fixed in 2.4.39.
    expect(byId('CVE-2019-0211').ranges).toEqual([{ from: '2.4.17', below: '2.4.39', excludes: ['2.4.32'] }]);
    // CVE-2018-1312 lists 2.4.1 … 2.4.29, fixed in 2.4.33: 2.4.5, 2.4.30 and 2.4.32 (never released) are not listed.
    expect(byId('CVE-2018-1312').ranges).toEqual([{ from: '2.4.1', below: '2.4.33', excludes: ['2.4.5', '2.4.30', '2.4.32'] }]);
    expect(byId('CVE-2019-9517').ranges).toEqual([{ from: '2.4.20', below: '2.4.41', excludes: ['2.4.30', '2.4.40'] }]);
  });

  it('reads "<=" with "!<" (not affected below) and ">=" with "<=" as one bounded range below the fix', () => {
    // CVE-2021-33193: "<= 2.4.48", "!< 2.4.17", fixed in 2.4.49.
    expect(byId('CVE-2021-33193').ranges).toEqual([{ from: '2.4.17', below: '2.4.49' }]);
    // CVE-2021-44224: ">= 2.4.7", "<= 2.4.51", fixed in 2.4.52.
    expect(byId('CVE-2021-44224').ranges).toEqual([{ from: '2.4.7', below: '2.4.52' }]);
    // CVE-2022-28330: "<= 2.4.53" alone: no lower bound.
    expect(byId('CVE-2022-28330').ranges).toEqual([{ below: '2.4.54' }]);
  });

  it('gives each branch its own range and fix', () => {
    expect(byId('CVE-2016-5387').ranges).toEqual([
      { from: '2.2.0', below: '2.2.32' },
      { from: '2.4.1', below: '2.4.25', excludes: ['2.4.5'] },
    ]);
  });

  it('does not count "?=" (possibly affected, unverified) versions', () => {
    // CVE-2004-0174: "= 1.3.29" and 2.0.35 … 2.0.48; 1.3.0 … 1.3.28 only "?=".
    expect(byId('CVE-2004-0174').ranges).toEqual([{ from: '1.3.29', below: '1.3.31' }, { from: '2.0.35', below: '2.0.49' }]);
    expect(affecting('1.3.28')).not.toContain('CVE-2004-0174');
    expect(affecting('1.3.29')).toContain('CVE-2004-0174');
  });

  it('keeps a branch whose fix was "never released" open at its last listed version', () => {
    // CVE-2017-9798: "2.2.35-never released", "2.4.28 released".
    expect(byId('CVE-2017-9798').ranges).toEqual([
      { from: '2.2.0', atMost: '2.2.34' },
      { from: '2.4.1', below: '2.4.28', excludes: ['2.4.5'] },
    ]);
  });

  it('keeps a record that lists the very version said to fix it as it lists it, with a note', () => {
    // CVE-2001-1342: "= 1.3.20" and "1.3.20 released".
    expect(byId('CVE-2001-1342').ranges).toEqual([{ from: '1.3.20', atMost: '1.3.20' }]);
    expect(result.notes).toContain('CVE-2001-1342: lists 1.3.20 as affected though 1.3.20 is said to fix it: kept as listed');
  });
});

describe('apache-httpd extractor: CVE 5 ranges', () => {
  it('reads version + lessThan, version "0" as no lower bound, a branch "2.4" as 2.4.0', () => {
    expect(byId('CVE-2025-55753').ranges).toEqual([{ from: '2.4.30', below: '2.4.66' }]);
    expect(byId('CVE-2022-37436').ranges).toEqual([{ below: '2.4.55' }]);
    expect(byId('CVE-2024-47252').ranges).toEqual([{ from: '2.4.0', below: '2.4.64' }]);
  });

  it('turns lessThanOrEqual into below the released fix', () => {
    // CVE-2023-25690: 2.4.0 ≤ v ≤ 2.4.55, "2.4.56 released".
    expect(byId('CVE-2023-25690').ranges).toEqual([{ from: '2.4.0', below: '2.4.56' }]);
  });

  it('reads a lone version (no bound, no versionType) as that version', () => {
    expect(byId('CVE-2024-39884').ranges).toEqual([{ from: '2.4.60', below: '2.4.61' }]);
    expect(affecting('2.4.60')).toContain('CVE-2024-39884');
    expect(affecting('2.4.59')).not.toContain('CVE-2024-39884');
    expect(affecting('2.4.61')).not.toContain('CVE-2024-39884');
  });
});

describe('apache-httpd extractor: severity, weakness, platform, dates, links', () => {
  it("maps Apache's impact words: important → high, moderate → medium, low; n/a → unknown", () => {
    expect(byId('CVE-2019-0211')).toMatchObject({ severity: 'high' });
    expect(byId('CVE-2021-33193')).toMatchObject({ severity: 'medium' });
    expect(byId('CVE-2018-1312')).toMatchObject({ severity: 'low' });
    expect(byId('CVE-2023-25690')).toMatchObject({ severity: 'high' });
    expect(byId('CVE-2016-5387')).toMatchObject({ severity: 'medium', severityUnknown: true });
    expect(byId('CVE-2019-0211').severityUnknown).toBeUndefined();
    expect(result.advisories.apache!.every((a) => a.cvss === undefined)).toBe(true);
  });

  it('classifies by CWE when stated, else by the title', () => {
    expect(byId('CVE-2023-25690')).toMatchObject({ cwes: ['444'], weakness: 'request-smuggling' });
    expect(byId('CVE-2020-1927')).toMatchObject({ cwes: ['601'], weakness: 'open-redirect' });
    expect(byId('CVE-2019-0211')).toMatchObject({ cwes: [], weakness: 'privilege-escalation' });
  });

  it('flags the Windows-only record', () => {
    expect(byId('CVE-2022-28330').platform).toBe('windows');
    expect(result.advisories.apache!.filter((a) => a.platform).map((a) => a.id)).toEqual(['CVE-2022-28330']);
    expect(affecting('2.4.53')).not.toContain('CVE-2022-28330');
    expect(affecting('2.4.53', undefined, true)).toContain('CVE-2022-28330');
  });

  it('dates and links each advisory to its branch page', () => {
    expect(byId('CVE-2019-0211')).toMatchObject({ published: '2019-04-01', url: 'https://httpd.apache.org/security/vulnerabilities_24.html#CVE-2019-0211', source: 'apache-httpd', aliases: [] });
    expect(byId('CVE-2023-25690').published).toBe('2023-03-07');
    expect(byId('CVE-2004-0174').url).toBe('https://httpd.apache.org/security/vulnerabilities_20.html#CVE-2004-0174');
    expect(byId('CVE-2001-1342').url).toBe('https://httpd.apache.org/security/vulnerabilities_13.html#CVE-2001-1342');
  });
});

describe('apache-httpd extractor: what the runtime concludes', () => {
  it('2.4.29 is affected by the 2.4 records that list it, 2.4.62 by none of them', () => {
    const at29 = affecting('2.4.29');
    for (const id of ['CVE-2018-1312', 'CVE-2019-0211', 'CVE-2019-9517', 'CVE-2021-33193', 'CVE-2021-44224', 'CVE-2023-25690']) {
      expect(at29).toContain(id);
    }
    expect(at29).not.toContain('CVE-2017-9798'); // fixed in 2.4.28
    expect(affecting('2.4.62')).toEqual(['CVE-2024-47252', 'CVE-2025-55753']);
  });

  it('puts no unlisted version in a range', () => {
    const r = (id: string) => byId(id).ranges;
    expect(inAnyRange('2.4.16', r('CVE-2019-0211'))).toBe(false);
    expect(inAnyRange('2.4.32', r('CVE-2019-0211'))).toBe(false);
    expect(inAnyRange('2.4.39', r('CVE-2019-0211'))).toBe(false);
    expect(inAnyRange('2.4.62', r('CVE-2019-0211'))).toBe(false);
    expect(inAnyRange('2.4.5', r('CVE-2018-1312'))).toBe(false);
    expect(inAnyRange('2.4.30', r('CVE-2018-1312'))).toBe(false);
    expect(inAnyRange('2.4.33', r('CVE-2018-1312'))).toBe(false);
    expect(inAnyRange('2.4.16', r('CVE-2021-33193'))).toBe(false);
    expect(inAnyRange('2.4.17', r('CVE-2021-33193'))).toBe(true);
    expect(inAnyRange('2.4.48', r('CVE-2021-33193'))).toBe(true);
    expect(inAnyRange('2.4.6', r('CVE-2021-44224'))).toBe(false);
    expect(inAnyRange('2.2.35', r('CVE-2017-9798'))).toBe(false);
    // Every "=" version of every CVE JSON 4.0 fixture record is affected, every "?=" one is not.
    for (const path of PATHS) {
      const json = JSON.parse(repo().read(path));
      if (json.dataVersion) continue;
      const id = json.CVE_data_meta.ID as string;
      for (const v of json.affects.vendor.vendor_data[0].product.product_data[0].version.version_data as { version_affected: string; version_value: string }[]) {
        if (v.version_affected === '=') expect([id, v.version_value, inAnyRange(v.version_value, r(id))]).toEqual([id, v.version_value, true]);
        if (v.version_affected === '?=') expect([id, v.version_value, inAnyRange(v.version_value, r(id))]).toEqual([id, v.version_value, false]);
      }
    }
  });

  it('offers the fix as the version to move to', () => {
    const found = affectingAdvisories(kb(), 'apache', '2.4.38').find((a) => a.advisory.id === 'CVE-2019-0211');
    expect(found?.fixedIn).toBe('2.4.39');
  });
});

describe('apache-httpd extractor: notes', () => {
  it('names the records whose "?=" versions were not counted, in one line', () => {
    expect(result.notes).toContain('versions only possibly affected ("?=", unverified) not counted in 2 records: CVE-2001-1342 CVE-2004-0174');
    expect(result.notes).toEqual([...result.notes].sort());
  });

  it('skips, one note each, a record of another product, one with only "?=" versions, one not JSON', () => {
    // Real records with one field changed, to walk the skip paths.
    const other = JSON.parse(repo().read(`${FOLDER}CVE-2019-0211.json`));
    other.CVE_data_meta.ID = 'CVE-2099-0001';
    other.affects.vendor.vendor_data[0].product.product_data[0].product_name = 'Apache Tomcat';
    const maybe = JSON.parse(repo().read(`${FOLDER}CVE-2004-0174.json`));
    maybe.CVE_data_meta.ID = 'CVE-2099-0002';
    const data = maybe.affects.vendor.vendor_data[0].product.product_data[0].version;
    data.version_data = data.version_data.filter((v: { version_affected: string }) => v.version_affected === '?=');
    const extracted = run(withExtra({
      [`${FOLDER}CVE-2099-0001.json`]: JSON.stringify(other),
      [`${FOLDER}CVE-2099-0002.json`]: JSON.stringify(maybe),
      [`${FOLDER}CVE-2099-0003.json`]: '{ "dataVersion": ',
    }));
    expect(extracted.notes.filter((n) => n.includes('2099'))).toEqual([
      'CVE-2099-0001: product "Apache Tomcat" is not Apache HTTP Server: skipped',
      'CVE-2099-0002: no confirmed affected version (only "?=", possibly affected: 18 versions): skipped',
      expect.stringMatching(/^CVE-2099-0003\.json: not JSON \(.*\): skipped$/),
    ]);
    expect(extracted.advisories.apache!.map((a) => a.id)).toEqual(result.advisories.apache!.map((a) => a.id));
  });
});

describe.skipIf(!mirrorDir('apache/httpd-site'))('apache-httpd extractor on the mirror', () => {
  const real: Extract = extract(openMirror('apache/httpd-site'), { checked: '2026-12-04' });

  it('reads every record', () => {
    expect(real.advisories.apache!.length).toBeGreaterThanOrEqual(240);
    expect(real.notes.filter((n) => n.includes('skipped'))).toEqual([]);
    expect(real.source.licence).toBe('Apache-2.0');
  });

  it('knows the facts of 2.4.29 and 2.4.62', () => {
    const at29 = affecting('2.4.29', real);
    expect(at29.length).toBeGreaterThanOrEqual(20);
    expect(at29).toEqual(expect.arrayContaining(['CVE-2018-1312', 'CVE-2019-0211', 'CVE-2021-40438', 'CVE-2021-44790']));
    const at62 = affecting('2.4.62', real);
    expect(at62).not.toContain('CVE-2019-0211');
    expect(at62).toContain('CVE-2024-43394'); // fixed in 2.4.64
    expect(affecting('2.4.49', real)).toContain('CVE-2021-41773');
    expect(affecting('2.4.50', real)).not.toContain('CVE-2021-41773');
  });

  it('extracts the fixture records as it does from the fixtures, but for versions only the whole data set knows', () => {
    for (const id of ['CVE-2018-1312', 'CVE-2019-0211', 'CVE-2019-9517', 'CVE-2021-33193', 'CVE-2023-25690', 'CVE-2024-39884']) {
      expect(byId(id, real)).toEqual(byId(id));
    }
  });
});
