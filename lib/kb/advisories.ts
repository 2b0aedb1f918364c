/** Which known advisories affect a version of a component, and the first version without them. */
import type { Severity } from '../audit/schema';
import { compareParsed, compareVersions, inRange, type VersionRange } from '../version/compare';
import { parseVersion, type Version } from '../version/parse';
import type { Advisory, KnowledgeBase, Release } from './knowledge';

export type { Advisory } from './knowledge';

/**
 * The source writes "every 2.x and older" as "below 2.999.999": the version to move to is then 3.0.0.
 */
export function fixVersion(below: string): string {
  const parts = below.split('.');
  const at = parts.findIndex((p) => /^9{3,}$/.test(p));
  if (at <= 0) return below;
  const head = parts.slice(0, at).map(Number);
  head[head.length - 1]! += 1;
  return [...head, ...Array<number>(Math.max(0, 3 - head.length)).fill(0)].join('.');
}

/** The version's line for branch rules: its first two numbers ("4.9" for 4.9.8). */
const lineOf = (v: Version) => v.nums.slice(0, 2).join('.');

/**
 * Lookups over a component's release list (ascending), built once per list: a release by version,
 * the first release above a version (binary search), and per line the releases in date order.
 * Judging WordPress checks hundreds of advisories against hundreds of releases.
 */
interface ReleaseIndex {
  byVersion: Map<string, Release>;
  parsed: (Version | null)[];
  byLine: Map<string, Release[]>;
}
const indexes = new WeakMap<readonly Release[], ReleaseIndex>();

function indexOf(releases: readonly Release[]): ReleaseIndex {
  let index = indexes.get(releases);
  if (index) return index;
  const byLine = new Map<string, Release[]>();
  const parsed = releases.map((r) => parseVersion(r.version));
  releases.forEach((r, i) => {
    const v = parsed[i];
    if (!v || !r.date) return;
    const line = lineOf(v);
    const list = byLine.get(line) ?? [];
    list.push(r);
    byLine.set(line, list);
  });
  for (const list of byLine.values()) list.sort((a, b) => a.date.localeCompare(b.date) || compareVersions(a.version, b.version));
  index = { byVersion: new Map(releases.map((r) => [r.version, r])), parsed, byLine };
  indexes.set(releases, index);
  return index;
}

/** The first release strictly above `version` in an ascending list. */
function firstAbove(releases: readonly Release[], index: ReleaseIndex, version: Version): Release | undefined {
  let lo = 0;
  let hi = releases.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = index.parsed[mid];
    if (v && compareParsed(v, version) > 0) hi = mid;
    else lo = mid + 1;
  }
  return releases[lo];
}

/** The first known release above the range, or its `below` bound: the version that fixes it. */
function fixOf(range: VersionRange, releases: readonly Release[]): string | undefined {
  if (range.below !== undefined) return fixVersion(range.below);
  if (range.atMost === undefined) return undefined;
  const atMost = parseVersion(range.atMost);
  return atMost ? firstAbove(releases, indexOf(releases), atMost)?.version : undefined;
}

export interface Affecting {
  advisory: Advisory;
  /** First version that fixes it for this version's line; undefined when none is known. */
  fixedIn?: string;
}

export interface AffectOptions {
  /** The server runs on Windows (its banner says so): Windows-only advisories count. */
  windows?: boolean;
}

/**
 * Whether `v` is affected by `range`. For a component whose advisories ignore branch backports
 * (WordPress core), a release of the version's own older line published on or after the day of the
 * fixing release counts as patched: 4.9.8 is affected by a flaw fixed in 6.4.2, 4.9.26 is not.
 * Returns the fix for the version's line, or false when not affected.
 */
function affects(kb: KnowledgeBase, component: string, v: Version, range: VersionRange): { fixedIn?: string } | false {
  if (!inRange(v, range)) return false;
  const releases = kb.releasesOf(component);
  const fix = fixOf(range, releases);
  if (!kb.backports(component) || !fix) return fix ? { fixedIn: fix } : {};
  const fixed = parseVersion(fix);
  if (!fixed || lineOf(fixed) === lineOf(v)) return { fixedIn: fix };
  const index = indexOf(releases);
  const fixDate = index.byVersion.get(fix)?.date;
  if (!fixDate) return { fixedIn: fix };
  // The first release of the version's own line on or after the fix's day patched that line.
  const patched = index.byLine.get(lineOf(v))?.find((r) => r.date >= fixDate);
  if (!patched) return { fixedIn: fix };
  const pv = parseVersion(patched.version)!;
  return compareParsed(v, pv) < 0 ? { fixedIn: patched.version } : false;
}

/** Advisories that affect this version of the component, each with the fix for its line. */
export function affectingAdvisories(kb: KnowledgeBase, component: string, version: string, options: AffectOptions = {}): Affecting[] {
  const parsed = parseVersion(version);
  if (!parsed) return [];
  const out: Affecting[] = [];
  for (const advisory of kb.advisoriesOf(component)) {
    if (advisory.windowsOnly && !options.windows) continue;
    for (const range of advisory.ranges) {
      const hit = affects(kb, component, parsed, range);
      if (!hit) continue;
      out.push({ advisory, ...(hit.fixedIn ? { fixedIn: hit.fixedIn } : {}) });
      break;
    }
  }
  return out;
}

const SEVERITY_ORDER: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
export function worstSeverity(list: readonly { severity: Severity }[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const { severity } of list) if (!worst || SEVERITY_ORDER.indexOf(severity) > SEVERITY_ORDER.indexOf(worst)) worst = severity;
  return worst;
}

/**
 * The smallest version to move to that no known advisory affects. With a list of releases, the
 * first release above the version that is not affected (its own line first); without one, climb
 * from fix to fix. Advisories with no fix at all (WordPress's unpatched pingback SSRF) affect every
 * later version too: they do not stop a move, and stay reported. Undefined when nothing is fixed.
 */
export function safeVersion(kb: KnowledgeBase, component: string, version: string, options: AffectOptions = {}): string | undefined {
  const parsed = parseVersion(version);
  if (!parsed) return undefined;
  const unfixed = new Set(affectingAdvisories(kb, component, version, options).filter((a) => !a.fixedIn).map((a) => a.advisory.id));
  const fixable = (v: string) => affectingAdvisories(kb, component, v, options).filter((a) => !unfixed.has(a.advisory.id));
  const releases = kb.releasesOf(component);
  if (releases.length) {
    const above = releases.filter((r) => compareVersions(r.version, version) > 0 && !parseVersion(r.version)?.pre.length);
    // Stops at the first advisory that still affects the release (most releases are ruled out at once).
    const clean = (r: Release) => {
      const v = parseVersion(r.version);
      if (!v) return false;
      for (const advisory of kb.advisoriesOf(component)) {
        if (unfixed.has(advisory.id) || (advisory.windowsOnly && !options.windows)) continue;
        if (advisory.ranges.some((range) => affects(kb, component, v, range))) return false;
      }
      return true;
    };
    const own = above.find((r) => lineOf(parseVersion(r.version)!) === lineOf(parsed) && clean(r));
    if (own) return own.version;
    const any = above.find(clean);
    if (any) return any.version;
  }
  let candidate: string | undefined;
  for (let step = 0; step < 50; step++) {
    const affecting = fixable(candidate ?? version);
    if (!affecting.length) return candidate;
    if (affecting.some((a) => !a.fixedIn)) return undefined;
    const next = affecting.map((a) => a.fixedIn!).reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
    if (candidate && compareVersions(next, candidate) <= 0) return undefined;
    candidate = next;
  }
  return undefined;
}
