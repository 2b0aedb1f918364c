/**
 * Everything the knowledge base says about one component version on the audit's date, worked out
 * once: the advisories that affect it, its support, how far behind it is, and the one version to
 * move to. The technology entry and every components.* finding read this, so that within an audit
 * every place naming the version to move to names the same one.
 */
import { compareVersions } from '../version/compare';
import { parseVersion } from '../version/parse';
import { affectingAdvisories, safeVersion, type Affecting, type AffectOptions } from './advisories';
import type { KnowledgeBase, Release } from './knowledge';
import { cycleOf, endOfLife, freshness, newestKnown, supportedTarget, type Freshness, type Support } from './lifecycle';

export type UpdateReason = 'vulnerable' | 'end-of-life' | 'branch-patched' | 'behind';

export interface UpdateTo extends Release {
  reason: UpdateReason;
}

export interface Verdict {
  vulnerabilities: Affecting[];
  /** Some affecting advisory has no fixed version at all. */
  noFix: boolean;
  support?: Support;
  freshness: Freshness;
  updateTo?: UpdateTo;
}

function dated(kb: KnowledgeBase, component: string, version: string): Release {
  const release = kb.releasesOf(component).find((r) => r.version === version);
  if (release?.date) return release;
  const cycle = kb.cyclesOf(component).find((c) => c.latest === version && c.latestReleaseDate);
  return { version, date: cycle?.latestReleaseDate ?? release?.date ?? '' };
}

/** A target whose own line is past its end of life (and not patched after it) is no target. */
function stillSupported(kb: KnowledgeBase, component: string, version: string, now: Date): boolean {
  const support = endOfLife(kb, component, version, now);
  return !support || !!support.patchedAfterEol;
}

export function judge(kb: KnowledgeBase, component: string, version: string, now: Date, options: AffectOptions = {}): Verdict {
  const vulnerabilities = affectingAdvisories(kb, component, version, options);
  // No version to move to escapes any of them: every affecting advisory is unfixed.
  const noFix = vulnerabilities.length > 0 && vulnerabilities.every((a) => !a.fixedIn);
  const support = endOfLife(kb, component, version, now);
  const fresh = freshness(kb, component, version, now);
  const supportedLatest = supportedTarget(kb, component, now);
  const newest = newestKnown(kb, component, now);
  const above = (target: string | undefined) => target !== undefined && compareVersions(target, version) > 0;

  let updateTo: UpdateTo | undefined;
  if (vulnerabilities.length) {
    let target = noFix ? undefined : safeVersion(kb, component, version, options);
    if (target && !stillSupported(kb, component, target, now)) target = supportedLatest?.version ?? target;
    if (!target && !noFix) target = supportedLatest?.version ?? newest?.version;
    if (above(target)) updateTo = { ...dated(kb, component, target!), reason: 'vulnerable' };
  } else if (support && !support.patchedAfterEol) {
    const target = supportedLatest?.version ?? newest?.version;
    if (above(target)) updateTo = { ...dated(kb, component, target!), reason: 'end-of-life' };
  } else if (support?.patchedAfterEol && above(support.patchedAfterEol.version)) {
    updateTo = { ...dated(kb, component, support.patchedAfterEol.version), reason: 'branch-patched' };
  } else if (fresh.kind === 'behind') {
    const line = cycleOf(kb, component, version);
    const own = fresh.lineLatest && line && stillSupported(kb, component, fresh.lineLatest.version, now) ? fresh.lineLatest : undefined;
    const target = own ?? supportedLatest ?? fresh.newest;
    if (above(target.version)) updateTo = { ...dated(kb, component, target.version), reason: 'behind' };
  }
  // A prerelease is never the advice.
  if (updateTo && parseVersion(updateTo.version)?.pre.length) updateTo = undefined;
  return { vulnerabilities, noFix, ...(support ? { support } : {}), freshness: fresh, ...(updateTo ? { updateTo } : {}) };
}
