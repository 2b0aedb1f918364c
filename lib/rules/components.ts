/**
 * Exposed components: known vulnerable versions, end of life, more than six months behind, a version
 * readable by visitors where it helps an attacker, and scripts served from a known-compromised source.
 */
import type { EvidenceItem, Priority, Severity } from '../audit/schema';
import { detectComponents, type DetectedComponent } from '../components/detect';
import { worstSeverity } from '../kb/advisories';
import { compromisedSourceOf } from '../kb/compromised';
import { ev } from './evidence-labels';
import { defineRules, type RuleHit } from './types';

const PRIORITY: Record<Severity, Priority> = { critical: 'P0', high: 'P1', medium: 'P2', low: 'P3', info: 'P3' };
/** "More than six months behind", in days (six average months). */
const BEHIND_DAYS = 182;
const DAY = 86_400_000;

const subjectOf = (d: DetectedComponent) => `${d.component}${d.technology.version ? `@${d.technology.version}` : ''}`.slice(0, 300);

function sourceItems(d: DetectedComponent): EvidenceItem[] {
  return d.technology.sources.slice(0, 5).map((value) => ({ label: 'evidence.components.source', value }));
}

function versioned(evidence: Parameters<typeof detectComponents>[0], ctx: Parameters<typeof detectComponents>[1]) {
  return detectComponents(evidence, ctx).filter((d) => d.technology.version && d.verdict);
}

/**
 * What every components.* finding says about the version to move to: the verdict's one answer
 * (lib/kb/verdict.ts), with its own release day, so all findings of an audit agree. `target` names
 * the sentence that words it ({target|msg} in the catalogues).
 */
function target(d: DetectedComponent): { fix: string; fixDate: string; target: string } {
  const to = d.technology.updateTo;
  if (!to) return { fix: '', fixDate: '', target: d.verdict?.noFix ? 'rule.components.target.no-fix' : 'rule.components.target.unknown' };
  return { fix: to.version, fixDate: to.date ?? '', target: to.date ? 'rule.components.target.dated' : 'rule.components.target.undated' };
}

/** The caveat of a verdict drawn from a server or language banner: a distribution may have patched it. */
function caveat(d: DetectedComponent): string {
  const assumed = d.technology.upstreamAssumed;
  if (!assumed) return '';
  return assumed.distribution ? 'rule.components.note.distribution' : 'rule.components.note.maybe-distribution';
}

function updateItem(d: DetectedComponent): EvidenceItem[] {
  const to = d.technology.updateTo;
  return to ? [{ label: 'evidence.components.update-available', value: to.date ? `${to.version} (${to.date})` : to.version }] : [];
}

/** Banner verdicts may be patched downstream: one step less sure, never dropped. */
const LOWER: Record<Severity, Severity> = { critical: 'high', high: 'medium', medium: 'low', low: 'low', info: 'info' };

export const componentRules = defineRules([
  {
    id: 'components.vulnerable-version',
    family: 'components',
    severity: 'high',
    priority: 'P1',
    dimension: 'security',
    checklistPoint: 'A1',
    requires: [],
    check: (evidence, ctx) =>
      versioned(evidence, ctx).flatMap((d): RuleHit[] => {
        const vulns = d.technology.vulnerabilities;
        if (!vulns.length) return [];
        const worst = worstSeverity(vulns) ?? 'medium';
        // A distribution's build of an old upstream version may carry the fixes: one step lower.
        const severity = d.technology.upstreamAssumed?.distribution ? LOWER[worst] : worst;
        const version = d.technology.version!;
        return [{
          subject: subjectOf(d),
          severity,
          priority: PRIORITY[severity],
          params: { library: d.technology.name, version, count: vulns.length, ...target(d), caveat: caveat(d), distribution: d.technology.upstreamAssumed?.distribution ?? '' },
          evidence: [
            ...sourceItems(d),
            ...vulns.slice(0, 40).map((v) => ({
              label: 'evidence.components.advisory',
              value: v.url ? `${v.id} — ${v.url}` : v.id,
            })),
            ...updateItem(d),
          ],
        }];
      }),
  },
  {
    id: 'components.eol',
    family: 'components',
    severity: 'medium',
    priority: 'P2',
    dimension: 'preventive',
    checklistPoint: 'D3',
    requires: [],
    check: (evidence, ctx) =>
      versioned(evidence, ctx).flatMap((d): RuleHit[] => {
        const support = d.verdict!.support;
        // A line still patched after its announced end is behind its branch, not unsupported.
        if (!support || support.patchedAfterEol) return [];
        const version = d.technology.version!;
        return [{
          subject: subjectOf(d),
          params: {
            library: d.technology.name, version, cycle: support.cycle,
            since: support.eol === true ? '' : support.eol,
            eolNote: support.eol === true ? 'rule.components.note.eol-undated' : 'rule.components.note.eol-dated',
            ...target(d),
          },
          evidence: [...sourceItems(d), { label: 'evidence.components.end-of-life', value: `${d.technology.name} ${support.cycle}: ${support.eol === true ? '—' : support.eol}` }, ...updateItem(d)],
        }];
      }),
  },
  {
    id: 'components.behind',
    family: 'components',
    severity: 'low',
    priority: 'P3',
    dimension: 'preventive',
    checklistPoint: 'D4',
    requires: [],
    check: (evidence, ctx) =>
      versioned(evidence, ctx).flatMap((d): RuleHit[] => {
        const t = d.technology;
        const version = t.version!;
        const branch = t.patchedAfterEol;
        const behind = t.behind;
        const stale = behind !== undefined && ctx.now.getTime() - Date.parse(behind.since) >= BEHIND_DAYS * DAY;
        // Behind a branch that still gets security releases counts whatever the delay.
        if (!stale && !(branch && t.updateTo?.reason === 'branch-patched')) return [];
        return [{
          subject: subjectOf(d),
          params: {
            library: t.name, version,
            behind: t.behindBy ?? 'P0M', since: behind?.since ?? '', releases: behind?.releases ?? 0,
            ...target(d),
            branchNote: branch ? 'rule.components.note.branch-patched' : '',
            cycle: branch?.cycle ?? '', eol: branch && branch.eol !== true ? branch.eol : '',
          },
          evidence: [...sourceItems(d), ...updateItem(d)],
        }];
      }),
  },
  {
    // Kept id (used by the S10 signal): fires once per component whose exact version any visitor can
    // read, when that knowledge helps an attacker: the version is vulnerable, unsupported or more than
    // six months behind, or it is a CMS or shop version published in the generator tag or asset URLs.
    id: 'components.version-exposed',
    family: 'components',
    severity: 'low',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A2',
    requires: [],
    check: (evidence, ctx) => {
      const seen = new Set<string>();
      return versioned(evidence, ctx).flatMap((d): RuleHit[] => {
        if (seen.has(d.component)) return [];
        const t = d.technology;
        const version = t.version!;
        const published = d.versionSources.filter((s) => s === 'meta-generator' || s.startsWith('script-url:') || s.startsWith('stylesheet-url:') || s.startsWith('resource-url:'));
        const cms = (t.category === 'cms' || t.category === 'shop') && published.length > 0;
        const stale = t.behind !== undefined && ctx.now.getTime() - Date.parse(t.behind.since) >= BEHIND_DAYS * DAY;
        if (!cms && !t.vulnerabilities.length && !t.eol && !stale) return [];
        // Headers are left to disclosure.version-header.
        const readable = (cms ? published : d.versionSources).filter((s) => !s.startsWith('header:'));
        if (!readable.length) return [];
        seen.add(d.component);
        return [{
          subject: d.component,
          params: { library: t.name, version, ...target(d) },
          evidence: readable.slice(0, 5).map((value) => (value.startsWith('global:') ? ev.global(value.slice(7), version) : { label: 'evidence.components.source', value })),
        }];
      });
    },
  },
  {
    id: 'components.compromised-source',
    family: 'components',
    severity: 'critical',
    priority: 'P0',
    dimension: 'security',
    checklistPoint: 'A1',
    requires: ['page'],
    check: (evidence) => {
      const urls = new Set<string>([...evidence.page!.scripts.map((s) => s.src), ...evidence.page!.subresources.filter((s) => s.kind === 'script').map((s) => s.url)]);
      const byHost = new Map<string, { reference: string; urls: string[] }>();
      for (const url of [...urls].slice(0, 1500)) {
        const source = compromisedSourceOf(url);
        if (!source) continue;
        const entry = byHost.get(source.host) ?? { reference: source.source, urls: [] };
        entry.urls.push(url);
        byHost.set(source.host, entry);
      }
      return [...byHost].map(([host, { reference, urls: list }]) => ({
        subject: host,
        params: { host },
        evidence: [...list.slice(0, 10).map((u) => ev.script(u)), { label: 'evidence.components.reference', value: reference }],
      }));
    },
  },
]);
