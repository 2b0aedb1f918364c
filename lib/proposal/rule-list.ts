/** The options page's per-rule scope lists: one check id per line, as text the agency types. */
import { MAX_SCOPE_RULES, RULE_ID, type ScopeClass } from '../settings/proposal';

export interface ParsedRuleList {
  ids: string[];
  /** Lines that are not check ids (shown back to the agency, never stored). */
  invalid: number;
}

export function parseRuleList(text: string): ParsedRuleList {
  const ids: string[] = [];
  let invalid = 0;
  for (const raw of text.slice(0, 50_000).split(/[\n,;]+/)) {
    const line = raw.trim();
    if (!line) continue;
    if (line.length <= 100 && RULE_ID.test(line)) {
      if (!ids.includes(line)) ids.push(line);
    } else invalid++;
  }
  return { ids, invalid };
}

/** Both lists as the stored record; a check listed in both counts as a separate quote. */
export function ruleChoices(quote: readonly string[], contract: readonly string[]): Record<string, ScopeClass> {
  const out: Record<string, ScopeClass> = {};
  for (const id of contract) out[id] = 'contract';
  for (const id of quote) out[id] = 'quote';
  return Object.fromEntries(Object.entries(out).slice(0, MAX_SCOPE_RULES));
}

export function ruleListText(rules: Readonly<Record<string, ScopeClass>>, scope: ScopeClass): string {
  return Object.entries(rules).filter(([, c]) => c === scope).map(([id]) => id).join('\n');
}
