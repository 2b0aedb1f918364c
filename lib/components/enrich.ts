/** A detected component, judged with the knowledge base on the audit's date. */
import type { Severity, Technology } from '../audit/schema';
import { translate, type Locale } from '../i18n';
import { componentInfo, isExtension } from '../kb/components';
import type { KnowledgeBase } from '../kb/knowledge';
import { elapsed, isoDuration } from '../kb/lifecycle';
import { judge, type Verdict } from '../kb/verdict';
import type { BannerOrigin } from './distribution';
import { BANNER_COMPONENTS } from './distribution';

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export interface EnrichContext {
  now: Date;
  kb: KnowledgeBase;
  locale?: Locale;
  origin?: BannerOrigin;
  /** Display names extensions give themselves (readme.txt, style.css). */
  names?: ReadonlyMap<string, string>;
  /** The sources that stated the version. */
  versionSources?: readonly string[];
}

const dated = (r: { version: string; date?: string }) => ({ version: r.version.slice(0, 64), ...(r.date ? { date: r.date } : {}) });

/** The technology entry and the verdict it was written from (the components.* rules read the same verdict). */
export function enrich(component: string, version: string | undefined, confidence: number, sources: string[], ctx: EnrichContext): { technology: Technology; verdict?: Verdict } | null {
  const info = componentInfo(component);
  if (!info) return null;
  const tech: Technology = {
    name: info.name,
    ...(version ? { version: version.slice(0, 64) } : {}),
    category: info.category,
    confidence: Math.max(0, Math.min(100, Math.round(confidence))),
    sources: sources.slice(0, 20),
    vulnerabilities: [],
  };
  if (isExtension(component)) tech.name = (ctx.names?.get(component) ?? info.name).slice(0, 100);
  const unversionedKinds = new Set(['cms', 'shop', 'plugin', 'theme']);
  if (!version) {
    if (unversionedKinds.has(info.category)) tech.notJudged = 'version-unknown';
    return { technology: tech };
  }
  if (isExtension(component) || component === 'woocommerce') {
    const from = ctx.versionSources ?? [];
    if (from.some((s) => s.startsWith('readme:'))) tech.versionFrom = 'readme';
    else if (from.some((s) => s.startsWith('style:'))) tech.versionFrom = 'style';
    else if (from.length && from.every((s) => s.startsWith('query-hint:'))) {
      // A "?ver=" value is often WordPress's own version: shown as a hint, never judged.
      tech.versionFrom = 'query-hint';
      tech.notJudged = 'version-hint';
      return { technology: tech };
    }
  }
  const fromBanner = BANNER_COMPONENTS.has(component) && sources.some((s) => s.startsWith('header:'));
  // "1.1" is a whole release for a CMS, plugin or theme (WordPress 5.0, Drupal 7.57, a theme's 1.1),
  // not a partial banner such as Apache's "2.4": it is judged as the release it names.
  const exact = unversionedKinds.has(info.category) && /^\d+\.\d+$/.test(version) ? `${version}.0` : version;
  const verdict = judge(ctx.kb, component, exact, ctx.now, { windows: !!ctx.origin?.windows });
  const locale = ctx.locale ?? 'en';
  tech.vulnerabilities = verdict.vulnerabilities
    .map(({ advisory: a, fixedIn }) => ({
      id: a.id.slice(0, 100),
      severity: a.severity,
      summary: translate(locale, `weakness.${a.weakness}`, { component: info.name }).slice(0, 500),
      ...(fixedIn ? { fixedIn: fixedIn.slice(0, 64) } : {}),
      url: a.url.slice(0, 500),
      weakness: a.weakness,
      ...(a.cvss !== undefined ? { cvss: a.cvss } : {}),
      source: a.source,
      ...(a.severityUnknown ? { severityUnknown: true as const } : {}),
    }))
    .sort((a, b) => RANK[b.severity] - RANK[a.severity] || a.id.localeCompare(b.id))
    .slice(0, 200);
  const fresh = verdict.freshness;
  if (fresh.kind !== 'not-measured') tech.latest = fresh.newest.version.slice(0, 64);
  if (verdict.support && !verdict.support.patchedAfterEol) tech.eol = verdict.support.eol;
  if (verdict.support?.patchedAfterEol) tech.patchedAfterEol = { cycle: verdict.support.cycle, eol: verdict.support.eol, ...dated(verdict.support.patchedAfterEol) };
  if (fresh.kind === 'behind') {
    const span = elapsed(fresh.since, ctx.now);
    if (span.years || span.months) tech.behindBy = isoDuration(span);
    tech.behind = {
      since: fresh.since,
      releases: fresh.releases,
      next: dated(fresh.next),
      ...(fresh.lineLatest ? { lineLatest: dated(fresh.lineLatest) } : {}),
      newest: dated(fresh.newest),
    };
  }
  if (fresh.kind === 'newer-than-kb') tech.notJudged = 'newer-than-kb';
  else if (fresh.kind === 'not-measured' && fresh.reason !== 'unknown-component') tech.notJudged = fresh.reason;
  // Plugins and themes have no release dates offline: how far behind is not measured.
  else if (fresh.kind === 'not-measured' && isExtension(component)) tech.notJudged = 'no-release-dates';
  if (verdict.updateTo) tech.updateTo = { ...dated(verdict.updateTo), reason: verdict.updateTo.reason };
  if (fromBanner) tech.upstreamAssumed = ctx.origin?.distribution ? { distribution: ctx.origin.distribution } : {};
  return { technology: tech, verdict };
}
