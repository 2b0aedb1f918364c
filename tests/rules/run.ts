import type { Evidence } from '../../lib/evidence/schema';
import { getRule } from '../../lib/rules/registry';
import type { RuleHit } from '../../lib/rules/types';
import { ruleContext } from '../support/kb';

export const NOW = new Date('2026-11-28T12:00:00Z');

/** Runs one rule as the audit does: skipped (null) when a required evidence part is missing. */
export function run(id: string, evidence: Evidence, now = NOW): RuleHit[] | null {
  const rule = getRule(id);
  if (!rule) throw new Error(`No rule ${id}`);
  if (rule.requires.some((part) => evidence[part] === null)) return null;
  return rule.check(evidence, ruleContext(now));
}

export const fires = (id: string, evidence: Evidence) => (run(id, evidence) ?? []).length > 0;
export const subjects = (id: string, evidence: Evidence) => (run(id, evidence) ?? []).map((h) => h.subject);
