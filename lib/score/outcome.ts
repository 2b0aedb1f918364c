import { MODIFIERS, NOT_MEASURED, PASSING } from './table';

export type TestName =
  | 'content-security-policy' | 'cookies' | 'cross-origin-resource-sharing' | 'redirection' | 'referrer-policy'
  | 'strict-transport-security' | 'subresource-integrity' | 'x-content-type-options' | 'x-frame-options'
  | 'cross-origin-resource-policy' | 'cross-origin-opener-policy' | 'cross-origin-embedder-policy';

export interface TestOutcome { test: TestName; result: string; modifier: number; pass?: boolean }

export function outcome(test: TestName, result: string): TestOutcome {
  if (result === NOT_MEASURED) return { test, result, modifier: 0 };
  return { test, result, modifier: MODIFIERS[result] ?? 0, pass: PASSING.has(result) };
}
