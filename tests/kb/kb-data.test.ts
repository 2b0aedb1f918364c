/** The generated knowledge base: schema, sources, well-formed ranges, no duplicates, known facts. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { advisoriesOf, affectingAdvisories, decodeRange, safeVersion } from '../../lib/kb/advisories';
import { COMPROMISED_SOURCES, compromisedSourceOf } from '../../lib/kb/compromised';
import { COMPONENTS } from '../../lib/kb/components';
import { ADVISORIES, ADVISORY_SOURCE } from '../../lib/kb/data/advisories';
import { EOL_CYCLES, EOL_SOURCE } from '../../lib/kb/data/eol';
import { RELEASES, RELEASES_SOURCE } from '../../lib/kb/data/releases';
import { GLOBAL_PROBES, PRESENCE_PROBES } from '../../lib/kb/global-probes';
import { BANNER_SIGNATURES } from '../../lib/kb/banners';
import { compareVersions } from '../../lib/version/compare';
import { parseVersion } from '../../lib/version/parse';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Source = z.object({ name: z.string().min(10), commit: z.string(), checked: isoDate });

describe('knowledge-base sources', () => {
  it('names its source and checked date for every file', () => {
    Source.parse(ADVISORY_SOURCE);
    Source.parse(EOL_SOURCE);
    Source.parse(RELEASES_SOURCE);
    expect(ADVISORY_SOURCE.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(EOL_SOURCE.commit).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('advisories', () => {
  const Row = z.tuple([
    z.string().regex(/^[\w.-]+(?: [\w.-]+)*$/),
    z.enum(['c', 'h', 'm', 'l']),
    z.string().regex(/^(?:\d{1,5}(?:,\d{1,5})*)?$/),
    z.string().min(3),
    z.union([z.literal(''), z.string().url()]),
  ]);

  it('has the expected shape, only for known components', () => {
    expect(Object.keys(ADVISORIES).length).toBeGreaterThanOrEqual(30);
    for (const [component, rows] of Object.entries(ADVISORIES)) {
      expect(COMPONENTS[component], component).toBeDefined();
      for (const row of rows) Row.parse(row);
    }
  });

  it('has no duplicate advisory per component', () => {
    for (const [component, rows] of Object.entries(ADVISORIES)) {
      const ids = rows.map((r) => r[0].split(' ')[0]);
      expect(new Set(ids).size, component).toBe(ids.length);
    }
  });

  it('has well-formed ranges: parsable bounds, lower below upper, excludes inside', () => {
    const problems: string[] = [];
    for (const component of Object.keys(ADVISORIES)) {
      for (const a of advisoriesOf(component)) {
        expect(a.ranges.length).toBeGreaterThan(0);
        for (const r of a.ranges) {
          if (!parseVersion(r.below)) problems.push(`${component} ${a.id}: below ${r.below}`);
          if (r.from !== undefined && !parseVersion(r.from)) problems.push(`${component} ${a.id}: from ${r.from}`);
          if (r.from !== undefined && compareVersions(r.from, r.below) >= 0) problems.push(`${component} ${a.id}: ${r.from} >= ${r.below}`);
          for (const ex of r.excludes ?? []) if (!parseVersion(ex)) problems.push(`${component} ${a.id}: exclude ${ex}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('links every advisory to a public page and prefers CVE, then GHSA ids', () => {
    for (const component of Object.keys(ADVISORIES)) {
      for (const a of advisoriesOf(component)) {
        expect(a.url, `${component} ${a.id}`).toMatch(/^https?:\/\//);
        if (a.aliases.some((x) => x.startsWith('CVE-'))) expect(a.id).toMatch(/^CVE-/);
        if (a.id.startsWith('GHSA-')) expect(a.url).toBe(`https://github.com/advisories/${a.id}`);
      }
    }
  });

  it('decodes ranges', () => {
    expect(decodeRange('1.12.3..3.0.0-beta1!1.12.4-aem')).toEqual({ from: '1.12.3', below: '3.0.0-beta1', excludes: ['1.12.4-aem'] });
    expect(decodeRange('..1.6.3')).toEqual({ below: '1.6.3' });
  });

  it('agrees with well-known public facts', () => {
    const ids = (c: string, v: string) => affectingAdvisories(c, c, v).map((a) => a.advisory.id);
    expect(ids('jquery', '3.4.1')).toContain('CVE-2020-11022');
    expect(ids('jquery', '3.4.1')).toContain('CVE-2020-11023');
    expect(ids('jquery', '3.5.0')).not.toContain('CVE-2020-11022');
    expect(ids('jquery', '3.3.1')).toContain('CVE-2019-11358');
    expect(ids('jquery', '1.12.4')).toContain('CVE-2015-9251');
    expect(ids('jquery', '1.12.4-aem')).not.toContain('CVE-2015-9251');
    expect(ids('bootstrap', '3.3.7')).toContain('CVE-2018-14042');
    expect(ids('bootstrap', '3.4.1')).not.toContain('CVE-2018-14042');
    expect(ids('lodash', '4.17.11')).toContain('CVE-2019-10744');
    expect(ids('lodash', '4.17.21')).not.toContain('CVE-2019-10744');
    expect(ids('moment', '2.18.1')).toContain('CVE-2017-18214');
    expect(ids('handlebars', '4.0.11')).toContain('CVE-2019-19919');
    expect(ids('jquery', '3.7.1')).toEqual([]);
  });

  it('finds the smallest safe version, climbing over versions that are themselves affected', () => {
    expect(safeVersion('jquery', '1.12.4')).toBe('3.5.0');
    expect(safeVersion('jquery', '3.4.1')).toBe('3.5.0');
    expect(safeVersion('jquery', '3.7.1')).toBeUndefined();
    const fix = safeVersion('bootstrap', '3.3.7')!;
    expect(affectingAdvisories('bootstrap', 'Bootstrap', fix).filter((a) => a.advisory.id !== 'BOOTSTRAP-FIX-999.0.0')).toEqual([]);
  });
});

describe('release cycles and releases', () => {
  const Cycle = z.tuple([z.string().regex(/^\d+(?:\.\d+){0,2}$/), z.union([z.literal(''), isoDate]), z.union([z.literal(0), z.literal(1), isoDate]), z.string(), z.union([z.literal(''), isoDate])]);
  it('has well-formed cycles for known components, no duplicate cycle', () => {
    for (const [component, cycles] of Object.entries(EOL_CYCLES)) {
      expect(COMPONENTS[component], component).toBeDefined();
      for (const c of cycles) Cycle.parse(c);
      const names = cycles.map((c) => c[0]);
      expect(new Set(names).size, component).toBe(names.length);
    }
  });

  it('has a parsable latest version for every npm package', () => {
    for (const [component, r] of Object.entries(RELEASES)) {
      expect(COMPONENTS[component], component).toBeDefined();
      expect(parseVersion(r.latest)?.partial, component).toBe(false);
      for (const row of r.rows ? r.rows.split(' ') : []) expect(row).toMatch(/^\d+\.\d+\.\d+(?::\d{4,6})?$/);
    }
  });
});

describe('detection tables', () => {
  it('probe only known components', () => {
    for (const p of GLOBAL_PROBES) expect(p.library === '_' || COMPONENTS[p.library] !== undefined, p.library).toBe(true);
    for (const id of PRESENCE_PROBES) expect(GLOBAL_PROBES.some((p) => p.library === id)).toBe(true);
    for (const s of BANNER_SIGNATURES) expect(COMPONENTS[s.library], s.library).toBeDefined();
  });

  it('covers at least 50 components', () => {
    expect(Object.keys(COMPONENTS).length).toBeGreaterThanOrEqual(50);
  });

  it('lists compromised sources with their public source and date', () => {
    for (const s of COMPROMISED_SOURCES) {
      expect(s.source).toMatch(/^https:\/\//);
      expect(s.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(compromisedSourceOf('https://cdn.polyfill.io/v3/polyfill.min.js')?.host).toBe('polyfill.io');
    expect(compromisedSourceOf('https://polyfill.io/v3/polyfill.min.js')?.host).toBe('polyfill.io');
    expect(compromisedSourceOf('https://notpolyfill.io/x.js')).toBeUndefined();
    expect(compromisedSourceOf('https://cdnjs.cloudflare.com/polyfill/v3/polyfill.min.js')).toBeUndefined();
  });
});
