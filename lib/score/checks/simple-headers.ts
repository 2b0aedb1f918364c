/** The Observatory's single-header tests: X-Content-Type-Options, X-Frame-Options, Referrer-Policy, COOP, COEP, CORP. */
import type { Evidence } from '../../evidence/schema';
import { parseCoep, parseCoop, parseCorp } from '../../headers/cross-origin';
import { isPrivateReferrerPolicy, parseReferrerPolicy } from '../../headers/referrer-policy';
import { parseXFrameOptions } from '../../headers/x-frame-options';
import { NOT_MEASURED } from '../table';
import { outcome, type TestOutcome } from '../outcome';
import { metaValues, values } from '../read';
import { cspBlocksFraming } from './csp';

const joined = (list: string[]) => (list.length ? list.join(', ') : null);

export function xContentTypeOptionsTest(evidence: Evidence): TestOutcome {
  if (!evidence.headers) return outcome('x-content-type-options', NOT_MEASURED);
  const value = joined(values(evidence.headers, 'x-content-type-options'));
  if (value === null) return outcome('x-content-type-options', 'x-content-type-options-not-implemented');
  return outcome('x-content-type-options', value.trim().toLowerCase() === 'nosniff' ? 'x-content-type-options-nosniff' : 'x-content-type-options-header-invalid');
}

export function xFrameOptionsTest(evidence: Evidence): TestOutcome {
  if (!evidence.headers) return outcome('x-frame-options', NOT_MEASURED);
  if (cspBlocksFraming(evidence)) return outcome('x-frame-options', 'x-frame-options-implemented-via-csp');
  const value = joined(values(evidence.headers, 'x-frame-options'));
  if (value === null) return outcome('x-frame-options', 'x-frame-options-not-implemented');
  const parsed = parseXFrameOptions(value);
  const result = parsed === 'deny' || parsed === 'sameorigin' ? 'x-frame-options-sameorigin-or-deny'
    : parsed === 'allow-from' ? 'x-frame-options-allow-from-origin' : 'x-frame-options-header-invalid';
  return outcome('x-frame-options', result);
}

export function referrerPolicyTest(evidence: Evidence): TestOutcome {
  if (!evidence.headers) return outcome('referrer-policy', NOT_MEASURED);
  const all = [...values(evidence.headers, 'referrer-policy'), ...metaValues(evidence, 'referrer-policy')];
  if (!all.some((v) => v.trim() !== '')) return outcome('referrer-policy', 'referrer-policy-not-implemented');
  const { policy } = parseReferrerPolicy(all);
  if (policy === null) return outcome('referrer-policy', 'referrer-policy-header-invalid');
  return outcome('referrer-policy', isPrivateReferrerPolicy(policy) ? 'referrer-policy-private' : 'referrer-policy-unsafe');
}

function crossOriginTest(
  evidence: Evidence,
  test: 'cross-origin-opener-policy' | 'cross-origin-embedder-policy' | 'cross-origin-resource-policy',
  prefix: 'coop' | 'coep' | 'corp',
  parse: (v: string[]) => string | null,
): TestOutcome {
  if (!evidence.headers) return outcome(test, NOT_MEASURED);
  const list = values(evidence.headers, test);
  if (list.length === 0) return outcome(test, `${prefix}-not-implemented`);
  const policy = parse(list);
  return outcome(test, policy === null ? `${prefix}-header-invalid` : `${prefix}-implemented-with-${policy}`);
}

export const coopTest = (e: Evidence) => crossOriginTest(e, 'cross-origin-opener-policy', 'coop', parseCoop);
export const coepTest = (e: Evidence) => crossOriginTest(e, 'cross-origin-embedder-policy', 'coep', parseCoep);
export const corpTest = (e: Evidence) => crossOriginTest(e, 'cross-origin-resource-policy', 'corp', parseCorp);
