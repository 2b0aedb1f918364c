/** Ordering and range checks on parsed versions. A vendor suffix compares as its release. */
import { parseVersion, type Version } from './parse';

const TAG_RANK: Record<string, number> = { dev: 0, canary: 0, milestone: 1, alpha: 2, beta: 3, next: 4, pre: 5, rc: 6 };

function comparePre(a: (string | number)[], b: (string | number)[]): number {
  // A release sorts after all of its prereleases.
  if (!a.length || !b.length) return a.length === b.length ? 0 : a.length ? -1 : 1;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : 1;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    const rx = Object.prototype.hasOwnProperty.call(TAG_RANK, x) ? TAG_RANK[x] : undefined;
    const ry = Object.prototype.hasOwnProperty.call(TAG_RANK, y) ? TAG_RANK[y] : undefined;
    if (rx !== undefined && ry !== undefined && rx !== ry) return rx < ry ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** -1, 0 or 1. Missing numeric parts count as 0 ("7.4" = "7.4.0"). */
export function compareParsed(a: Version, b: Version): number {
  const len = Math.max(a.nums.length, b.nums.length);
  for (let i = 0; i < len; i++) {
    const x = a.nums[i] ?? 0;
    const y = b.nums[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return comparePre(a.pre, b.pre);
}

/** Compares two version strings; an unparsable string sorts first. */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  return compareParsed(pa, pb);
}

/**
 * A vulnerable range: from `from` (inclusive, or exclusive with `fromExclusive`), strictly below
 * `below` or up to `atMost` inclusive (neither: no fixed version is known), minus the exact `excludes`.
 */
export interface VersionRange {
  from?: string;
  fromExclusive?: boolean;
  below?: string;
  atMost?: string;
  excludes?: readonly string[];
}

function aboveLower(v: Version, range: VersionRange): boolean {
  if (range.from === undefined) return true;
  const from = parseVersion(range.from);
  if (!from) return false;
  const c = compareParsed(v, from);
  return range.fromExclusive ? c > 0 : c >= 0;
}

function belowUpper(v: Version, range: VersionRange): boolean {
  if (range.below !== undefined) {
    const below = parseVersion(range.below);
    return !!below && compareParsed(v, below) < 0;
  }
  if (range.atMost !== undefined) {
    const atMost = parseVersion(range.atMost);
    return !!atMost && compareParsed(v, atMost) <= 0;
  }
  return true;
}

function containsExact(v: Version, range: VersionRange): boolean {
  if (!aboveLower(v, range) || !belowUpper(v, range)) return false;
  if (range.excludes?.length) {
    const raw = v.raw.toLowerCase();
    if (range.excludes.some((ex) => parseVersion(ex)?.raw.toLowerCase() === raw)) return false;
  }
  return true;
}

/**
 * Whether a version is in a range. A partial version ("1.12") stands for every release it could be:
 * it is in the range only when all of them are (no finding from a guess).
 */
export function inRange(version: string | Version, range: VersionRange): boolean {
  const v = typeof version === 'string' ? parseVersion(version) : version;
  if (!v) return false;
  if (!v.partial) return containsExact(v, range);
  if (range.excludes?.length) return false;
  // Lowest possible release: X.Y.0 (a partial version is taken as a release, not a prerelease).
  const low: Version = { ...v, nums: [...v.nums, 0, 0].slice(0, 3), partial: false, suffix: '' };
  if (!containsExact(low, range)) return false;
  // Every release of it is under the next X.(Y+1) (or (X+1) for "X"): that must be within the upper bound.
  const next = v.nums.map((n, i) => (i === v.nums.length - 1 ? n + 1 : n));
  const nextV: Version = { nums: next, pre: [], suffix: '', partial: false, raw: next.join('.') };
  if (range.below !== undefined) {
    const below = parseVersion(range.below);
    return !!below && compareParsed(nextV, below) <= 0;
  }
  if (range.atMost !== undefined) {
    const atMost = parseVersion(range.atMost);
    return !!atMost && compareParsed(nextV, atMost) < 0;
  }
  return true;
}

export function inAnyRange(version: string | Version, ranges: readonly VersionRange[]): boolean {
  return ranges.some((range) => inRange(version, range));
}

/** The greater of two version strings. */
export function maxVersion(a: string, b: string): string {
  return compareVersions(a, b) >= 0 ? a : b;
}
