/**
 * The Wordfence extractor (scripts/kb/sources/wordfence.mjs) on real templates of
 * topscoder/nuclei-wordfence-cve (tests/fixtures/kb/wordfence/, see its README), and on the whole
 * mirror when this machine has it.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ES module
import { coreRange, extract, parseComparison, WORDFENCE_ATTRIBUTION } from '../../../scripts/kb/sources/wordfence.mjs';
// @ts-expect-error: plain ES module
import { mirrorDir, openMirror } from '../../../scripts/kb/mirror.mjs';
import { affectingAdvisories } from '../../../lib/kb/advisories';
import { fixtureRepo } from '../../support/fixture-repo';
import { testKb } from '../helpers';

const REPOSITORY = 'topscoder/nuclei-wordfence-cve';
const TEMPLATES = [
  'nuclei-templates/2020/CVE-2020-28032-wordpress-58300545-3e53-49be-bf55-eaf3e4cd82e9.yaml',
  'nuclei-templates/cve-less/wordpress-core/wordpress-58300545-3e53-49be-bf55-eaf3e4cd82e9.yaml',
  'nuclei-templates/2007/CVE-2007-3544-wpmu-0848d526-9530-40f3-8430-499d96b9a1b1.yaml',
  'nuclei-templates/2023/CVE-2023-0034-jetwidgets_for_elementor-934db08b-7dde-43bf-848b-48fba38ef195.yaml',
  'nuclei-templates/2024/CVE-2024-35642-site_favicon-0008b460-0c28-4e72-9c87-eda91989e39a.yaml',
  'nuclei-templates/cve-less/plugins/site_favicon-0008b460-0c28-4e72-9c87-eda91989e39a.yaml',
  'nuclei-templates/cve-less/themes/5star-b2cea890-b131-47cd-9050-a484fb1895f6.yaml',
  'nuclei-templates/2012/CVE-2012-4271-bad_behavior-e4704495-8342-4846-9242-f1eab4de25d6.yaml',
  'nuclei-templates/2023/CVE-2023-27438-wp_translitera-ad427bea-1b0e-46bb-85fc-53c51fb40a17.yaml',
  'nuclei-templates/2022/CVE-2022-4974-3d_viewer-39fb0499-9ab4-4a2f-b0db-ece86bcf4d42.yaml',
  'nuclei-templates/2022/CVE-2022-4974-abeta_punchout-39fb0499-9ab4-4a2f-b0db-ece86bcf4d42.yaml',
];

interface Advisory { id: string; aliases: string[]; severity: 'critical' | 'high' | 'medium' | 'low' | 'info'; cvss?: number; weakness: string; cwes: string[]; ranges: object[]; url: string; source: string }
interface Extract { source: Record<string, string>; advisories: Record<string, Advisory[]>; notes: string[] }

const fixture = (): Extract => extract(fixtureRepo(REPOSITORY, 'wordfence', [...TEMPLATES, 'LICENSE'], 'a'.repeat(40), '2026-08-22'), { checked: '2026-08-23' });
const facts = { cwes: [], url: '', source: 'wordfence' };

describe('Wordfence extractor on real templates', () => {
  it('states the source, its licence and the Wordfence terms', () => {
    const { source } = fixture();
    expect(source).toEqual({
      id: 'wordfence',
      name: 'Wordfence Intelligence vulnerability data (via topscoder/nuclei-wordfence-cve)',
      repository: REPOSITORY,
      commit: 'a'.repeat(40),
      date: '2026-08-22',
      checked: '2026-08-23',
      licence: 'MIT',
      terms: expect.stringContaining('Wordfence Intelligence Terms and Conditions'),
    });
    expect(WORDFENCE_ATTRIBUTION).toContain('Defiant, Inc.');
  });

  it('extracts the exact facts of each record, one list per component, sorted', () => {
    const { advisories } = fixture();
    expect(Object.keys(advisories)).toEqual([
      'wordpress', 'wp-plugin:3d-viewer', 'wp-plugin:abeta-punchout', 'wp-plugin:bad-behavior',
      'wp-plugin:jetwidgets-for-elementor', 'wp-plugin:site-favicon', 'wp-theme:5star',
    ]);
    expect(advisories).toEqual({
      // Core: the template keeps one branch (>= 5.5, <= 5.5.1) of "WordPress Core < 5.5.2": the title's bound is the range.
      wordpress: [{ id: 'CVE-2020-28032', aliases: ['58300545-3e53-49be-bf55-eaf3e4cd82e9'], severity: 'high', cvss: 8.8, weakness: 'deserialization', ranges: [{ below: '5.5.2' }], ...facts }],
      // One vulnerability of the Freemius SDK, in many plugins: one advisory in each, with that plugin's range.
      'wp-plugin:3d-viewer': [{ id: 'CVE-2022-4974', aliases: ['39fb0499-9ab4-4a2f-b0db-ece86bcf4d42'], severity: 'medium', cvss: 6.3, weakness: 'missing-authorization', ranges: [{ below: '1.2.7' }], ...facts }],
      'wp-plugin:abeta-punchout': [{ id: 'CVE-2022-4974', aliases: ['39fb0499-9ab4-4a2f-b0db-ece86bcf4d42'], severity: 'medium', cvss: 6.3, weakness: 'missing-authorization', ranges: [{ atMost: '0.4' }], ...facts }],
      // A lower bound: '>= 2.2.0', '< 2.2.5'.
      'wp-plugin:bad-behavior': [{ id: 'CVE-2012-4271', aliases: ['e4704495-8342-4846-9242-f1eab4de25d6'], severity: 'medium', cvss: 6.1, weakness: 'xss', ranges: [{ from: '2.2.0', below: '2.2.5' }], ...facts }],
      // File jetwidgets_for_elementor, slug jetwidgets-for-elementor; severity word "low", CVSS 6.4: medium.
      'wp-plugin:jetwidgets-for-elementor': [{ id: 'CVE-2023-0034', aliases: ['934db08b-7dde-43bf-848b-48fba38ef195'], severity: 'medium', cvss: 6.4, weakness: 'xss', ranges: [{ atMost: '1.0.13' }], ...facts }],
      // Two files (production feed with CVE and CVSS, scanner feed with neither): one advisory.
      'wp-plugin:site-favicon': [{ id: 'CVE-2024-35642', aliases: ['0008b460-0c28-4e72-9c87-eda91989e39a'], severity: 'medium', cvss: 4.4, weakness: 'xss', ranges: [{ atMost: '0.2' }], ...facts }],
      // No CVE: the UUID is the id. Severity word "medium", CVSS 8.8: high.
      'wp-theme:5star': [{ id: 'b2cea890-b131-47cd-9050-a484fb1895f6', aliases: [], severity: 'high', cvss: 8.8, weakness: 'csrf', ranges: [{ atMost: '1.0' }], ...facts }],
    });
  });

  it('keeps no upstream prose', () => {
    const text = JSON.stringify(fixture().advisories);
    expect(text).not.toMatch(/Cross-Site|Deserialization|Freemius|WordPress Core|JetWidgets|wordfence\.com/);
  });

  it('notes what it skipped and why', () => {
    const { notes } = fixture();
    expect(notes).toEqual([
      '11 templates read, 2 duplicates merged (same Wordfence id and component), 2 skipped.',
      '1 WordPress core advisories: the template\'s one-branch range widened to the bound its title states (see coreRange).',
      'nuclei-templates/2007/CVE-2007-3544-wpmu-0848d526-9530-40f3-8430-499d96b9a1b1.yaml: skipped, core software other than WordPress (\'wpmu\')',
      'nuclei-templates/2023/CVE-2023-27438-wp_translitera-ad427bea-1b0e-46bb-85fc-53c51fb40a17.yaml: skipped, unparseable range (unparseable version \'<= p1.2.5\')',
    ]);
  });

  it('is deterministic whatever the order files are read in', () => {
    const reversed = extract(fixtureRepo(REPOSITORY, 'wordfence', [...TEMPLATES].reverse(), 'a'.repeat(40), '2026-08-22'), { checked: '2026-08-23' });
    expect(JSON.stringify(reversed.advisories)).toBe(JSON.stringify(fixture().advisories));
  });

  it('reads the comparisons of the DSL matchers', () => {
    expect(parseComparison("'<= 1.2.3'")).toEqual({ range: { atMost: '1.2.3' } });
    expect(parseComparison("'< 2.0'")).toEqual({ range: { below: '2.0' } });
    expect(parseComparison("'>= 1.0', '< 1.2'")).toEqual({ range: { from: '1.0', below: '1.2' } });
    expect(parseComparison("'> 1.0', '<= 1.2'")).toEqual({ range: { from: '1.0', fromExclusive: true, atMost: '1.2' } });
    expect(parseComparison("'5.0'")).toEqual({ range: { from: '5.0', atMost: '5.0' } });
    expect(parseComparison("'<= *'")).toEqual({ range: {} });
    expect(parseComparison("'<= v2.2.0'")).toEqual({ range: { atMost: '2.2.0' } });
    expect(parseComparison("'< .51.1'")).toEqual({ range: { below: '0.51.1' } });
    expect(parseComparison("'>= 5.8 beta 1', '<= 5.8 beta 2'")).toEqual({ range: { from: '5.8-beta1', atMost: '5.8-beta2' } });
    expect(parseComparison("'<= 44.0 (17-08-2023)'")).toEqual({ range: { atMost: '44.0' } });
    expect(parseComparison("'<= 8..1'")).toEqual({ reason: "unparseable version '<= 8..1'" });
  });

  it('widens a core branch range to the bound the title states, and only then', () => {
    expect(coreRange({ from: '6.0', atMost: '6.0.2' }, 'WordPress Core < 6.0.3 - Stored Cross-Site Scripting')).toEqual({ below: '6.0.3' });
    expect(coreRange({ from: '7.0.0', atMost: '7.0.2' }, 'WordPress <= 7.0.2 - Missing Authorization')).toEqual({ atMost: '7.0.2' });
    expect(coreRange({ from: '5.0', atMost: '5.0' }, 'WordPress Core < 5.0.1 - PHP Object Injection')).toEqual({ below: '5.0.1' });
    // No lower bound: the range is whole already. A title bound below the template's, or none: the template stands.
    expect(coreRange({ atMost: '2.2.1' }, 'WordPress Core <= 2.2.1 - Arbitrary File Upload')).toBeNull();
    expect(coreRange({ from: '5.8', below: '5.8.1' }, 'WordPress Core 5.4 - 5.8 - Data Exposure')).toBeNull();
    expect(coreRange({ from: '5.8', below: '5.8.3' }, 'WordPress Core < 5.7 - Something')).toBeNull();
  });
});

describe.skipIf(!mirrorDir(REPOSITORY))('Wordfence extractor on the mirror', () => {
  let memo: Extract | undefined;
  const real = (): Extract => (memo ??= extract(openMirror(REPOSITORY), { checked: '2026-08-23' }));

  it('reads tens of thousands of advisories of plausible shape', () => {
    const { advisories, notes } = real();
    const all = Object.values(advisories).flat();
    const components = Object.keys(advisories);
    expect(all.length).toBeGreaterThan(30_000);
    expect(components.filter((c) => c.startsWith('wp-plugin:')).length).toBeGreaterThan(10_000);
    expect(components.filter((c) => c.startsWith('wp-theme:')).length).toBeGreaterThan(1_000);
    expect(advisories.wordpress!.length).toBeGreaterThan(200);
    expect(components.every((c) => c === 'wordpress' || /^wp-(plugin|theme):[A-Za-z0-9][A-Za-z0-9._-]*$/.test(c))).toBe(true);
    expect(all.every((a) => a.ranges.length > 0 && a.url === '' && a.source === 'wordfence')).toBe(true);
    expect(all.every((a) => a.cvss === undefined || a.severity === (a.cvss >= 9 ? 'critical' : a.cvss >= 7 ? 'high' : a.cvss >= 4 ? 'medium' : a.cvss > 0 ? 'low' : 'info'))).toBe(true);
    // About as many without a CVE as with one, in templates; after merging most records have one.
    expect(all.filter((a) => a.id.startsWith('CVE-')).length).toBeGreaterThan(all.length / 2);
    expect(notes.length).toBeLessThan(200);
  }, 120_000);

  it('has each Wordfence UUID at most once per component', () => {
    for (const [component, list] of Object.entries(real().advisories)) {
      const uuids = list.map((a) => (a.id.startsWith('CVE-') ? a.aliases[0] : a.id));
      expect(new Set(uuids).size, component).toBe(uuids.length);
      expect(uuids.every((u) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(u!)), component).toBe(true);
    }
  }, 120_000);

  it('finds WordPress 4.9.8 affected by many advisories', () => {
    const kb = testKb({ advisories: { wordpress: real().advisories.wordpress! } });
    const affecting = affectingAdvisories(kb, 'wordpress', '4.9.8');
    expect(affecting.length).toBeGreaterThan(50);
    expect(affecting.map((a) => a.advisory.id)).toContain('CVE-2020-28032');
    // A version from the future: only what Wordfence states unpatched in every version ('<= *').
    const future = affectingAdvisories(kb, 'wordpress', '99.0.0');
    expect(future.length).toBeLessThan(10);
    expect(future.every((a) => a.advisory.ranges.some((r) => !r.below && !r.atMost))).toBe(true);
  }, 120_000);
});
