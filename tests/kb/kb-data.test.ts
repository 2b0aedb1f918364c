/**
 * The packaged knowledge base (public/kb/*.json, built by scripts/build-kb.mjs): schema, a source
 * and date on every entry, well-formed ranges, no duplicates, every component id known, and facts
 * anyone can check against the vendors' own advisories.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { affectingAdvisories, safeVersion } from '../../lib/kb/advisories';
import { BANNER_SIGNATURES } from '../../lib/kb/banners';
import { COMPROMISED_SOURCES, compromisedSourceOf } from '../../lib/kb/compromised';
import { COMPONENTS } from '../../lib/kb/components';
import { GLOBAL_PROBES, PRESENCE_PROBES } from '../../lib/kb/global-probes';
import { decodeRange } from '../../lib/kb/knowledge';
import { endOfLife } from '../../lib/kb/lifecycle';
import { compareVersions } from '../../lib/version/compare';
import { parseVersion } from '../../lib/version/parse';
import { repoKb } from '../support/kb';

const read = (name: string): unknown => JSON.parse(readFileSync(join(process.cwd(), 'public', 'kb', name), 'utf8'));
const meta = read('meta.json') as { date: string; built: string; sources: { id: string; commit: string; date: string }[]; counts: Record<string, number> };
const advisories = read('advisories.json') as { weaknesses: string[]; sources: string[]; components: Record<string, unknown[][]> };
const lifecycle = read('lifecycle.json') as { backports: string[]; cycles: Record<string, unknown[][]>; releases: Record<string, string> };

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const SLUG = /^[a-z0-9][a-z0-9._-]{0,99}$/;
/** A component id the runtime can name: one of lib/kb/components.ts, or a WordPress plugin or theme, or a Drupal module. */
const known = (id: string) => COMPONENTS[id] !== undefined || /^(?:wp-plugin|wp-theme|drupal-module):/.test(id) && SLUG.test(id.slice(id.indexOf(':') + 1));

describe('sources', () => {
  const Source = z.object({
    id: z.string().regex(/^[a-z-]+$/),
    name: z.string().min(8),
    repository: z.string().min(3),
    commit: z.string().regex(/^(?:[0-9a-f]{40})?$/),
    date: isoDay,
    licence: z.string().min(2),
    terms: z.string().min(10).optional(),
  }).strict();

  it('names every source with its repository, commit, date and licence', () => {
    z.object({ format: z.literal(2), built: isoDay, date: isoDay, sources: z.array(Source).min(8), counts: z.record(z.string(), z.number().int().min(0)) }).strict().parse(meta);
    const ids = meta.sources.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['retirejs', 'apache-httpd', 'nginx', 'wordfence', 'drupal', 'friendsofphp', 'endoflife', 'release-data']) expect(ids).toContain(id);
    // Every upstream repository is pinned to the commit the facts were read from.
    for (const s of meta.sources.filter((x) => x.id !== 'npm-registry')) expect(s.commit, s.id).toMatch(/^[0-9a-f]{40}$/);
  });

  it('is as old as its oldest source, and says so', () => {
    expect(meta.date).toBe(meta.sources.map((s) => s.date).sort()[0]);
    expect(repoKb().date).toBe(meta.date);
  });

  it('points every advisory at a source the meta file names', () => {
    for (const s of advisories.sources) expect(meta.sources.map((x) => x.id)).toContain(s);
  });
});

describe('advisories', () => {
  const Row = z.tuple([
    z.string().regex(/^[\w.#:/-]{3,80}$/),
    z.string().regex(/^(?:[\w.#:/-]+(?: [\w.#:/-]+)*)?$/),
    z.enum(['c', 'h', 'm', 'l', 'i']),
    z.number().int().min(0).max(100),
    z.number().int().min(0),
    z.string().regex(/^(?:\d{1,5}(?:,\d{1,5})*)?$/),
    z.string().min(2),
    z.union([z.literal(''), isoDay]),
    z.union([z.literal(''), z.string().regex(/^https?:\/\/\S+$/)]),
    z.number().int().min(0),
    z.number().int().min(0).max(3),
  ]);

  it('has the expected shape, only for known components', () => {
    z.object({ format: z.literal(2), weaknesses: z.array(z.string()), sources: z.array(z.string()), components: z.record(z.string(), z.array(z.unknown())) }).strict().parse(advisories);
    expect(Object.keys(advisories.components).length).toBeGreaterThan(1000);
    const unknown = Object.keys(advisories.components).filter((id) => !known(id));
    expect(unknown).toEqual([]);
    for (const rows of Object.values(advisories.components)) {
      for (const row of rows) {
        const [, , , , weakness, , , , , source] = Row.parse(row);
        expect(advisories.weaknesses[weakness]).toBeDefined();
        expect(advisories.sources[source]).toBeDefined();
      }
    }
  });

  it('uses only weakness classes the catalogues word', async () => {
    const { en } = await import('../../lib/i18n/en');
    const { fr } = await import('../../lib/i18n/fr');
    for (const w of advisories.weaknesses) {
      expect((en as Record<string, string>)[`weakness.${w}`], w).toBeDefined();
      expect((fr as Record<string, string>)[`weakness.${w}`], w).toBeDefined();
    }
  });

  it('has no duplicate advisory per component, by id or alias', () => {
    const problems: string[] = [];
    for (const [component, rows] of Object.entries(advisories.components)) {
      const seen = new Set<string>();
      for (const row of rows) {
        for (const id of [row[0] as string, ...String(row[1]).split(' ').filter(Boolean)]) {
          if (seen.has(id)) problems.push(`${component} ${id}`);
          seen.add(id);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has well-formed ranges: parsable bounds, lower below upper, excludes inside', () => {
    const problems: string[] = [];
    const kb = repoKb();
    for (const component of Object.keys(advisories.components)) {
      for (const a of kb.advisoriesOf(component)) {
        if (!a.ranges.length) problems.push(`${component} ${a.id}: no range`);
        for (const r of a.ranges) {
          const upper = r.below ?? r.atMost;
          for (const v of [r.from, upper, ...(r.excludes ?? [])]) if (v !== undefined && !parseVersion(v)) problems.push(`${component} ${a.id}: ${v}`);
          if (r.from !== undefined && upper !== undefined) {
            const c = compareVersions(r.from, upper);
            if (r.below !== undefined ? c >= 0 : c > 0 || (c === 0 && r.fromExclusive)) problems.push(`${component} ${a.id}: empty ${r.from}..${upper}`);
          }
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('links every advisory to a public page and prefers CVE, then GHSA ids', () => {
    const kb = repoKb();
    for (const component of Object.keys(advisories.components)) {
      for (const a of kb.advisoriesOf(component)) {
        expect(a.url, `${component} ${a.id}`).toMatch(/^https?:\/\//);
        if (a.aliases.some((x) => x.startsWith('CVE-'))) expect(a.id, component).toMatch(/^CVE-/);
        // A GHSA links to GitHub's page, or to the project's own copy of it.
        if (a.id.startsWith('GHSA-')) expect(a.url).toMatch(new RegExp(`^https://github\\.com/(?:[\\w.-]+/[\\w.-]+/security/)?advisories/${a.id}$`));
      }
    }
  });

  it('decodes every range notation', () => {
    expect(decodeRange('1.12.3..3.0.0-beta1!1.12.4-aem')).toEqual({ from: '1.12.3', below: '3.0.0-beta1', excludes: ['1.12.4-aem'] });
    expect(decodeRange('..1.6.3')).toEqual({ below: '1.6.3' });
    expect(decodeRange('>2.4.0..=2.4.48')).toEqual({ from: '2.4.0', fromExclusive: true, atMost: '2.4.48' });
    expect(decodeRange('1.0..')).toEqual({ from: '1.0' });
  });
});

describe('agrees with the vendors’ own advisories', () => {
  const kb = repoKb();
  const ids = (c: string, v: string) => affectingAdvisories(kb, c, v).map((a) => a.advisory.id);

  it('JavaScript libraries (Retire.js)', () => {
    expect(ids('jquery', '3.4.1')).toEqual(expect.arrayContaining(['CVE-2020-11022', 'CVE-2020-11023']));
    expect(ids('jquery', '3.5.0')).not.toContain('CVE-2020-11022');
    expect(ids('jquery', '3.3.1')).toContain('CVE-2019-11358');
    expect(ids('jquery', '1.12.4')).toContain('CVE-2015-9251');
    expect(ids('jquery', '1.12.4-aem')).not.toContain('CVE-2015-9251');
    expect(ids('bootstrap', '3.3.7')).toContain('CVE-2018-14042');
    expect(ids('bootstrap', '3.4.1')).not.toContain('CVE-2018-14042');
    expect(ids('lodash', '4.17.11')).toContain('CVE-2019-10744');
    expect(ids('lodash', '4.17.21')).not.toContain('CVE-2019-10744');
    expect(ids('handlebars', '4.0.11')).toContain('CVE-2019-19919');
    expect(ids('jquery', '3.7.1')).toEqual([]);
    expect(safeVersion(kb, 'jquery', '1.12.4')).toBe('3.5.0');
  });

  it('Apache HTTP Server and nginx', () => {
    expect(ids('apache', '2.4.29')).toEqual(expect.arrayContaining(['CVE-2018-1312', 'CVE-2019-0211']));
    expect(ids('apache', '2.4.29').length).toBeGreaterThan(40);
    expect(ids('apache', '2.4.62')).not.toContain('CVE-2019-0211');
    expect(ids('nginx', '1.22.0')).toContain('CVE-2022-41741');
    expect(ids('nginx', '1.22.1')).not.toContain('CVE-2022-41741');
    expect(ids('nginx', '1.23.2')).not.toContain('CVE-2022-41741');
  });

  it('WordPress core, with its branch backports', () => {
    expect(ids('wordpress', '4.9.8').length).toBeGreaterThan(20);
    // 4.9.26 came out after the fixes of the 4.9.8 era: the branch backport counts as patched.
    const old = new Set(ids('wordpress', '4.9.8'));
    const patched = new Set(ids('wordpress', '4.9.26'));
    expect(patched.size).toBeLessThan(old.size / 2);
    expect(lifecycle.backports).toContain('wordpress');
  });

  it('Drupal core (Drupalgeddon 2) and PHP CMS', () => {
    expect(ids('drupal', '7.57')).toContain('CVE-2018-7600');
    expect(ids('drupal', '8.5.0')).toContain('CVE-2018-7600');
    expect(ids('drupal', '7.58')).not.toContain('CVE-2018-7600');
    for (const cms of ['typo3', 'magento', 'laravel', 'symfony', 'contao']) expect(kb.advisoriesOf(cms).length, cms).toBeGreaterThan(3);
  });
});

describe('release cycles and releases', () => {
  const Cycle = z.tuple([z.string().regex(/^[\w.]{1,20}$/), z.union([z.literal(''), isoDay]), z.union([z.literal(0), z.literal(1), isoDay]), z.string(), z.union([z.literal(''), isoDay])]);

  it('has well-formed cycles for known components, no duplicate cycle', () => {
    for (const [component, cycles] of Object.entries(lifecycle.cycles)) {
      expect(COMPONENTS[component], component).toBeDefined();
      for (const c of cycles) Cycle.parse(c);
      const names = cycles.map((c) => c[0]);
      expect(new Set(names).size, component).toBe(names.length);
    }
    for (const id of ['php', 'apache', 'nginx', 'wordpress', 'drupal', 'joomla', 'nodejs', 'tomcat']) expect(lifecycle.cycles[id], id).toBeDefined();
  });

  it('lists releases in order, each version once, dated where the source dates them', () => {
    for (const [component, text] of Object.entries(lifecycle.releases)) {
      expect(COMPONENTS[component], component).toBeDefined();
      const rows = text.split(' ');
      const versions = rows.map((r) => r.split('@')[0]!);
      expect(new Set(versions).size, component).toBe(versions.length);
      for (const r of rows) expect(r, component).toMatch(/^\d+(?:\.\d+)*(?:[-.]?[\w.]+)?(?:@\d{4}-\d{2}-\d{2})?$/);
      for (let i = 1; i < versions.length; i++) expect(compareVersions(versions[i - 1]!, versions[i]!), `${component} ${versions[i]}`).toBeLessThan(0);
    }
    for (const id of ['php', 'apache', 'nginx', 'wordpress', 'jquery']) expect(repoKb().hasReleaseDates(id), id).toBe(true);
  });

  it('knows the facts the issue was filed on', () => {
    const apache = repoKb().releasesOf('apache');
    expect(apache.find((r) => r.version === '2.4.33')?.date).toBe('2018-03-21');
    const wordpress = repoKb().releasesOf('wordpress');
    expect(wordpress.find((r) => r.version === '6.1.12')?.date).toMatch(/^2026-/);
  });

  it('gives IIS, PHP, Node.js and Tomcat their end of life', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    expect(endOfLife(repoKb(), 'iis', '8.5', now)).toEqual({ cycle: '8.5', eol: '2023-10-10' });
    expect(endOfLife(repoKb(), 'iis', '10.0', now)).toBeUndefined();
    expect(endOfLife(repoKb(), 'php', '7.4.33', now)).toMatchObject({ cycle: '7.4', eol: '2022-11-28' });
    expect(endOfLife(repoKb(), 'nodejs', '16.20.2', now)).toMatchObject({ cycle: '16' });
    expect(endOfLife(repoKb(), 'tomcat', '8.5.100', now)).toMatchObject({ cycle: '8.5' });
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
    expect(compromisedSourceOf('https://notpolyfill.io/x.js')).toBeUndefined();
  });
});
