/** Evidence + context → a complete, redacted Audit. Pure: ids, dates, settings and history are passed in. */
import { detectTechnologies } from '../components/detect';
import { diagnose, type ChecklistAnswers } from '../diagnosis';
import type { FirstSeen } from '../diagnosis/schedule';
import type { Evidence, NotMeasured } from '../evidence/schema';
import { detectInfrastructure } from '../hints';
import type { Locale } from '../i18n';
import { scoreEvidence } from '../score';
import type { Criticality, Settings } from '../settings/schema';
import type { KnowledgeBase } from '../kb/knowledge';
import { domainOf } from './domain';
import { evaluateRules } from './findings';
import { redactEvidence, redactTechnology, redactUrl } from './redact';
import { SCHEMA_VERSION, type Audit, type Technology } from './schema';

export interface BuildAuditInput {
  id: string;
  evidence: Evidence;
  notMeasured: NotMeasured[];
  startedAt: Date;
  durationMs: number;
  platform: Audit['platform'];
  locale: Locale;
  /** The knowledge base to judge the components with (loaded by the platform: lib/kb/knowledge.ts). */
  kb: KnowledgeBase;
  answers?: ChecklistAnswers;
  settings?: Settings;
  criticality?: Criticality;
  /** First-seen date of each finding id on this domain, from the stored audits. */
  firstSeen?: FirstSeen;
  onRuleError?: (ruleId: string, error: unknown) => void;
}

/** One entry per name: sources merged, the surest confidence kept, and a WAF hint outranks a CDN one. */
export function mergeTechnologies(...lists: Technology[][]): Technology[] {
  const out: Technology[] = [];
  for (const tech of lists.flat()) {
    const i = out.findIndex((k) => k.name === tech.name && (k.version === undefined || tech.version === undefined || k.version === tech.version));
    const known = out[i];
    if (!known) {
      out.push({ ...tech, sources: [...tech.sources] });
      continue;
    }
    out[i] = {
      ...known,
      category: known.category === 'cdn' && tech.category === 'waf' ? 'waf' : known.category,
      confidence: Math.max(known.confidence, tech.confidence),
      sources: [...new Set([...known.sources, ...tech.sources])].slice(0, 20),
      ...(known.version === undefined && tech.version !== undefined ? { version: tech.version } : {}),
    };
  }
  return out;
}

export function buildAudit(input: BuildAuditInput): Audit {
  const { evidence, startedAt } = input;
  const domain = domainOf(evidence.url);
  const ctx = { now: startedAt, kb: input.kb, locale: input.locale };
  const findings = evaluateRules(evidence, ctx, input.locale, undefined, input.onRuleError);
  const technologies = mergeTechnologies(detectTechnologies(evidence, ctx), detectInfrastructure(evidence)).map(redactTechnology);
  const result = diagnose({
    findings,
    technologies,
    answers: input.answers ?? {},
    now: startedAt,
    notMeasured: input.notMeasured,
    domain,
    ...(input.settings ? { settings: input.settings } : {}),
    ...(input.criticality ? { criticality: input.criticality } : {}),
    ...(input.firstSeen ? { firstSeen: input.firstSeen } : {}),
  });
  return {
    id: input.id,
    schemaVersion: SCHEMA_VERSION,
    url: redactUrl(evidence.url),
    domain,
    locale: input.locale,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    platform: input.platform,
    headerSource: evidence.headers?.source ?? 'none',
    score: scoreEvidence(evidence),
    findings: result.findings,
    technologies,
    signals: result.signals,
    checklist: result.checklist,
    diagnosis: result.diagnosis,
    notMeasured: input.notMeasured,
    knowledgeBase: { date: input.kb.date, sources: input.kb.sources.map((s) => ({ id: s.id, name: s.name, date: s.date })) },
    evidence: redactEvidence(evidence),
  };
}
