/**
 * JavaScript library advisories from Retire.js's repository (RetireJS/retire.js,
 * repository/jsrepository-master.json, Apache-2.0). Facts kept: ids, severity, CWEs, affected
 * ranges and a reference when no id gives one; Retire.js's summaries are not kept.
 */
import { weaknessOf } from '../weakness.mjs';

export const FILE = 'repository/jsrepository-master.json';

/** Vigie component id → Retire.js library keys (several keys can describe one library). */
export const RETIRE_KEYS = {
  jquery: ['jquery'],
  'jquery-ui': ['jquery-ui', 'jquery-ui-dialog', 'jquery-ui-tooltip', 'jquery-ui-autocomplete'],
  'jquery-migrate': ['jquery-migrate'],
  'jquery-validation': ['jquery-validation'],
  'jquery-mobile': ['jquery-mobile'],
  datatables: ['jquery.datatables'],
  bootstrap: ['bootstrap'],
  angularjs: ['angularjs'],
  angular: ['@angular/core'],
  react: ['react'],
  'react-dom': ['react-dom'],
  vue: ['vue'],
  lodash: ['lodash'],
  underscore: ['underscore.js'],
  moment: ['moment.js'],
  handlebars: ['handlebars'],
  mustache: ['mustache.js'],
  dompurify: ['DOMPurify'],
  axios: ['axios'],
  chartjs: ['chart.js'],
  knockout: ['knockout'],
  backbone: ['backbone.js'],
  ember: ['ember'],
  prototype: ['prototypejs'],
  mootools: ['mootools'],
  dojo: ['dojo'],
  select2: ['select2'],
  swiper: ['swiper'],
  d3: ['d3'],
  nextjs: ['nextjs'],
  svelte: ['svelte'],
  alpinejs: ['alpinejs'],
  tinymce: ['tinyMCE'],
  ckeditor: ['ckeditor'],
  highcharts: ['highcharts'],
  videojs: ['video.js'],
  threejs: ['threejs'],
  pdfjs: ['pdf.js'],
  highlightjs: ['highlightjs'],
  yui: ['YUI'],
  extjs: ['ExtJS'],
};

const SEVERITIES = new Set(['critical', 'high', 'medium', 'low', 'info']);

/** @returns {import('../types').KbExtract} */
export function extract(repo, { checked }) {
  const data = JSON.parse(repo.read(FILE));
  const notes = [];
  const advisories = {};
  const mappedKeys = new Set(Object.values(RETIRE_KEYS).flat());
  const unmapped = Object.keys(data).filter((k) => !mappedKeys.has(k) && k !== 'retire-example' && k !== 'dont check');
  if (unmapped.length) notes.push(`${unmapped.length} libraries Vigie does not detect were skipped: ${unmapped.sort().join(', ')}`);

  for (const [component, keys] of Object.entries(RETIRE_KEYS)) {
    const list = [];
    const byId = new Map();
    for (const key of keys) {
      const library = data[key];
      if (!library) {
        notes.push(`${component}: Retire.js key "${key}" not found`);
        continue;
      }
      for (const vuln of library.vulnerabilities ?? []) {
        const ids = vuln.identifiers ?? {};
        const cves = (ids.CVE ?? []).filter((c) => /^CVE-\d{4}-\d+$/.test(c));
        const ghsa = typeof ids.githubID === 'string' && ids.githubID.startsWith('GHSA-') ? ids.githubID : undefined;
        const ranges = (vuln.ranges ?? []).map((r) => ({
          ...(r.atOrAbove && r.atOrAbove !== '0' ? { from: String(r.atOrAbove) } : {}),
          ...(r.below ? { below: String(r.below) } : {}),
          ...(r.excludes?.length ? { excludes: r.excludes.map(String) } : {}),
        }));
        if (!ranges.length || ranges.some((r) => !r.below)) {
          notes.push(`${component}: an advisory without an upper bound was skipped (${cves[0] ?? ghsa ?? ids.retid ?? '?'})`);
          continue;
        }
        // Without a CVE or GHSA, an id of ours: RETIRE-<retid>, or <COMPONENT>-<issue|bug>, or the fix.
        const fix = ranges.map((r) => r.below).at(-1);
        const own = ids.retid ? `RETIRE-${ids.retid}` : `${component.toUpperCase()}-${ids.issue ?? ids.bug ?? `FIX-${fix}`}`;
        const id = cves[0] ?? ghsa ?? own;
        const aliases = [...cves.slice(1), ...(ghsa && ghsa !== id ? [ghsa] : [])];
        const cwes = (vuln.cwe ?? []).map((c) => String(c).replace(/^CWE-/i, '')).filter((c) => /^\d+$/.test(c));
        const advisory = {
          id,
          aliases,
          severity: SEVERITIES.has(vuln.severity) ? vuln.severity : 'medium',
          ...(SEVERITIES.has(vuln.severity) ? {} : { severityUnknown: true }),
          weakness: weaknessOf({ cwes, text: vuln.summary ?? '' }),
          cwes,
          ranges,
          url: cves.length || ghsa ? '' : (vuln.info ?? []).find((u) => /^https:\/\//.test(u)) ?? (vuln.info ?? [])[0] ?? '',
          source: 'retirejs',
        };
        const same = byId.get(id);
        if (same) {
          // The same advisory under two keys (jquery-ui and jquery-ui-dialog): one record, every range once.
          const seen = new Set(same.ranges.map((r) => JSON.stringify(r)));
          for (const r of ranges) if (!seen.has(JSON.stringify(r))) same.ranges.push(r);
          continue;
        }
        byId.set(id, advisory);
        list.push(advisory);
      }
    }
    if (list.length) advisories[component] = list.sort((a, b) => a.id.localeCompare(b.id));
  }
  return {
    source: {
      id: 'retirejs',
      name: 'Retire.js vulnerability repository',
      repository: repo.repository,
      commit: repo.commit,
      date: repo.date,
      checked,
      licence: 'Apache-2.0',
    },
    advisories,
    notes,
  };
}
