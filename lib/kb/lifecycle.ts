/**
 * End of life, latest version and "behind by", computed from the audit's date (never the clock).
 * Facts from data/eol.ts (endoflife.date cycles) and data/releases.ts (npm registry).
 */
import { compareParsed, compareVersions } from '../version/compare';
import { parseVersion, type Version } from '../version/parse';
import { EOL_CYCLES } from './data/eol';
import { RELEASES } from './data/releases';

const DAY = 86_400_000;
/** Average month length, for "behind by N months". */
const MONTH_DAYS = 30.44;

export interface Cycle {
  cycle: string;
  releaseDate: string;
  /** ISO date of the end of life, true when ended without a known date, false when supported. */
  eol: string | boolean;
  latest: string;
  latestReleaseDate: string;
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

export function cyclesOf(component: string): Cycle[] {
  if (!has(EOL_CYCLES, component)) return [];
  return EOL_CYCLES[component]!.map(([cycle, releaseDate, eol, latest, latestReleaseDate]) => ({
    cycle, releaseDate, eol: eol === 1 ? true : eol === 0 ? false : String(eol), latest, latestReleaseDate,
  }));
}

/** The release cycle a version belongs to: the longest cycle whose numbers prefix the version's. */
export function cycleOf(component: string, version: string | Version): Cycle | undefined {
  const v = typeof version === 'string' ? parseVersion(version) : version;
  if (!v) return undefined;
  let best: Cycle | undefined;
  let bestLen = 0;
  for (const c of cyclesOf(component)) {
    const parts = c.cycle.split('.').map(Number);
    if (parts.length > v.nums.length || parts.some((n, i) => n !== v.nums[i])) continue;
    if (parts.length > bestLen) {
      best = c;
      bestLen = parts.length;
    }
  }
  return best;
}

export interface EolStatus {
  cycle: string;
  /** The date support ended, or "yes" when the source gives no date. */
  since: string;
  /** The latest version of a supported cycle, to move to. */
  moveTo?: string;
}

/** Whether the version's cycle had reached its end of life on `now`. */
export function endOfLife(component: string, version: string, now: Date): EolStatus | undefined {
  const cycle = cycleOf(component, version);
  if (!cycle || cycle.eol === false) return undefined;
  if (typeof cycle.eol === 'string') {
    const at = Date.parse(cycle.eol);
    if (!Number.isFinite(at) || at > now.getTime()) return undefined;
  }
  const supported = cyclesOf(component).find((c) => c.eol === false || (typeof c.eol === 'string' && Date.parse(c.eol) > now.getTime()));
  return { cycle: cycle.cycle, since: typeof cycle.eol === 'string' ? cycle.eol : 'yes', ...(supported?.latest ? { moveTo: supported.latest } : {}) };
}

/** The newest release known to the knowledge base. */
export function latestVersion(component: string): string | undefined {
  const npm = has(RELEASES, component) ? RELEASES[component]!.latest : undefined;
  const cycles = cyclesOf(component).map((c) => c.latest).filter(Boolean);
  return [npm, ...cycles].filter((v): v is string => !!v).reduce<string | undefined>((a, b) => (!a || compareVersions(b, a) > 0 ? b : a), undefined);
}

export interface Behind {
  /** Whole months since a newer release became available. */
  months: number;
  /** ISO date since which an update has been available (a lower bound when taken from cycle data). */
  since: string;
  /** The version to move to. */
  moveTo: string;
}

function fromReleases(component: string, v: Version): { since: number } | undefined {
  if (!has(RELEASES, component)) return undefined;
  const rows = RELEASES[component]!.rows;
  if (!rows) return undefined;
  const key = v.nums.join('.');
  for (const row of rows.split(' ')) {
    const [version, day] = row.split(':');
    if (version === key) return day ? { since: Number(day) * DAY } : undefined;
  }
  return undefined;
}

/**
 * How long a newer release has been available for this version, on the audit's date: within the
 * version's cycle (its latest patch), or, when the cycle has ended, since the next cycle came out.
 */
export function behindBy(component: string, version: string, now: Date): Behind | undefined {
  const v = parseVersion(version);
  if (!v || v.partial) return undefined;
  const latest = latestVersion(component);
  let since: number | undefined;
  let moveTo = latest;
  const cycle = cycleOf(component, v);
  if (cycle) {
    const inCycle = parseVersion(cycle.latest);
    if (inCycle && compareParsed(v, inCycle) < 0) {
      since = Date.parse(cycle.latestReleaseDate);
      const ended = endOfLife(component, version, now);
      moveTo = ended ? (ended.moveTo ?? latest) : cycle.latest;
    } else if (cycle.eol !== false) {
      const newer = cyclesOf(component).filter((c) => c !== cycle && compareVersions(c.cycle, cycle.cycle) > 0).map((c) => Date.parse(c.releaseDate)).filter(Number.isFinite);
      if (newer.length) since = Math.min(...newer);
    }
  } else {
    since = fromReleases(component, v)?.since;
  }
  if (since === undefined || !Number.isFinite(since) || !moveTo || since > now.getTime()) return undefined;
  if (compareVersions(moveTo, version) <= 0) return undefined;
  const months = Math.floor((now.getTime() - since) / DAY / MONTH_DAYS);
  return { months, since: new Date(since).toISOString().slice(0, 10), moveTo };
}

/** ISO 8601 duration for Technology.behindBy ("P14M"). */
export function monthsDuration(months: number): string {
  return `P${Math.max(0, months)}M`;
}
