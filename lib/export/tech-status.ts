/**
 * What a technology entry says about support and freshness, as messages (keys and machine-value
 * parameters) that every page and export words in its own language: "8 years and 9 months behind
 * (37 newer releases)", "End of life since 30 November 2020", never "P105M" or "since yes".
 */
import type { Technology } from '../audit/schema';
import type { MessageParams } from '../i18n';

export interface StatusMessage {
  key: string;
  params: MessageParams;
  /** For keys with `.one` / `.other` forms. */
  count?: number;
}

const ISO_DURATION = /^P(?:\d+Y)?(?:\d+M)?$/;

export function technologyStatus(tech: Technology, kbDate?: string): StatusMessage[] {
  const out: StatusMessage[] = [];
  if (tech.eol === true) out.push({ key: 'tech.status.eol-undated', params: {} });
  else if (tech.eol) out.push({ key: 'tech.status.eol', params: { date: tech.eol } });
  const branch = tech.patchedAfterEol;
  if (branch) {
    out.push(branch.eol === true
      ? { key: 'tech.status.patched-after-eol-undated', params: { cycle: branch.cycle, version: branch.version, date: branch.date ?? '' } }
      : { key: 'tech.status.patched-after-eol', params: { cycle: branch.cycle, eol: branch.eol, version: branch.version, date: branch.date ?? '' } });
  }
  if (tech.behind && tech.behindBy) out.push({ key: 'tech.status.behind', params: { behind: tech.behindBy }, count: tech.behind.releases });
  // Audits saved before the release counts were kept: the delay alone, when it is a duration.
  else if (tech.behindBy && ISO_DURATION.test(tech.behindBy)) out.push({ key: 'tech.status.behind-uncounted', params: { behind: tech.behindBy } });
  if (tech.notJudged === 'newer-than-kb') out.push({ key: kbDate ? 'tech.status.newer-than-kb' : 'tech.status.newer-than-kb-undated', params: { date: kbDate ?? '' } });
  if (tech.notJudged === 'no-release-dates') out.push({ key: 'tech.status.no-release-dates', params: {} });
  if (tech.notJudged === 'partial-version' || tech.notJudged === 'version-unknown') out.push({ key: 'tech.status.version-unknown', params: {} });
  if (tech.notJudged === 'version-hint') out.push({ key: 'tech.status.version-hint', params: { version: tech.version ?? '' } });
  if (tech.versionFrom === 'readme' || tech.versionFrom === 'style') out.push({ key: 'tech.status.version-file', params: { file: tech.versionFrom === 'readme' ? 'readme.txt' : 'style.css' } });
  if (tech.updateTo) out.push(tech.updateTo.date ? { key: 'tech.status.update', params: { version: tech.updateTo.version, date: tech.updateTo.date } } : { key: 'tech.status.update-undated', params: { version: tech.updateTo.version } });
  else if (tech.latest && !tech.notJudged && tech.version) out.push({ key: 'tech.status.latest', params: { version: tech.latest } });
  if (tech.upstreamAssumed) out.push(tech.upstreamAssumed.distribution ? { key: 'tech.status.upstream-distribution', params: { distribution: tech.upstreamAssumed.distribution } } : { key: 'tech.status.upstream', params: {} });
  return out;
}

/** The maintenance surface in words: "32 components to keep up to date: 1 CMS, 24 plugins, …". */
export function surfaceMessages(surface: NonNullable<import('../audit/schema').Diagnosis['surface']>): StatusMessage[] {
  if (!surface.total) return [];
  const kinds = (['cms', 'shop', 'plugin', 'theme', 'framework', 'library', 'server', 'language'] as const).filter((k) => surface.byKind[k]);
  return [
    { key: 'surface.total', params: {}, count: surface.total },
    ...kinds.map((k) => ({ key: `surface.kind.${k}`, params: {}, count: surface.byKind[k]! })),
    { key: 'surface.state', params: { behind: surface.behind, unsupported: surface.unsupported, vulnerable: surface.vulnerable } },
  ];
}

/** Days the knowledge base is older than the audit; its facts are said to be old beyond KB_STALE_DAYS. */
export const KB_STALE_DAYS = 90;

export function knowledgeBaseAge(audit: { startedAt: string; knowledgeBase?: { date: string } }): { date: string; days: number; stale: boolean } | null {
  if (!audit.knowledgeBase) return null;
  const days = Math.floor((Date.parse(audit.startedAt) - Date.parse(`${audit.knowledgeBase.date}T00:00:00Z`)) / 86_400_000);
  return { date: audit.knowledgeBase.date, days, stale: days > KB_STALE_DAYS };
}

/** The sentence about the knowledge base's date, and whether it warns. */
export function knowledgeBaseMessage(audit: { startedAt: string; knowledgeBase?: { date: string } }): StatusMessage | null {
  const age = knowledgeBaseAge(audit);
  if (!age) return null;
  return age.stale ? { key: 'kb.stale', params: { date: age.date, days: age.days } } : { key: 'kb.date', params: { date: age.date } };
}

/** Where a component was seen, in words: "Response header Server", "Script address https://…". */
const SOURCE_KINDS = ['header', 'global', 'script-url', 'stylesheet-url', 'resource-url', 'script-file', 'cookie', 'readme', 'style', 'query-hint', 'extension-url'] as const;

export function sourceMessage(source: string): StatusMessage {
  if (source === 'meta-generator') return { key: 'tech.source.meta-generator', params: {} };
  const at = source.indexOf(':');
  const kind = at > 0 ? source.slice(0, at) : '';
  // A redacted query string says nothing to a reader: the address is shown without it.
  const value = source.slice(at + 1).replace(/\?\[redacted\]$/, '');
  // Header names as people write them: "X-Powered-By", not "x-powered-by".
  if (kind === 'header') return { key: 'tech.source.header', params: { value: value.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase()) } };
  if ((SOURCE_KINDS as readonly string[]).includes(kind)) return { key: `tech.source.${kind}`, params: { value } };
  return { key: 'tech.source.other', params: { value: source } };
}

/**
 * An evidence item for people: "Where a component was seen" items (`evidence.components.source`,
 * whose value is a source key such as `script-url:https://…`) get the kind of source as their label
 * and the address or name alone as their value; other items are returned as they are.
 */
export function evidenceForPeople(item: { label: string; value: string }): { label: string; value: string } {
  if (item.label !== 'evidence.components.source') return { label: item.label, value: withoutMarkers(item.value) };
  // The tag itself is the evidence (its content is the version already named): a label, no value.
  if (item.value === 'meta-generator') return { label: 'tech.source.meta-generator', value: '' };
  const m = sourceMessage(item.value);
  if (m.key === 'tech.source.other') return { label: item.label, value: withoutMarkers(item.value) };
  return { label: m.key.replace('tech.source.', 'tech.source-kind.'), value: withoutMarkers(String(m.params.value ?? '')) };
}

/**
 * What a person reads of a redacted value: an address loses its hidden query string entirely
 * ("…/a.js?[redacted]" → "…/a.js"), a hidden secret elsewhere shows as "•••". The audit JSON keeps
 * the "[redacted]" marker for machines.
 */
export function withoutMarkers(value: string): string {
  return value.replace(/([?#])\[redacted\](?=$|[\s,;)])/g, '').replace(/\[redacted\]/g, '•••');
}
