/**
 * Every header parser faces hostile input: it must never throw, and its time must grow at most
 * linearly with the input (checked as a growth ratio with a wide margin, never as a tight timing).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseCors } from '../../lib/headers/cors';
import { parseCoep, parseCoop, parseCorp } from '../../lib/headers/cross-origin';
import { evaluatePolicy, parsePolicy, splitPolicies } from '../../lib/headers/csp';
import { parseHsts } from '../../lib/headers/hsts';
import { parsePermissionsPolicy } from '../../lib/headers/permissions-policy';
import { parseReferrerPolicy } from '../../lib/headers/referrer-policy';
import { parseSetCookie } from '../../lib/headers/set-cookie';
import { checkScripts } from '../../lib/headers/sri';
import { parseXFrameOptions } from '../../lib/headers/x-frame-options';
import { recommendCsp } from '../../lib/fixes/csp';
import { scoreEvidence } from '../../lib/score';
import { classifyCsp } from '../../lib/score/checks/csp';
import { evidence } from '../fixtures/headers/build';
import { expectLinear, fill, growthOn } from '../support/growth';

const PARSERS: Record<string, (input: string) => unknown> = {
  hsts: parseHsts,
  referrer: (s) => parseReferrerPolicy([s, s]),
  xfo: parseXFrameOptions,
  coop: (s) => parseCoop([s]),
  coep: (s) => parseCoep([s]),
  corp: (s) => parseCorp([s]),
  setCookie: parseSetCookie,
  cors: (s) => analyseCors([s], [s], s),
  permissions: parsePermissionsPolicy,
  cspSplit: (s) => splitPolicies([s]).map(parsePolicy),
  cspEvaluator: evaluatePolicy,
  cspScore: (s) => classifyCsp({ headerPolicies: splitPolicies([s]), metaPolicies: [s], emptyHeaderPolicy: false, reportOnly: false, https: true }),
  sri: (s) => checkScripts('https://a.example/', [{ src: s, integrity: s, crossOrigin: s }]),
};

/** Characters that matter to these grammars, so random strings reach the interesting branches. */
const headerish = fc.string({
  unit: fc.constantFrom(...";,= \t\"'()*:/.-_abcdefghijklmnopqrstuvwxyzABC0123456789\\\r\n\u00e9\u0000".split('')),
  maxLength: 400,
});

describe('header parsers never throw', () => {
  for (const [name, parse] of Object.entries(PARSERS)) {
    it(`${name} accepts any string`, () => {
      fc.assert(fc.property(fc.oneof(headerish, fc.string({ unit: 'binary', maxLength: 300 })), (input) => {
        parse(input);
      }), { numRuns: 300 });
    });
  }

  it('the whole score and the CSP proposal accept arbitrary header pairs', () => {
    const pair = fc.tuple(fc.constantFrom('content-security-policy', 'strict-transport-security', 'set-cookie', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy', 'permissions-policy', 'access-control-allow-origin'), headerish);
    fc.assert(fc.property(fc.array(pair, { maxLength: 8 }), headerish, (headers, src) => {
      const e = evidence({ headers, page: { scripts: [{ src }], metaHttpEquiv: [{ name: 'Content-Security-Policy', content: src }] } });
      const score = scoreEvidence(e);
      expect(score.value).toBeGreaterThanOrEqual(0);
      recommendCsp(e.page!);
    }), { numRuns: 150 });
  });
});

/** Inputs built to stress each grammar: many separators, repeated directives, long tokens. */
const UNITS: Record<string, string> = {
  hsts: 'max-age=1; ',
  referrer: 'no-referrer, x, ',
  xfo: 'a',
  coop: 'same-origin;a=1;',
  coep: 'require-corp;b;',
  corp: 's',
  setCookie: 'a=b; Secure; ',
  cors: '*',
  permissions: 'camera=(self), ',
  cspSplit: "script-src 'self' a.example; ",
  cspEvaluator: "script-src 'self' https://a.example/x; ",
  cspScore: "img-src 'self' https://b.example; ",
  sri: 'a',
};

describe('parse time grows at most linearly', () => {
  for (const [name, parse] of Object.entries(PARSERS)) {
    it(`${name}`, () => {
      // Eight times the input: linear is ~8x, quadratic ~64x (tests/support/growth.ts).
      expectLinear(growthOn((n) => fill(UNITS[name]!, n), parse, 400, 8), name);
    });
  }
});
