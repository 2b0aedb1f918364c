/**
 * Support and freshness of a component's version, on the audit's date (never the clock): its
 * release cycle and end of life (endoflife.date), and how far behind it is (release dates).
 * docs/knowledge-base.md, "Behind by", defines the terms and is what the tests check.
 */
import { compareParsed, compareVersions } from '../version/compare';
import { parseVersion, type Version } from '../version/parse';
import type { Cycle, KnowledgeBase, Release } from './knowledge';

export type { Cycle } from './knowledge';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The release cycle a version belongs to: the longest cycle whose numbers prefix the version's. */
const cycleMemo = new WeakMap<readonly Cycle[], Map<string, Cycle | undefined>>();

export function cycleOf(kb: KnowledgeBase, component: string, version: string | Version): Cycle | undefined {
  const v = typeof version === 'string' ? parseVersion(version) : version;
  if (!v) return undefined;
  // Asked for every release of a line, many times per verdict: remembered per cycle list and version.
  const cycles = kb.cyclesOf(component);
  let memo = cycleMemo.get(cycles);
  if (!memo) cycleMemo.set(cycles, (memo = new Map()));
  const key = v.nums.join('.');
  if (memo.has(key)) return memo.get(key);
  const found = longestCycle(cycles, v);
  memo.set(key, found);
  return found;
}

function longestCycle(cycles: readonly Cycle[], v: Version): Cycle | undefined {
  let best: Cycle | undefined;
  let bestLen = 0;
  for (const c of cycles) {
    const parts = c.cycle.split('.').map(Number);
    if (parts.length > v.nums.length || parts.some((n, i) => n !== v.nums[i])) continue;
    if (parts.length > bestLen) {
      best = c;
      bestLen = parts.length;
    }
  }
  return best;
}

/** Releases published on or before `now` (a past audit is judged with what was out then). */
function releasedBy(kb: KnowledgeBase, component: string, now: Date): Release[] {
  const day = iso(now.getTime());
  return kb.releasesOf(component).filter((r) => !r.date || r.date <= day);
}

const isStable = (version: string) => !(parseVersion(version)?.pre.length);

/** The newest stable version of `cycle`'s line known on `now`, with its release day when known. */
export function lineLatest(kb: KnowledgeBase, component: string, cycle: Cycle, now: Date): Release | undefined {
  const inLine = releasedBy(kb, component, now).filter((r) => isStable(r.version) && cycleOf(kb, component, r.version) === cycle);
  const fromReleases = inLine.at(-1);
  const fromCycle = cycle.latest && (!cycle.latestReleaseDate || cycle.latestReleaseDate <= iso(now.getTime())) ? { version: cycle.latest, date: cycle.latestReleaseDate } : undefined;
  if (!fromReleases) return fromCycle;
  if (!fromCycle) return fromReleases;
  return compareVersions(fromCycle.version, fromReleases.version) > 0 ? fromCycle : fromReleases;
}

/** The newest stable version the knowledge base knows, released on or before `now`. */
export function newestKnown(kb: KnowledgeBase, component: string, now: Date): Release | undefined {
  const day = iso(now.getTime());
  const candidates: Release[] = [
    ...releasedBy(kb, component, now).filter((r) => isStable(r.version)),
    ...kb.cyclesOf(component).filter((c) => c.latest && (!c.latestReleaseDate || c.latestReleaseDate <= day)).map((c) => ({ version: c.latest, date: c.latestReleaseDate })),
  ];
  return candidates.reduce<Release | undefined>((a, b) => (!a || compareVersions(b.version, a.version) > 0 || (compareVersions(b.version, a.version) === 0 && !a.date && b.date) ? b : a), undefined);
}

function supported(cycle: Cycle, now: Date): boolean {
  return cycle.eol === false || (typeof cycle.eol === 'string' && Date.parse(cycle.eol) > now.getTime());
}

export interface Support {
  cycle: string;
  /** The announced end of life: an ISO day, or true when it ended on a day the source does not give. */
  eol: string | true;
  /**
   * The line kept getting releases after its announced end (WordPress backports security fixes to
   * old branches): its newest release, which the site should at least be on.
   */
  patchedAfterEol?: Release;
}

/**
 * The version's line has reached its announced end of life on `now`. A line that still got a
 * release after that day is reported with `patchedAfterEol`: it is not "no longer receiving
 * security fixes", it is behind its branch.
 */
export function endOfLife(kb: KnowledgeBase, component: string, version: string, now: Date): Support | undefined {
  const cycle = cycleOf(kb, component, version);
  if (!cycle || supported(cycle, now)) return undefined;
  const eol: string | true = typeof cycle.eol === 'string' ? cycle.eol : true;
  const latest = lineLatest(kb, component, cycle, now);
  // Still looked after: a release more than three months past the announced end (a final release
  // days after the end, as PHP 5.6.40 was, is not a policy of backports), and one within the last
  // year (a branch patched long ago and no more is unsupported today).
  const patched = latest?.date !== undefined
    && latest.date > iso(now.getTime() - 365 * DAY)
    && (typeof eol !== 'string' || latest.date > iso(Date.parse(eol) + 90 * DAY));
  if (patched) return { cycle: cycle.cycle, eol, patchedAfterEol: latest };
  return { cycle: cycle.cycle, eol };
}

/** The newest line still supported on `now`, and its latest release: where an unsupported line should go. */
export function supportedTarget(kb: KnowledgeBase, component: string, now: Date): Release | undefined {
  const cycles = kb.cyclesOf(component).filter((c) => supported(c, now));
  let best: Release | undefined;
  for (const c of cycles) {
    const latest = lineLatest(kb, component, c, now);
    if (latest && (!best || compareVersions(latest.version, best.version) > 0)) best = latest;
  }
  return best;
}

export type Freshness =
  /** The knowledge base knows no newer release: nothing to say. */
  | { kind: 'current'; newest: Release }
  /** Newer releases exist. */
  | {
      kind: 'behind';
      /** Day the first newer release came out: the running version has been behind since then. */
      since: string;
      /** That first newer release. */
      next: Release;
      /** How many newer releases came out after the running one. */
      releases: number;
      /** The newest release of the version's own line, and the newest overall. */
      lineLatest?: Release;
      newest: Release;
    }
  /** The version is newer than every release the knowledge base knows: not judged. */
  | { kind: 'newer-than-kb'; newest: Release }
  /** No release dates for this component (or an inexact version): not measured. */
  | { kind: 'not-measured'; reason: 'no-release-dates' | 'partial-version' | 'unknown-component' };

/**
 * How far behind a version is on `now`: the time since the earliest higher version released
 * strictly after the running one (a release of another line the same day does not count), and how
 * many releases that makes. The running version's own day comes from the release list; a version
 * the list does not hold is dated by the nearest known version below it.
 */
export function freshness(kb: KnowledgeBase, component: string, version: string, now: Date): Freshness {
  const v = parseVersion(version);
  if (!v || v.partial) return { kind: 'not-measured', reason: 'partial-version' };
  const newest = newestKnown(kb, component, now);
  if (!newest) return { kind: 'not-measured', reason: 'unknown-component' };
  const newestV = parseVersion(newest.version)!;
  if (compareParsed(v, newestV) > 0) return { kind: 'newer-than-kb', newest };
  if (!kb.hasReleaseDates(component)) return { kind: 'not-measured', reason: 'no-release-dates' };
  const released = releasedBy(kb, component, now).filter((r) => isStable(r.version));
  let runningDay = '';
  for (const r of released) {
    const c = compareParsed(parseVersion(r.version)!, v);
    if (c <= 0) runningDay = r.date;
    if (c >= 0) break;
  }
  const newer = released.filter((r) => compareParsed(parseVersion(r.version)!, v) > 0 && r.date > runningDay);
  if (!newer.length) return { kind: 'current', newest };
  const next = newer.reduce((a, b) => (b.date < a.date || (b.date === a.date && compareVersions(b.version, a.version) < 0) ? b : a));
  const cycle = cycleOf(kb, component, v);
  const ownLatest = cycle ? lineLatest(kb, component, cycle, now) : undefined;
  return {
    kind: 'behind',
    since: next.date,
    next,
    releases: newer.length,
    ...(ownLatest && compareVersions(ownLatest.version, version) > 0 ? { lineLatest: ownLatest } : {}),
    newest,
  };
}

/** Whole years and months from `since` to `now` (calendar months, the day of month considered). */
export function elapsed(since: string, now: Date): { years: number; months: number } {
  const start = new Date(`${since}T00:00:00Z`);
  let total = (now.getUTCFullYear() - start.getUTCFullYear()) * 12 + (now.getUTCMonth() - start.getUTCMonth());
  if (now.getUTCDate() < start.getUTCDate()) total -= 1;
  total = Math.max(0, total);
  return { years: Math.floor(total / 12), months: total % 12 };
}

/** ISO 8601 duration in years and months for Technology.behindBy ("P8Y9M", "P5M", "P2Y"). */
export function isoDuration({ years, months }: { years: number; months: number }): string {
  if (!years && !months) return 'P0M';
  return `P${years ? `${years}Y` : ''}${months ? `${months}M` : ''}`;
}
