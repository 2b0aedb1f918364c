/**
 * Exposed components: known vulnerable versions, end of life, more than six months behind, a version
 * readable by visitors where it helps an attacker, and scripts served from a known-compromised source.
 */
import type { EvidenceItem, Priority, Severity } from '../audit/schema';
import { detectComponents, type DetectedComponent } from '../components/detect';
import { worstSeverity, safeVersion } from '../kb/advisories';
import { compromisedSourceOf } from '../kb/compromised';
import { behindBy, endOfLife, latestVersion } from '../kb/lifecycle';
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
  return detectComponents(evidence, ctx).filter((d) => d.technology.version);
}

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
        const severity = worstSeverity(vulns) ?? 'medium';
        const version = d.technology.version!;
        const fix = safeVersion(d.component, version) ?? latestVersion(d.component) ?? '';
        return [{
          subject: subjectOf(d),
          severity,
          priority: PRIORITY[severity],
          params: { library: d.technology.name, version, count: vulns.length, fix },
          evidence: [
            ...sourceItems(d),
            ...vulns.slice(0, 40).map((v) => ({
              label: 'evidence.components.advisory',
              value: `${v.id} (${v.severity})${v.fixedIn ? ` — fixed in ${v.fixedIn}` : ''} — ${v.summary} — ${v.url}`,
            })),
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
        const version = d.technology.version!;
        const eol = endOfLife(d.component, version, ctx.now);
        if (!eol) return [];
        return [{
          subject: subjectOf(d),
          params: { library: d.technology.name, version, cycle: eol.cycle, since: eol.since === 'yes' ? '—' : eol.since, fix: eol.moveTo ?? latestVersion(d.component) ?? '' },
          evidence: [...sourceItems(d), { label: 'evidence.components.end-of-life', value: `${d.technology.name} ${eol.cycle}: ${eol.since}` }],
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
        const version = d.technology.version!;
        const behind = behindBy(d.component, version, ctx.now);
        if (!behind || ctx.now.getTime() - Date.parse(behind.since) < BEHIND_DAYS * DAY) return [];
        return [{
          subject: subjectOf(d),
          params: { library: d.technology.name, version, months: behind.months, since: behind.since, fix: behind.moveTo },
          evidence: [...sourceItems(d), { label: 'evidence.components.update-available', value: `${behind.moveTo} (${behind.since})` }],
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
        const behind = behindBy(d.component, version, ctx.now);
        const stale = behind !== undefined && ctx.now.getTime() - Date.parse(behind.since) >= BEHIND_DAYS * DAY;
        if (!cms && !t.vulnerabilities.length && !t.eol && !stale) return [];
        // Headers are left to disclosure.version-header.
        const readable = (cms ? published : d.versionSources).filter((s) => !s.startsWith('header:'));
        if (!readable.length) return [];
        seen.add(d.component);
        const fix = safeVersion(d.component, version) ?? latestVersion(d.component) ?? '';
        return [{
          subject: d.component,
          params: { library: t.name, version, fix },
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
