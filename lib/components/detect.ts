/**
 * Technologies seen in the evidence: every source (page globals, script text banners, script URLs,
 * meta generator, headers, cookies, URL markers) gives observations, combined per component with a
 * confidence and the list of sources, then enriched from the knowledge base (advisories, end of life,
 * latest version, "behind by" on the audit's date).
 */
import type { Technology } from '../audit/schema';
import type { Evidence } from '../evidence/schema';
import { componentInfo, EXTENSION_ALIASES } from '../kb/components';
import { PRESENCE_PROBES } from '../kb/global-probes';
import { matchScriptUrl } from '../kb/script-url';
import type { RuleContext } from '../rules/types';
import { coreVersion, normaliseVersion, parseVersion } from '../version/parse';
import type { KnowledgeBase } from '../kb/knowledge';
import type { Verdict } from '../kb/verdict';
import { bannerOrigin } from './distribution';
import { enrich } from './enrich';
import { referencedExtensions } from './extensions';
import { fromCookieNames, fromHeaders, fromMetaGenerator, fromUrlMarkers, type Observation } from './signals';

const MAX_URLS = 1500;

/** Lodash and Underscore both publish `_.VERSION`; Underscore never went past 1.x, Lodash 1.x is long gone. */
function underscoreOrLodash(version: string): string {
  return parseVersion(version)?.nums[0] === 1 ? 'underscore' : 'lodash';
}

function isHttp(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** Every observation the evidence supports, unsorted. */
export function observe(evidence: Evidence): Observation[] {
  const out: Observation[] = [];
  for (const lib of evidence.globals?.libraries ?? []) {
    const presence = PRESENCE_PROBES.has(lib.library);
    const component = lib.library === '_' ? underscoreOrLodash(lib.version) : lib.library;
    out.push({ component, ...(presence ? {} : { version: lib.version }), source: `global:${lib.path}`, confidence: presence ? 80 : 100 });
  }
  for (const file of evidence.scriptFiles?.files ?? []) {
    if (!isHttp(file.url)) continue;
    for (const m of file.matches) out.push({ component: m.library, version: m.version, source: `script-file:${file.url.slice(0, 180)}`, confidence: 95 });
  }
  const page = evidence.page;
  const urls = new Map<string, string>();
  for (const s of page?.scripts ?? []) urls.set(s.src, 'script-url');
  for (const s of page?.stylesheets ?? []) if (!urls.has(s.href)) urls.set(s.href, 'stylesheet-url');
  for (const s of page?.subresources ?? []) if (!urls.has(s.url)) urls.set(s.url, s.kind === 'script' ? 'script-url' : 'resource-url');
  for (const r of page?.resources ?? []) if (!urls.has(r.name)) urls.set(r.name, r.initiatorType === 'script' ? 'script-url' : 'resource-url');
  let seen = 0;
  for (const [url, kind] of urls) {
    if (++seen > MAX_URLS) break;
    if (!isHttp(url)) continue;
    if (kind === 'script-url' || kind === 'stylesheet-url' || /\/wp-includes\/css\//.test(url)) {
      for (const m of matchScriptUrl(url)) out.push({ component: m.library, version: m.version, source: `${kind}:${url.slice(0, 180)}`, confidence: kind === 'script-url' ? 85 : 80 });
    }
    out.push(...fromUrlMarkers(url, kind));
  }
  out.push(...observeExtensions(evidence, urls.keys()));
  out.push(...fromMetaGenerator(page?.metaGenerator ?? []));
  out.push(...fromHeaders(evidence.headers?.headers ?? []));
  const cookieNames = new Set<string>(page?.documentCookieNames ?? []);
  for (const c of evidence.cookies?.items ?? []) cookieNames.add(c.name);
  for (const h of evidence.cookies?.setCookieHeaders ?? []) cookieNames.add(h.slice(0, h.indexOf('=') >>> 0).trim());
  for (const [name, value] of evidence.headers?.headers ?? []) {
    if (name.toLowerCase() === 'set-cookie') cookieNames.add(value.slice(0, value.indexOf('=') >>> 0).trim());
  }
  cookieNames.delete('');
  out.push(...fromCookieNames([...cookieNames].slice(0, 400)));
  // A "?ver=" equal to WordPress's own version is WordPress's, not the plugin's (the default when a
  // plugin enqueues its files without a version): not even a hint.
  const core = new Set(out.filter((o) => o.component === 'wordpress' && o.version).map((o) => normaliseVersion(o.version!)));
  return out.filter((o) => componentInfo(o.component) !== undefined && !(o.source.startsWith('query-hint:') && core.has(normaliseVersion(o.version ?? ''))));
}

/**
 * WordPress plugins and themes and Drupal modules the page's own URLs reference. The version is
 * the one their version file states (readme.txt, style.css); a `?ver=` query only when no file
 * gave one, as a weak hint (many plugins enqueue their files with WordPress's version).
 */
function observeExtensions(evidence: Evidence, pageUrls: Iterable<string>): Observation[] {
  const origin = originOf(evidence.page?.url ?? evidence.url);
  if (!origin) return [];
  const out: Observation[] = [];
  const files = new Map((evidence.versionFiles?.files ?? []).filter((f) => f.outcome === 'version' && f.version).map((f) => [`${f.kind}:${f.slug.toLowerCase()}`, f]));
  for (const ext of referencedExtensions(pageUrls, origin)) {
    const component = EXTENSION_ALIASES[ext.id] ?? ext.id;
    out.push({ component, source: `extension-url:${ext.urls[0]!.slice(0, 180)}`, confidence: 90 });
    const file = files.get(ext.id);
    if (file) out.push({ component, version: file.version!, source: `${ext.kind === 'wp-theme' ? 'style' : 'readme'}:${file.url.slice(0, 180)}`, confidence: 95 });
    else if (ext.verHints.length === 1) out.push({ component, version: ext.verHints[0]!, source: `query-hint:${ext.urls[0]!.slice(0, 180)}`, confidence: 20 });
  }
  return out;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

interface Group {
  component: string;
  version?: string;
  versionConfidence: number;
  confidence: number;
  sources: string[];
  /** The sources that stated the version (not only the component's presence). */
  versionSources: string[];
}

/**
 * Combines observations per component. Two full versions that differ (a page that loads two jQuery
 * builds) make two entries; sources without a version join the most confident entry.
 */
export function combine(observations: readonly Observation[]): Group[] {
  const byComponent = new Map<string, Group[]>();
  const sorted = [...observations].sort((a, b) => b.confidence - a.confidence);
  for (const o of sorted) {
    const groups = byComponent.get(o.component) ?? [];
    byComponent.set(o.component, groups);
    const version = o.version !== undefined ? normaliseVersion(o.version) ?? undefined : undefined;
    const key = version ? coreVersion(version) : null;
    let group = key ? groups.find((g) => g.version && coreVersion(g.version) === key) : undefined;
    if (!group && key) {
      // A partial version ("7.4") or a versionless group takes the first full version that fits.
      group = groups.find((g) => !g.version || (parseVersion(g.version)?.partial && key.startsWith(`${coreVersion(g.version)}.`)));
    }
    if (!group && !key) group = groups[0];
    if (!group) {
      group = { component: o.component, versionConfidence: 0, confidence: 0, sources: [], versionSources: [] };
      groups.push(group);
    }
    if (version && (!group.version || o.confidence > group.versionConfidence || (parseVersion(group.version)?.partial && !parseVersion(version)?.partial) || (version.length > group.version.length && coreVersion(version) === coreVersion(group.version)))) {
      group.version = version;
      group.versionConfidence = Math.max(group.versionConfidence, o.confidence);
    }
    if (!group.sources.includes(o.source) && group.sources.length < 20) group.sources.push(o.source);
    if (version && !group.versionSources.includes(o.source) && group.versionSources.length < 20) group.versionSources.push(o.source);
    group.confidence = Math.max(group.confidence, o.confidence);
  }
  const out: Group[] = [];
  for (const groups of byComponent.values()) {
    for (const g of groups) {
      // Agreement between independent kinds of source raises confidence a little.
      const kinds = new Set(g.sources.map((s) => s.slice(0, s.indexOf(':') >>> 0)));
      g.confidence = Math.min(100, g.confidence + 5 * (kinds.size - 1));
      out.push(g);
    }
  }
  return out;
}

export interface DetectedComponent {
  /** Component id of lib/kb/components.ts. */
  component: string;
  technology: Technology;
  /** The sources that stated the version. */
  versionSources: string[];
  /** What the knowledge base says of this version (absent without a version). */
  verdict?: Verdict;
}

const memo = new WeakMap<Evidence, { key: string; kb: KnowledgeBase; result: DetectedComponent[] }>();

/** Detection with each technology's component id and verdict (for the components.* rules). */
export function detectComponents(evidence: Evidence, ctx: RuleContext): DetectedComponent[] {
  const key = `${ctx.now.getTime()}|${ctx.locale ?? 'en'}`;
  const cached = memo.get(evidence);
  if (cached && cached.key === key && cached.kb === ctx.kb) return cached.result.map((d) => structuredClone(d));
  const origin = bannerOrigin(evidence);
  // The names extensions give themselves in their version files (text only, bounded by the schema).
  const names = new Map((evidence.versionFiles?.files ?? []).filter((f) => f.name).map((f) => [EXTENSION_ALIASES[`${f.kind}:${f.slug.toLowerCase()}`] ?? `${f.kind}:${f.slug.toLowerCase()}`, f.name!]));
  const result = combine(observe(evidence))
    .map((g): DetectedComponent | null => {
      const judged = enrich(g.component, g.version, g.confidence, g.sources, { now: ctx.now, kb: ctx.kb, locale: ctx.locale, origin, names, versionSources: g.versionSources });
      return judged ? { component: g.component, versionSources: g.versionSources, technology: judged.technology, ...(judged.verdict ? { verdict: judged.verdict } : {}) } : null;
    })
    .filter((d): d is DetectedComponent => d !== null)
    .sort((a, b) => a.technology.name.localeCompare(b.technology.name) || (a.technology.version ?? '').localeCompare(b.technology.version ?? ''));
  memo.set(evidence, { key, kb: ctx.kb, result });
  return result.map((d) => structuredClone(d));
}

export function detectTechnologies(evidence: Evidence, ctx: RuleContext): Technology[] {
  return detectComponents(evidence, ctx).map((d) => d.technology);
}
