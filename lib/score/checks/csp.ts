/**
 * The Observatory's CSP test, re-implemented from its published results: the policies in force
 * (headers and <meta http-equiv>) are merged, then judged on script, object and style sources.
 * The detailed findings shown to the user come from CSP Evaluator (lib/headers/csp.ts), not from here.
 */
import type { Evidence } from '../../evidence/schema';
import { META_IGNORED_DIRECTIVES, parsePolicy, splitPolicies, type ParsedPolicy } from '../../headers/csp';
import { NOT_MEASURED } from '../table';
import { outcome, type TestOutcome } from '../outcome';
import { isHttpsUrl, metaValues, values } from '../read';

const BROAD = new Set(['ftp:', 'http:', 'https:', '*', 'http://*', 'http://*.*', 'https://*', 'https://*.*']);
const INLINE = new Set(["'unsafe-inline'", 'data:']);
const PASSIVE = ['img-src', 'media-src'];
/** Shorter than the shortest meaningful policy ("img-src" less one character): not a policy. */
const MIN_POLICY_LENGTH = 6;

export type SourceMap = Map<string, Set<string>>;

const hasNonceOrHash = (sources: Set<string>) =>
  [...sources].some((s) => /^'(nonce-|sha256-|sha384-|sha512-)/.test(s));

/** Lowercased source sets of one policy; throws on what the Observatory treats as unreadable. */
function toSourceMap(policy: ParsedPolicy, text: string): SourceMap {
  if (text.length < MIN_POLICY_LENGTH) throw new Error('too short');
  const repeated = policy.duplicates.filter((d) => d !== 'report-uri' && d !== 'report-to');
  if (repeated.length) throw new Error('duplicate directive');
  const map: SourceMap = new Map();
  for (const [name, sources] of policy.directives) {
    const list = sources.map((s) => s.toLowerCase());
    map.set(name, new Set(list.length === 0 && name.endsWith('-src') ? ["'none'"] : list));
  }
  return map;
}

/**
 * Several policies are all enforced: a source counts only if every policy naming that directive
 * allows it. An emptied source list becomes 'none'.
 */
export function mergePolicies(maps: SourceMap[]): SourceMap {
  const merged: SourceMap = new Map();
  for (const map of maps) {
    for (const [name, sources] of map) {
      const prev = merged.get(name);
      merged.set(name, prev ? new Set([...prev].filter((s) => sources.has(s))) : new Set(sources));
    }
  }
  for (const [name, sources] of merged) if (sources.size === 0) merged.set(name, new Set(["'none'"]));
  return merged;
}

export interface CspInputs {
  headerPolicies: string[];
  metaPolicies: string[];
  /** A Content-Security-Policy header that is empty or holds an empty policy ("a, "): a broken configuration. */
  emptyHeaderPolicy: boolean;
  reportOnly: boolean;
  https: boolean;
}

export function cspInputs(evidence: Evidence): CspInputs {
  const headerValues = values(evidence.headers, 'content-security-policy');
  return {
    headerPolicies: splitPolicies(headerValues),
    emptyHeaderPolicy: headerValues.some((v) => v.split(',').some((p) => p.trim() === '')),
    metaPolicies: splitPolicies(metaValues(evidence, 'content-security-policy')),
    reportOnly: values(evidence.headers, 'content-security-policy-report-only').some((v) => v.trim() !== ''),
    https: isHttpsUrl(evidence.headers?.url ?? evidence.page?.url ?? evidence.url),
  };
}

/** The merged enforced policy, or 'invalid', or null when there is none. Header-only form for frame-ancestors. */
export function enforcedPolicy(inputs: CspInputs): { all: SourceMap; headerOnly: SourceMap } | 'invalid' | null {
  let header: SourceMap[];
  let meta: SourceMap[];
  if (inputs.emptyHeaderPolicy) return 'invalid';
  try {
    header = inputs.headerPolicies.map((t) => toSourceMap(parsePolicy(t), t));
    meta = inputs.metaPolicies.map((t) => {
      const map = toSourceMap(parsePolicy(t), t);
      for (const d of META_IGNORED_DIRECTIVES) map.delete(d);
      return map;
    });
  } catch {
    return 'invalid';
  }
  const all = mergePolicies([...header, ...meta]);
  if (all.size === 0) return null;
  return { all, headerOnly: mergePolicies(header) };
}

export function classifyCsp(inputs: CspInputs): string {
  const policy = enforcedPolicy(inputs);
  if (policy === 'invalid') return 'csp-header-invalid';
  if (policy === null) return inputs.reportOnly ? 'csp-not-implemented-but-reporting-enabled' : 'csp-not-implemented';
  const csp = policy.all;
  const pick = (name: string) => new Set(csp.get(name) ?? csp.get('default-src') ?? ['*']);
  const script = pick('script-src');
  const object = pick('object-src');
  const style = pick('style-src');

  for (const list of [script, style]) if (hasNonceOrHash(list)) list.delete("'unsafe-inline'");
  if (script.has("'strict-dynamic'")) {
    if (!hasNonceOrHash(script)) return 'csp-header-invalid';
    for (const s of [...script]) {
      if ([...BROAD].some((b) => s.startsWith(b)) || s === "'self'" || s === "'unsafe-inline'") script.delete(s);
    }
  }

  const active = [...csp].filter(([name]) => !PASSIVE.includes(name) && name !== 'script-src').flatMap(([, s]) => [...s]);
  active.push(...script);
  const passive = PASSIVE.flatMap((name) => [...(csp.get(name) ?? csp.get('default-src') ?? [])]);
  const insecure = (s: string) => s.startsWith('http:') || s.startsWith('ftp:');

  if ([...script].some((s) => BROAD.has(s) || INLINE.has(s)) || [...object].some((s) => BROAD.has(s))) {
    return 'csp-implemented-with-unsafe-inline';
  }
  if (inputs.https && active.some(insecure)) return 'csp-implemented-with-insecure-scheme';
  if (script.has("'unsafe-eval'") || style.has("'unsafe-eval'")) return 'csp-implemented-with-unsafe-eval';
  if (inputs.https && passive.some(insecure)) return 'csp-implemented-with-insecure-scheme-in-passive-content-only';
  if ([...style].some((s) => BROAD.has(s) || INLINE.has(s))) return 'csp-implemented-with-unsafe-inline-in-style-src-only';
  const defaultSrc = csp.get('default-src');
  if (defaultSrc && defaultSrc.size === 1 && defaultSrc.has("'none'")) return 'csp-implemented-with-no-unsafe-default-src-none';
  return 'csp-implemented-with-no-unsafe';
}

export function cspTest(evidence: Evidence): TestOutcome {
  if (!evidence.headers) return outcome('content-security-policy', NOT_MEASURED);
  return outcome('content-security-policy', classifyCsp(cspInputs(evidence)));
}

/** Whether the header policy restricts framing (frame-ancestors present and not open to all). */
export function cspBlocksFraming(evidence: Evidence): boolean {
  const policy = enforcedPolicy(cspInputs(evidence));
  if (policy === null || policy === 'invalid') return false;
  const ancestors = policy.headerOnly.get('frame-ancestors');
  return ancestors !== undefined && ![...ancestors].some((s) => BROAD.has(s));
}
