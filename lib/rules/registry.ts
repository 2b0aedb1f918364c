/** Every rule Vigie runs, by family. A new family file is added here (see docs/adding-a-rule.md). */
import { componentRules } from './components';
import { disclosureRules } from './disclosure';
import { headerRules } from './headers';
import { transportRules } from './transport';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [...transportRules, ...headerRules, ...disclosureRules, ...componentRules];

export function getRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
