/**
 * Version strings as real files and headers write them: "3.7.1", "v2.6.14", "1.9.0b1",
 * "3.0.0-rc.1", "11.1.0-next.3", slim builds ("3.4.1 -ajax,-effects"), vendor-patched builds
 * ("1.12.4-aem") and partial versions ("7.4", "10"). Pure and bounded: input is cut at 64 chars.
 */

export interface Version {
  /** Numeric core, 1 to 4 parts as written ("7.4" → [7, 4]). */
  nums: number[];
  /** Prerelease identifiers, normalised ("b1" → ["beta", 1]); empty for a release. */
  pre: (string | number)[];
  /** A vendor or build suffix that is not a prerelease ("aem", "-ajax,-effects"); compares as the release. */
  suffix: string;
  /** Fewer than three numeric parts: the exact release is unknown. */
  partial: boolean;
  /** The normalised text (core + prerelease + suffix). */
  raw: string;
}

const PRE_TAGS: Readonly<Record<string, string>> = {
  a: 'alpha', alpha: 'alpha', b: 'beta', beta: 'beta', pre: 'pre', preview: 'pre', rc: 'rc', cr: 'rc',
  next: 'next', dev: 'dev', canary: 'canary', snapshot: 'dev', m: 'milestone', milestone: 'milestone', nightly: 'dev', experimental: 'dev',
};

/**
 * What every version starts with: its numeric core (1 to 4 parts) after an optional "v". Also the
 * pattern the evidence schema requires of versions a page reports, and so of the JSON Schema: no
 * flags, which a JSON Schema pattern could not carry.
 */
export const VERSION_CORE = /^[vV]?(\d{1,9})(?:\.(\d{1,9}))?(?:\.(\d{1,9}))?(?:\.(\d{1,9}))?/;
// Prerelease: optional separator, a known tag, then digits/dots or dot-separated alphanumerics. All atoms are bounded.
const PRE = /^[-.]?([a-z]{1,12})\.?(\d{0,9})((?:\.[0-9a-z]{1,20}){0,6})(?![a-z])/i;

/** Parses a version; null when the text does not start with a number (after an optional "v"). */
/**
 * Parsed versions, by input text: judging a WordPress version compares it with hundreds of
 * releases for hundreds of advisories, the same few thousand strings each time. Bounded; the
 * parsed values are frozen, so a caller cannot change what another one reads.
 */
const parsed = new Map<string, Version | null>();
const PARSE_CACHE_MAX = 50_000;

export function parseVersion(input: string): Version | null {
  if (typeof input !== 'string') return null;
  const known = parsed.get(input);
  if (known !== undefined || parsed.has(input)) return known ?? null;
  const result = parseUncached(input);
  if (parsed.size >= PARSE_CACHE_MAX) parsed.clear();
  parsed.set(input, result ? Object.freeze({ ...result, nums: Object.freeze(result.nums) as number[], pre: Object.freeze(result.pre) as (string | number)[] }) : null);
  return parsed.get(input)!;
}

function parseUncached(input: string): Version | null {
  const text = input.trim().slice(0, 64);
  const core = VERSION_CORE.exec(text);
  if (!core) return null;
  const nums = core.slice(1).filter((part): part is string => part !== undefined).map(Number);
  if (nums.some((n) => !Number.isSafeInteger(n))) return null;
  let rest = text.slice(core[0].length);
  // "1.2.3.Final" style qualifiers, or a trailing dot: drop.
  let pre: (string | number)[] = [];
  const preMatch = PRE.exec(rest);
  if (preMatch) {
    const word = preMatch[1]!.toLowerCase();
    const tag = Object.prototype.hasOwnProperty.call(PRE_TAGS, word) ? PRE_TAGS[word] : undefined;
    if (tag) {
      pre = [tag];
      if (preMatch[2]) pre.push(Number(preMatch[2]));
      for (const id of (preMatch[3] ?? '').split('.').filter(Boolean)) pre.push(/^\d+$/.test(id) ? Number(id) : id.toLowerCase());
      rest = rest.slice(preMatch[0].length);
    }
  }
  // A slim build's list of removed modules follows a space and keeps its dashes ("3.4.1 -ajax,-effects").
  let suffix = /^\s/.test(rest) ? rest.trim() : rest.replace(/^[+.-]+/, '').trim();
  if (/^(final|release|ga)$/i.test(suffix)) suffix = '';
  const coreText = nums.join('.');
  const preText = pre.length ? `-${pre.join('.')}` : '';
  const sep = rest.startsWith(' ') ? ' ' : '-';
  return {
    nums,
    pre,
    suffix,
    partial: nums.length < 3,
    raw: `${coreText}${preText}${suffix ? `${sep}${suffix}` : ''}`.slice(0, 64),
  };
}

/** The cleaned version to show and to compare: "v3.4.1 -ajax" → "3.4.1 -ajax"; null when not a version. */
export function normaliseVersion(input: string): string | null {
  return parseVersion(input)?.raw ?? null;
}

/** The version without its build suffix ("3.4.1 -ajax,-effects" → "3.4.1"), for lookups. */
export function coreVersion(input: string): string | null {
  const v = parseVersion(input);
  if (!v) return null;
  return `${v.nums.join('.')}${v.pre.length ? `-${v.pre.join('.')}` : ''}`;
}
