import { describe, expect, it } from 'vitest';
import { Score } from '../../lib/audit/schema';
import { runTests, scoreEvidence, scoreTests, type TestOutcome } from '../../lib/score';
import { gradeFor } from '../../lib/score/grade';
import { MODIFIERS, PASSING } from '../../lib/score/table';
import { cookie, evidence, STRONG_HEADERS, WEAK_HEADERS } from '../fixtures/headers/build';
import { SCORE_CASES } from '../fixtures/headers/observatory-cases';

const t = (modifier: number): TestOutcome => ({ test: 'cookies', result: 'x', modifier, pass: modifier >= 0 });

describe('the Observatory model', () => {
  it('starts at 100 and applies penalties', () => {
    expect(scoreTests([t(-20), t(-5), t(0)])).toBe(75);
  });
  it('grants bonuses only when the penalties leave at least 90', () => {
    expect(scoreTests([t(-10), t(5), t(10)])).toBe(105);
    expect(scoreTests([t(-15), t(5), t(10)])).toBe(85);
  });
  it('can exceed 100 and never goes below 0', () => {
    expect(scoreTests([t(10), t(5), t(5), t(5)])).toBe(125);
    expect(scoreTests([t(-50), t(-40), t(-25)])).toBe(0);
  });
  it('uses the grade table', () => {
    expect([0, 24, 25, 29, 30, 40, 45, 50, 60, 65, 70, 75, 80, 85, 90, 99, 100, 135].map(gradeFor)).toEqual(
      ['F', 'F', 'D-', 'D-', 'D', 'D+', 'C-', 'C', 'C+', 'B-', 'B', 'B', 'B+', 'A-', 'A', 'A', 'A+', 'A+'],
    );
  });
  it('has a modifier for every passing result', () => {
    for (const result of PASSING) expect(MODIFIERS[result], result).toBeDefined();
  });
});

describe('result names on hand-made Observatory-style cases', () => {
  for (const c of SCORE_CASES) {
    it(`${c.test}: ${c.name}`, () => {
      const outcome = runTests(c.evidence).find((o) => o.test === c.test)!;
      expect(outcome.result).toBe(c.result);
      expect(outcome.pass).toBe(c.pass);
      expect(outcome.modifier).toBe(MODIFIERS[c.result]);
    });
  }
});

describe('scoreEvidence', () => {
  it('returns twelve tests that fit the Audit schema', () => {
    const score = scoreEvidence(evidence({ headers: STRONG_HEADERS }));
    expect(Score.parse(score)).toEqual(score);
    expect(score.tests.map((x) => x.test)).toHaveLength(12);
  });

  it('grades a hardened site A+ above 100', () => {
    const e = evidence({
      headers: STRONG_HEADERS,
      cookies: { source: 'cookies-api', items: [cookie('__Host-session')], setCookieHeaders: [] },
      httpVariant: { url: 'http://shop.example.fr/', outcome: 'redirected-to-https', finalUrl: 'https://shop.example.fr/', hops: [] },
      page: { scripts: [{ src: 'https://shop.example.fr/app.js', integrity: 'sha384-abc' }] },
    });
    // default-src 'none' +10, cookies +5, referrer +5, SRI +5, frame-ancestors +5, CORP same-origin +10
    expect(scoreEvidence(e)).toMatchObject({ value: 140, grade: 'A+' });
  });

  it('grades a default Apache + PHP install F', () => {
    const e = evidence({
      url: 'https://old.example.fr/',
      headers: WEAK_HEADERS,
      cookies: { source: 'set-cookie', items: [], setCookieHeaders: ['PHPSESSID=abc123; path=/'] },
      httpVariant: { url: 'http://old.example.fr/', outcome: 'no-redirect', hops: [] },
      page: { scripts: [{ src: 'https://code.jquery.com/jquery-1.12.4.min.js' }] },
    });
    const score = scoreEvidence(e);
    // CSP -25, cookies -40, redirection -20, HSTS -20, SRI -5, XCTO -5, XFO -20
    expect(score).toMatchObject({ value: 0, grade: 'F' });
    expect(score.tests.find((x) => x.test === 'cookies')!.result).toBe('cookies-session-without-secure-flag');
  });

  it('reproduces a capture like mozilla.org: B, 75', () => {
    const e = evidence({
      url: 'https://www.mozilla.example/',
      headers: [
        ['content-type', 'text/html; charset=utf-8'],
        ['content-security-policy', "default-src 'self' *.mozilla.example; script-src 'self' 'unsafe-eval' 'unsafe-inline' www.googletagmanager.com; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"],
        ['strict-transport-security', 'max-age=31536000'],
        ['x-content-type-options', 'nosniff'],
        ['referrer-policy', 'strict-origin-when-cross-origin'],
        ['cross-origin-opener-policy', 'same-origin'],
      ],
      cookies: { source: 'cookies-api', items: [], setCookieHeaders: [] },
      httpVariant: { url: 'http://mozilla.example/', outcome: 'redirected-to-https', finalUrl: 'https://www.mozilla.example/', hops: [{ url: 'http://mozilla.example/', status: 302 }, { url: 'https://mozilla.example/', status: 301 }, { url: 'https://www.mozilla.example/', status: 200 }] },
      page: { scripts: [{ src: 'https://www.mozilla.example/media/js/site.js' }, { src: 'https://www.googletagmanager.com/gtm.js' }] },
    });
    // CSP unsafe-inline -20, SRI -5; the +5 bonuses are lost below 90.
    expect(scoreEvidence(e)).toMatchObject({ value: 75, grade: 'B' });
  });

  it('marks tests without their evidence as not measured, worth nothing', () => {
    const score = scoreEvidence(evidence({ headers: html() }));
    const byTest = Object.fromEntries(score.tests.map((x) => [x.test, x]));
    expect(byTest.cookies).toEqual({ test: 'cookies', result: 'not-measured', modifier: 0 });
    expect(byTest.redirection!.result).toBe('not-measured');
  });

  it('measures no header test when the headers could not be read', () => {
    const score = scoreEvidence(evidence({ headers: null }));
    const headerTests = score.tests.filter((x) => !['cookies', 'redirection', 'subresource-integrity'].includes(x.test));
    expect(headerTests.map((x) => x.result)).toEqual(Array(9).fill('not-measured'));
  });

  it('judges the redirect from the outcome alone when hops are unknown (browser)', () => {
    const variant = (outcome: 'redirected-to-https' | 'redirected-elsewhere' | 'no-redirect', finalUrl: string) =>
      runTests(evidence({ httpVariant: { url: 'http://example.fr/', outcome, finalUrl, hops: [] } })).find((x) => x.test === 'redirection')!.result;
    expect(variant('redirected-to-https', 'https://www.example.fr/')).toBe('redirection-to-https');
    expect(variant('redirected-elsewhere', 'https://other.example/')).toBe('redirection-off-host-from-http');
    expect(variant('redirected-elsewhere', 'http://www.example.fr/')).toBe('redirection-not-to-https');
    expect(variant('no-redirect', 'http://example.fr/')).toBe('redirection-missing');
  });

  it('still catches a session cookie readable by scripts without the cookies permission', () => {
    const score = scoreEvidence(evidence({ page: { documentCookieNames: ['PHPSESSID'] } }));
    expect(score.tests.find((x) => x.test === 'cookies')).toMatchObject({ result: 'cookies-session-without-httponly-flag', modifier: -30 });
  });
});

function html(): [string, string][] {
  return [['content-type', 'text/html']];
}
