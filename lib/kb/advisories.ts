/** Known vulnerable versions of a component, decoded from the compact table in data/advisories.ts. */
import type { Severity } from '../audit/schema';
import { compareVersions, inRange, type VersionRange } from '../version/compare';
import { parseVersion } from '../version/parse';
import { ADVISORIES } from './data/advisories';
import { summarise } from './weakness';

export interface Advisory {
  /** Display id: the CVE, else the GHSA, else ours. */
  id: string;
  aliases: string[];
  severity: Severity;
  cwes: string[];
  ranges: VersionRange[];
  url: string;
}

const SEVERITY: Record<string, Severity> = { c: 'critical', h: 'high', m: 'medium', l: 'low', i: 'info' };
/** An open upper bound in the source data: every version from `from` on is affected, no fix exists. */
export const NO_FIX = '999.0.0';

/**
 * The source writes "every 2.x and older" as "below 2.999.999": the version to move to is then 3.0.0.
 */
export function fixVersion(below: string): string | undefined {
  if (below === NO_FIX) return undefined;
  const parts = below.split('.');
  const at = parts.findIndex((p) => /^9{3,}$/.test(p));
  if (at <= 0) return below;
  const head = parts.slice(0, at).map(Number);
  head[head.length - 1]! += 1;
  return [...head, ...Array<number>(Math.max(0, 3 - head.length)).fill(0)].join('.');
}

export function decodeRange(text: string): VersionRange {
  const [bounds, ...excludes] = text.split('!');
  const [from, below] = (bounds ?? '').split('..');
  return { ...(from ? { from } : {}), below: below ?? '', ...(excludes.length ? { excludes } : {}) };
}

function advisoryUrl(ids: string[], stored: string): string {
  if (stored) return stored;
  const ghsa = ids.find((id) => id.startsWith('GHSA-'));
  if (ghsa) return `https://github.com/advisories/${ghsa}`;
  const cve = ids.find((id) => id.startsWith('CVE-'));
  return cve ? `https://nvd.nist.gov/vuln/detail/${cve}` : '';
}

const cache = new Map<string, Advisory[]>();

export function advisoriesOf(component: string): Advisory[] {
  const hit = cache.get(component);
  if (hit) return hit;
  const rows = Object.prototype.hasOwnProperty.call(ADVISORIES, component) ? ADVISORIES[component]! : [];
  const list = rows.map(([ids, sev, cwe, ranges, url]) => {
    const all = ids.split(' ');
    return {
      id: all[0]!,
      aliases: all.slice(1),
      severity: SEVERITY[sev] ?? 'medium',
      cwes: cwe ? cwe.split(',') : [],
      ranges: ranges.split(' ').map(decodeRange),
      url: advisoryUrl(all, url),
    } satisfies Advisory;
  });
  cache.set(component, list);
  return list;
}

export interface Affecting {
  advisory: Advisory;
  /** First version that fixes it for this version's line; undefined when none exists. */
  fixedIn?: string;
  summary: string;
}

/** Advisories that affect this version of the component, with the fix for its line. */
export function affectingAdvisories(component: string, componentName: string, version: string): Affecting[] {
  const parsed = parseVersion(version);
  if (!parsed) return [];
  const out: Affecting[] = [];
  for (const advisory of advisoriesOf(component)) {
    const range = advisory.ranges.find((r) => inRange(parsed, r));
    if (!range) continue;
    const fixedIn = fixVersion(range.below);
    out.push({ advisory, ...(fixedIn ? { fixedIn } : {}), summary: summarise(advisory.cwes, componentName) });
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
 * The smallest version to move to that none of the known advisories affects: start from the highest
 * fix among those affecting the version, and climb while that version is itself affected.
 * Undefined when some advisory has no fix.
 */
export function safeVersion(component: string, version: string): string | undefined {
  const parsed = parseVersion(version);
  if (!parsed) return undefined;
  let candidate: string | undefined;
  const all = advisoriesOf(component);
  for (let step = 0; step < 50; step++) {
    const target = candidate ?? version;
    const affecting = all.flatMap((a) => a.ranges.filter((r) => inRange(target, r)));
    if (!affecting.length) return candidate;
    if (affecting.some((r) => r.below === NO_FIX)) return undefined;
    const next = affecting.map((r) => fixVersion(r.below)!).reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
    if (candidate && compareVersions(next, candidate) <= 0) return undefined;
    candidate = next;
  }
  return undefined;
}
