import type { Evidence } from '../evidence/schema';
import type { Dimension, EvidenceItem, Family, PointId, Priority, Severity } from '../audit/schema';
import type { Locale, MessageParams } from '../i18n';
import type { KnowledgeBase } from '../kb/knowledge';

/** What a rule knows besides the evidence: the audit's date (never the clock) and the knowledge base. */
export interface RuleContext {
  now: Date;
  /** The knowledge base the components are judged with (lib/kb/knowledge.ts). */
  kb: KnowledgeBase;
  /** The audit's language, for the few texts written into the technologies (advisory summaries). */
  locale?: Locale;
}

/** One occurrence of a rule: the rule fires once per subject (a library, a cookie, a header) or once. */
export interface RuleHit {
  subject?: string;
  params?: MessageParams;
  evidence: EvidenceItem[];
  /** Overrides for hits whose weight depends on the evidence (e.g. the worst advisory). */
  severity?: Severity;
  priority?: Priority;
}

/**
 * A rule is pure: evidence in, hits out. Its user strings are `rule.<id>.title`, `.explain` and `.fix`
 * in the catalogues, rendered with the hit's params.
 */
export interface Rule {
  id: string;
  family: Family;
  severity: Severity;
  priority: Priority;
  dimension: Dimension;
  checklistPoint?: PointId;
  /** Evidence parts the rule reads; when one is missing the rule is skipped (the collector said why). */
  requires: readonly (keyof Omit<Evidence, 'url'>)[];
  check: (evidence: Evidence, ctx: RuleContext) => RuleHit[];
}

export function defineRules(rules: Rule[]): Rule[] {
  return rules;
}
