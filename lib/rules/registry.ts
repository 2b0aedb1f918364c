/** Every rule Vigie runs, by family. A new family file is added here (see docs/adding-a-rule.md). */
import { componentRules } from './components';
import { cookiesRules } from './cookies';
import { cspRules } from './csp';
import { disclosureRules } from './disclosure';
import { headerRules } from './headers';
import { mixedContentRules } from './mixed-content';
import { performanceRules } from './performance';
import { supervisionRules } from './supervision';
import { transportRules } from './transport';
import { wafRules } from './waf';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  ...transportRules,
  ...headerRules,
  ...cspRules,
  ...cookiesRules,
  ...disclosureRules,
  ...componentRules,
  ...mixedContentRules,
  ...wafRules,
  ...supervisionRules,
  ...performanceRules,
];

export function getRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
