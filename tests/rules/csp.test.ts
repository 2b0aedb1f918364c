import { describe, expect, it } from 'vitest';
import { evidence, STRONG_HEADERS } from '../fixtures/headers/build';
import { fires, run, subjects } from './run';

const csp = (...values: string[]) => evidence({ headers: values.map((v): [string, string] => ['Content-Security-Policy', v]) });
const meta = (content: string) => evidence({ page: { metaHttpEquiv: [{ name: 'Content-Security-Policy', content }] } });

describe('csp.missing and csp.report-only', () => {
  it('missing fires without any policy, report-only when only that header is sent', () => {
    expect(fires('csp.missing', evidence())).toBe(true);
    const ro = evidence({ headers: [['Content-Security-Policy-Report-Only', "default-src 'self'"]] });
    expect(fires('csp.missing', ro)).toBe(false);
    expect(fires('csp.report-only', ro)).toBe(true);
  });
  it('a <meta http-equiv> policy counts as a policy', () => {
    expect(fires('csp.missing', meta("default-src 'self'"))).toBe(false);
  });
});

describe('weaknesses found by CSP Evaluator', () => {
  it('unsafe-inline without nonce or hash', () => {
    expect(fires('csp.unsafe-inline', csp("script-src 'self' 'unsafe-inline'; object-src 'none'"))).toBe(true);
    expect(fires('csp.unsafe-inline', csp("script-src 'self' 'unsafe-inline' 'sha256-B2yPHKaXnvFWtRChIbabYmUBFZdVfKKXHbWtWidDVF8='; object-src 'none'"))).toBe(false);
  });
  it('unsafe-inline in a meta policy too', () => {
    expect(fires('csp.unsafe-inline', meta("script-src 'unsafe-inline'"))).toBe(true);
  });
  it('unsafe-eval', () => {
    expect(fires('csp.unsafe-eval', csp("script-src 'self' 'unsafe-eval'; object-src 'none'"))).toBe(true);
  });
  it('broad sources, one finding per directive', () => {
    expect(subjects('csp.broad-source', csp("script-src https: *; object-src *"))).toEqual(['script-src', 'object-src']);
  });
  it('missing object-src, and base-uri once nonces are used', () => {
    expect(fires('csp.object-src-missing', csp("script-src 'self'"))).toBe(true);
    expect(fires('csp.base-uri-missing', csp("script-src 'nonce-Zm9vYmFyYmF6cXV4'; object-src 'none'"))).toBe(true);
  });
  it("'strict-dynamic' without a nonce", () => {
    expect(fires('csp.strict-dynamic-without-nonce', csp("script-src 'strict-dynamic'; object-src 'none'"))).toBe(true);
  });
  it('misspelt directives', () => {
    expect(run('csp.syntax', csp("default-src 'self'; scirpt-src 'self'"))![0]!.params).toMatchObject({ directive: 'scirpt-src' });
  });
  it('nothing to report on a strict nonce-based policy', () => {
    const strong = evidence({ headers: STRONG_HEADERS });
    for (const id of ['csp.unsafe-inline', 'csp.unsafe-eval', 'csp.broad-source', 'csp.object-src-missing', 'csp.base-uri-missing', 'csp.strict-dynamic-without-nonce', 'csp.syntax', 'csp.missing']) {
      expect(fires(id, strong), id).toBe(false);
    }
  });
  it('with two policies, a weakness counts only if both have it', () => {
    expect(fires('csp.unsafe-inline', csp("script-src 'unsafe-inline'; object-src 'none'", "script-src 'self'; object-src 'none'"))).toBe(false);
    expect(fires('csp.unsafe-inline', csp("script-src 'unsafe-inline'; object-src 'none', script-src 'unsafe-inline' 'self'; object-src 'none'"))).toBe(true);
  });
});

describe('policy structure', () => {
  it('repeated directives', () => {
    expect(run('csp.duplicate-directive', csp("default-src 'none'; img-src 'self'; DEFAULT-SRC 'self'"))![0]!.params).toEqual({ directive: 'default-src' });
  });
  it('directives a meta policy cannot carry', () => {
    expect(run('csp.meta-ignored-directive', meta("default-src 'self'; frame-ancestors 'none'; report-uri /r"))![0]!.params).toEqual({ directive: 'frame-ancestors, report-uri' });
    expect(fires('csp.meta-ignored-directive', csp("frame-ancestors 'none'"))).toBe(false);
  });
  it('survives a very long policy and keeps its evidence within the Audit limits', () => {
    const long = `script-src 'unsafe-inline'; img-src ${Array.from({ length: 700 }, (_, i) => `https://h${i}.example`).join(' ')}`;
    expect(long.length).toBeGreaterThan(14_000);
    expect(fires('csp.missing', csp(long))).toBe(false);
    const [hit] = run('csp.unsafe-inline', csp(long))!;
    expect(hit!.evidence[0]!.value.length).toBeLessThanOrEqual(4100);
  });
});
