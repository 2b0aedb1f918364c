/**
 * The knowledge base as the rules use it: advisories, release cycles and release dates per
 * component, decoded from the packaged data files (public/kb/*.json, written by
 * scripts/build-kb.mjs) and indexed by component id. Pure: whoever has the files' text (the
 * background through runtime.getURL, the CLI from its own folder, the tests from the repository)
 * builds one with createKnowledgeBase() and passes it in the rule context.
 */
import { ADVISORY_KEYS } from './components';
import type { Severity } from '../audit/schema';
import { compareVersions, type VersionRange } from '../version/compare';

/** The packaged files, as read. */
export interface KbFiles {
  meta: unknown;
  advisories: unknown;
  lifecycle: unknown;
}

export interface KbSourceInfo {
  id: string;
  name: string;
  repository: string;
  commit: string;
  /** ISO day of the upstream commit the facts come from. */
  date: string;
  licence: string;
  terms?: string;
}

export interface Advisory {
  /** Display id: the CVE, else the GHSA, else the source's own id. */
  id: string;
  aliases: string[];
  severity: Severity;
  cvss?: number;
  /** Weakness class key (lib/i18n `weakness.<key>`). */
  weakness: string;
  cwes: string[];
  ranges: VersionRange[];
  published?: string;
  url: string;
  source: string;
  windowsOnly: boolean;
  /** The source gives no severity: the one shown is a default, and is said to be so. */
  severityUnknown: boolean;
}

export interface Cycle {
  cycle: string;
  releaseDate: string;
  /** ISO day support ended or ends, true when ended without a known date, false when supported. */
  eol: string | boolean;
  latest: string;
  latestReleaseDate: string;
}

export interface Release {
  version: string;
  /** ISO day. */
  date: string;
}

export interface KnowledgeBase {
  /** The oldest of the sources' dates: what the knowledge base knows is at least as recent as this. */
  date: string;
  sources: KbSourceInfo[];
  advisoriesOf(component: string): Advisory[];
  cyclesOf(component: string): Cycle[];
  /** Known releases in ascending version order (empty when the KB has no release list). */
  releasesOf(component: string): Release[];
  /** Whether release dates come with the list (false: versions only, or none). */
  hasReleaseDates(component: string): boolean;
  /** Components whose advisories ignore branch backports (a later release of an older branch may be patched). */
  backports(component: string): boolean;
  /** Ids of every component the knowledge base holds facts for. */
  components(): string[];
}

export class KbFormatError extends Error {}

const SEVERITY: Record<string, Severity> = { c: 'critical', h: 'high', m: 'medium', l: 'low', i: 'info' };
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function expectFormat(file: unknown, name: string): Record<string, unknown> {
  if (!isObject(file) || file.format !== 2) throw new KbFormatError(`${name}: not a knowledge-base file of format 2`);
  return file;
}

/**
 * A range as the data files write it: `from..below`, with `>from` for an exclusive lower bound,
 * `..=atMost` for an inclusive upper bound, nothing after `..` when no fix exists, `!v` exclusions.
 */
export function decodeRange(text: string): VersionRange {
  const [bounds = '', ...excludes] = text.split('!');
  const cut = bounds.indexOf('..');
  let from = cut < 0 ? bounds : bounds.slice(0, cut);
  const upper = cut < 0 ? '' : bounds.slice(cut + 2);
  const fromExclusive = from.startsWith('>');
  if (fromExclusive) from = from.slice(1);
  const range: VersionRange = {
    ...(from ? { from } : {}),
    ...(fromExclusive ? { fromExclusive } : {}),
    ...(upper.startsWith('=') ? { atMost: upper.slice(1) } : upper ? { below: upper } : {}),
    ...(excludes.length ? { excludes } : {}),
  };
  return range;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The page a person opens for an advisory, when the data file leaves it to the ids. */
export function advisoryUrl(ids: readonly string[], source: string, stored: string): string {
  if (stored) return stored;
  const uuid = ids.find((id) => UUID.test(id));
  if (source === 'wordfence' && uuid) return `https://www.wordfence.com/threat-intel/vulnerabilities/id/${uuid.toLowerCase()}`;
  const ghsa = ids.find((id) => id.startsWith('GHSA-'));
  if (ghsa) return `https://github.com/advisories/${ghsa}`;
  const cve = ids.find((id) => id.startsWith('CVE-'));
  return cve ? `https://nvd.nist.gov/vuln/detail/${cve}` : '';
}

type AdvisoryRow = [string, string, string, number, number, string, string, string, string, number, number];

export function createKnowledgeBase(files: KbFiles): KnowledgeBase {
  const meta = expectFormat(files.meta, 'meta.json');
  const advisoriesFile = expectFormat(files.advisories, 'advisories.json');
  const lifecycle = expectFormat(files.lifecycle, 'lifecycle.json');
  const sources = (Array.isArray(meta.sources) ? meta.sources : []) as KbSourceInfo[];
  if (!sources.length || sources.some((s) => !isObject(s) || typeof s.id !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(String(s.date)))) {
    throw new KbFormatError('meta.json: every source needs an id and a date');
  }
  const weaknesses = advisoriesFile.weaknesses as string[];
  const sourceIds = advisoriesFile.sources as string[];
  const rows = (isObject(advisoriesFile.components) ? advisoriesFile.components : {}) as Record<string, AdvisoryRow[]>;
  const cycles = (isObject(lifecycle.cycles) ? lifecycle.cycles : {}) as Record<string, [string, string, string | number, string, string][]>;
  const releaseText = (isObject(lifecycle.releases) ? lifecycle.releases : {}) as Record<string, string>;
  const backported = new Set(Array.isArray(lifecycle.backports) ? (lifecycle.backports as string[]) : []);

  const advisoryCache = new Map<string, Advisory[]>();
  const cycleCache = new Map<string, Cycle[]>();
  const releaseCache = new Map<string, Release[]>();

  return {
    date: sources.map((s) => s.date).sort()[0]!,
    sources,
    advisoriesOf(component) {
      let list = advisoryCache.get(component);
      if (list) return list;
      const key = Object.prototype.hasOwnProperty.call(ADVISORY_KEYS, component) ? ADVISORY_KEYS[component]! : component;
      list = (has(rows, key) ? rows[key]! : []).map(([id, aliases, sev, cvss10, weakness, cwes, ranges, published, url, source, flags]) => {
        const all = [id, ...(aliases ? aliases.split(' ') : [])];
        const sourceId = sourceIds[source] ?? '';
        return {
          id,
          aliases: all.slice(1),
          severity: SEVERITY[sev] ?? 'medium',
          ...(cvss10 ? { cvss: cvss10 / 10 } : {}),
          weakness: weaknesses[weakness] ?? 'other',
          cwes: cwes ? cwes.split(',') : [],
          ranges: ranges.split(' ').filter(Boolean).map(decodeRange),
          ...(published ? { published } : {}),
          url: advisoryUrl(all, sourceId, url),
          source: sourceId,
          windowsOnly: (flags & 1) !== 0,
          severityUnknown: (flags & 2) !== 0,
        } satisfies Advisory;
      });
      advisoryCache.set(component, list);
      return list;
    },
    cyclesOf(component) {
      let list = cycleCache.get(component);
      if (list) return list;
      list = (has(cycles, component) ? cycles[component]! : []).map(([cycle, releaseDate, eol, latest, latestReleaseDate]) => ({
        cycle, releaseDate, eol: eol === 1 ? true : eol === 0 ? false : String(eol), latest, latestReleaseDate,
      }));
      cycleCache.set(component, list);
      return list;
    },
    releasesOf(component) {
      let list = releaseCache.get(component);
      if (list) return list;
      list = (has(releaseText, component) ? releaseText[component]!.split(' ') : []).filter(Boolean).map((row) => {
        const at = row.indexOf('@');
        return at < 0 ? { version: row, date: '' } : { version: row.slice(0, at), date: row.slice(at + 1) };
      });
      list.sort((a, b) => compareVersions(a.version, b.version));
      releaseCache.set(component, list);
      return list;
    },
    hasReleaseDates(component) {
      const list = this.releasesOf(component);
      return list.length > 0 && list.every((r) => r.date !== '');
    },
    backports: (component) => backported.has(component),
    components: () => [...new Set([...Object.keys(rows), ...Object.keys(cycles), ...Object.keys(releaseText)])],
  };
}
