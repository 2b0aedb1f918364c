/**
 * The nginx extractor (scripts/kb/sources/nginx.mjs) on a trimmed real
 * xml/en/security_advisories.xml of nginx/nginx.org (tests/fixtures/kb/nginx/, see its README),
 * and on the mirror itself when this machine has it.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ES module
import { extract } from '../../../scripts/kb/sources/nginx.mjs';
// @ts-expect-error: plain ES module
import { mirrorDir, openMirror } from '../../../scripts/kb/mirror.mjs';
import { affectingAdvisories } from '../../../lib/kb/advisories';
import { inAnyRange } from '../../../lib/version/compare';
import { fixtureRepo, type FixtureRepo } from '../../support/fixture-repo';
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

const FILE = 'xml/en/security_advisories.xml';
const repo = () => fixtureRepo('nginx/nginx.org', 'nginx', [FILE]);
const run = (r: FixtureRepo = repo()): Extract => extract(r, { checked: '2026-12-04' });
const result = run();
const byId = (id: string, e: Extract = result) => {
  const found = e.advisories.nginx?.find((a) => a.id === id);
  if (!found) throw new Error(`${id} not extracted`);
  return found;
};
const kb = (e: Extract = result) => testKb({ advisories: { nginx: e.advisories.nginx ?? [] } });
const affecting = (version: string, e?: Extract, windows = false) =>
  affectingAdvisories(kb(e), 'nginx', version, { windows }).map((a) => a.advisory.id);

/** The fixture file with its text changed, to walk the skip paths. */
function edited(change: (xml: string) => string): FixtureRepo {
  const base = repo();
  const xml = change(base.read(FILE));
  return { ...base, read: () => xml, readAll: (paths) => new Map(paths.map((p) => [p, xml])) };
}

describe('nginx extractor: the facts', () => {
  it('states its source with the mirror commit, day and licence', () => {
    expect(result.source).toEqual({
      id: 'nginx',
      name: 'nginx security advisories',
      repository: 'nginx/nginx.org',
      commit: '0'.repeat(40),
      date: '2026-08-22',
      checked: '2026-12-04',
      licence: 'BSD-2-Clause',
    });
  });

  it('extracts every item but the severity-"none" one, sorted by id, under "nginx"', () => {
    expect(Object.keys(result.advisories)).toEqual(['nginx']);
    expect(result.advisories.nginx!.map((a) => a.id)).toEqual([
      'CORE-2010-0121', 'CVE-2009-2629', 'CVE-2009-3555', 'CVE-2009-3898', 'CVE-2011-4963', 'CVE-2012-2089', 'CVE-2013-2070',
      'CVE-2021-23017', 'CVE-2022-41741', 'CVE-2024-7347', 'CVE-2024-24989', 'CVE-2024-32760', 'CVE-2025-53859',
    ]);
  });

  it('is deterministic and keeps no upstream prose', () => {
    expect(JSON.stringify(run())).toBe(JSON.stringify(result));
    const text = JSON.stringify(result);
    for (const name of ['Buffer overread', 'Memory corruption in the', 'Windows directory aliases', 'renegotiation']) expect(text).not.toContain(name);
  });
});

describe('nginx extractor: ranges = vulnerable − not vulnerable', () => {
  it('reads "X.Y.Z+" of a lower branch as the rest of that branch only (CVE-2022-41741)', () => {
    // vulnerable "1.1.3-1.23.1, 1.0.7-1.0.15", good "1.23.2+, 1.22.1+".
    expect(byId('CVE-2022-41741').ranges).toEqual([
      { from: '1.0.7', atMost: '1.0.15' },
      { from: '1.1.3', below: '1.22.1' },
      { from: '1.23.0', below: '1.23.2' },
    ]);
    expect(affecting('1.22.0')).toContain('CVE-2022-41741');
    expect(affecting('1.22.1')).not.toContain('CVE-2022-41741');
    expect(affecting('1.23.1')).toContain('CVE-2022-41741');
    expect(affecting('1.23.2')).not.toContain('CVE-2022-41741');
    expect(affecting('1.1.2')).not.toContain('CVE-2022-41741');
    expect(affecting('1.0.6')).not.toContain('CVE-2022-41741');
  });

  it('CVE-2024-7347: 1.25.3 and 1.26.1 affected, 1.26.2 and 1.27.1 not', () => {
    // vulnerable "1.5.13-1.27.0", good "1.27.1+, 1.26.2+".
    expect(byId('CVE-2024-7347').ranges).toEqual([{ from: '1.5.13', below: '1.26.2' }, { from: '1.27.0', below: '1.27.1' }]);
    expect(affecting('1.25.3')).toContain('CVE-2024-7347');
    expect(affecting('1.26.1')).toContain('CVE-2024-7347');
    expect(affecting('1.26.2')).not.toContain('CVE-2024-7347');
    expect(affecting('1.27.0')).toContain('CVE-2024-7347');
    expect(affecting('1.27.1')).not.toContain('CVE-2024-7347');
  });

  it('handles three and four good branches (CVE-2013-2070, CVE-2009-2629)', () => {
    // vulnerable "1.1.4-1.2.8, 1.3.9-1.4.0", good "1.5.0+, 1.4.1+, 1.2.9+".
    expect(byId('CVE-2013-2070').ranges).toEqual([{ from: '1.1.4', below: '1.2.9' }, { from: '1.3.9', below: '1.4.1' }]);
    // vulnerable "0.1.0-0.8.14", good "0.8.15+, 0.7.62+, 0.6.39+, 0.5.38+".
    expect(byId('CVE-2009-2629').ranges).toEqual([
      { from: '0.1.0', below: '0.5.38' },
      { from: '0.6.0', below: '0.6.39' },
      { from: '0.7.0', below: '0.7.62' },
      { from: '0.8.0', below: '0.8.15' },
    ]);
    expect(affecting('0.5.40')).not.toContain('CVE-2009-2629');
    expect(affecting('0.6.0')).toContain('CVE-2009-2629');
  });

  it('reads single versions and lists of them', () => {
    // vulnerable "1.25.3", good "1.25.4+".
    expect(byId('CVE-2024-24989').ranges).toEqual([{ from: '1.25.3', below: '1.25.4' }]);
    // vulnerable "1.25.0-1.25.5, 1.26.0", good "1.27.0+, 1.26.1+": 1.25.5 is the mainline's last before 1.26.0, no good 1.25.6.
    expect(byId('CVE-2024-32760').ranges).toEqual([{ from: '1.25.0', atMost: '1.25.5' }, { from: '1.26.0', below: '1.26.1' }]);
    expect(affecting('1.24.0')).not.toContain('CVE-2024-32760');
    expect(affecting('1.25.5')).toContain('CVE-2024-32760');
    expect(affecting('1.26.1')).not.toContain('CVE-2024-32760');
  });

  it('leaves a stable branch affected when only the mainline has a fix (CVE-2025-53859)', () => {
    // vulnerable "0.7.22-1.29.0", good "1.29.1+".
    expect(byId('CVE-2025-53859').ranges).toEqual([{ from: '0.7.22', below: '1.29.1' }]);
    expect(affecting('1.28.0')).toContain('CVE-2025-53859');
  });

  it('puts no version nginx lists as not vulnerable in a range, and every listed vulnerable end in one', () => {
    const xml = repo().read(FILE);
    let items = 0;
    for (const m of xml.matchAll(/<item\b([^>]*?)\/?>/g)) {
      const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1]!)?.[1] ?? '';
      const id = attr('cve') ? `CVE-${attr('cve')}` : attr('core');
      const advisory = result.advisories.nginx!.find((a) => a.id === id);
      if (!advisory) continue;
      const good = attr('good').split(', ').filter((g) => g.endsWith('+')).map((g) => g.slice(0, -1));
      for (const g of good) {
        // The good version and two later patch releases of its branch.
        const [x, y, z] = g.split('.').map(Number);
        for (const v of [g, `${x}.${y}.${z! + 1}`, `${x}.${y}.${z! + 7}`]) expect([id, v, inAnyRange(v, advisory.ranges)]).toEqual([id, v, false]);
      }
      const ends = attr('vulnerable').replace(/^nginx\/Windows /, '').split(/, |-/).filter((v) => /^\d/.test(v));
      for (const v of ends) expect([id, v, inAnyRange(v, advisory.ranges)]).toEqual([id, v, true]);
      items++;
    }
    expect(items).toBe(result.advisories.nginx!.length);
  });
});

describe('nginx extractor: severity, ids, platform, links', () => {
  it('maps major → high, medium, low, minor → low', () => {
    expect(byId('CVE-2024-24989').severity).toBe('high');
    expect(byId('CVE-2022-41741').severity).toBe('medium');
    expect(byId('CVE-2024-7347').severity).toBe('low');
    expect(byId('CVE-2009-3898').severity).toBe('low'); // "minor"
    expect(result.advisories.nginx!.every((a) => !a.severityUnknown && a.cvss === undefined && a.source === 'nginx')).toBe(true);
  });

  it('flags the Windows-only items and counts them only on Windows', () => {
    expect(result.advisories.nginx!.filter((a) => a.platform === 'windows').map((a) => a.id)).toEqual(['CORE-2010-0121', 'CVE-2011-4963']);
    // vulnerable "nginx/Windows 0.7.52-1.3.0", good "1.3.1+, 1.2.1+".
    expect(byId('CVE-2011-4963').ranges).toEqual([{ from: '0.7.52', below: '1.2.1' }, { from: '1.3.0', below: '1.3.1' }]);
    expect(affecting('1.2.0')).not.toContain('CVE-2011-4963');
    expect(affecting('1.2.0', undefined, true)).toContain('CVE-2011-4963');
  });

  it('uses the CORE id when there is no CVE, and CERT ids as aliases', () => {
    expect(byId('CORE-2010-0121')).toMatchObject({ aliases: [], ranges: [{ from: '0.7.52', below: '0.7.65' }, { from: '0.8.0', below: '0.8.33' }] });
    expect(byId('CVE-2009-3555').aliases).toEqual(['VU#120541']);
    expect(byId('CVE-2009-2629').aliases).toEqual(['VU#180065']);
  });

  it("links the item's advisory, else lets the build derive NVD from the CVE", () => {
    expect(byId('CVE-2024-7347').url).toMatch(/^https:\/\/mailman\.nginx\.org\/pipermail\/nginx-announce\/2024\//);
    expect(byId('CVE-2025-53859').url).toBe('https://my.f5.com/manage/s/article/K000152786');
    expect(byId('CVE-2009-3898').url).toBe('');
    expect(byId('CORE-2010-0121').url).toMatch(/^http:\/\/www\.coresecurity\.com\//);
  });

  it('classifies by the item name', () => {
    expect(byId('CVE-2022-41741').weakness).toBe('memory-corruption');
    expect(byId('CVE-2024-7347').weakness).toBe('memory-corruption'); // "overread", nginx's own word
    expect(byId('CVE-2013-2070').weakness).toBe('info-disclosure');
    expect(byId('CVE-2009-3898').weakness).toBe('path-traversal');
  });
});

describe('nginx extractor: notes', () => {
  it('skips the severity-"none" item that every version has, with a note', () => {
    expect(result.notes).toEqual(['CVE-2009-4487: severity "none" (nginx does not rate it a vulnerability), vulnerable "all", no fixed version: skipped']);
  });

  it('reads vulnerable="all" as every version below the first good one', () => {
    const all = run(edited((xml) => xml.replace(/severity="none"\s+cve="2009-4487"\s+good="none"/, 'severity="medium" cve="2009-4487" good="0.8.15+, 0.7.62+"')));
    expect(byId('CVE-2009-4487', all).ranges).toEqual([{ below: '0.7.62' }, { from: '0.8.0', below: '0.8.15' }]);
    expect(all.notes).toEqual([]);
  });

  it('skips an item whose versions it cannot read, with a note', () => {
    const odd = run(edited((xml) => xml.replace('vulnerable="1.25.3"', 'vulnerable="1.25.3 and later"')));
    expect(odd.notes).toContain('CVE-2024-24989: vulnerable "1.25.3 and later" unreadable: skipped');
    expect(odd.advisories.nginx!.map((a) => a.id)).not.toContain('CVE-2024-24989');
  });
});

describe.skipIf(!mirrorDir('nginx/nginx.org'))('nginx extractor on the mirror', () => {
  const real: Extract = extract(openMirror('nginx/nginx.org'), { checked: '2026-12-04' });

  it('reads every item but CVE-2009-4487', () => {
    expect(real.advisories.nginx!.length).toBeGreaterThanOrEqual(60);
    expect(real.notes).toEqual([expect.stringMatching(/^CVE-2009-4487: /)]);
    expect(real.source.licence).toBe('BSD-2-Clause');
  });

  it('knows what the site says of 1.22.0, 1.22.1, 1.25.3', () => {
    expect(affecting('1.22.0', real)).toContain('CVE-2022-41741');
    expect(affecting('1.22.1', real)).not.toContain('CVE-2022-41741');
    const at253 = affecting('1.25.3', real);
    expect(at253).toEqual(expect.arrayContaining(['CVE-2024-7347', 'CVE-2024-24989', 'CVE-2024-24990', 'CVE-2024-32760']));
    expect(affecting('1.26.2', real)).not.toContain('CVE-2024-7347');
  });

  it('extracts the fixture items as it does from the fixture', () => {
    for (const a of result.advisories.nginx!) expect(byId(a.id, real)).toEqual(a);
  });
});
